/**
 * The edition's address in what readers take away: citations, their downloads, the pages'
 * embedded metadata and the printed URLs (issue 28).
 *
 * A build for a published address (SITE_URL, or `site` in content/edition.yaml) writes that
 * address. A build without one cannot know where its folder will be served, so it writes a
 * labelled blank in the page's language before each site path (`[address of this site]/en/…`),
 * and the pages' script (src/scripts/site-address.ts) puts in the address they are actually
 * served from, base path included. Without JavaScript the blank stays, as the access date's
 * does. Links that browsers resolve (canonical, hreflang) are written root-relative instead, and
 * the finishing stage makes them relative to the page.
 *
 * Used at render time (Astro) and by the build scripts (downloads), so it reads no environment.
 */
export type AddressLang = 'zh' | 'en';

/** The blank standing for the site's address in a build without one, per language. */
export const ADDRESS_BLANK: Record<AddressLang, string> = { zh: '[本站网址]/', en: '[address of this site]/' };

/** Both blanks, for the script that replaces them. */
export const ADDRESS_BLANKS: readonly string[] = Object.values(ADDRESS_BLANK);

/** `site` as a base URL ending in a slash, or undefined for a build without a published address. */
export function publishedBase(site: string | URL | undefined): string | undefined {
  if (!site) return undefined;
  const href = new URL(String(site)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * The absolute address of a site path (`en/doc/4.2.5/`, without a leading slash) as readers
 * cite it: on the published base, or after the blank of `lang` in a build without one.
 */
export function citedUrl(site: string | undefined, sitePath: string, lang: AddressLang): string {
  const path = sitePath.replace(/^\//u, '');
  return site ? new URL(path, site).href : `${ADDRESS_BLANK[lang]}${path}`;
}

/**
 * The address of a site path for a link the browser resolves (canonical, alternate): absolute
 * on the published base, else root-relative (the finishing stage makes it page-relative).
 */
export function linkedUrl(site: string | undefined, sitePath: string): string {
  const path = sitePath.replace(/^\//u, '');
  return site ? new URL(path, site).href : `/${path}`;
}
