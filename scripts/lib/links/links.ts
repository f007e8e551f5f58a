/**
 * Cross-links between clauses of different documents, found by their content and then
 * corrected by the editors (content/links.yaml).
 *
 * The automatic matcher:
 * 1. builds matching units: a clause with its heading; a heading whose children are only
 *    unnumbered paragraphs (`4.2.5 水资源` with `4.2.5.p1…p7`) absorbs them, so the link
 *    names the heading clause; a clause with text of its own carries the text of an
 *    unheaded list under it; a heading over numbered clauses (`4.2 经济与可持续发展`, the
 *    ASEAN-China plan's `2.3` over `2.3.1…2.3.8`) is structural: its provisions are
 *    matched one by one, and it only by its heading, only with the successor plan;
 * 2. turns each unit into a vector of character bigrams of normalised Chinese text
 *    (plus named-document and concept tokens), weighted by BM25 (saturated term
 *    frequency × IDF), minus a stoplist of bigrams that carry no subject (合作, 加强 …);
 * 3. generates candidate pairs through an inverted index on each unit's most weighted
 *    terms, skipping terms too common to discriminate: never all pairs;
 * 4. scores a candidate by cosine similarity plus a bonus for similar headings, types it
 *    by the two documents (see `linkType`), and keeps it above the type's threshold; a
 *    `related` link also needs a shared subject topic when topics are given;
 * 5. keeps, strongest first, a link only if no kept link joins the same clause to an
 *    enclosing or enclosed clause, and only a unit's best links into each document;
 * 6. adds section-level `related` links between frameworks: an ASEAN-China section heading
 *    over short provisions and an LMC section of the same subject (`sectionLinks`);
 * 7. adds `references` links for 《titles》 naming another corpus document.
 * Steps 1 and 2 are in match-units.ts, the typing of step 4 in link-types.ts, step 6 in
 * section-links.ts, and the editors' curation and the evaluation in curation.ts; this module
 * runs the steps and is the matcher's one entry point.
 * Thresholds and weights were tuned on the six texts against
 * tests/fixtures/links/labelled.yaml (see scripts/evaluate-links.ts).
 */
import type { DocumentData } from '../../../src/schemas/document';
import type { LinkType } from '../../../src/schemas/links';
import { sortLinks, type Link } from './curation';
import { type Candidate, docInfo, linkType, PILLARS } from './link-types';
import { cosine, prepare, textSimilarity, type Concept, type Unit } from './match-units';
import { DEFAULT_YEARS, titleMentions } from './named-documents';
import { sectionLinks } from './section-links';

export type { LinkType } from '../../../src/schemas/links';
export { applyCuration, evaluate, sortLinks, type Curation, type Evaluation, type LabelledPair, type Link } from './curation';
export { linkType } from './link-types';
export { bigrams, matchingUnits, normaliseForMatching, type Concept, type Unit } from './match-units';
export { headingTerms } from './section-links';

export interface FindLinksOptions {
  /** Minimum score per link type. */
  thresholds?: Partial<Record<Exclude<LinkType, 'references'>, number>>;
  /** Weight of heading similarity added to the text similarity. */
  headingBonus?: number;
  /** How many times a heading's bigrams count compared with body text. */
  headingWeight?: number;
  /** Query terms per unit used to generate candidates (the rest still count in the score). */
  queryTerms?: number;
  /** Terms found in more than this share of units are not used to generate candidates. */
  maxDfRatio?: number;
  /** Nor are terms found in more than this many units, whatever the corpus size: this keeps candidate generation linear in the number of units. */
  maxPostings?: number;
  /** Candidate partners per unit passed on to exact scoring. */
  maxCandidates?: number;
  /** Links kept per unit and other document, in each direction. */
  perDocument?: number;
  /**
   * Links kept per unit in all: with many documents, a per-document allowance alone would
   * let a clause collect links from every one of them (quadratic in the corpus); this cap
   * keeps the output, and the pruning, linear.
   */
  perUnit?: number;
  /** A unit's further links into a document must score at least this share of its best one. */
  relative?: number;
  /**
   * Topics of each clause (`tagClauses` of ./topics), keyed `document#clause`. When given,
   * a `related` link needs a shared subject: between two frameworks (LMC and ASEAN-China)
   * one outside `genericTopics`, because their institutional vocabulary (高官会, 工作组,
   * 政策对话) is alike while their subjects differ.
   */
  topics?: Map<string, string[]>;
  /** Topics too general to make two clauses related on their own (pillars never count). */
  genericTopics?: string[];
  /** Concepts (e.g. glossary terms) counted as shared vocabulary. */
  concepts?: Concept[];
  /** Minimum heading similarity of a section-level link between frameworks (see `sectionLinks`). */
  sectionHeading?: number;
  /** Year of documents whose date is null; defaults to `DEFAULT_YEARS`. */
  years?: Record<string, number>;
  /** Cost counters: `comparisons` counts pairs of units scored, `postings` index entries read. */
  counter?: { comparisons: number; postings?: number };
}

