/**
 * Queries drawn from every clause of the corpus, chosen deterministically (issue 25): three
 * substrings of its Chinese and three of its English words, each of which must find the clause.
 *
 * Chinese: 2–8 characters, starting and ending on a letter or digit; a Latin word or a number
 * is never cut (readers type 2019年, not 019年), so a substring that takes one whole may pass
 * eight characters. Where the clause's Chinese has a boundary between Han characters and Latin
 * letters or digits with nothing between them (2019年12月, RCEP协定), the first substring
 * crosses one. A substring must be specific: contained in at most ten clauses of the corpus
 * (otherwise no ranking could promise the top 10); a common one is lengthened, up to eight
 * characters, or drawn again.
 * English: the clause's words found in the fewest clauses (counted by stem, as search folds
 * endings: strengthening and strengthen are one word), at most ten, rarest first (ties: first in
 * the text). Many clauses, headings above all ("Economic Cooperation"), have fewer than three such
 * words, and no single one of their words could rank them in any top 10: their remaining queries
 * are the shortest runs of consecutive words contained in at most ten clauses ("Production
 * Capacity Cooperation"), and a clause with none of those is searched by its whole English text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stemmer } from 'stemmer';
import { ROOT } from '../../scripts/lib/core/paths';
import { prng } from '../../scripts/lib/tools/synthetic';

export interface ClauseProbe {
  /** document#clause */
  key: string;
  zh: string[];
  en: string[];
}

interface ClauseText { key: string; zh: string; en: string }

/** Every clause's Chinese and English (heading and text), from the built site's data files. */
export function builtClauses(dist = path.join(ROOT, 'dist')): ClauseText[] {
  const read = (file: string) => JSON.parse(readFileSync(path.join(dist, 'data', file), 'utf8'));
  const index = read('index.json') as { documents: { id: string }[] };
  return index.documents.flatMap((d) => {
    const doc = read(`${d.id}.json`) as { clauses: { id: string; heading?: { zh: string; en: string }; text: { zh: string; en: string } }[] };
    return doc.clauses.map((c) => ({
      key: `${d.id}#${c.id}`,
      zh: [c.heading?.zh, c.text.zh].filter(Boolean).join('　').normalize('NFC'),
      en: [c.heading?.en, c.text.en].filter(Boolean).join(' — '),
    }));
  });
}

/** FNV-1a: a fixed, platform-independent seed per clause. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const HAN = /\p{Script=Han}/u;
const FUNCTION_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'its', 'of', 'on', 'or', 'the', 'their', 'to', 'with']);
const ALNUM = /[\p{L}\p{N}]/u;

interface Unit { text: string; kind: 'han' | 'word' | 'other' }

/** Han characters one by one, Latin words and numbers (3.0, 4.2.5) whole, anything else one by one. */
function units(text: string): Unit[] {
  const out: Unit[] = [];
  for (const m of text.matchAll(/\p{Script=Han}|\p{N}+(?:[.．]\p{N}+)+|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+|[^]/gu)) {
    const t = m[0];
    out.push({ text: t, kind: HAN.test(t) ? 'han' : ALNUM.test(t) ? 'word' : 'other' });
  }
  return out;
}

const length = (us: Unit[]) => us.reduce((n, u) => n + [...u.text].length, 0);

