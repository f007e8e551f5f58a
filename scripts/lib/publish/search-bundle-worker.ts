/**
 * The worker thread of scripts/lib/publish/search-bundle.ts: writes one Pagefind bundle
 * (`workerData`: its records, its folder, the index's language) and answers null, or the
 * error's message.
 *
 * Pagefind's module starts its service with child_process.spawn and, closing it, kills it
 * without waiting (its handle unreferenced). In a worker thread, which then ends, nothing would
 * wait for the process: it would stay defunct until the build ends, and its CPU time would never
 * count in the stage's. So the worker keeps each process it starts and waits for its exit.
 */
import type { ChildProcess } from 'node:child_process';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { writeBundle } from './search-bundle';
import type { SearchRecord } from './search-index';

const childProcess = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
const started: ChildProcess[] = [];
const spawn = childProcess.spawn;
childProcess.spawn = ((...args: Parameters<typeof spawn>) => {
  const child = spawn(...args);
  started.push(child);
  return child;
}) as typeof spawn;
// Pagefind reads spawn from its import of child_process when it starts its service.
syncBuiltinESMExports();

/** Resolves when every process this thread started has exited and been waited for. */
const ended = () => Promise.all(started.map((child) => (child.exitCode !== null || child.signalCode !== null ? undefined : new Promise((resolve) => {
  child.ref();
  child.once('exit', resolve);
}))));

const { records, outputPath, language } = workerData as { records: SearchRecord[]; outputPath: string; language: string };
writeBundle(records, outputPath, language).then(
  async () => {
    await ended();
    parentPort!.postMessage(null);
  },
  async (error: unknown) => {
    await ended();
    parentPort!.postMessage(error instanceof Error ? error.message : String(error));
  },
);
