/** Stages 7 and 8: the Astro build and the Pagefind index; and how the build starts its Node processes. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BuildError, diagnostic } from '../core/diagnostics';
import { listFiles } from '../core/files';
import { PAGE_BATCH_ENV, type PageBatch } from '../../../src/lib/page-batch';

/** A child process's exit code once it has ended (1 if a signal ended it). */
export function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? 1));
  });
}

/**
 * Runs a TypeScript script of this project in a Node process of its own: the Node running this
 * one (the pinned Node 24 that `npm run` started) with tsx's loader, resolved from `cwd`. No
 * `npx tsx` in between: npm's launcher and tsx's own parent process held 60 to 80 MB each for
 * the whole of the child's life, and took a second or two to start.
 */
export function spawnScript(script: string, args: string[], options: SpawnOptions & { cwd: string }): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], options);
}

/** The command line of a package's own executable (its package.json `bin`), as installed in `root`. */
export function packageBin(root: string, name: string): string {
  const manifest = createRequire(path.join(root, 'package.json')).resolve(`${name}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: string | Record<string, string> };
  return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin[name]!);
}

/**
 * Astro's environment: no telemetry; and for rolldown, the bundler inside Vite, no transparent
 * huge pages and no delay before freed memory is returned. Its allocator (mimalloc) otherwise
 * keeps the memory of bundling the site, in 2 MB pages, for the rest of the build: measured on
 * the 10× corpus, Astro's peak fell from 982 to 728 MB with both set (rolldown issue 9330).
 */
export function astroEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', MIMALLOC_ALLOW_THP: '0', MIMALLOC_PURGE_DELAY: '0' };
}

/**
 * Runs `astro build` into `outDir`, quietly; its output is shown only if it fails. Returns the
 * number of HTML pages. With `batches` (planBatches), one `astro build` a batch, one after
 * another, the first into `outDir`, each later one into a folder of its own whose pages are then
 * moved into `outDir`.
 */
export async function astroBuild(root: string, outDir: string, batches?: PageBatch[]): Promise<number> {
  if (!batches) await runAstro(root, outDir, astroEnv());
  else {
    for (const [i, batch] of batches.entries()) {
      const folder = i === 0 ? outDir : `${outDir}.batch-${i}`;
      try {
        await runAstro(root, folder, { ...astroEnv(), [PAGE_BATCH_ENV]: JSON.stringify(batch) });
        if (folder !== outDir) await moveInto(folder, outDir);
      } finally {
        if (folder !== outDir) await rm(folder, { recursive: true, force: true });
      }
    }
  }
  return countFiles(outDir, '.html');
}

async function runAstro(root: string, outDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const output: string[] = [];
  const child = spawn(process.execPath, [packageBin(root, 'astro'), 'build', '--silent', '--outDir', outDir], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => output.push(String(d)));
  child.stderr.on('data', (d) => output.push(String(d)));
  const code = await exitCode(child);
  if (code === 0) return;
  // The pages' located errors (scripts/lib/publish/finish-pages.ts) are the build's own: shown as the
  // other stages show theirs, without Astro's stack trace. Any other failure is shown whole.
  const located = output.join('').split('\n').flatMap((line) => {
    const m = LOCATED.exec(line);
    return m ? [diagnostic(m[4]!, { file: m[1]!, place: m[2] ? { line: Number(m[2]), column: Number(m[3]) } : undefined, ruleId: m[5]! })] : [];
  });
  if (located.length) throw new BuildError(located);
  throw new Error(`astro build failed (exit ${code}):\n${output.join('')}`);
}

/** The environment variable that asks for batches: at most this many clauses in each. */
export const BATCH_CLAUSES_ENV = 'MEKONG_BATCH_CLAUSES';

/**
 * The batches for a corpus of `documents` (in the order of index.json), when the build is asked
 * for batches of at most `maxClauses` clauses and the corpus has more: batches of whole
 * documents in order, each closed once it holds its share of the corpus (the total over as many
 * batches as it needs) or the next document would take it over `maxClauses`. The first renders
 * the pages that belong to no one document too. Otherwise none: one Astro process.
 *
 * One Astro process at a time holds less memory than one for the whole site: at 100 times the
 * corpus, batches of 15,000 clauses (four) kept the build's whole process tree under 2 GB
 * (1.86 and 1.96 GB) against 2.9 GB, and Astro's stage took half as long again (docs/benchmark.md).
 */
export function planBatches(documents: { id: string; clauses: number }[], maxClauses = process.env[BATCH_CLAUSES_ENV] ? Number(process.env[BATCH_CLAUSES_ENV]) : undefined): PageBatch[] | undefined {
  if (maxClauses === undefined) return undefined;
  if (!Number.isInteger(maxClauses) || maxClauses < 1) throw new Error(`${BATCH_CLAUSES_ENV}=${process.env[BATCH_CLAUSES_ENV] ?? maxClauses}: expected a whole number of clauses from 1 (15000 builds 100 times the corpus in four batches)`);
  const total = documents.reduce((n, d) => n + d.clauses, 0);
  if (total <= maxClauses) return undefined;
  const share = total / Math.ceil(total / maxClauses);
  const batches: PageBatch[] = [{ documents: [], shared: true }];
  let clauses = 0;
  for (const { id, clauses: n } of documents) {
    if (batches.at(-1)!.documents.length && (clauses >= share || clauses + n > maxClauses)) {
      batches.push({ documents: [], shared: false });
      clauses = 0;
    }
    batches.at(-1)!.documents.push(id);
    clauses += n;
  }
  return batches;
}

/**
 * Moves what `from` holds into `to`: a folder `to` lacks whole, a file only the same bytes are
 * already at (every batch writes the site's scripts, styles and public files alike).
 */
export async function moveInto(from: string, to: string, shown = ''): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    const there = await stat(target).catch(() => undefined);
    if (!there) await rename(source, target);
    else if (entry.isDirectory() && there.isDirectory()) await moveInto(source, target, `${shown}${entry.name}/`);
    else if (!entry.isFile() || !there.isFile() || !(await readFile(source)).equals(await readFile(target))) {
      throw new Error(`Unexpected ${shown}${entry.name} from two batches of the Astro build, with different contents: expected each page from one batch and every shared file the same`);
    }
  }
}

/** A located error as formatDiagnostic writes it, about a page in dist/. */
const LOCATED = /^(dist\/\S+?)(?::(\d+):(\d+))?: error: (.*) \[([a-z0-9-]+)\]$/u;

async function countFiles(dir: string, ext: string): Promise<number> {
  return listFiles(dir).filter((f) => f.endsWith(ext)).length;
}
