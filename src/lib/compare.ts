/**
 * The comparison of the two LMC plans: every section (a numbered clause with a heading)
 * of each, paired through the `continues` links between their clauses. One-to-one pairs
 * are continued; a section linked to several counterparts, or sharing its counterpart,
 * is restructured; a section without counterpart is dropped (earlier plan) or new (later).
 */
import type { Clause, DocumentData } from '../schemas/document';
import type { LinkData } from '../schemas/links';

export type Status = 'continued' | 'restructured' | 'dropped' | 'new';

export interface SectionRow {
  section: Clause;
  counterparts: Clause[];
  status: Status;
}

export interface Comparison {
  earlier: SectionRow[];
  later: SectionRow[];
  pairs: [string, string][];
}

function sectionFinder(doc: DocumentData) {
  const byId = new Map(doc.clauses.map((c) => [c.id, c]));
  // Sections are headed clauses below the top level (4.2.5 水资源), where the subjects are.
  return (id: string): Clause | undefined => {
    for (let c = byId.get(id); c; c = c.parent ? byId.get(c.parent) : undefined) if (c.heading && c.parent) return c;
    return undefined;
  };
}

export function compare(earlier: DocumentData, later: DocumentData, links: LinkData[]): Comparison {
  const findEarlier = sectionFinder(earlier);
  const findLater = sectionFinder(later);
  const pairs = new Map<string, [string, string]>();
  for (const l of links) {
    if (l.type !== 'continues') continue;
    const [fromDoc, fromId] = l.from.split('#') as [string, string];
    const [toDoc, toId] = l.to.split('#') as [string, string];
    if (fromDoc !== earlier.id || toDoc !== later.id) continue;
    const a = findEarlier(fromId);
    const b = findLater(toId);
    // Top-level pillars pair with pillars only; a subject section never pairs with a pillar.
    if (a && b && (a.id.split('.').length === 2) === (b.id.split('.').length === 2)) pairs.set(`${a.id}|${b.id}`, [a.id, b.id]);
  }
  const list = [...pairs.values()];
  const sections = (doc: DocumentData) => doc.clauses.filter((c) => c.heading && c.parent && c.number);
  const rows = (doc: DocumentData, side: 0 | 1, other: DocumentData): SectionRow[] => {
    const otherById = new Map(other.clauses.map((c) => [c.id, c]));
    return sections(doc).map((section) => {
      const mine = list.filter((p) => p[side] === section.id);
      const counterparts = mine.map((p) => otherById.get(p[side === 0 ? 1 : 0])!);
      const shared = counterparts.some((c) => list.filter((p) => p[side === 0 ? 1 : 0] === c.id).length > 1);
      const status: Status = counterparts.length === 0 ? (side === 0 ? 'dropped' : 'new') : counterparts.length > 1 || shared ? 'restructured' : 'continued';
      return { section, counterparts, status };
    });
  };
  return { earlier: rows(earlier, 0, later), later: rows(later, 1, earlier), pairs: list };
}