const DEFAULTS = {
  thresholds: { continues: 0.08, implements: 0.07, related: 0.15 },
  headingBonus: 0.35,
  headingWeight: 2,
  queryTerms: 24,
  maxDfRatio: 0.06,
  maxPostings: 60,
  maxCandidates: 64,
  perDocument: 2,
  perUnit: 8,
  relative: 0.5,
  genericTopics: ['institutions', 'regional-integration', 'development-vision'],
  sectionHeading: 0.3,
};

/**
 * Finds candidate links between clauses of different documents, automatically: content
 * links (`continues`, `implements`, `related`) by similarity, and `references` where a
 * clause names another corpus document in 《》 (to the document as a whole, written
 * `document#` with an empty clause id, because a title names a document, not a clause).
 * Every link has `origin: 'auto'`. Sorted by from, then to, then type.
 */
export function findLinks(documents: DocumentData[], options: FindLinksOptions = {}): Link[] {
  const o = { ...DEFAULTS, ...options, thresholds: { ...DEFAULTS.thresholds, ...options.thresholds } };
  const years = { ...DEFAULT_YEARS, ...options.years };
  const infos = new Map(documents.map((d, i) => [d.id, docInfo(d, i, years)]));
  // Titles in 《》: shared tokens for the similarity, and `references` links.
  const mentions = titleMentions(documents, { years: options.years });
  const p = prepare(documents, mentions, o);
  const { units, vectors, norms, headings, headingNorms, df } = p;
  const counter = o.counter;

  // Inverted index over discriminating terms only: a term in more than maxDfRatio of the
  // units (after the stoplist) blocks nothing, and an absolute cap keeps the cost at most
  // units × queryTerms × maxPostings however large the corpus grows.
  const maxDf = Math.min(o.maxPostings, Math.max(10, Math.floor(o.maxDfRatio * units.length)));
  const postings = new Map<string, number[]>();
  for (const [i, v] of vectors.entries()) {
    for (const t of v.keys()) {
      if (df.get(t)! > maxDf) continue;
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(i);
    }
  }

  // Either unit's strongest terms may find the pair: a short declaration clause and a
  // long plan section weight their shared subject differently.
  // Each unit proposes only its `maxCandidates` best partners by shared query weight, so
  // exact scoring stays a constant amount of work per unit.
  // Pairs as numbers i·n + j (i < j) in a flat list, sorted and deduplicated below: past
  // 2³¹ a Set would hold every key as a boxed heap number, and a 100× corpus gets there.
  const proposed: number[] = [];
  const n = units.length;
  const documentOf = Int32Array.from(units, (u) => infos.get(u.document)!.order);
  // Shared weight per partner in a flat array (reset after each unit), added in the same
  // order as ever: query terms by weight, then each posting list in unit order.
  const shared = new Float64Array(n);
  const isTouched = new Uint8Array(n);
  const touched: number[] = [];
  for (const [i, v] of vectors.entries()) {
    const query = [...v.entries()]
      .filter(([t]) => postings.has(t))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, o.queryTerms);
    for (const [t, w] of query) {
      const list = postings.get(t)!;
      if (counter) counter.postings = (counter.postings ?? 0) + list.length;
      for (const j of list) {
        if (documentOf[j] === documentOf[i]) continue;
        if (!isTouched[j]) {
          isTouched[j] = 1;
          touched.push(j);
        }
        shared[j] += w;
      }
    }
    touched.sort((a, b) => shared[b]! - shared[a]! || a - b);
    for (const j of touched.slice(0, o.maxCandidates)) proposed.push(i < j ? i * n + j : j * n + i);
    for (const j of touched) {
      shared[j] = 0;
      isTouched[j] = 0;
    }
    touched.length = 0;
  }
  const sorted = Float64Array.from(proposed).sort();
  const pairs: number[] = [];
  for (const [k, key] of sorted.entries()) if (k === 0 || key !== sorted[k - 1]) pairs.push(key);
  // Subject topics of each unit (pillars aside): a unit's own and its members'.
  const unitTopics = units.map((u) => {
    if (!o.topics) return undefined;
    const tags = u.members.flatMap((m) => o.topics!.get(`${u.document}#${m}`) ?? []);
    return new Set(tags.filter((t) => !PILLARS.has(t)));
  });
  const generic = new Set(o.genericTopics);
  const shareSubject = (i: number, j: number, strict: boolean) => {
    const a = unitTopics[i];
    const b = unitTopics[j];
    if (!a || !b) return true;
    return [...a].some((t) => b.has(t) && !(strict && generic.has(t)));
  };

  const text = textSimilarity(vectors, norms);
  // The link type depends on the two documents only.
  const types = new Map<number, ReturnType<typeof linkType>>();
  const typeOf = (i: number, j: number) => {
    const key = documentOf[i]! * documents.length + documentOf[j]!;
    let t = types.get(key);
    if (!t) types.set(key, (t = linkType(infos.get(units[i]!.document)!, infos.get(units[j]!.document)!)));
    return t;
  };
  const candidates: Candidate[] = [];
  for (const key of pairs) {
    const i = Math.floor(key / n);
    const j = key % n;
    if (counter) counter.comparisons++;
    const a = units[i]!;
    const b = units[j]!;
    const { type, forward } = typeOf(i, j);
    // A structural heading (4.2 经济与可持续发展) stands for its section only in the
    // successor plan's matching section; elsewhere it would link every pillar heading.
    if ((a.structural || b.structural) && type !== 'continues') continue;
    const head = a.heading && b.heading ? cosine(headings[i]!, headings[j]!, headingNorms[i]!, headingNorms[j]!) : 0;
    const score = a.structural || b.structural ? head : text(i, j) + o.headingBonus * head;
    if (score < o.thresholds[type]) continue;
    if (type === 'related' && !shareSubject(i, j, infos.get(a.document)!.framework !== infos.get(b.document)!.framework)) continue;
    candidates.push(forward ? { from: i, to: j, type, score } : { from: j, to: i, type, score });
  }

  const kept = prune(candidates, units, o.perDocument, o.perUnit, o.relative);
  kept.push(...sectionLinks(units, kept, { headings, headingNorms, infos, typeOf, min: o.sectionHeading, relative: o.relative, perDocument: o.perDocument, perUnit: o.perUnit, maxPostings: maxDf, topics: o.topics, generic }));
  const links: Link[] = kept.map((c) => ({ from: units[c.from]!.ref, to: units[c.to]!.ref, type: c.type, origin: 'auto', score: round(c.score) }));

  const present = new Set(links.map((l) => `${l.from}|${l.to}`));
  for (const m of mentions) {
    if (!m.document || m.clause.startsWith(`${m.document}#`)) continue;
    const link: Link = { from: m.clause, to: `${m.document}#`, type: 'references', origin: 'auto', score: 1 };
    const key = `${link.from}|${link.to}`;
    if (present.has(key)) continue;
    present.add(key);
    links.push(link);
  }
  return sortLinks(links);
}

