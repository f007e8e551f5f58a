/**
 * The worker thread of scripts/lib/publish/finish-pages.ts: checks the pages Astro renders (finalise.ts,
 * `checkPage`: parse5 reads each page as a browser does) beside Astro's own thread, which goes
 * on rendering. Receives `{ id, rel, bytes }` (a page as Astro rendered it), links it as the
 * page is written (finalise.ts, `linkPage`) and answers `{ id, errors }`: the page's located
 * errors, formatted, none if it may carry the policy.
 */
import { parentPort } from 'node:worker_threads';
import { Diagnostics, formatDiagnostic } from '../core/diagnostics';
import { checkPage, knownScriptHashes, linkPage } from './finalise';

const known = new Set(knownScriptHashes());
parentPort!.on('message', ({ id, rel, bytes }: { id: number; rel: string; bytes: ArrayBuffer }) => {
  const diagnostics = new Diagnostics();
  checkPage(rel, linkPage(rel, Buffer.from(bytes).toString('latin1')), known, diagnostics, (r) => `dist/${r}`);
  parentPort!.postMessage({ id, errors: diagnostics.messages.map(formatDiagnostic) });
});
