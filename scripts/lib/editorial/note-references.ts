/**
 * The references the note checks (note-checks.ts) read in the edition's prose:
 * clause references not in the form `document#clause` (`non-canonical-reference`) and
 * references to source lines, "source 001 line 3" / 来源001第3行 (`unknown-source-line`).
 */
import { findReferences } from '../../../src/lib/citation/references';

// ── non-canonical clause references ──────────────────────────────────────────────────────

const ZH_NUMBER = String.raw`[0-9一二三四五六七八九十百〇零]+(?:\.\d+)*`;
const ID = String.raw`(?:\d{1,2}|preamble)(?:\.(?:\d+|p\d+))*`;
const NON_CANONICAL: RegExp[] = [
  // "clause 5", "clauses 11 and 14", "paragraphs 一 to 十四", "section 二"
  new RegExp(String.raw`\b(?:clauses?|paragraphs?|paras?\.?|articles?|items?|sections?)\s+(?:${ID}|${ZH_NUMBER})(?:\s*(?:,|and|or|to|-|–)\s*(?:${ID}|${ZH_NUMBER}))*`, 'giu'),
  // "(22)", "(5.2.p1)", "（5.2、5.3）"
  new RegExp(String.raw`[(（]\s*${ID}(?:\s*[,，、;；]\s*${ID})*\s*[)）]`, 'gu'),
  // a bare id that can only be a clause: 4.2.5, 5.2.p1, preamble.p8, #3.p1 without its document
  new RegExp(String.raw`(?<![\w.#\u0000-])(?:\d{1,2}\.(?:p\d+|\d+\.(?:\d+|p\d+))(?:\.(?:\d+|p\d+))*|preamble\.p\d+)(?![\w])`, 'gu'),
  /(?<![a-z0-9\u0000-])#[a-z0-9]+(?:\.[a-z0-9]+)*/gu,
  // 第五条, 第十一、十四段
  new RegExp(String.raw`第\s*${ZH_NUMBER}(?:\s*[、，,和及与至到—-]\s*(?:第\s*)?${ZH_NUMBER})*\s*(?:[条段款项节]|部分)`, 'gu'),
];

/** Clause references not in the form `document#clause`. */
export function nonCanonicalReferences(text: string): { match: string; index: number }[] {
  // Canonical references (found by the one shared pattern) are blanked out first, so that their
  // clause part is not taken for a bare id.
  let masked = text;
  for (const r of findReferences(text)) masked = masked.slice(0, r.index) + '\u0000'.repeat(r.length) + masked.slice(r.index + r.length);
  const found: { match: string; index: number }[] = [];
  const taken: [number, number][] = [];
  for (const pattern of NON_CANONICAL) {
    for (const m of masked.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      found.push({ match: m[0], index: start });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

// ── references to source lines ───────────────────────────────────────────────────────────

const RANGE = String.raw`\d+(?:\s*[-–—至到]\s*\d+)?`;
const SOURCE_OR_LINES = new RegExp(
  [
    String.raw`(?:\bsources?\s+|来源\s*)(?<source>\d{3})(?!\d)`,
    String.raw`\b(?<inline>\d{3})(?=\s*,?\s*(?:lines?\s+\d|第\s*\d))`,
    String.raw`\blines?\s+(?<en>${RANGE}(?:\s*(?:,|and|or)\s*${RANGE})*)`,
    String.raw`第\s*(?<zh>${RANGE}(?:\s*[、，,和及与]\s*(?:第\s*)?${RANGE})*)\s*行`,
  ].join('|'),
  'giu',
);

/** Each line or range a text names, in order, with the source named before it (or the default). */
function* lineMentions(text: string, defaultSource?: string): Generator<{ source?: string; from: number; to?: number; index: number; match: string }> {
  let current = defaultSource;
  for (const m of text.matchAll(SOURCE_OR_LINES)) {
    const g = m.groups!;
    if (g.source || g.inline) {
      current = g.source ?? g.inline;
      continue;
    }
    for (const r of (g.en ?? g.zh ?? '').matchAll(/(\d+)(?:\s*[-–—至到]\s*(\d+))?/gu)) {
      yield { source: current, from: Number(r[1]), to: r[2] === undefined ? undefined : Number(r[2]), index: m.index, match: m[0] };
    }
  }
}

/** Line references of a text as ranges (a single line is a range of one), with the source each names. */
export function sourceLineRanges(text: string, defaultSource?: string): { source?: string; from: number; to: number; index: number }[] {
  return [...lineMentions(text, defaultSource)].map(({ source, from, to, index }) => ({ source, from, to: to ?? from, index }));
}

/** Line references of a text: each line number with the source it names (or undefined). */
export function sourceLineReferences(text: string, defaultSource?: string): { source?: string; line: number; index: number; match: string }[] {
  return [...lineMentions(text, defaultSource)].flatMap(({ source, from, to, index, match }) => [from, to].filter((n): n is number => n !== undefined).map((line) => ({ source, line, index, match })));
}
