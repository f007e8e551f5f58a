/**
 * A query as search reads it (issue 25): the parts a reader typed, each with the token
 * sequences that can match it. A part is a word, a number or a run of Han characters, as the
 * index cuts text (search-tokens.ts); text in quotes is one part that must match as written;
 * a span that is one form of a synonym group is one part, matched by any of the group's forms.
 * Parts next to each other with nothing between them (2019年, RCEP协定) are marked joined.
 */
import { bigramPrefix, bigrams, fold, hasHan, lastToken, normalise, toSimplified, units, wordKey, wordToken, type Language, type TraditionalMap, type Unit } from './search-tokens';

/** One way a part can match: tokens in one language's text. */
export interface Alternative {
  /** Every token must occur in the clause, in this order and together when `exact`. */
  tokens: string[];
  /** Quoted, or more than one unit (a synonym's form, Lao People's Democratic Republic): the tokens must stand together. */
  exact: boolean;
  /** The text searched: `h` + code is a prefix search for every bigram starting with the character. */
  prefix?: boolean;
  language: Language;
  /** As typed, a synonym's form, or a spelling correction. */
  source: 'typed' | 'synonym' | 'corrected';
  /** The text this alternative searches for, for marking matches and naming it. */
  text: string;
}

export interface Part {
  /** As typed (after NFKC and the Traditional-to-Simplified map). */
  text: string;
  units: Unit[];
  alternatives: Alternative[];
  /** In quotes: only the text as written matches. */
  quoted: boolean;
  /** Nothing stands between this part and the next in the query. */
  joined: boolean;
  /** A Latin word of five letters or more: spelling may correct it. */
  correctable: boolean;
}

export interface ParsedQuery {
  /** The query as searched. */
  text: string;
  parts: Part[];
}

const QUOTES = /"([^"]*)"|“([^”]*)”|「([^」]*)」|『([^』]*)』/gu;

/** A synonym form as units, ready to be found in a query. */
interface Form { text: string; units: Unit[]; group: number }

/** Prepares synonym groups (glossary forms and the editors' search synonyms) for matching. */
export function synonymForms(groups: string[][]): Form[] {
  return groups.flatMap((forms, group) => forms.map((f) => {
    const text = normalise(f).trim();
    return { text, units: units(text), group };
  })).filter((f) => f.units.length > 0);
}

/** Whether a synonym form's unit matches a query unit: Han by characters, words by stem, numbers as written. */
function sameUnit(f: Unit, q: Unit): boolean {
  if ((f.kind === 'han') !== (q.kind === 'han')) return false;
  if (f.kind === 'han') return f.text === q.text;
  return wordKey(f.text, 'en') === wordKey(q.text, 'en') && (f.kind === 'number') === (q.kind === 'number');
}

/**
 * Where a form occurs in the query's units from unit `i`: its first Han unit may end a query
 * run and its last begin one (澜湄 in 澜湄商务理事会); a one-unit Han form may stand anywhere in a
 * run. Returns the offsets in the query text the form covers.
 */
function findForm(form: Form, qs: Unit[], i: number, query: string): { from: number; to: number; last: number } | undefined {
  const fs = form.units;
  if (i + fs.length > qs.length) return undefined;
  if (fs.length === 1) {
    const f = fs[0]!;
    const q = qs[i]!;
    if (f.kind === 'han' && q.kind === 'han') {
      const at = q.text.indexOf(f.text);
      return at < 0 ? undefined : { from: q.start + at, to: q.start + at + f.text.length, last: i };
    }
    return sameUnit(f, q) ? { from: q.start, to: q.end, last: i } : undefined;
  }
  for (let k = 0; k < fs.length; k++) {
    const f = fs[k]!;
    const q = qs[i + k]!;
    if ((f.kind === 'han') !== (q.kind === 'han')) return undefined;
    if (f.kind === 'han') {
      const ok = k === 0 ? q.text.endsWith(f.text) : k === fs.length - 1 ? q.text.startsWith(f.text) : q.text === f.text;
      if (!ok) return undefined;
    } else if (!sameUnit(f, q)) {
      return undefined;
    }
  }
  // Punctuation between the units of a Latin form is free (Lao PDR, Lao-PDR); the query must not
  // join units the form separates with a space in Chinese (both are rare).
  const first = qs[i]!;
  const last = qs[i + fs.length - 1]!;
  const from = fs[0]!.kind === 'han' ? first.end - fs[0]!.text.length : first.start;
  const to = fs.at(-1)!.kind === 'han' ? last.start + fs.at(-1)!.text.length : last.end;
  return query.slice(from, to) ? { from, to, last: i + fs.length - 1 } : undefined;
}

