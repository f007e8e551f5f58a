/*
 * Mekong Plans: the service worker of the offline copy. It is registered only when a reader
 * asks to save the edition (the "Read offline" control on the about pages), and serves the
 * copy that the page saved into Cache Storage (src/scripts/offline/copy.ts writes it; the two
 * files share the names below). A page, search index or data file in the copy comes from the
 * copy; anything else goes to the server. Nothing is fetched here on its own: saving and
 * bringing the copy up to date are done by the pages, and their requests pass through
 * untouched (marked with the header below).
 */
'use strict';

/** The site's root: the worker is registered at the root for the whole site. */
const SCOPE = self.registration.scope;
/** Every cache of this site's copy starts so (copy.ts: cachePrefix). */
const PREFIX = `mekong-plans ${SCOPE} `;
/** Which cache holds the complete copy (copy.ts: STATE_CACHE, STATE_KEY). */
const STATE_CACHE = `${PREFIX}state`;
const STATE_KEY = `${SCOPE}offline-state.json`;
/** Requests of the page's own saving and update checks (copy.ts: NETWORK_HEADER). */
const NETWORK_HEADER = 'X-Mekong-Offline';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** The cache that holds the complete copy, if one is saved. */
async function copyCache() {
  if (!(await caches.has(STATE_CACHE))) return undefined;
  const state = await (await caches.open(STATE_CACHE)).match(STATE_KEY);
  if (!state) return undefined;
  const { cache } = await state.json();
  return caches.open(cache);
}

async function respond(request) {
  const cache = await copyCache();
  if (!cache) return fetch(request);
  const url = new URL(request.url);
  // Files are kept under their own address; a folder is its index.html. Queries (search terms,
  // Pagefind's cache-busting ?ts=) do not name another file.
  const key = `${url.origin}${url.pathname}${url.pathname.endsWith('/') ? 'index.html' : ''}`;
  const saved = await cache.match(key);
  if (saved) return saved;
  try {
    return await fetch(request);
  } catch (error) {
    // Offline and not in the copy: a page gets the site's own 404 page.
    if (request.mode === 'navigate') {
      const missing = await cache.match(`${SCOPE}404.html`);
      if (missing) return new Response(missing.body, { status: 404, headers: missing.headers });
    }
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE) || request.headers.has(NETWORK_HEADER)) return;
  event.respondWith(respond(request));
});
