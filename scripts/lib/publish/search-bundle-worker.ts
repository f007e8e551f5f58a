/**
 * The worker thread of scripts/lib/publish/search-bundle.ts: writes one Pagefind bundle
 * (`workerData`: its records, its folder, the index's language) and answers null, or the
 * error's message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeBundle } from './search-bundle';
import type { SearchRecord } from './search-index';

const { records, outputPath, language } = workerData as { records: SearchRecord[]; outputPath: string; language: string };
writeBundle(records, outputPath, language).then(
  () => parentPort!.postMessage(null),
  (error: unknown) => parentPort!.postMessage(error instanceof Error ? error.message : String(error)),
);