/**
 * The token sequence of a stretch of query text in one language, as the index has it: Han runs
 * as bigrams, a run that another unit follows with its last character too (the index has it
 * there); a lone character at the end is a prefix search. Undefined if the language cannot
 * match it (Han in the English text).
 */
function tokensOf(us: Unit[], language: Language, lastPrefix = false): { tokens: string[]; prefix: boolean } | undefined {
  const tokens: string[] = [];
  let prefix = false;
  for (const [k, u] of us.entries()) {
    if (u.kind === 'han') {
      if (language === 'en') return undefined;
      const chars = [...u.text];
      const more = k < us.length - 1;
      if (chars.length === 1 && !more) {
        // A lone character: the bigrams that start with it (a prefix) or its own token as a run's end.
        if (us.length > 1) return { tokens: [...tokens, lastPrefix ? bigramPrefix(chars[0]!) : lastToken(chars[0]!)], prefix: false };
        prefix = true;
        tokens.push(bigramPrefix(chars[0]!));
      } else {
        tokens.push(...bigrams(u.text));
        if (more) tokens.push(lastToken(chars.at(-1)!));
      }
    } else {
      tokens.push(wordToken(u, language));
    }
  }
  return { tokens, prefix };
}

/**
 * The whole query's tokens in one language, in order, as they would stand in a clause that has
 * the query as typed (2019年12月首次: 2019, 年 as a run's end, 12, 月首, 首次). A lone Han character
 * at the end is the prefix of the bigrams it begins, since the clause's run may go on.
 */
export function phraseTokens(query: ParsedQuery, language: Language): string[] | undefined {
  return tokensOf(query.parts.flatMap((p) => p.units), language, true)?.tokens;
}

/** The alternatives of a stretch of text: each language that can match it; a lone Han character also as a run's end. */
function alternativesOf(text: string, source: Alternative['source'], quoted = false): Alternative[] {
  const us = units(text);
  const exact = quoted || us.length > 1;
  const out: Alternative[] = [];
  for (const language of ['zh', 'en'] as const) {
    const t = tokensOf(us, language);
    if (!t || t.tokens.length === 0) continue;
    out.push({ tokens: t.tokens, exact, prefix: t.prefix || undefined, language, source, text });
    if (t.prefix) out.push({ tokens: [lastToken(us[0]!.text)], exact, language, source, text });
  }
  return out;
}

/**
 * Reads a query as the search page does: NFKC, Traditional and Taiwan usage mapped to the
 * corpus's Simplified forms (`traditional`, needed only for a query with Han characters), parts.
 */
export function readQuery(typed: string, forms: Form[], traditional?: TraditionalMap): ParsedQuery {
  const q = normalise(typed).trim();
  return parseQuery(hasHan(q) && traditional ? toSimplified(q, traditional) : q, forms);
}

/**
 * Reads a query (already NFKC-normalised and converted to Simplified): quoted stretches,
 * synonym spans (longest first, without overlaps), then every other unit.
 */
