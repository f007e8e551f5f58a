/** Stages 7 and 8: the Astro build and the Pagefind index; and how the build starts its Node processes. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BuildError, diagnostic } from '../core/diagnostics';
import { listFiles } from '../core/files';

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

/** Runs `astro build` into `outDir`, quietly; its output is shown only if it fails. Returns the number of HTML pages. */
export async function astroBuild(root: string, outDir: string): Promise<number> {
  const output: string[] = [];
  const child = spawn(process.execPath, [packageBin(root, 'astro'), 'build', '--silent', '--outDir', outDir], {
    cwd: root,
    env: astroEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => output.push(String(d)));
  child.stderr.on('data', (d) => output.push(String(d)));
  const code = await exitCode(child);
  if (code === 0) return countFiles(outDir, '.html');
  // The pages' located errors (scripts/lib/publish/finish-pages.ts) are the build's own: shown as the
  // other stages show theirs, without Astro's stack trace. Any other failure is shown whole.
  const located = output.join('').split('\n').flatMap((line) => {
    const m = LOCATED.exec(line);
    return m ? [diagnostic(m[4]!, { file: m[1]!, place: m[2] ? { line: Number(m[2]), column: Number(m[3]) } : undefined, ruleId: m[5]! })] : [];
  });
  if (located.length) throw new BuildError(located);
  throw new Error(`astro build failed (exit ${code}):\n${output.join('')}`);
}

/** A located error as formatDiagnostic writes it, about a page in dist/. */
const LOCATED = /^(dist\/\S+?)(?::(\d+):(\d+))?: error: (.*) \[([a-z0-9-]+)\]$/u;

async function countFiles(dir: string, ext: string): Promise<number> {
  return listFiles(dir).filter((f) => f.endsWith(ext)).length;
}