const round = (x: number) => Math.round(Math.min(1, x) * 1000) / 1000;

/**
 * Keeps the best links, strongest first:
 * - a link is dropped when a kept link has the same clause at one end and, at the other,
 *   a clause enclosing or enclosed by this one (of the Vientiane Declaration's section 2
 *   and its provision 2.6, only the better match for the 2018–2022 plan's 4.2.5 stays);
 * - for each clause and other document, a link is kept only if it scores at least
 *   `relative` × the clause's best link into that document, and at most `perDocument`
 *   of them: a clause's second match is published only when it is nearly as good;
 * - no clause keeps more than `perUnit` links in all.
 */
function prune(candidates: Candidate[], units: Unit[], perDocument: number, perUnit: number, relative: number): Candidate[] {
  const byScore = [...candidates].sort((a, b) => b.score - a.score || a.from - b.from || a.to - b.to);
  const best = new Map<string, number>();
  const side = (c: Candidate) => [`${c.from}>${units[c.to]!.document}`, `${c.to}<${units[c.from]!.document}`];
  const kept: Candidate[] = [];
  // The units each kept link joins, by either end, so the cover test is local.
  const partners = new Map<number, number[]>();
  const taken = new Map<string, number>();
  const related = (u: Unit, v: Unit) => u.document === v.document && (u.ancestors.includes(v.clause) || v.ancestors.includes(u.clause));
  const count = (u: number) => partners.get(u)?.length ?? 0;
  for (const c of byScore) {
    if (count(c.from) >= perUnit || count(c.to) >= perUnit) continue;
    const f = units[c.from]!;
    const t = units[c.to]!;
    const covered = (partners.get(c.to) ?? []).some((k) => related(units[k]!, f)) || (partners.get(c.from) ?? []).some((k) => related(units[k]!, t));
    if (covered) continue;
    const keys = side(c);
    if (keys.some((k) => (taken.get(k) ?? 0) >= perDocument || (best.has(k) && c.score < relative * best.get(k)!))) continue;
    for (const k of keys) {
      taken.set(k, (taken.get(k) ?? 0) + 1);
      if (!best.has(k)) best.set(k, c.score);
    }
    partners.set(c.to, [...(partners.get(c.to) ?? []), c.from]);
    partners.set(c.from, [...(partners.get(c.from) ?? []), c.to]);
    kept.push(c);
  }
  return kept;
}
