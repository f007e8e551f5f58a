/**
 * How Chinese text becomes search tokens, shared by the index (build time) and the query
 * (browser), so both always agree. Han runs become overlapping bigrams, encoded in ASCII
 * (`b` + two code points) so that no analyser re-segments or stems them; each run's last
 * character is also a token of its own (`b` + one code point). A one-character query is
 * that shorter token, which Pagefind also matches as a prefix of every bigram starting with
 * the character: together they find the character wherever it stands. Latin letters and
 * digits stay words.
 */
export const HAN = '\\p{Script=Han}';
const RUNS = new RegExp(`(${HAN}+)|([\\p{L}\\p{N}]+)`, 'gu');

const code = (ch: string) => ch.codePointAt(0)!.toString(36).padStart(4, '0');

function tokens(text: string, index: boolean): string[] {
  const out: string[] = [];
  for (const m of text.normalize('NFC').matchAll(RUNS)) {
    if (m[1]) {
      const chars = [...m[1]];
      for (let i = 0; i + 1 < chars.length; i++) out.push(`b${code(chars[i]!)}${code(chars[i + 1]!)}`);
      if (index || chars.length === 1) out.push(`b${code(chars.at(-1)!)}`);
    } else if (m[2]) {
      out.push(m[2].toLowerCase());
    }
  }
  return out;
}

/** The tokens a text is indexed under: `水资源` → bigrams 水资, 资源 and the last character 源 (encoded); `RCEP` → `rcep`. */
export const indexTokens = (text: string): string[] => tokens(text, true);

/** The tokens a query searches for: bigrams; a one-character run is the character's own (prefix) token. */
export const queryTokens = (text: string): string[] => tokens(text, false);

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

export const hasHan = (text: string) => new RegExp(HAN, 'u').test(text);

/**
 * Text carried in a search record's metadata without being indexed. Pagefind indexes every
 * metadata field, so the other language's text in a record would put its words in this
 * language's index (English words in the Chinese index, Chinese in the English one), which
 * triples the index chunks a query loads and matches queries in the wrong language. Letters
 * and digits moved into the Private Use Areas are not words to Pagefind's analysers;
 * `reveal` moves them back. Other characters (spaces, punctuation) stay as they are.
 */
export function conceal(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000) throw new Error(`Unexpected private-use character U+${cp.toString(16)} in ${text.slice(0, 40)}…, expected text that search can carry`);
    if (!/[\p{L}\p{N}]/u.test(ch)) out += ch;
    else if (cp < 0x1900) out += String.fromCodePoint(0xe000 + cp);
    else if (cp < 0x10000) out += String.fromCodePoint(0xf0000 + cp);
    else if (cp < 0x20000) out += String.fromCodePoint(0x100000 + cp - 0x10000);
    else out += ch; // beyond the Private Use Areas' room; such characters are rare and harmless
  }
  return out;
}

/** The text `conceal` carried. */
export function reveal(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xe000 && cp < 0xe000 + 0x1900) out += String.fromCodePoint(cp - 0xe000);
    else if (cp >= 0xf0000 && cp < 0x100000) out += String.fromCodePoint(cp - 0xf0000);
    else if (cp >= 0x100000) out += String.fromCodePoint(cp - 0x100000 + 0x10000);
    else out += ch;
  }
  return out;
}

/** How much of a clause a result shows, in characters: Chinese is denser than English. */
export const EXCERPT: Record<'zh' | 'en', number> = { zh: 90, en: 220 };
