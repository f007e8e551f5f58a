/**
 * The worker thread of scripts/lib/publish/finish-pages.ts: finishes the pages Astro renders
 * (finalise.ts: `linkPage`, `checkPage`, whose parse5 reads each page as a browser does, and
 * `finishedMarkup`) beside Astro's own thread, which goes on rendering. Receives
 * `{ id, rel, bytes, finish }` (a page as Astro rendered it) and answers `{ id, errors, bytes }`:
 * the page's located errors, formatted (none if it may carry the policy), and with `finish` its
 * finished bytes, handed over, not copied (without, Astro's thread finishes the page itself).
 */
import { parentPort } from 'node:worker_threads';
import { Diagnostics, formatDiagnostic } from '../core/diagnostics';
import { checkPage, contentSecurityPolicy, finishedMarkup, knownScriptHashes, linkPage } from './finalise';

const known = new Set(knownScriptHashes());
const policy = contentSecurityPolicy(knownScriptHashes());
parentPort!.on('message', ({ id, rel, bytes, finish }: { id: number; rel: string; bytes: ArrayBuffer; finish: boolean }) => {
  const diagnostics = new Diagnostics();
  // As latin1, one character per byte: the bytes pass through with no decoding and encoding.
  const linked = linkPage(rel, Buffer.from(bytes).toString('latin1'));
  checkPage(rel, linked, known, diagnostics, (r) => `dist/${r}`);
  const errors = diagnostics.messages.map(formatDiagnostic);
  if (!finish) {
    parentPort!.postMessage({ id, errors });
    return;
  }
  const finished = Buffer.from(finishedMarkup(linked, policy), 'latin1');
  // Handed over whole: a small buffer shares Node's pool with others, and is copied out of it first.
  const whole = finished.byteOffset === 0 && finished.byteLength === finished.buffer.byteLength;
  const out = whole ? finished.buffer : finished.buffer.slice(finished.byteOffset, finished.byteOffset + finished.byteLength);
  parentPort!.postMessage({ id, errors, bytes: out }, [out]);
});
