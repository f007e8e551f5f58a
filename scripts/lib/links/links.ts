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
 * Thresholds and weights were tuned on the six texts against
 * tests/fixtures/links/labelled.yaml (see scripts/evaluate-links.ts).
 */
import type { DocumentData } from '../../../src/schemas/document';
import type { CurationData, LinkData, LinkType } from '../../../src/schemas/links';
import { DEFAULT_YEARS, titleMentions, type TitleMention } from './named-documents';

export type { LinkType } from '../../../src/schemas/links';

/** A link as published in /data/links.json. */
export type Link = LinkData;

/** The editors' corrections, as read from content/links.yaml. */
export type Curation = CurationData;

/** A concept whose forms, found in two clauses, count as shared vocabulary (e.g. glossary terms). */
export interface Concept {
  id: string;
  /** Chinese forms as they occur in the texts. */
  forms: string[];
}

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

const PILLARS = new Set(['political-security', 'economic-sustainable-development', 'social-cultural']);

/**
 * Bigrams that say nothing about a subject: the verbs and frames of every provision
 * (加强…合作, 推动…发展), the names of the parties and of the mechanism itself. IDF alone
 * leaves them a little weight, and across ~500 clauses a little weight on many shared
 * frames outscores one shared subject word.
 */
const STOP_BIGRAMS = new Set(
  (
    '合作 加强 推动 推进 促进 开展 澜湄 国家 各国 六国 交流 发展 建设 支持 鼓励 探讨 一步 我们 同意 欢迎 赞赏 继续 ' +
    '中国 东盟 国和 领域 机制 相关 方面 提升 实施 落实 共同 积极 重要 以及 等领 作为 通过 包括 其他 有关 进行 ' +
    '成员 员国 各领 的合 和东 与东 湄国 湄合 作的 作， 区域 地区 本地 双方 中方 各方 努力 深化 完善 提高 做好 用好 ' +
    '充分 发挥 作用 有效 推广 关于 以及 之间 间的 同时 基础 础上 一个 一系 系列 领导 导人 人会 会议 加快 ' +
    '务实 实合 合作 作用 参与 能力 力建 建设 设合 与合 及其 共享 分享 信息 经验 研究 联合 举办 定期 探索 建立'
  )
    .split(/\s+/u)
    .filter((b) => b.length === 2),
);

/**
 * Phrases removed before tokenising: the formula naming the six countries and their
 * leaders opens both declarations and would otherwise make them each other's best match.
 */
const STOP_PHRASES = [
  '柬埔寨王国', '中华人民共和国', '老挝人民民主共和国', '缅甸联邦共和国', '泰国王国', '泰国', '越南社会主义共和国',
  '国家元首或政府首脑', '政府首脑', '通过视频举行', '会议主题为', '简称',
];

/** Equivalent names, rewritten to one form before tokenising. */
const SYNONYMS: [RegExp, string][] = [
  [/澜沧江[-—–]?湄公河/gu, '澜湄'],
  [/湄公河委员会/gu, '湄委会'],
  [/中小企业/gu, '中小微企业'],
];

/** Lowercases ASCII, makes full-width forms half-width, applies synonyms and removes stop phrases. */
export function normaliseForMatching(text: string): string {
  let t = text.normalize('NFKC');
  for (const [from, to] of SYNONYMS) t = t.replace(from, to);
  for (const p of STOP_PHRASES) t = t.split(p).join('，');
  return t.toLowerCase();
}

/**
 * Character bigrams of each run of Han characters (never across punctuation, so a list
 * 水运、港口 gives no 运港), and ASCII words that are not bare numbers (RCEP, steam).
 */
export function bigrams(text: string): string[] {
  const out: string[] = [];
  const t = normaliseForMatching(text);
  for (const run of t.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) {
      const b = chars[i]! + chars[i + 1]!;
      if (!STOP_BIGRAMS.has(b)) out.push(b);
    }
  }
  for (const w of t.match(/[a-z][a-z0-9]+/gu) ?? []) out.push(w);
  return out;
}

