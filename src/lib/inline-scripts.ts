/**
 * The only inline scripts the site emits. Pages render them from here, and the finishing
 * stage (scripts/lib/publish/finalise.ts) hashes these texts for the Content-Security-Policy, so the
 * policy allows exactly what the build wrote and a script found in a page for any other
 * reason fails the build instead of being allowed.
 */

/**
 * The 404 page is served at whatever address was missing, at any depth, under any sub-path.
 * Its links are relative to the site root; this script, in the head before the stylesheet,
 * finds that root (the part of the path before /zh/, /en/, /data/, /sources/, /pagefind/ or
 * /_astro/, else the folder) and makes it the page's base. It reads the path as the server
 * resolved it (escapes decoded, backslashes as slashes, empty and dot segments resolved, as
 * nginx does), so `..%2f` segments cannot steer the base, its stylesheet and links outside
 * the folder the server found the page in; and `//evil.example/zh/missing` gives
 * `/evil.example/` on this host, never `//evil.example/`.
 */
export const NOT_FOUND_SCRIPT = `(function () {
  var path = location.pathname;
  try { path = decodeURIComponent(path); } catch (e) { /* a malformed escape: the path as sent */ }
  var parts = [];
  path.replace(/\\\\/g, '/').split('/').forEach(function (p) {
    if (p === '..') parts.pop();
    else if (p !== '' && p !== '.') parts.push(p);
  });
  if (/\\/$/.test(path)) parts.push('');
  var at = parts.findIndex(function (p) { return ['zh', 'en', 'data', 'sources', 'pagefind', '_astro'].indexOf(p) >= 0; });
  var root = at >= 0 ? parts.slice(0, at) : parts.slice(0, -1);
  var base = document.createElement('base');
  base.setAttribute('href', '/' + root.map(function (p) { return encodeURIComponent(p) + '/'; }).join(''));
  document.head.appendChild(base);
})();`;

/** Every inline script the build emits. */
export const INLINE_SCRIPTS: readonly string[] = [NOT_FOUND_SCRIPT];
