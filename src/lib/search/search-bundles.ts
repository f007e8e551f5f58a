/**
 * A large corpus's index comes in several Pagefind bundles (scripts/lib/publish/search-index.ts):
 * the first in pagefind/, the others in pagefind/2/, 3/, …, each named on the search page by the
 * preload of its entry file, marked `data-pagefind-merge`. Pagefind searches them as one
 * (mergeIndex): the merged bundles share the first one's script and WebAssembly, and their
 * results are ranked together.
 */
export const MERGE_ATTRIBUTE = 'data-pagefind-merge';

export interface Mergeable {
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
}

/** The folders of the bundles to merge, from the page's preloads of their entry files. */
export function bundlesToMerge(root: ParentNode): string[] {
  return [...root.querySelectorAll<HTMLLinkElement>(`link[${MERGE_ATTRIBUTE}]`)].map((link) => new URL('./', link.href).href);
}

/**
 * Merges each bundle into the first, all at once, under the page's cache tag: the entry file
 * Pagefind asks for is then the one the page preloaded. (Each bundle has one index, which
 * Pagefind takes whatever the page's language.)
 */
export async function mergeBundles(pagefind: Mergeable, folders: string[], tag: string | undefined): Promise<void> {
  await Promise.all(folders.map((folder) => pagefind.mergeIndex(folder, { metaCacheTag: tag })));
}