/** A unit of matching: one clause, possibly carrying its descendants' text. */
export interface Unit {
  /** `document#clause` of the clause the link will name. */
  ref: string;
  document: string;
  clause: string;
  /** Normalised heading, '' if none. */
  heading: string;
  /** The text compared: own text and, where the rule says so, descendants' text. */
  text: string;
  /** A heading whose descendants have headings: compared by heading only. */
  structural: boolean;
  /** Clause ids of the enclosing clauses, nearest first. */
  ancestors: string[];
  /** Clause ids whose text the unit carries: its own and absorbed or carried descendants'. */
  members: string[];
}

/** The matching units of a document (see the module comment for the rules). */
export function matchingUnits(doc: DocumentData): Unit[] {
  const byId = new Map(doc.clauses.map((c) => [c.id, c]));
  const children = new Map<string, string[]>();
  for (const c of doc.clauses) if (c.parent) children.set(c.parent, [...(children.get(c.parent) ?? []), c.id]);
  const descendants = (id: string): string[] => (children.get(id) ?? []).flatMap((k) => [k, ...descendants(k)]);
  const isParagraph = (id: string) => /(^|\.)p\d+$/u.test(id);
  // A heading with no text whose children are all unnumbered paragraphs: the paragraphs
  // are its body, printed under it, and the heading names the subject of all of them.
  const absorbs = (id: string) => {
    const c = byId.get(id)!;
    const kids = children.get(id) ?? [];
    return !!c.heading?.zh && !c.text.zh && kids.length > 0 && kids.every(isParagraph);
  };
  const units: Unit[] = [];
  for (const c of doc.clauses) {
    if (c.parent && isParagraph(c.id) && absorbs(c.parent)) continue;
    const desc = descendants(c.id);
    const heading = c.heading?.zh ?? '';
    // A heading over numbered provisions (the Vientiane Declaration's 2 over 2.1…2.12) is
    // a pillar, not a subject: its provisions are matched one by one, and it only by its
    // heading. A clause with text of its own introduces its list (评估本《行动计划》： over
    // 11.3.1, 11.3.2), which belongs with it.
    const structural = desc.length > 0 && !c.text.zh && !absorbs(c.id);
    const carries = !structural && !desc.some((d) => byId.get(d)!.heading?.zh);
    const members = [c.id, ...(carries ? desc : [])];
    const text = members.map((m) => byId.get(m)!.text.zh).filter(Boolean).join('\n');
    if (!heading && !text) continue;
    const ancestors: string[] = [];
    for (let p = c.parent; p; p = byId.get(p)?.parent ?? null) ancestors.push(p);
    units.push({ ref: `${doc.id}#${c.id}`, document: doc.id, clause: c.id, heading, text, structural, ancestors, members });
  }
  return units;
}

type Vector = Map<string, number>;

const norm = (v: Vector) => Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));

function cosine(a: Vector, b: Vector, na: number, nb: number): number {
  if (na === 0 || nb === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const x = large.get(t);
    if (x) dot += w * x;
  }
  return dot / (na * nb);
}

/**
 * `cosine` for the text vectors, on a packed copy: each vector as parallel arrays of term
 * numbers (ascending) and weights, so a pair is one sequential merge of two short arrays.
 * Map look-ups scattered over tens of thousands of vectors, or a flat array as large as
 * the vocabulary, miss the processor's caches once the corpus is large: at 100 times the
 * corpus they made scoring grow 26-fold for 12 times the pairs. The sum runs in term
 * order rather than Map order, so a score can differ from `cosine` in its last bit.
 */
function textSimilarity(vectors: Vector[], norms: number[]): (i: number, j: number) => number {
  const vocabulary = new Map<string, number>();
  const packed = vectors.map((v) => {
    const entries = [...v].map(([t, w]) => {
      let id = vocabulary.get(t);
      if (id === undefined) vocabulary.set(t, (id = vocabulary.size));
      return [id, w] as const;
    });
    entries.sort((a, b) => a[0] - b[0]);
    return { terms: Int32Array.from(entries, (e) => e[0]), weights: Float64Array.from(entries, (e) => e[1]) };
  });
  return (i, j) => {
    if (norms[i] === 0 || norms[j] === 0) return 0;
    const a = packed[i]!;
    const b = packed[j]!;
    let dot = 0;
    for (let x = 0, y = 0; x < a.terms.length && y < b.terms.length; ) {
      const d = a.terms[x]! - b.terms[y]!;
      if (d === 0) dot += a.weights[x++]! * b.weights[y++]!;
      else if (d < 0) x++;
      else y++;
    }
    return dot / (norms[i]! * norms[j]!);
  };
}

