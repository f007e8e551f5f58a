/** Stages 7 and 8: the Astro build and the Pagefind index. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';

/** A child process's exit code once it has ended (1 if a signal ended it). */
export function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? 1));
  });
}

/** Runs `astro build` into `outDir`, quietly; its output is shown only if it fails. Returns the number of HTML pages. */
export async function astroBuild(root: string, outDir: string): Promise<number> {
  const output: string[] = [];
  // npx resolves astro from node_modules and runs it on the pinned Node.
  const child = spawn('npx', ['astro', 'build', '--silent', '--outDir', outDir], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => output.push(String(d)));
  child.stderr.on('data', (d) => output.push(String(d)));
  const code = await exitCode(child);
  if (code !== 0) throw new Error(`astro build failed (exit ${code}):\n${output.join('')}`);
  return countFiles(outDir, '.html');
}

async function countFiles(dir: string, ext: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(ext)).length;
}
