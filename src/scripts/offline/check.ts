/**
 * Run by every page: if the reader saved the edition for offline reading, bring the copy up
 * to date when the site lists another edition (copy.ts). For a reader who did not, it asks the
 * browser one local question (is there such a cache?) and does nothing else: no request, no
 * worker, no storage.
 */
import { STATE_CACHE, support } from './names';

async function check(): Promise<void> {
  if (support() !== 'ok' || !(await caches.has(STATE_CACHE))) return;
  const { refresh } = await import('./copy');
  await refresh();
}

// A failed check (offline, server gone, republished meanwhile) is tried again on the next page.
check().catch(() => undefined);