/** How two documents relate in time and kind. */
interface DocInfo {
  id: string;
  type: DocumentData['type'];
  /** Organisation: the first segment of the id (`lmc`, `asean`). */
  framework: string;
  /** The id without its year range: the plans of one series share it. */
  series: string;
  year: number;
  /** Period of a plan, from its id. */
  period?: [number, number];
  /** Position in the input, breaking ties of year. */
  order: number;
}

function docInfo(doc: DocumentData, order: number, years: Record<string, number>): DocInfo {
  const period = doc.id.match(/-(\d{4})-(\d{4})$/u);
  const year = doc.date ? Number(doc.date.slice(0, 4)) : (years[doc.id] ?? (period ? Number(period[1]) : 9999));
  return {
    id: doc.id,
    type: doc.type,
    framework: doc.id.split('-')[0]!,
    series: doc.id.replace(/(-\d{4})+$/u, ''),
    year,
    period: period ? [Number(period[1]), Number(period[2])] : undefined,
    order,
  };
}

/**
 * The type and direction of a content link between clauses of documents `a` and `b`:
 * - `continues`: two plans of one series, from the earlier plan to its successor;
 * - `implements`: a declaration or initiative and a plan of the same framework in force
 *   in its year, from the declaration to the plan (it welcomes or directs the provision);
 * - `related`: anything else, from the earlier document to the later.
 */
export function linkType(a: DocInfo, b: DocInfo): { type: Exclude<LinkType, 'references'>; forward: boolean } {
  const earlier = a.year !== b.year ? a.year < b.year : a.order < b.order;
  if (a.type === 'plan' && b.type === 'plan' && a.series === b.series) return { type: 'continues', forward: earlier };
  const inForce = (d: DocInfo, p: DocInfo) => d.type !== 'plan' && p.type === 'plan' && d.framework === p.framework && !!p.period && p.period[0] <= d.year && d.year <= p.period[1];
  if (inForce(a, b)) return { type: 'implements', forward: true };
  if (inForce(b, a)) return { type: 'implements', forward: false };
  return { type: 'related', forward: earlier };
}

interface Prepared {
  units: Unit[];
  vectors: Vector[];
  norms: number[];
  headings: Vector[];
  headingNorms: number[];
  df: Map<string, number>;
}

