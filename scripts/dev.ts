/**
 * `npm run dev`: Astro's dev server with the content pipeline. Runs the content stage
 * (scripts/build-content.ts) once, starts `astro dev` on 127.0.0.1, then watches content/
 * (but not content/generated/, which the stage writes) and re-runs the stage on every change,
 * in this process: its modules stay loaded and each data file's parse is kept for the next run,
 * so a save costs the stage's checks and output, not Node's start and a parse of every file
 * (a change to scripts/ needs a restart).
 * Astro's dev server sees the regenerated files and reloads the pages that use them. A
 * failing stage prints its located errors and leaves the server running with the last good
 * output. Search needs the Pagefind index, which only `npm run build` writes.
 *
 * Options: `--port N` (or PORT; default 4321), `--root DIR` (another project, as for the build).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
import path from 'node:path';
import { buildContent, report, rootArgument } from './build-content';
import { keepParses } from './lib/core/data-file';
import { BuildError, Diagnostics } from './lib/core/diagnostics';
import { display, projectPaths } from './lib/core/paths';
import { exitCode } from './lib/publish/site';
import { parsePort } from './lib/tools/static-server';

const paths = projectPaths(rootArgument());
const content = path.join(paths.root, 'content');
const portAt = process.argv.indexOf('--port');
const port = parsePort(portAt >= 0 ? process.argv[portAt + 1] : process.env.PORT);
// No request to another host: no telemetry, no check for a newer Astro. A development
// server whatever NODE_ENV the caller has (a test runner sets "test", which Vite serves differently).
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DISABLE_UPDATE_CHECK: 'true', NODE_ENV: 'development' };

const say = (line: string) => process.stdout.write(`[pipeline] ${line}\n`);

/** Runs the content stage (its output, errors included, goes to ours); false if it failed. */
async function contentStage(): Promise<boolean> {
  const started = performance.now();
  let ok = true;
  try {
    report((await buildContent(paths.root)).diagnostics);
  } catch (error) {
    ok = false;
    if (error instanceof BuildError) report(new Diagnostics(), error);
    else process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  }
  say(ok
    ? `content/generated/ updated in ${Math.round(performance.now() - started)} ms`
    : 'the content stage failed (errors above); the pages keep the last good content');
  return ok;
}

// Changes arrive in bursts (an editor writes a file and its backup): one run per burst, and
// a change during a run makes one more run after it.
let running: Promise<void> | undefined;
let again = false;
let timer: ReturnType<typeof setTimeout> | undefined;
const changed = new Set<string>();
function schedule(file: string): void {
  changed.add(file);
  clearTimeout(timer);
  timer = setTimeout(() => void rerun(), 150);
}
async function rerun(): Promise<void> {
  if (running) {
    again = true;
    return;
  }
  say(`changed: ${[...changed].join(', ')}`);
  changed.clear();
  running = contentStage().then(() => undefined);
  await running;
  running = undefined;
  if (again) {
    again = false;
    await rerun();
  }
}

keepParses();
await contentStage();
const astro: ChildProcess = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(port)], { cwd: paths.root, env, stdio: 'inherit' });
const watcher = watch(content, { recursive: true }, (_event, name) => {
  if (!name) return;
  const file = path.join(content, name.toString());
  if (file.startsWith(paths.generated + path.sep) || file === paths.generated) return;
  schedule(display(paths.root, file));
});
say('watching content/ (content/generated/ is written here, not watched)');

function stop(signal: NodeJS.Signals): void {
  watcher.close();
  astro.kill(signal);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
process.exitCode = await exitCode(astro);
watcher.close();
