/**
 * The worker thread of scripts/lib/finish-pages.ts: checks the pages Astro renders (finalise.ts,
 * `checkPage`: parse5 reads each page as a browser does) beside Astro's own thread, which goes
 * on rendering. Receives `{ id, rel, html }` (a linked page as a latin1 string) and answers
 * `{ id, errors }`: the page's located errors, formatted, none if it may carry the policy.
 */
import { parentPort } from 'node:worker_threads';
import { Diagnostics, formatDiagnostic } from './diagnostics';
import { checkPage, knownScriptHashes } from './finalise';

const known = new Set(knownScriptHashes());
parentPort!.on('message', ({ id, rel, html }: { id: number; rel: string; html: string }) => {
  const diagnostics = new Diagnostics();
  checkPage(rel, html, known, diagnostics, (r) => `dist/${r}`);
  parentPort!.postMessage({ id, errors: diagnostics.messages.map(formatDiagnostic) });
});