/** Builds the weighted vectors of every unit. */
function prepare(documents: DocumentData[], mentions: TitleMention[], options: Required<Pick<FindLinksOptions, 'headingWeight'>> & FindLinksOptions): Prepared {
  const units = documents.flatMap(matchingUnits);
  const unitIndex = new Map(units.map((u, i) => [u.ref, i]));
  // Named documents (by title key) and concepts become extra tokens of the unit that
  // holds the mentioning clause, so a title two clauses share counts like a rare word.
  const extra = units.map(() => [] as string[]);
  const holder = new Map<string, number>();
  for (const doc of documents) {
    for (const c of doc.clauses) {
      const ref = `${doc.id}#${c.id}`;
      let i = unitIndex.get(ref);
      if (i === undefined && c.parent) i = unitIndex.get(`${doc.id}#${c.parent}`);
      if (i !== undefined) holder.set(ref, i);
    }
  }
  for (const m of mentions) {
    // A self-reference (本《行动计划》) names nothing shared.
    if (m.document && m.clause.startsWith(`${m.document}#`)) continue;
    const i = holder.get(m.clause);
    if (i !== undefined) extra[i]!.push(`《${m.key}》`);
  }
  const concepts = (options.concepts ?? []).map((c) => ({ id: c.id, forms: c.forms.map(normaliseForMatching) }));
  for (const [i, u] of units.entries()) {
    const t = normaliseForMatching(`${u.heading}\n${u.text}`);
    for (const c of concepts) if (c.forms.some((f) => t.includes(f))) extra[i]!.push(`§${c.id}`);
  }

  const tfs = units.map((u, i) => {
    const tf = new Map<string, number>();
    const add = (t: string, w: number) => tf.set(t, (tf.get(t) ?? 0) + w);
    for (const b of bigrams(u.heading)) add(b, options.headingWeight);
    if (!u.structural) {
      for (const b of bigrams(u.text)) add(b, 1);
      for (const t of extra[i]!) add(t, 1);
    }
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = units.length;
  const idf = (t: string) => Math.log(1 + (n - df.get(t)! + 0.5) / (df.get(t)! + 0.5));
  const lengths = tfs.map((tf) => [...tf.values()].reduce((s, x) => s + x, 0));
  const avg = lengths.reduce((s, x) => s + x, 0) / Math.max(1, n);
  // BM25 saturation: the tenth 水资源 in a long section adds little, and long sections are
  // damped (b) so they do not match everything by sheer size.
  const k1 = 1.2;
  const b = 0.5;
  const vectors = tfs.map((tf, i) => {
    const v: Vector = new Map();
    for (const [t, f] of tf) v.set(t, ((f * (k1 + 1)) / (f + k1 * (1 - b + (b * lengths[i]!) / avg))) * idf(t));
    return v;
  });
  const headings = units.map((u) => {
    const v: Vector = new Map();
    for (const t of bigrams(u.heading)) if (df.has(t)) v.set(t, idf(t));
    return v;
  });
  return { units, vectors, norms: vectors.map(norm), headings, headingNorms: headings.map(norm), df };
}

/** A scored candidate before pruning. */
interface Candidate {
  from: number;
  to: number;
  type: Exclude<LinkType, 'references'>;
  score: number;
}

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

/** Words of a heading that name no subject: the verbs and frames of section titles. */
const HEADING_FRAMES = /加强|推进|促进|深化|提升|强化|推动|更紧密的|合作|领域|事务|交流/gu;

/** The subject terms of a heading: what is left between its frames, lists and conjunctions. */
export function headingTerms(heading: string): string[] {
  return normaliseForMatching(heading).replace(HEADING_FRAMES, '|').split(/[|、，,和与及的\s（）()]+/u).filter((t) => [...t].length >= 2);
}

/**
 * Section-level `related` links between frameworks (issue 15). The ASEAN-China plan states
 * a subject in a section heading (3.1 加强公共卫生合作) over short provisions, each of which
 * is too short to match a whole LMC section (4.1.3.1 公共卫生合作) on its text. A section
 * heading over provisions and a headed section of another framework are linked when:
 * - their headings share a subject: a subject term of one contains one of the other's
 *   (`headingTerms`: 减贫 in 社会保障和减贫), or their bigrams, with the stoplist of
 *   provision verbs and frames, have a cosine ≥ `min` (加强…合作 counts for nothing);
 * - they share a subject topic that is not generic (the topics of the section's provisions
 *   count for it), as for every `related` link between frameworks;
 * - no kept link already joins the section or one of its provisions to that clause;
 * - it is the section's best such match in that document, and the clause's best from the
 *   section's document, or nearly (`relative`), scored by how much of the shorter heading
 *   the other covers.
 */
function sectionLinks(
  units: Unit[],
  kept: Candidate[],
  o: {
    headings: Vector[];
    headingNorms: number[];
    infos: Map<string, DocInfo>;
    typeOf: (i: number, j: number) => ReturnType<typeof linkType>;
    min: number;
    relative: number;
    perDocument: number;
    perUnit: number;
    maxPostings: number;
    topics?: Map<string, string[]>;
    generic: Set<string>;
  },
): Candidate[] {
  const framework = (i: number) => o.infos.get(units[i]!.document)!.framework;
  const index = new Map(units.map((u, i) => [u.ref, i]));
  // A heading over provisions, not over further headings: 3.1 加强公共卫生合作 is a subject,
  // 1 政治与安全合作 (over 1.1, 1.2 …) a pillar.
  const headed = new Set(units.filter((u) => u.heading).flatMap((u) => u.ancestors.map((a) => `${u.document}#${a}`)));
  const sectionsOver = units.map((u, i) => (u.structural && u.heading && !headed.has(u.ref) ? i : -1)).filter((i) => i >= 0);
  const targets = units.map((u, i) => (!u.structural && u.heading ? i : -1)).filter((i) => i >= 0);
  // Subject topics of every headed unit: its own clause's and those of the clauses under it,
  // gathered in one pass over the tags by each clause's enclosing ids.
  const subjects = new Map<number, Set<string>>();
  if (o.topics) {
    for (const [ref, list] of o.topics) {
      const [doc, clause] = ref.split('#') as [string, string];
      const parts = clause.split('.');
      for (let k = 1; k <= parts.length; k++) {
        const i = index.get(`${doc}#${parts.slice(0, k).join('.')}`);
        if (i === undefined || !units[i]!.heading) continue;
        let set = subjects.get(i);
        if (!set) subjects.set(i, (set = new Set()));
        for (const t of list) if (!PILLARS.has(t) && !o.generic.has(t)) set.add(t);
      }
    }
  }
  // Pairs already joined by a kept link, between any clauses enclosing its two ends.
  const joined = new Set<string>();
  for (const c of kept) {
    const ends = [c.from, c.to].map((i) => [units[i]!.ref, ...units[i]!.ancestors.map((a) => `${units[i]!.document}#${a}`)]);
    for (const a of ends[0]!) for (const b of ends[1]!) joined.add(`${a}|${b}`).add(`${b}|${a}`);
  }
  const terms = new Map<number, string[]>();
  const termsOf = (i: number) => terms.get(i) ?? terms.set(i, headingTerms(units[i]!.heading)).get(i)!;
  // Candidates through the headings' bigrams (a contained term shares its bigrams), skipping
  // bigrams too common among the targets, so the work stays linear in the corpus.
  const postings = new Map<string, number[]>();
  for (const t of targets) for (const b of new Set(bigrams(units[t]!.heading))) (postings.get(b) ?? postings.set(b, []).get(b)!).push(t);
  const found: { s: number; t: number; score: number }[] = [];
  for (const s of sectionsOver) {
    const candidates = new Set<number>();
    for (const b of new Set(bigrams(units[s]!.heading))) {
      const list = postings.get(b);
      if (list && list.length <= o.maxPostings) for (const t of list) candidates.add(t);
    }
    const mine = subjects.get(s);
    for (const t of candidates) {
      if (framework(s) === framework(t)) continue;
      const cos = cosine(o.headings[s]!, o.headings[t]!, o.headingNorms[s]!, o.headingNorms[t]!);
      if (cos < o.min && !termsOf(s).some((x) => termsOf(t).some((y) => x.includes(y) || y.includes(x)))) continue;
      const theirs = subjects.get(t);
      if (o.topics && (!mine || !theirs || ![...mine].some((x) => theirs.has(x)))) continue;
      // Scored by how much of the shorter heading the other covers (减贫 is all of 4.2.6's).
      const nmin = Math.min(o.headingNorms[s]!, o.headingNorms[t]!);
      found.push({ s, t, score: Math.min(1, (cos * o.headingNorms[s]! * o.headingNorms[t]!) / (nmin * nmin)) });
    }
  }
  // For each section and each clause, the best match in each other document, and any nearly as good.
  const best = new Map<string, number>();
  const keys = (f: { s: number; t: number }) => [`${f.s}>${units[f.t]!.document}`, `${f.t}<${units[f.s]!.document}`];
  for (const f of found) for (const k of keys(f)) best.set(k, Math.max(best.get(k) ?? 0, f.score));
  // Strongest first, within the same allowances as the other links: `perDocument` per clause
  // and other document, `perUnit` in all (with many documents, a section would otherwise
  // collect a link from each of them).
  const count = new Map<number | string, number>();
  for (const c of kept) for (const k of [c.from, c.to]) count.set(k, (count.get(k) ?? 0) + 1);
  const out: Candidate[] = [];
  found.sort((a, b) => b.score - a.score || a.s - b.s || a.t - b.t);
  for (const f of found) {
    if (keys(f).some((k) => f.score < o.relative * best.get(k)! || (count.get(k) ?? 0) >= o.perDocument) || joined.has(`${units[f.s]!.ref}|${units[f.t]!.ref}`)) continue;
    if ((count.get(f.s) ?? 0) >= o.perUnit || (count.get(f.t) ?? 0) >= o.perUnit) continue;
    for (const k of [f.s, f.t, ...keys(f)]) count.set(k, (count.get(k) ?? 0) + 1);
    const { type, forward } = o.typeOf(f.s, f.t);
    out.push(forward ? { from: f.s, to: f.t, type, score: f.score } : { from: f.t, to: f.s, type, score: f.score });
  }
  return out.sort((a, b) => a.from - b.from || a.to - b.to);
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
