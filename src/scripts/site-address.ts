/**
 * In a build without a published address, every citation, download and metadata tag carries
 * a labelled blank before its site path (src/lib/citation/site-address.ts). Here the page puts in the
 * address it is actually served from, base path included, so that what a reader copies,
 * downloads or saves to a reference manager names this site. Only over http(s): a file://
 * address is no one else's, so a page opened from a folder keeps the blank.
 */
import { ADDRESS_BLANKS } from '../lib/citation/site-address';

/**
 * The served root of the site: favicon.svg sits at the root, and every page links it with a
 * relative address (the finishing stage makes it so), which the browser resolves.
 */
export function servedRoot(): string | undefined {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return undefined;
  const icon = document.querySelector<HTMLLinkElement>('link[rel~="icon"]');
  return icon ? new URL('.', icon.href).href : undefined;
}

/** `text` with every blank replaced by the served root (unchanged where there is no blank or no root). */
export function withServedAddress(text: string, root = servedRoot()): string {
  if (!root) return text;
  return ADDRESS_BLANKS.reduce((t, blank) => t.replaceAll(blank, root), text);
}

const hasBlank = (text: string | null | undefined) => !!text && ADDRESS_BLANKS.some((b) => text.includes(b));

/**
 * Fills in the blanks of the page's metadata (meta tags, JSON-LD) and of the printed URL
 * (data-address). Every page's canonical and alternate links: page-links.ts.
 */
export function fillPageAddresses(root = servedRoot()): void {
  if (!root) return;
  for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[content]')) if (hasBlank(meta.content)) meta.content = withServedAddress(meta.content, root);
  for (const data of document.querySelectorAll<HTMLScriptElement>('script[type="application/ld+json"]')) if (hasBlank(data.textContent)) data.textContent = withServedAddress(data.textContent!, root);
  for (const el of document.querySelectorAll<HTMLElement>('[data-address]')) {
    if (!hasBlank(el.textContent)) continue;
    el.textContent = withServedAddress(el.textContent!, root);
    // The blank was in the reader's language; a URL is Latin script.
    el.lang = 'en';
  }
}

/**
 * A citation file the reader downloads (`a[data-citation-file]`, the whole document's BibTeX)
 * becomes the same file with the served address and today's access date (`urldate`), as the
 * clause's own downloads are. Without a root or on a failed fetch the link stays as it is.
 */
export async function personaliseCitationFiles(isoToday: string, root = servedRoot()): Promise<void> {
  if (!root) return;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-citation-file]')) {
    try {
      const response = await fetch(link.href);
      if (!response.ok) continue;
      const text = withServedAddress(await response.text(), root).replace(/^( {2}url = \{[^\n]*\}),$/gmu, `$1,\n  urldate = {${isoToday}},`);
      // A blob's address has no file name: keep the file's own.
      if (!link.download) link.download = new URL(link.href).pathname.split('/').pop()!;
      link.href = URL.createObjectURL(new Blob([text], { type: 'application/x-bibtex;charset=utf-8' }));
    } catch {
      // The static file stays offered.
    }
  }
}
