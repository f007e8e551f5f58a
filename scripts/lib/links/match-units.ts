/**
 * Steps 1 and 2 of the cross-link matcher (links.ts): the matching units of each document and
 * their weighted vectors of character bigrams (plus named-document and concept tokens), BM25
 * weighted, minus a stoplist of bigrams that carry no subject; and the cosine that compares them.
 */
import type { DocumentData } from '../../../src/schemas/document';
import type { TitleMention } from './named-documents';

/** A concept whose forms, found in two clauses, count as shared vocabulary (e.g. glossary terms). */
export interface Concept {
  id: string;
  /** Chinese forms as they occur in the texts. */
  forms: string[];
}

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

export type Vector = Map<string, number>;

export const norm = (v: Vector) => Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));

export function cosine(a: Vector, b: Vector, na: number, nb: number): number {
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
export function textSimilarity(vectors: Vector[], norms: number[]): (i: number, j: number) => number {
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

export interface Prepared {
  units: Unit[];
  vectors: Vector[];
  norms: number[];
  headings: Vector[];
  headingNorms: number[];
  df: Map<string, number>;
}

/** Builds the weighted vectors of every unit. */
export function prepare(documents: DocumentData[], mentions: TitleMention[], options: { headingWeight: number; concepts?: Concept[] }): Prepared {
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
