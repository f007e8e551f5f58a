/**
 * What each edition changed in the published clause ids (issue 17), from content/registry.yaml
 * (which edition added each id) and content/redirects.yaml (moves and retirements).
 */
import type { Localized } from '../../schemas/common';
import type { Edition } from '../../schemas/edition';
import type { Redirects, Registry } from '../../schemas/registry';

export interface EditionChanges {
  version: string;
  date: string | null;
  /** Per document, the clause ids this edition added, in the order they were registered. */
  added: { document: string; ids: string[] }[];
  moved: { from: string; to: string; reason: Localized }[];
  retired: { clause: string; reason: Localized }[];
}

/**
 * Every edition with its changes, newest first. A bare registry id belongs to the first edition
 * (the registry's format before editions were recorded); a redirect without `edition` to the
 * edition being built.
 */
export function editionChanges(editions: Edition['editions'], registry: Registry | undefined, redirects: Redirects | undefined, fallbackVersion: string): EditionChanges[] {
  const list: EditionChanges[] = (editions.length ? editions : [{ version: fallbackVersion, date: null }]).map((e) => ({ version: e.version, date: e.date, added: [], moved: [], retired: [] }));
  const byVersion = new Map(list.map((e) => [e.version, e]));
  const get = (version: string) => {
    let e = byVersion.get(version);
    if (!e) byVersion.set(version, (e = { version, date: null, added: [], moved: [], retired: [] })) && list.push(e);
    return e;
  };
  const first = list[0]!.version;
  const current = list[list.length - 1]!.version;
  for (const [document, entries] of Object.entries(registry?.documents ?? {})) {
    for (const entry of entries) {
      const [id, version] = typeof entry === 'string' ? [entry, first] : [entry.id, entry.edition];
      const e = get(version);
      let group = e.added.find((g) => g.document === document);
      if (!group) e.added.push((group = { document, ids: [] }));
      group.ids.push(id);
    }
  }
  for (const r of redirects?.redirects ?? []) get(r.edition ?? current).moved.push({ from: r.from, to: r.to, reason: r.reason });
  for (const r of redirects?.retired ?? []) get(r.edition).retired.push({ clause: r.clause, reason: r.reason });
  return [...byVersion.values()].reverse();
}
