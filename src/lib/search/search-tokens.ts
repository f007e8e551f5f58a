/**
 * How text becomes search tokens, shared by the index (build time) and the query (browser), so
 * both always cut text at the same places. The index is Pagefind's, but its words are ours:
 * every token is ASCII letters and digits that no analyser splits, stems or segments, and no
 * token is the beginning of another (each kind has a fixed length or says its length), so
 * Pagefind's prefix matching can neither widen a word nor put a shorter indexed word in place of
 * one it lacks. Searching for the first five characters of a bigram is the one deliberate prefix
 * search: every bigram that starts with a character.
 *
 *   h + c1 + c2     two Han characters in a row (c: the code point in 4 base-36 digits)
 *   u + c           the last Han character of a run, so a character is found wherever it stands
 *   w + n + w + z   a word or number in the Chinese text (n: the length of w in 2 base-36 digits)
 *   w + n + w + e   a word or number in the English text (words of letters stemmed)
 *
 * A word's two forms sort next to each other, so a query for it reads one part of the index.
 *
 * A word is a run of letters and digits other than Han (RCEP, 5G, 2019): Han characters next to
 * it (2019年12月) begin a run of their own. Both texts are read through NFKC (full-width ＲＣＥＰ
 * and ２０３０ are RCEP and 2030), lower case and without diacritics (Hà Nội is ha noi). In a
 * number, a point or comma between digits is kept (3.0, 4.2.5, 1,000: written p and c), so 3.0
 * is neither 3 nor 30.
 */
import { stemmer } from 'stemmer';

export type Language = 'zh' | 'en';

export const HAN = '\\p{Script=Han}';
const HAN_RE = new RegExp(HAN, 'u');

/**
 * A run of Han characters, a number (digits with inner points or commas), or a word (letters,
 * digits and combining marks, not Han; an apostrophe inside an English word, people's, stays).
 */
const UNITS = new RegExp(`(${HAN}+)|(\\p{N}+(?:[.,]\\p{N}+)+)|((?:(?!${HAN})[\\p{L}\\p{N}\\p{M}])+(?:['’](?:(?!${HAN})[\\p{L}\\p{N}\\p{M}])+)*)`, 'gu');

export type UnitKind = 'han' | 'number' | 'word';

/** A piece of text as search reads it. `start` and `end` are UTF-16 offsets into the normalised text. */
export interface Unit {
  kind: UnitKind;
  text: string;
  start: number;
  end: number;
}

/** The text as both sides read it: NFKC, one space for any run of white space. */
export const normalise = (text: string): string => text.normalize('NFKC').replace(/\s+/gu, ' ');

/** The units of a normalised text, in order. */
export function units(text: string): Unit[] {
  const out: Unit[] = [];
  for (const m of text.matchAll(UNITS)) {
    const kind: UnitKind = m[1] ? 'han' : m[2] ? 'number' : 'word';
    out.push({ kind, text: m[0], start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

const code = (ch: string) => ch.codePointAt(0)!.toString(36).padStart(4, '0');
const length = (w: string) => w.length.toString(36).padStart(2, '0');

/** Lower case without diacritics: what a word is compared as. */
export const fold = (word: string): string => word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().normalize('NFC');

/** A word's key in one language: English words of letters are stemmed (resources, resource: resourc). */
export function wordKey(word: string, language: Language): string {
  let w = fold(word).replace(/['’]s$/u, '').replace(/['’]/gu, '');
  if (language === 'en' && /^\p{L}+$/u.test(w)) w = stemmer(w);
  return w;
}

/** A number's key: its digits, with p for a point and c for a comma between them. */
const numberKey = (n: string) => fold(n).replace(/\./gu, 'p').replace(/,/gu, 'c');

/** The token of a word or number. Letters outside a-z and digits outside 0-9 stay as they are: Pagefind keeps them. */
export function wordToken(unit: Pick<Unit, 'kind' | 'text'>, language: Language): string {
  const key = unit.kind === 'number' ? numberKey(unit.text) : wordKey(unit.text, language);
  return `w${length(key)}${key}${language === 'zh' ? 'z' : 'e'}`;
}

/** The bigram tokens of a Han run (none for a single character). */
export function bigrams(run: string): string[] {
  const chars = [...run];
  return chars.slice(1).map((c, i) => `h${code(chars[i]!)}${code(c)}`);
}

/** The token of a run's last character. */
export const lastToken = (ch: string): string => `u${code(ch)}`;

/** The prefix that every bigram starting with `ch` begins with. */
export const bigramPrefix = (ch: string): string => `h${code(ch)}`;

/** The tokens a text is indexed under, in order: Han runs as bigrams and their last character, words and numbers. */
export function indexTokens(text: string, language: Language): string[] {
  const out: string[] = [];
  for (const unit of units(normalise(text))) {
    if (unit.kind === 'han') {
      out.push(...bigrams(unit.text), lastToken([...unit.text].at(-1)!));
    } else {
      out.push(wordToken(unit, language));
    }
  }
  return out;
}

export interface TraditionalMap {
  chars: Record<string, string>;
  phrases: Record<string, string>;
}

/** Converts a Traditional (or Taiwan-usage) query to the Simplified forms of the corpus. */
export function toSimplified(query: string, map: TraditionalMap): string {
  let out = '';
  const chars = [...query];
  for (let i = 0; i < chars.length; ) {
    let matched = false;
    for (let n = Math.min(6, chars.length - i); n >= 2; n--) {
      const candidate = chars.slice(i, i + n).join('');
      const simplified = map.phrases[candidate];
      if (simplified) {
        out += simplified;
        i += n;
        matched = true;
        break;
      }
    }
    if (!matched) {
      out += map.chars[chars[i]!] ?? chars[i];
      i++;
    }
  }
  return out;
}

export const hasHan = (text: string): boolean => HAN_RE.test(text);

/** How much of a clause a result shows, in characters: Chinese is denser than English. */
export const EXCERPT: Record<Language, number> = { zh: 90, en: 220 };