export function parseQuery(raw: string, forms: Form[] = []): ParsedQuery {
  const text = normalise(raw).trim();
  const parts: (Part & { from: number; to: number })[] = [];
  const quoted: { from: number; to: number; inner: string }[] = [];
  for (const m of text.matchAll(QUOTES)) {
    const inner = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    const from = m.index! + 1;
    quoted.push({ from, to: from + inner.length, inner });
  }
  const all = units(text);
  const inQuotes = (u: Unit) => quoted.some((q) => u.start >= q.from && u.end <= q.to);
  for (const q of quoted) {
    const us = all.filter((u) => u.start >= q.from && u.end <= q.to);
    if (!us.length) continue;
    parts.push({ text: q.inner.trim(), units: us, alternatives: alternativesOf(q.inner, 'typed', true), quoted: true, joined: false, correctable: false, from: us[0]!.start, to: us.at(-1)!.end });
  }
  const free = all.filter((u) => !inQuotes(u));
  // Synonym spans: every occurrence of every form, longest first, none overlapping.
  const found: { from: number; to: number; first: number; last: number; form: Form }[] = [];
  for (const form of forms) {
    for (let i = 0; i < free.length; i++) {
      const at = findForm(form, free, i, text);
      if (at) found.push({ from: at.from, to: at.to, first: i, last: at.last, form });
    }
  }
  found.sort((a, b) => b.form.text.length - a.form.text.length || a.from - b.from);
  const taken: typeof found = [];
  for (const f of found) if (!taken.some((t) => t.first <= f.last && f.first <= t.last)) taken.push(f);
  const covered = new Set<number>();
  for (const t of taken) {
    const us = free.slice(t.first, t.last + 1);
    const spanFrom = us[0]!.start;
    const spanTo = us.at(-1)!.end;
    const typed = text.slice(spanFrom, spanTo);
    const alternatives = alternativesOf(typed, 'typed');
    for (const other of forms) {
      if (other.group !== t.form.group || other.text === t.form.text) continue;
      const replaced = text.slice(spanFrom, t.from) + other.text + text.slice(t.to, spanTo);
      alternatives.push(...alternativesOf(replaced, 'synonym'));
    }
    for (let k = t.first; k <= t.last; k++) covered.add(k);
    parts.push({ text: typed, units: us, alternatives: dedupe(alternatives), quoted: false, joined: false, correctable: false, from: spanFrom, to: spanTo });
  }
  free.forEach((u, i) => {
    if (covered.has(i)) return;
    parts.push({ text: u.text, units: [u], alternatives: alternativesOf(u.text, 'typed'), quoted: false, joined: false, correctable: u.kind === 'word' && /^\p{L}{5,}$/u.test(u.text) && !/\p{Script=Han}/u.test(u.text), from: u.start, to: u.end });
  });
  parts.sort((a, b) => a.from - b.from);
  for (let i = 0; i + 1 < parts.length; i++) parts[i]!.joined = parts[i]!.to === parts[i + 1]!.from;
  return { text, parts: parts.map(({ from: _f, to: _t, ...p }) => p) };
}

const dedupe = (alts: Alternative[]) => {
  const seen = new Set<string>();
  return alts.filter((a) => {
    const key = `${a.language} ${a.exact ? '"' : ''}${a.prefix ? '*' : ''}${a.tokens.join(' ')}`;
    return !seen.has(key) && seen.add(key);
  });
};

/**
 * The query with one part replaced by a corrected word (spelling): the part gets the correction
 * as its alternatives, and the text says what is searched.
 */
export function correctPart(query: ParsedQuery, index: number, word: string): ParsedQuery {
  const parts = query.parts.map((p, i) => (i === index ? { ...p, units: units(word), alternatives: alternativesOf(word, 'corrected'), correctable: false } : p));
  return { text: query.text, parts };
}

/**
 * The query with a run of Chinese that matched nothing cut into words (the browser's word
 * segmenter, Intl.Segmenter), so that the words that do match still answer and the one that
 * does not can be named: 湄公河雨季 → 湄公河, 雨季. Single characters in a row stay together
 * (洪旱, not 洪 and 旱). Undefined when the run is one word or there is no segmenter.
 */
export function splitRun(query: ParsedQuery, index: number): ParsedQuery | undefined {
  const part = query.parts[index]!;
  if (part.quoted || part.units.length !== 1 || part.units[0]!.kind !== 'han' || typeof Intl.Segmenter !== 'function') return undefined;
  const words: string[] = [];
  let single = false;
  for (const { segment } of new Intl.Segmenter('zh', { granularity: 'word' }).segment(part.text)) {
    const one = [...segment].length === 1;
    if (one && single) words[words.length - 1] += segment;
    else words.push(segment);
    single = one;
  }
  if (words.length < 2) return undefined;
  let at = part.units[0]!.start;
  const pieces: Part[] = words.map((w, k) => {
    const unit: Unit = { kind: 'han', text: w, start: at, end: at + w.length };
    at += w.length;
    return { text: w, units: [unit], alternatives: alternativesOf(w, 'typed'), quoted: false, joined: k < words.length - 1 || part.joined, correctable: false };
  });
  return { text: query.text, parts: [...query.parts.slice(0, index), ...pieces, ...query.parts.slice(index + 1)] };
}

/** Whether two strings are the same word as search compares them (stem and case). */
export const sameWord = (a: string, b: string): boolean => wordKey(a, 'en') === wordKey(b, 'en') || fold(a) === fold(b);
