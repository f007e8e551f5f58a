/**
 * The 404 page's base (src/lib/inline-scripts.ts): the site root found in the address, as the
 * server found the page. nginx decodes %2F, %5C and %2E and resolves dot-segments before it
 * serves the 404 page, so the script does the same: an encoded ../ cannot make the base (the
 * page's stylesheet and links) another path on the host (security review L1, issue 28).
 */
import { describe, expect, test } from 'vitest';
import { NOT_FOUND_SCRIPT } from '../../src/lib/inline-scripts';

/** The base the script gives a page at `pathname`. */
function baseFor(pathname: string): string {
  let href = '';
  const document = { createElement: () => ({ setAttribute: (_: string, v: string) => (href = v) }), head: { appendChild: () => undefined } };
  new Function('location', 'document', NOT_FOUND_SCRIPT)({ pathname }, document);
  return href;
}

describe('the 404 page finds the site root', () => {
  test.each([
    ['/en/missing/page/', '/'],
    ['/intranet/lmc/en/missing/page/', '/intranet/lmc/'],
    ['/intranet/lmc/missing', '/intranet/lmc/'],
    ['/intranet/lmc/_astro/gone.css', '/intranet/lmc/'],
    ['//evil.example/zh/missing', '/evil.example/'],
  ])('at %s: %s', (pathname, base) => expect(baseFor(pathname)).toBe(base));

  test.each([
    // The review's address: nginx serves /intranet/lmc/missing's 404 page; the base must be /intranet/lmc/, not /intranet/lmc/..%2f..%2fother/.
    ['/intranet/lmc/..%2f..%2fother/zh/..%2f..%2fintranet/lmc/missing', '/intranet/lmc/'],
    ['/intranet/lmc/..%2F..%2Fother/zh/x', '/other/'],
    ['/intranet/lmc/%2e%2e%5c%2e%2e%5cother/en/x', '/other/'],
    ['/intranet/lmc/%2E%2E/%2e%2e/zh/x', '/'],
  ])('at %s, as the server resolves it: %s', (pathname, base) => {
    expect(baseFor(pathname)).toBe(base);
    expect(baseFor(pathname)).not.toMatch(/%2f|%5c|%2e|\.\./iu);
  });
});
