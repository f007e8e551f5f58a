/**
 * The benchmark cannot break unnoticed: `npm run bench -- --smoke` runs the benchmark script
 * itself (the same synthetic generator, scratch project and measured build as `npm run bench`)
 * on one two-copy synthetic corpus, every stage, then its editor's loop (`npm run dev`, one
 * saved translation reaching its page), and writes its report to a temporary folder.
 * It fails, listing the build's own located errors, when a synthetic corpus no longer builds,
 * and when it builds with warnings of a kind the real corpus does not give. No timing is asserted.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';
import { exitCode } from '../../scripts/lib/publish/site';

/** A located diagnostic as the build prints it (scripts/lib/core/diagnostics.ts, formatDiagnostic). */
const DIAGNOSTIC = /^\S.*: (?:error|warning): .* \[[a-z0-9-]+\]$/u;

/** Every stage of `npm run build`: the content process's own, then the build's. */
const STAGES = ['sources', 'recipes', 'accounting', 'clauses', 'collation', 'translation', 'review', 'terminology', 'notes', 'style', 'commitments', 'links', 'references', 'changes', 'registry', 'generate', 'content', 'site', 'downloads', 'search', 'finalise'];

const out = await mkdtemp(path.join(os.tmpdir(), 'mekong-bench-smoke-test-'));
afterAll(() => rm(out, { recursive: true, force: true }));

/** The committed report's bytes, or undefined: the smoke must leave the last real figures alone. */
async function committedReport(): Promise<(string | undefined)[]> {
  return Promise.all(['report.json', 'report.md'].map(async (f) => {
    const file = path.join(ROOT, 'bench', f);
    return existsSync(file) ? createHash('sha256').update(await readFile(file)).digest('hex') : undefined;
  }));
}

test('npm run bench -- --smoke builds a two-copy synthetic corpus through every stage, with no error or new kind of warning, runs the editor\'s loop once, and writes its report', async () => {
  const before = await committedReport();
  const child = spawn('npm', ['run', '--silent', 'bench', '--', '--smoke', '--out', out], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += String(d)));
  child.stderr.on('data', (d) => (output += String(d)));
  const code = await exitCode(child);

  // The build's own located messages first: they say what broke and where (the benchmark's
  // message repeats the build's errors, hence each once).
  expect([...new Set(output.split('\n').filter((l) => DIAGNOSTIC.test(l)))], 'located errors and warnings of the synthetic build').toEqual([]);
  expect(code, `npm run bench -- --smoke exited with ${code}:\n${output.slice(-6000)}`).toBe(0);

  const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as { smoke: boolean; unexpectedWarnings: string[]; synthetic: { relaxed: { check: string; why: string }[] }; scales: { scale: number; documents: number; clauses: number; pages: number; stages: { stage: string }[]; editorLoop: { page: string; startMs: number; roundsMs: number[] } | null }[] };
  expect(report.smoke).toBe(true);
  expect(report.unexpectedWarnings).toEqual([]);
  expect(report.scales.map((s) => s.scale)).toEqual([2]);
  const [scale] = report.scales;
  expect(scale!.stages.map((s) => s.stage)).toEqual(expect.arrayContaining(STAGES));
  // Two copies of the six documents, every clause, and their pages.
  expect(scale!.documents).toBe(12);
  expect(scale!.clauses).toBeGreaterThan(900);
  expect(scale!.pages).toBeGreaterThan(2000);
  const md = await readFile(path.join(out, 'report.md'), 'utf8');
  expect(md).toMatch(/^\| 2× \| 12 \| \d+ \|/mu);
  // Each stage's CPU time and peak memory too (issue 23): a row with a cell for every stage.
  const row = (unit: string) => new RegExp(`^\\| 2× \\|(?: [\\d.]+ ${unit} \\|){${scale!.stages.length}}$`, 'mu');
  expect(md).toMatch(row('s'));
  expect(md).toMatch(row('MB'));
  // The editor's loop ran: npm run dev served a clause page, and a saved translation reached it.
  expect(scale!.editorLoop?.roundsMs).toHaveLength(1);
  expect(md).toMatch(new RegExp(`^\\| 2× \\| /${scale!.editorLoop!.page.replace(/[.]/gu, '\\.')} \\| [\\d.]+ s \\| [\\d.]+ s \\|`, 'mu'));
  // The report says which checks the synthetic corpora relax, and why.
  for (const r of report.synthetic.relaxed) expect(md).toContain(`- ${r.check}: ${r.why}`);
  expect(await committedReport()).toEqual(before);
}, 900_000);
