/**
 * The benchmark's build measurements (scripts/bench.ts): a scratch project for a synthetic
 * corpus, `npm run build`'s script run on it as a child process with the resident memory of its
 * whole process tree sampled every 100 ms and its stage log read, and the size of what it wrote.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../core/paths';
import { exitCode, spawnScript } from '../publish/site';
import { listFiles } from '../core/files';

export interface StageResult { stage: string; ms: number; cpuMs: number; peakMB: number }

/** A file of /proc, or '' when its process or thread has ended. */
function procFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Resident memory of a process and its descendants, from /proc: only the tree is read (each
 * process's `status`, and the `children` of each of its threads), synchronously. Reading every
 * process on the machine, asynchronously, ten times a second took about a quarter of a core of
 * this 2-core machine away from the build it measured (docs/benchmark.md).
 */
export function treeRssKB(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += Number(/VmRSS:\s+(\d+)/u.exec(procFile(`/proc/${p}/status`))?.[1] ?? 0);
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      // The process ended while we looked.
    }
    for (const task of tasks) for (const child of procFile(`/proc/${p}/task/${task}/children`).split(' ')) if (child.trim()) stack.push(Number(child));
  }
  return total;
}

interface Sample { t: number; kb: number }

/** The build of a synthetic corpus stopped; the message carries its located errors. */
export class SyntheticBuildFailed extends Error {}

/** A line of the build's output that is a located diagnostic (scripts/lib/core/diagnostics.ts, formatDiagnostic). */
const DIAGNOSTIC = /^\S.*: (?:error|warning): .* \[[a-z0-9-]+\]$/u;

/** Passes a child's output through to ours and keeps its located diagnostics. */
function collectDiagnostics(from: NodeJS.ReadableStream, to: NodeJS.WritableStream, found: string[]): void {
  let rest = '';
  from.setEncoding('utf8');
  from.on('data', (chunk: string) => {
    to.write(chunk);
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    found.push(...lines.filter((l) => DIAGNOSTIC.test(l)));
  });
  from.on('end', () => {
    if (DIAGNOSTIC.test(rest)) found.push(rest);
  });
}

/**
 * Runs `npm run build`'s script on a project, as a child process, and samples the resident
 * memory of its whole process tree (the content process, Astro, Pagefind) every 100 ms.
 * Stage times come from the build's own stage log (MEKONG_STAGE_LOG). A failed build throws
 * with its located errors; the warnings of a build that passed are returned.
 */
