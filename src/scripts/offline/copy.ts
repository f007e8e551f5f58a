/**
 * The offline copy of the edition (issue 28): saving every file the build lists in offline.json
 * (scripts/lib/publish/offline.ts) into Cache Storage, bringing it up to date when the site publishes
 * another list, and removing it. The service worker (public/sw.js) serves what is saved here.
 *
 * A copy is written into a cache of its own, named after the list's digest, and becomes the
 * copy only when every file is in it and verified (size and SHA-256): the worker keeps serving
 * the previous one until then, so a reader never reads half of one edition and half of another.
 * A save that stops (the reader left the page, the network went) goes on where it stopped the
 * next time. Unchanged files are copied from the previous edition's cache, not downloaded.
 * Nothing here runs for a reader who never asked: no worker, no cache, no request.
 */

/** offline.json, as scripts/lib/publish/offline.ts writes it. */
export interface Manifest {
  version: string;
  digest: string;
  bytes: number;
  /** [path from the site root, size in bytes, first 96 bits of SHA-256 in base64url]. */
  files: [string, number, string][];
}

/** What is saved: the cache that holds the complete copy, its list, and when it was saved. */
export interface CopyState {
  cache: string;
  manifest: Manifest;
  /** ISO date and time of the last completed save or update. */
  saved: string;
}

export interface Progress {
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
  /** The edition being saved. */
  version: string;
  /** True when a copy existed and this brings it up to date. */
  updating: boolean;
}

/** Why saving stopped, for the reader: each kind has its sentence in the interface strings. */
export class CopyError extends Error {
  constructor(
    readonly kind: 'unreachable' | 'file' | 'changed' | 'storage' | 'worker',
    readonly detail = '',
  ) {
    super(`${kind}${detail ? `: ${detail}` : ''}`);
  }
}

import { cachePrefix, NETWORK_HEADER, ROOT, STATE_CACHE, STATE_KEY, support } from './names';

const LOCK = `mekong-plans offline ${ROOT}`;
/** Downloads at once: enough to fill a link, few enough not to crowd out the reader's own requests. */
const PARALLEL = 6;
/** Headers kept with each saved file: the type, and the same security headers the server sent. */
const KEPT_HEADERS = ['content-type', 'content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options'];

/** Copy events in this page and in the site's other tabs: 'progress' (detail: Progress) and 'change'. */
export const copyEvents = new EventTarget();
const channel = 'BroadcastChannel' in window ? new BroadcastChannel(LOCK) : undefined;
channel?.addEventListener('message', (event: MessageEvent<{ type: string; progress?: Progress }>) => {
  copyEvents.dispatchEvent(new CustomEvent(event.data.type, { detail: event.data.progress }));
});
let posted = 0;
function announce(type: 'progress' | 'change', progress?: Progress): void {
  copyEvents.dispatchEvent(new CustomEvent(type, { detail: progress }));
  // Other tabs hear of progress a few times a second, of the end at once.
  const last = progress && progress.files === progress.totalFiles;
  if (type === 'progress' && !last && performance.now() - posted < 250) return;
  posted = performance.now();
  channel?.postMessage({ type, progress });
}

/**
 * Where the saved copy's list is kept, beside the state: the state itself stays small, since the
 * worker reads it for every request.
 */
const manifestKey = (digest: string) => `${ROOT}offline-manifest-${digest}.json`;

/** The saved copy, or undefined. Opens no cache that does not exist. */
export async function readState(): Promise<CopyState | undefined> {
  if (support() !== 'ok' || !(await caches.has(STATE_CACHE))) return undefined;
  const store = await caches.open(STATE_CACHE);
  const state = await store.match(STATE_KEY);
  if (!state) return undefined;
  const { cache, digest, saved } = (await state.json()) as { cache: string; digest: string; saved: string };
  const manifest = await store.match(manifestKey(digest));
  return manifest ? { cache, saved, manifest: (await manifest.json()) as Manifest } : undefined;
}

/** A request to the server itself, past the worker and revalidating the browser's HTTP cache. */
function fromServer(path: string): Promise<Response> {
  return fetch(new URL(path, ROOT), { cache: 'no-cache', headers: { [NETWORK_HEADER]: 'network' } });
}

async function fetchManifest(): Promise<Manifest> {
  let response: Response;
  try {
    response = await fromServer('offline.json');
  } catch {
    throw new CopyError('unreachable');
  }
  if (!response.ok) throw new CopyError('unreachable', `offline.json: HTTP ${response.status}`);
  return (await response.json()) as Manifest;
}

async function digest(bytes: ArrayBuffer): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)).subarray(0, 12);
  return btoa(String.fromCharCode(...hash)).replace(/\+/gu, '-').replace(/\//gu, '_').replace(/=+$/u, '');
}

