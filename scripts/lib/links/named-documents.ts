/**
 * Named documents: every title the corpus prints in 《》 (and the titles nested inside
 * them in 〈〉 or <>), with its variants merged, the clauses that mention it, and the
 * corpus document it names where there is one.
 *
 * Merging is conservative: two printed titles are the same named document only when
 * they differ in typography (see `titleKey`) or by the official short form 澜湄 for
 * 澜沧江—湄公河. A title with a year range and the same title without it stay apart,
 * as do 计划/规划 or any other difference of wording: such titles often name different
 * documents (the 2018–2022 water resources plan is not the 2018–2022 LMC plan).
 */
import type { DocumentData } from '../../../src/schemas/document';

/** One clause's mention of a title, as printed. */
export interface TitleMention {
  /** `document#clause` of the mentioning clause. */
  clause: string;
  /** The title as printed, without its brackets. */
  printed: string;
  /** The title key (see `titleKey`). */
  key: string;
  /** True when the title is printed inside another title (〈〉 or <> in 《》). */
  nested: boolean;
  /** The corpus document it names, or null. */
  document: string | null;
}

/** A title named somewhere in the corpus. */
export interface NamedDocument {
  /** The normalised title key, the identity of the group (see `titleKey`). */
  key: string;
  /** The fullest printed form (the longest; the first in reading order on a tie), for display. */
  title: string;
  /** Every printed form, in order of first appearance. */
  variants: string[];
  /** The corpus document this title names, or null when it is not in the corpus. */
  document: string | null;
  /** `document#clause` of every clause that mentions it, in corpus order, each once. */
  mentions: string[];
}

/**
 * The key two printed titles must share to be merged: NFKC (full-width brackets and
 * digits become half-width), every dash form (—, –, －, ‐, ―) becomes `-`, spaces are
 * removed, nested brackets 〈〉 ＜＞ become <>, and 澜沧江-湄公河 becomes its official short
 * form 澜湄 (the texts themselves say 简称澜湄合作), and a leaders' meeting declaration is
 * keyed by its bare name (…第三次领导人会议万象宣言 → 万象宣言). Nothing else is equated.
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/gu, '-')
    .replace(/[\s\u3000]+/gu, '')
    .replace(/[〈＜]/gu, '<')
    .replace(/[〉＞]/gu, '>')
    .replace(/澜沧江-?湄公河/gu, '澜湄')
    // A leaders' meeting declaration is named both in full and by its bare name
    // (《澜湄合作首次领导人会议三亚宣言》, 《三亚宣言》): the meeting identifies one text.
    .replace(/^.*领导人会议(.+宣言)$/u, '$1');
}

/** A year range at the end of a key, `(2018-2022)` or `2021-2025`. */
const YEAR_RANGE = /\(?((?:19|20)\d\d)-((?:19|20)\d\d)\)?$/u;

/** Titles that name the mentioning document itself when preceded by 本 (本《行动计划》). */
const SELF = /本$/u;

/** The corpus's titles, looked up by key: a mention costs the same however many documents there are. */
interface CorpusTitles {
  /** Title key → the first document in corpus order with that key. */
  exact: Map<string, string>;
  /** Series key (a plan's title without its year range) → the plans of the series and their periods, in corpus order. */
  series: Map<string, { id: string; from: number; to: number }[]>;
}

/**
 * The key under which a corpus document can be named: its title's key, without the 摘要
 * marker of a summary (a declaration's key is already its bare name, see `titleKey`).
 */
function corpusTitles(documents: DocumentData[]): CorpusTitles {
  const titles: CorpusTitles = { exact: new Map(), series: new Map() };
  for (const d of documents) {
    const key = titleKey(d.title.zh).replace(/\(摘要\)$/u, '');
    if (!titles.exact.has(key)) titles.exact.set(key, d.id);
    const years = key.match(YEAR_RANGE);
    if (!years) continue;
    const series = key.slice(0, years.index);
    let plans = titles.series.get(series);
    if (!plans) titles.series.set(series, (plans = []));
    plans.push({ id: d.id, from: Number(years[1]), to: Number(years[2]) });
  }
  return titles;
}

/** The year a document speaks from: its date, else the caller's table, else null. */
function yearOf(doc: DocumentData, years: Record<string, number>): number | null {
  return doc.date ? Number(doc.date.slice(0, 4)) : (years[doc.id] ?? null);
}

