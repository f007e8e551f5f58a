/**
 * One Pagefind bundle: its records indexed by a Pagefind service of its own, written to one
 * folder. Pagefind holds the whole index in memory until it writes it, about 100 bytes for each
 * character of the records' content (npm run bench), and its service keeps what it took until
 * it ends; so a large corpus is indexed as several bundles (search-index.ts), each by a service
 * that ends when its bundle is written: in a worker thread, whose own instance of Pagefind's
 * module starts its own service.
 */
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { SearchRecord } from './search-index';

/** Records sent to Pagefind's service before awaiting them: it answers one at a time, in order. */
const WINDOW = 500;

/** Indexes `records` and writes the bundle into `outputPath`; ends this thread's Pagefind service. */
export async function writeBundle(records: SearchRecord[], outputPath: string, language: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (let i = 0; i < records.length; i += WINDOW) {
      for (const added of await Promise.all(records.slice(i, i + WINDOW).map((record) => index.addCustomRecord(record)))) {
        if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
      }
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    await index.deleteIndex();
  } finally {
    await pagefind.close();
  }
}

/** writeBundle in a worker thread (search-bundle-worker.ts): its Pagefind service ends with it. */
export function writeBundleInWorker(records: SearchRecord[], outputPath: string, language: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // tsx's loader, as the page checks' worker (finish-pages.ts): the worker is TypeScript.
    const worker = new Worker(new URL('./search-bundle-worker.ts', import.meta.url), { execArgv: ['--import', 'tsx'], workerData: { records, outputPath, language } });
    let done = false;
    worker.on('message', (error: string | null) => {
      done = true;
      if (error) reject(new Error(error));
      else resolve();
    });
    worker.on('error', (error) => {
      done = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!done) reject(new Error(`Unexpected end of the search index's worker for ${outputPath}: exit code ${code}, expected its bundle written (scripts/lib/publish/search-bundle-worker.ts)`));
    });
  });
}