/** Downloads one file, checks it against the list and returns what the cache keeps. */
async function download([path, size, hash]: Manifest['files'][number]): Promise<Response> {
  let response: Response;
  try {
    response = await fromServer(path);
  } catch {
    throw new CopyError('unreachable', path);
  }
  if (!response.ok) throw new CopyError('file', `${path}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  // Another list than the one being saved: the site was republished meanwhile.
  if (body.byteLength !== size || (await digest(body)) !== hash) throw new CopyError('changed', path);
  const headers = new Headers();
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(body, { status: 200, headers });
}

export { support };

/** Runs `work` holding the site's copy lock, so two tabs never write the copy at once (or skips it, if `ifAvailable`). */
async function locked<T>(work: () => Promise<T>, ifAvailable = false): Promise<T | undefined> {
  if (!navigator.locks) return work();
  return navigator.locks.request(LOCK, { ifAvailable }, async (lock) => (lock ? work() : undefined));
}

/** Registers the worker at the site's root and waits until it is active. */
async function registerWorker(): Promise<void> {
  try {
    await navigator.serviceWorker.register(`${ROOT}sw.js`, { scope: ROOT });
    await navigator.serviceWorker.ready;
  } catch (error) {
    throw new CopyError('worker', String(error));
  }
}

/**
 * Saves the edition, or brings a saved copy up to the site's current list. Reports progress
 * through `copyEvents`; returns the new state (or the old one, if it was already current).
 */
async function saveCopy(manifest: Manifest, previous: CopyState | undefined): Promise<CopyState> {
  const name = `${cachePrefix}${manifest.digest}`;
  const target = await caches.open(name);
  const old = previous && previous.cache !== name ? await caches.open(previous.cache) : undefined;
  const unchanged = new Map((previous?.manifest.files ?? []).map((f) => [f[0], f.join('\n')]));
  const progress: Progress = { files: 0, totalFiles: manifest.files.length, bytes: 0, totalBytes: manifest.bytes, version: manifest.version, updating: !!previous };
  announce('progress', { ...progress });
  const key = (path: string) => `${ROOT}${path}`;
  // What an earlier, interrupted run already saved: one listing, not a lookup per file.
  const present = new Set((await target.keys()).map((r) => r.url));
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < manifest.files.length) {
      const file = manifest.files[next++]!;
      // Saved by an earlier, interrupted run; or the same file in the previous edition's copy.
      let done = present.has(key(file[0]));
      if (!done && old && unchanged.get(file[0]) === file.join('\n')) {
        const kept = await old.match(key(file[0]));
        if (kept) await target.put(key(file[0]), kept);
        done = !!kept;
      }
      if (!done) {
        try {
          await target.put(key(file[0]), await download(file));
        } catch (error) {
          failed = true; // the other downloads stop after their current file
          if (error instanceof DOMException && error.name === 'QuotaExceededError') throw new CopyError('storage');
          throw error;
        }
      }
      progress.files++;
      progress.bytes += file[1];
      announce('progress', { ...progress });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  const state: CopyState = { cache: name, manifest, saved: new Date().toISOString() };
  const store = await caches.open(STATE_CACHE);
  const json = (value: unknown) => new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } });
  await store.put(manifestKey(manifest.digest), json(manifest));
  // The moment the new copy becomes the copy: the worker reads this.
  await store.put(STATE_KEY, json({ cache: name, digest: manifest.digest, saved: state.saved }));
  // The previous edition's copy and list, and any unfinished copy, are no longer needed.
  for (const request of await store.keys()) if (request.url !== STATE_KEY && request.url !== manifestKey(manifest.digest)) await store.delete(request);
  for (const cache of await caches.keys()) if (cache.startsWith(cachePrefix) && cache !== name && cache !== STATE_CACHE) await caches.delete(cache);
  announce('change');
  return state;
}

/** Space the browser still offers this site, if it says. */
async function freeSpace(): Promise<number | undefined> {
  const estimate = await navigator.storage?.estimate?.();
  return estimate?.quota !== undefined && estimate.usage !== undefined ? estimate.quota - estimate.usage : undefined;
}

/** Saves the whole edition for offline reading: what the reader asked for with the control. */
export async function save(): Promise<CopyState> {
  const result = await locked(async () => {
    const manifest = await fetchManifest();
    const previous = await readState();
    if (!previous) {
      const free = await freeSpace();
      if (free !== undefined && free < manifest.bytes) throw new CopyError('storage', String(manifest.bytes));
    }
    await registerWorker();
    if (previous?.manifest.digest === manifest.digest) return previous;
    // Ask the browser not to evict the copy under storage pressure (it may decide without asking).
    await navigator.storage?.persist?.().catch(() => false);
    return saveCopy(manifest, previous);
  });
  return result!;
}

/**
 * If a copy is saved and the site now lists another edition of it, brings the copy up to date.
 * Runs on every page of a reader who saved a copy (the list is revalidated: 304 when unchanged);
 * does nothing for anyone else, offline, or while another tab is at it.
 */
export async function refresh(): Promise<'none' | 'current' | 'updated' | 'busy'> {
  const state = await readState();
  if (!state || !navigator.onLine) return 'none';
  const result = await locked(async () => {
    // A copy whose worker is gone (site data partly cleared) would not be read offline.
    if (!(await navigator.serviceWorker.getRegistration(ROOT))) await registerWorker();
    const manifest = await fetchManifest();
    if (manifest.digest === state.manifest.digest) return 'current' as const;
    await saveCopy(manifest, state);
    return 'updated' as const;
  }, true);
  return result ?? 'busy';
}

/** Removes the copy: the worker and every cache of this site's copy. */
export async function remove(): Promise<void> {
  await locked(async () => {
    for (const registration of await navigator.serviceWorker.getRegistrations()) if (registration.scope === ROOT) await registration.unregister();
    for (const cache of await caches.keys()) if (cache.startsWith(cachePrefix)) await caches.delete(cache);
  });
  announce('change');
}
