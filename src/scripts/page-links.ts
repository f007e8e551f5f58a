/**
 * Every page (Base.astro): a build without a published address writes relative canonical and
 * language-alternate links (issue 28); the page makes each the absolute address it resolves to
 * where it is served, since a canonical link must be absolute to be valid. Only over http(s):
 * a page opened from a folder (file://) keeps its relative links.
 */
export function absoluteHeadLinks(): void {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="canonical"], link[rel="alternate"][hreflang]')) {
    if (!/^[a-z][a-z0-9+.-]*:/iu.test(link.getAttribute('href') ?? '')) link.setAttribute('href', link.href);
  }
}