export async function measuredBuild(root: string, scale: number): Promise<{ stages: StageResult[]; totalMs: number; peakMB: number; warnings: string[] }> {
  const log = path.join(root, 'stages.jsonl');
  await rm(log, { force: true });
  const samples: Sample[] = [];
  const diagnostics: string[] = [];
  const start = performance.now();
  // Started as npm run build starts it (no npx or tsx launcher holding memory beside it).
  const child = spawnScript(path.join(ROOT, 'scripts', 'build.ts'), ['--root', root], {
    cwd: root,
    env: { ...process.env, MEKONG_STAGE_LOG: log, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  collectDiagnostics(child.stdout!, process.stdout, diagnostics);
  collectDiagnostics(child.stderr!, process.stderr, diagnostics);
  const timer = setInterval(() => samples.push({ t: Date.now(), kb: treeRssKB(child.pid!) }), 100);
  const code = await exitCode(child);
  clearInterval(timer);
  const totalMs = Math.round(performance.now() - start);
  if (code !== 0) {
    const errors = diagnostics.filter((d) => d.includes(': error: '));
    throw new SyntheticBuildFailed(`the build of the ${scale}× synthetic corpus failed (exit ${code}); its project is kept in ${root}${errors.length ? `. ${errors.length} located error(s):\n${errors.join('\n')}` : ''}`);
  }
  const entries = (await readFile(log, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { stage: string; start: number; end: number; cpu: number });
  // A stage's samples, and the last one before it (a stage shorter than the interval may have none).
  const peakIn = (from: number, to: number) => {
    const before = samples.filter((s) => s.t < from).at(-1);
    const during = samples.filter((s) => s.t >= from && s.t <= to);
    return Math.round(Math.max(0, ...[...(before ? [before] : []), ...during].map((s) => s.kb)) / 1024);
  };
  const stages = entries.map((e) => ({ stage: e.stage, ms: Math.round(e.end - e.start), cpuMs: e.cpu, peakMB: peakIn(e.start, e.end) }));
  return { stages, totalMs, peakMB: Math.round(Math.max(0, ...samples.map((s) => s.kb)) / 1024), warnings: diagnostics.filter((d) => d.includes(': warning: ')) };
}

export async function dirSize(dir: string): Promise<{ bytes: number; pages: number }> {
  let bytes = 0;
  let pages = 0;
  for (const f of listFiles(dir)) {
    bytes += (await stat(f)).size;
    if (f.endsWith('.html')) pages++;
  }
  return { bytes, pages };
}

/**
 * A throw-away project: the site code copied (so Vite resolves it there), and a
 * node_modules folder of links to this project's packages. It is a folder of its own so
 * that Astro's and Vite's caches in it (node_modules/.astro, node_modules/.vite) belong to
 * the scratch project, not to this one.
 */
export async function scratchProject(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'mekong-bench-'));
  for (const entry of ['scripts', 'src', 'public', 'server', 'astro.config.mjs', 'package.json', 'tsconfig.json']) await cp(path.join(ROOT, entry), path.join(root, entry), { recursive: true });
  await mkdir(path.join(root, 'node_modules'));
  for (const entry of await readdir(path.join(ROOT, 'node_modules'))) {
    if (!CACHES.includes(entry)) await symlink(path.join(ROOT, 'node_modules', entry), path.join(root, 'node_modules', entry));
  }
  return root;
}

/** What a build leaves that could make the next one faster than a first build. */
export const CACHES = ['.astro', '.vite'];

/**
 * The report's tables of each stage's CPU time and peak memory, a row per scale (the times have
 * their own table, with the totals): markdown lines.
 */
export function stageTables(results: { scale: number; stages: StageResult[] }[]): string[] {
  if (results.length === 0) return [];
  const names = results[0]!.stages.map((s) => s.stage);
  const table = (cell: (s: StageResult) => string) => [
    `| scale | ${names.join(' | ')} |`,
    `|---|${names.map(() => '---').join('|')}|`,
    ...results.map((r) => `| ${r.scale}× | ${names.map((name) => { const s = r.stages.find((x) => x.stage === name); return s ? cell(s) : ''; }).join(' | ')} |`),
  ];
  return [
    "Each stage's CPU time (its processes' own, and their children's once they end), the least of the runs:",
    '',
    ...table((s) => `${(s.cpuMs / 1000).toFixed(1)} s`),
    '',
    "Each stage's peak memory (the build's whole process tree while the stage ran), the highest of the runs:",
    '',
    ...table((s) => `${s.peakMB} MB`),
  ];
}

/** Issue 23's targets at 100×: the whole build's time and peak memory, and each stage's growth from 10×. */
export const SCALE_TARGETS = { totalMs: 300_000, peakMB: 2048, growth: 11 } as const;

/** The middle value (the upper of the two middle ones for an even count). */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A figure's growth from 10× to 100×, as the report gives it (two decimals; a stage of 0 ms counts as 1). */
export const growth = (at10: number, at100: number) => Number(((at100 || 1) / (at10 || 1)).toFixed(2));

/**
 * The report's lines on issue 23's targets: each met or missed, and by how much (none unless the
 * run has both 10× and 100×). Why a figure is missed is in docs/benchmark.md, with the profiles.
 */
export function scaleTargets(results: { scale: number; totalMs: number; peakMB: number; stages: StageResult[] }[]): string[] {
  const r10 = results.find((r) => r.scale === 10);
  const r100 = results.find((r) => r.scale === 100);
  if (!r10 || !r100) return [];
  const t = SCALE_TARGETS;
  const over = r100.stages
    .map((s) => ({ stage: s.stage, g: growth(r10.stages.find((x) => x.stage === s.stage)?.ms ?? 0, s.ms) }))
    .filter((s) => s.g > t.growth);
  return [
    "Issue 23's targets at 100× (docs/benchmark.md says why a figure is missed, with the profiles):",
    '',
    `- total ${(r100.totalMs / 1000).toFixed(1)} s: ${r100.totalMs <= t.totalMs ? `met (at most ${t.totalMs / 1000} s)` : `missed, ${((r100.totalMs - t.totalMs) / 1000).toFixed(1)} s over ${t.totalMs / 1000} s`}`,
    `- peak memory ${r100.peakMB} MB: ${r100.peakMB <= t.peakMB ? `met (at most ${t.peakMB} MB)` : `missed, ${r100.peakMB - t.peakMB} MB over ${t.peakMB} MB`}`,
    `- every stage at most ${t.growth} times its 10× time: ${over.length === 0 ? 'met' : `missed by ${over.map((s) => `${s.stage} ${s.g} (over by ${(s.g - t.growth).toFixed(2)})`).join(', ')}`}`,
  ];
}