/** Finds 《…》 titles in a text, with the 〈…〉 / <…> titles nested inside them. */
export function extractTitles(text: string): { printed: string; nested: boolean; before: string; after: string }[] {
  const found: { printed: string; nested: boolean; before: string; after: string }[] = [];
  for (const m of text.matchAll(/《([^《》]+)》/gu)) {
    const printed = m[1]!;
    const before = text.slice(Math.max(0, m.index - 1), m.index);
    const after = text.slice(m.index + m[0].length);
    found.push({ printed, nested: false, before, after });
    for (const inner of printed.matchAll(/[〈<＜]([^〈〉<>＜＞]+)[〉>＞]/gu)) found.push({ printed: inner[1]!, nested: true, before: '', after: '' });
  }
  return found;
}

export interface NamedDocumentOptions {
  /** Year of documents whose date is null (see `DEFAULT_YEARS`). */
  years?: Record<string, number>;
}

/**
 * The year of documents the sources do not date. The innovation corridor initiative was
 * published with the 2023 summary and the Nay Pyi Taw Declaration (source 002), so it
 * speaks from 2023 for the purpose of resolving titles and ordering links.
 */
export const DEFAULT_YEARS: Record<string, number> = { 'lmc-innovation-corridor-initiative': 2023 };

/**
 * Every title mention in the corpus, resolved to a corpus document where possible:
 * - a key equal to a document's title key (or a declaration's bare name) names it;
 * - 本《X》 names the mentioning document itself;
 * - a plan's series title without its year range (《澜湄合作五年行动计划》) names the plan of
 *   that series in force in the mentioning document's year, and nothing if none is;
 * - 《A》（《B》） defines B as the short title of A for the rest of that document
 *   (the ASEAN-China plan's 《南海各方行为宣言》（《宣言》））.
 */
export function titleMentions(documents: DocumentData[], options: NamedDocumentOptions = {}): TitleMention[] {
  const years = { ...DEFAULT_YEARS, ...options.years };
  const corpus = corpusTitles(documents);
  const mentions: TitleMention[] = [];
  for (const doc of documents) {
    const year = yearOf(doc, years);
    const aliases = new Map<string, string>();
    for (const clause of doc.clauses) {
      const ref = `${doc.id}#${clause.id}`;
      for (const text of [clause.heading?.zh ?? '', clause.text.zh]) {
        for (const t of extractTitles(text)) {
          let key = titleKey(t.printed);
          const definition = t.after.match(/^[（(]《([^《》]+)》[）)]/u);
          if (definition) aliases.set(titleKey(definition[1]!), key);
          key = aliases.get(key) ?? key;
          let document: string | null = null;
          if (!t.nested && SELF.test(t.before)) document = doc.id;
          else {
            const exact = corpus.exact.get(key);
            if (exact) document = exact;
            else if (year !== null) {
              const inForce = (corpus.series.get(key) ?? []).filter((c) => c.from <= year && year <= c.to);
              if (inForce.length === 1) document = inForce[0]!.id;
            }
          }
          mentions.push({ clause: ref, printed: t.printed, key, nested: t.nested, document });
        }
      }
    }
  }
  return mentions;
}

/**
 * Groups the corpus's title mentions into named documents: one per title key and resolved
 * document (so 本《行动计划》 of three plans gives three entries, each naming its own plan).
 * Sorted by key, then document id, so the output is stable.
 */
export function namedDocuments(documents: DocumentData[], options: NamedDocumentOptions = {}): NamedDocument[] {
  const groups = new Map<string, { key: string; document: string | null; printed: Set<string>; mentions: string[]; seen: Set<string> }>();
  for (const m of titleMentions(documents, options)) {
    const id = `${m.key}\u0000${m.document ?? ''}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { key: m.key, document: m.document, printed: new Set(), mentions: [], seen: new Set() }));
    g.printed.add(m.printed);
    if (!g.seen.has(m.clause)) {
      g.seen.add(m.clause);
      g.mentions.push(m.clause);
    }
  }
  return [...groups.values()]
    .map((g) => {
      const variants = [...g.printed.keys()];
      // Set iteration keeps first-appearance order, so a stable sort breaks ties by it.
      const title = [...variants].sort((a, b) => b.length - a.length)[0]!;
      return { key: g.key, title, variants, document: g.document, mentions: g.mentions };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : ((a.document ?? '') < (b.document ?? '') ? -1 : (a.document ?? '') > (b.document ?? '') ? 1 : 0)));
}
