/**
 * The only inline scripts the site emits. Pages render them from here, and the finishing
 * stage (scripts/lib/finalise.ts) hashes these texts for the Content-Security-Policy, so the
 * policy allows exactly what the build wrote and a script found in a page for any other
 * reason fails the build instead of being allowed.
 */

/**
 * The 404 page is served at whatever address was missing, at any depth, under any sub-path.
 * Its links are relative to the site root; this script, in the head before the stylesheet,
 * finds that root (the part of the path before /zh/, /en/, /data/, /sources/, /pagefind/ or
 * /_astro/, else the folder) and makes it the page's base. It reads the path as the server did:
 * nginx decodes %2F, %5C and %2E and resolves dot-segments before it serves this page, so an
 * encoded ../ cannot steer the base (and with it the stylesheet and links) elsewhere on the host.
 * Empty segments are dropped, so `//evil.example/zh/missing` gives `/evil.example/` on this
 * host, never `//evil.example/`.
 */
export const NOT_FOUND_SCRIPT = `(function () {
  var path = location.pathname.replace(/%2f|%5c/gi, '/').replace(/%2e/gi, '.');
  var parts = [];
  path.split('/').forEach(function (p) {
    if (p === '..') parts.pop();
    else if (p !== '' && p !== '.') parts.push(p);
  });
  var at = parts.findIndex(function (p) { return ['zh', 'en', 'data', 'sources', 'pagefind', '_astro'].indexOf(p) >= 0; });
  var folder = path.charAt(path.length - 1) === '/';
  var root = at >= 0 ? parts.slice(0, at) : folder ? parts : parts.slice(0, -1);
  var base = document.createElement('base');
  base.setAttribute('href', '/' + root.map(function (p) { return p + '/'; }).join(''));
  document.head.appendChild(base);
})();`;

/** Every inline script the build emits. */
export const INLINE_SCRIPTS: readonly string[] = [NOT_FOUND_SCRIPT];
