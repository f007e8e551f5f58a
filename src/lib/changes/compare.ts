/**
 * Sections and changes between a document and its successor (issue 15). A section is a
 * numbered clause without numbered children (4.2.5 水资源, with its paragraphs), or a paragraph
 * outside any such clause (a preamble paragraph). Used by the build, which writes
 * /data/changes.json, and by the comparison and clause pages, which read it.
 */
import type { Clause, DocumentData } from '../../schemas/document';
import type { ChangeStatus } from '../../schemas/changes';

/** The two comparisons the edition publishes, earlier document first. */
export const COMPARISONS: [string, string][] = [
  ['lmc-poa-2018-2022', 'lmc-poa-2023-2027'],
  ['lmc-vientiane-declaration-2020', 'lmc-naypyitaw-declaration-2023'],
];

export interface Sections {
  /** Section ids in reading order. */
  ids: string[];
  /** The section a clause belongs to, if any (a pillar heading such as 4.1 belongs to none). */
  of(clauseId: string): string | undefined;
  /** The clauses of a section: the section clause and its paragraphs, in reading order. */
  clauses(sectionId: string): Clause[];
}

/** The sections of a document. */
export function sections(doc: DocumentData): Sections {
  const numberedChildren = new Set(doc.clauses.filter((c) => c.number && c.parent).map((c) => c.parent!));
  const byId = new Map(doc.clauses.map((c) => [c.id, c]));
  const owner = new Map<string, string>();
  const ids: string[] = [];
  const members = new Map<string, Clause[]>();
  for (const c of doc.clauses) {
    let section: string | undefined;
    if (c.number) {
      if (!numberedChildren.has(c.id)) section = c.id;
    } else {
      // A paragraph belongs to its numbered parent if that is a section; else it is one.
      const parent = c.parent ? byId.get(c.parent) : undefined;
      section = parent && !numberedChildren.has(parent.id) ? owner.get(parent.id) : c.id;
    }
    if (!section) continue;
    owner.set(c.id, section);
    if (!members.has(section)) {
      members.set(section, []);
      ids.push(section);
    }
    members.get(section)!.push(c);
  }
  return {
    ids,
    of: (id) => {
      for (let c = byId.get(id); c; c = c.parent ? byId.get(c.parent) : undefined) if (owner.has(c.id)) return owner.get(c.id);
      return undefined;
    },
    clauses: (id) => members.get(id) ?? [],
  };
}

/** A section's text in one language: heading, then every clause's text. */
export function sectionText(doc: DocumentData, s: Sections, id: string, lang: 'zh' | 'en'): string {
  return s.clauses(id).flatMap((c) => [c.heading?.[lang] ?? '', c.text[lang]]).filter(Boolean).join(lang === 'zh' ? '' : ' ');
}

const bigrams = (text: string) => {
  const han = [...text.replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '')];
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < han.length; i++) out.set(han[i]! + han[i + 1]!, (out.get(han[i]! + han[i + 1]!) ?? 0) + 1);
  return out;
};

/** The share of `a`'s character bigrams found in `b` (0..1). */
export function kept(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let total = 0;
  let shared = 0;
  for (const [k, n] of x) {
    total += n;
    shared += Math.min(n, y.get(k) ?? 0);
  }
  return total ? shared / total : 0;
}

/** Above this share of the earlier text kept, a one-to-one pair is `continued`, else `reworded`. */
export const CONTINUED_KEPT = 0.5;

export interface Edge {
  from: string;
  to: string;
  score: number;
  curated: boolean;
}

export interface Group {
  from: string[];
  to: string[];
  status: ChangeStatus;
  curated: boolean;
}

/**
 * Groups section pairs into changes: connected pairs form one change (several earlier into
 * one later: merged; one into several: split; one to one: continued or reworded by how much
 * text is kept). A tangle of several to several keeps, for each section, only its best pair.
 * Sections without a pair are dropped (earlier) or new (later).
 */
export function groupChanges(fromIds: string[], toIds: string[], edges: Edge[], keptShare: (from: string, to: string) => number): Group[] {
  const components = (list: Edge[]) => {
    const seen = new Set<Edge>();
    const out: Edge[][] = [];
    for (const e of list) {
      if (seen.has(e)) continue;
      const comp: Edge[] = [];
      const queue = [e];
      seen.add(e);
      while (queue.length) {
        const x = queue.shift()!;
        comp.push(x);
        for (const y of list) if (!seen.has(y) && (y.from === x.from || y.to === x.to)) (seen.add(y), queue.push(y));
      }
      out.push(comp);
    }
    return out;
  };
  const best = (list: Edge[]) => {
    const keep = new Set<Edge>();
    for (const side of ['from', 'to'] as const) {
      const top = new Map<string, Edge>();
      for (const e of list) {
        const t = top.get(e[side]);
        if (!t || (e.curated ? 2 : e.score) > (t.curated ? 2 : t.score)) top.set(e[side], e);
      }
      for (const e of top.values()) keep.add(e);
    }
    return list.filter((e) => keep.has(e));
  };
  const groups: Group[] = [];
  const order = (ids: string[], all: string[]) => [...new Set(ids)].sort((a, b) => all.indexOf(a) - all.indexOf(b));
  const pending = components(edges);
  while (pending.length) {
    const comp = pending.shift()!;
    const from = order(comp.map((e) => e.from), fromIds);
    const to = order(comp.map((e) => e.to), toIds);
    if (from.length > 1 && to.length > 1) {
      const pruned = best(comp);
      if (pruned.length < comp.length) {
        pending.unshift(...components(pruned));
        continue;
      }
    }
    const status: ChangeStatus = from.length > 1 && to.length === 1 ? 'merged' : from.length === 1 && to.length > 1 ? 'split' : from.length > 1 ? (to.length < from.length ? 'merged' : 'split') : keptShare(from[0]!, to[0]!) >= CONTINUED_KEPT ? 'continued' : 'reworded';
    groups.push({ from, to, status, curated: comp.some((e) => e.curated) });
  }
  const pairedFrom = new Set(groups.flatMap((g) => g.from));
  const pairedTo = new Set(groups.flatMap((g) => g.to));
  for (const id of fromIds) if (!pairedFrom.has(id)) groups.push({ from: [id], to: [], status: 'dropped', curated: false });
  for (const id of toIds) if (!pairedTo.has(id)) groups.push({ from: [], to: [id], status: 'new', curated: false });
  // Reading order of the earlier document; new sections after, in the later one's order.
  const key = (g: Group) => (g.from.length ? fromIds.indexOf(g.from[0]!) : fromIds.length + toIds.indexOf(g.to[0]!));
  return groups.sort((a, b) => key(a) - key(b));
}
