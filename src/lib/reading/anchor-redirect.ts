/**
 * The new clause id for an old `#anchor` on a document page (content/redirects.yaml), if the
 * clause moved. Only the map's own entries count (`#constructor` is no clause), and a
 * malformed escape (`#%E4%B`) is taken as written rather than thrown.
 */
export function anchorTarget(map: Record<string, string>, hash: string): string | undefined {
  const raw = hash.replace(/^#/u, '');
  let id = raw;
  try {
    id = decodeURIComponent(raw);
  } catch {
    // not percent-encoded text: look it up as it is
  }
  return Object.hasOwn(map, id) ? map[id] : undefined;
}
