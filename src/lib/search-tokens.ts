/**
 * How Chinese text becomes search tokens, shared by the index (build time) and the query
 * (browser), so both always agree. Han runs become overlapping bigrams (a lone character
 * becomes a unigram), encoded in ASCII so that no analyser re-segments or stems them;
 * Latin letters and digits stay words.
 */
export const HAN = '\\p{Script=Han}';
const RUNS = new RegExp(`(${HAN}+)|([\\p{L}\\p{N}]+)`, 'gu');

const code = (ch: string) => ch.codePointAt(0)!.toString(36).padStart(4, '0');

/** `水资源` → bigrams 水资, 资源 (encoded); `RCEP` → `rcep`. */
export function bigramTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const m of text.normalize('NFC').matchAll(RUNS)) {
    if (m[1]) {
      const chars = [...m[1]];
      if (chars.length === 1) tokens.push(`u${code(chars[0]!)}`);
      for (let i = 0; i + 1 < chars.length; i++) tokens.push(`b${code(chars[i]!)}${code(chars[i + 1]!)}`);
    } else if (m[2]) {
      tokens.push(m[2].toLowerCase());
    }
  }
  return tokens;
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

export const hasHan = (text: string) => new RegExp(HAN, 'u').test(text);
