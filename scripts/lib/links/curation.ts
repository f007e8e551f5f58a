/**
 * After the cross-link matcher (links.ts): the published order of links, the editors' curation
 * (content/links.yaml) applied to them, and their evaluation against hand-labelled pairs
 * (`npm run evaluate-links`).
 */
import type { CurationData, LinkData, LinkType } from '../../../src/schemas/links';

/** A link as published in /data/links.json. */
export type Link = LinkData;

/** The editors' corrections, as read from content/links.yaml. */
export type Curation = CurationData;

/** Sorts links by from, to, then type: the order of the published file. */
export function sortLinks(links: Link[]): Link[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...links].sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.type, b.type));
}

/**
 * Applies the editors' curation to the automatic links: a confirmed link becomes
 * `curated` and keeps its score (and takes the editors' type); an added link is `curated`
 * with its given score or null; a rejected link is removed, whatever its type. A
 * confirmation of a link the matcher did not find is kept as curated with a null score,
 * so a change in the matcher never silently drops a confirmed link.
 */
export function applyCuration(auto: Link[], curation: Curation): Link[] {
  const key = (l: { from: string; to: string }) => `${l.from}|${l.to}`;
  const rejected = new Set(curation.reject.map(key));
  const result = new Map<string, Link>();
  for (const l of auto) if (!rejected.has(key(l))) result.set(key(l), l);
  for (const c of curation.confirm) {
    if (rejected.has(key(c))) continue;
    const found = result.get(key(c));
    result.set(key(c), { from: c.from, to: c.to, type: c.type, origin: 'curated', score: found?.score ?? null });
  }
  for (const a of curation.add) {
    if (rejected.has(key(a))) continue;
    result.set(key(a), { from: a.from, to: a.to, type: a.type, origin: 'curated', score: a.score ?? null });
  }
  return sortLinks([...result.values()]);
}

/** A hand-labelled pair: `type` for a true link, `none` for a pair that must not be linked. */
export interface LabelledPair {
  from: string;
  to: string;
  type: LinkType | 'none';
  note?: string;
}

/** Precision and recall of links against labelled pairs. */
export interface Evaluation {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Found with the right ends but another type. */
  wrongType: number;
  precision: number;
  recall: number;
  missed: LabelledPair[];
  wrong: LabelledPair[];
}

/**
 * Evaluates links against labelled pairs. A labelled pair counts as found when a link
 * joins the same clauses in either direction, or a clause and one enclosing it on one
 * side (the pruning keeps the section link 2.9 → … rather than 2.9.8 → …). A true pair
 * found with another type counts as a miss and a false positive.
 */
export function evaluate(links: Link[], labelled: LabelledPair[]): Evaluation {
  const within = (a: string, b: string) => a === b || (a.split('#')[0] === b.split('#')[0] && (b.startsWith(`${a}.`) || a.startsWith(`${b}.`)));
  const ends = (x: string, y: string, a: string, b: string) => (x === a && within(y, b)) || (within(x, a) && y === b);
  const match = (l: Link, p: LabelledPair) => ends(l.from, l.to, p.from, p.to) || ends(l.from, l.to, p.to, p.from);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let wrongType = 0;
  const missed: LabelledPair[] = [];
  const wrong: LabelledPair[] = [];
  for (const p of labelled) {
    const found = links.filter((l) => match(l, p));
    if (p.type === 'none') {
      if (found.length) {
        fp++;
        wrong.push(p);
      }
    } else if (found.some((l) => l.type === p.type)) tp++;
    else {
      fn++;
      missed.push(p);
      if (found.length) {
        wrongType++;
        fp++;
        wrong.push(p);
      }
    }
  }
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    wrongType,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    missed,
    wrong,
  };
}
