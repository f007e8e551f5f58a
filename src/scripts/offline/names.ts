/**
 * The names the offline copy's page scripts share with its service worker (public/sw.js), and
 * the site's root they are relative to. Kept apart from copy.ts so that the check every page
 * runs (check.ts) loads nothing more unless the reader saved a copy.
 */

/**
 * The site's root, from this script's own address (bundled into <root>/_astro/), so the copy
 * works under any sub-path. Under `npm run dev` scripts are not in _astro/: the server's root.
 */
export function siteRoot(scriptUrl: string): string {
  const at = scriptUrl.lastIndexOf('/_astro/');
  return at >= 0 ? scriptUrl.slice(0, at + 1) : new URL('/', scriptUrl).href;
}

export const ROOT = siteRoot(import.meta.url);
/** Every cache of this site's copy starts so: sites at other paths of the same host keep their own. */
export const cachePrefix = `mekong-plans ${ROOT} `;
/** The cache that says which cache holds the complete copy, under this key. */
export const STATE_CACHE = `${cachePrefix}state`;
export const STATE_KEY = `${ROOT}offline-state.json`;
/** Marks the copy's own requests, which the worker passes to the server. */
export const NETWORK_HEADER = 'X-Mekong-Offline';

/** Whether this page can keep an offline copy, and if not, why. */
export function support(): 'ok' | 'file' | 'insecure' | 'unsupported' {
  if (location.protocol === 'file:') return 'file';
  if (!window.isSecureContext) return 'insecure';
  if (!('serviceWorker' in navigator) || !('caches' in window)) return 'unsupported';
  return 'ok';
}