/** Chinese substrings and English words for every clause. */
export function clauseProbes(clauses: ClauseText[] = builtClauses()): ClauseProbe[] {
  const zhTexts = clauses.map((c) => c.zh);
  const containing = new Map<string, number>();
  const count = (s: string) => {
    let n = containing.get(s);
    if (n === undefined) containing.set(s, (n = zhTexts.filter((t) => t.includes(s)).length));
    return n;
  };
  const words = (text: string) => text.match(/\p{L}[\p{L}\p{N}]*(?:['’]\p{L}+)?/gu) ?? [];
  const stem = (word: string) => stemmer(word.toLowerCase().replace(/['’]s$/u, ''));
  // Each clause's English as its sequence of stems, space-separated and padded, so a run of words is a substring.
  const stemmed = clauses.map((c) => ` ${words(c.en).map(stem).join(' ')} `);
  const inClauses = new Map<string, number>();
  const df = (stems: string[]) => {
    const key = ` ${stems.join(' ')} `;
    let n = inClauses.get(key);
    if (n === undefined) inClauses.set(key, (n = stemmed.filter((t) => t.includes(key)).length));
    return n;
  };

  return clauses.map((c) => {
    const random = prng(hash(c.key));
    const us = units(c.zh);
    const starts = us.flatMap((u, i) => (u.kind === 'other' ? [] : [i]));
    const zh: string[] = [];
    // The substring of units [from, to] if it is 2–8 characters (or one whole word longer) and ends on a letter or digit.
    const take = (from: number, to: number) => us.slice(from, to + 1).map((u) => u.text).join('');
    const grow = (from: number, minTo: number): string | undefined => {
      let best: string | undefined;
      for (let to = minTo; to < us.length; to++) {
        if (us[to]!.kind === 'other') continue;
        const s = take(from, to);
        if ([...s].length < 2) continue;
        if (length(us.slice(from, to + 1)) > 8 && best !== undefined) break;
        best = s;
        if (count(s) <= 10 && !zh.includes(s)) return s;
      }
      return best !== undefined && count(best) <= 10 && !zh.includes(best) ? best : undefined;
    };
    // A script boundary: Han next to a word or number with nothing between them.
    const boundaries = us.flatMap((u, i) => {
      const next = us[i + 1];
      return next && ((u.kind === 'han' && next.kind === 'word') || (u.kind === 'word' && next.kind === 'han')) ? [i] : [];
    });
    if (boundaries.length) {
      const b = boundaries[Math.floor(random() * boundaries.length)]!;
      // Start up to three units before the boundary, on a letter or digit.
      let from = b - Math.floor(random() * 3);
      while (from > 0 && us[from]!.kind === 'other') from++;
      from = Math.max(0, Math.min(from, b));
      const s = grow(from, b + 1);
      if (s) zh.push(s);
    }
    for (let attempt = 0; zh.length < 3 && attempt < 40 && starts.length; attempt++) {
      const from = starts[Math.floor(random() * starts.length)]!;
      const wanted = 2 + Math.floor(random() * 7);
      let to = from;
      while (to + 1 < us.length && length(us.slice(from, to + 1)) < wanted) to++;
      const s = grow(from, to);
      if (s) zh.push(s);
    }
    // A clause too short or too common for three specific substrings keeps what it has, or its whole text.
    if (zh.length === 0 && c.zh) zh.push(c.zh);

    const ws = words(c.en);
    const stems = ws.map(stem);
    const en: string[] = [];
    const taken = new Set<string>();
    for (let n = 1; n <= 5 && en.length < 3; n++) {
      const runs = Array.from({ length: Math.max(0, ws.length - n + 1) }, (_, i) => i)
        .map((i) => ({ text: ws.slice(i, i + n).join(' '), key: stems.slice(i, i + n).join(' '), i, df: df(stems.slice(i, i + n)) }))
        // A run a reader would type: it neither starts nor ends with a function word ("for Social").
        .filter((r) => !FUNCTION_WORDS.has(ws[r.i]!.toLowerCase()) && !FUNCTION_WORDS.has(ws[r.i + n - 1]!.toLowerCase()))
        // Nor is a lone word a fragment of a hyphenated one (the e of e-commerce).
        .filter((r) => n > 1 || [...ws[r.i]!].length >= 3)
        .filter((r) => r.df <= 10 && !taken.has(r.key) && ![...taken].some((t) => ` ${r.key} `.includes(` ${t} `)))
        .sort((a, b) => a.df - b.df || a.i - b.i);
      for (const r of runs) {
        if (en.length === 3 || taken.has(r.key)) continue;
        taken.add(r.key);
        en.push(r.text);
      }
    }
    if (en.length === 0 && c.en) en.push(c.en);
    return { key: c.key, zh, en };
  });
}
