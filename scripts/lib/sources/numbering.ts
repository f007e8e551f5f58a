/**
 * Every pattern of Chinese document numbering the corpus uses, in one place:
 * 一、 (section), （一） or (一) (sub-section), 1. (item), (1) (sub-item) and dotted
 * decimals 4.2.5, which carry their full path.
 */
import { chineseNumeral } from '../../../src/lib/chinese-numerals';

/** Kinds of numbering marker, named for their shape. */
export type MarkerKind = 'cn-dun' | 'cn-paren' | 'arabic-dot' | 'arabic-paren' | 'decimal';

export interface Marker {
  kind: MarkerKind;
  /** The marker as printed, e.g. `（一）`, `4.2.5`. */
  printed: string;
  /** The number at this level (the last segment for decimals). */
  value: number;
  /** For decimals, every segment: `4.2.5` → [4, 2, 5]. */
  segments?: number[];
  /** Length of the marker and the spaces after it, in characters. */
  length: number;
}

const SPACE = '[ \\u00a0\\u3000\\t]*';
const PATTERNS: { kind: MarkerKind; re: RegExp }[] = [
  // 4.2.5 水资源 / 4.1 政治安全事务: two or more segments, then a space or Chinese.
  { kind: 'decimal', re: new RegExp(`^(\\d{1,3}(?:\\.\\d{1,3})+)(?=[ \\u00a0\\u3000]|[\\u4e00-\\u9fff])${SPACE}`, 'u') },
  { kind: 'cn-dun', re: new RegExp(`^([〇零一二两三四五六七八九十百]+)、${SPACE}`, 'u') },
  { kind: 'cn-paren', re: new RegExp(`^[（(]([〇零一二两三四五六七八九十百]+)[）)]${SPACE}`, 'u') },
  { kind: 'arabic-paren', re: new RegExp(`^[（(](\\d{1,3})[）)]${SPACE}`, 'u') },
  // 1.举行… : a number, a dot not followed by another digit.
  { kind: 'arabic-dot', re: new RegExp(`^(\\d{1,3})[.．](?!\\d)${SPACE}`, 'u') },
];

/** Reads the numbering marker at the start of a paragraph, if there is one. */
export function readMarker(text: string): Marker | undefined {
  for (const { kind, re } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const printed = m[0].trim();
    if (kind === 'decimal') {
      const segments = m[1]!.split('.').map(Number);
      return { kind, printed, value: segments[segments.length - 1]!, segments, length: m[0].length };
    }
    const value = kind === 'cn-dun' || kind === 'cn-paren' ? chineseNumeral(m[1]!) : Number(m[1]);
    if (value === undefined || value === 0) continue;
    return { kind, printed, value, length: m[0].length };
  }
  return undefined;
}

/** Punctuation that ends a sentence or a clause in the corpus; a numbered line without it is a heading. */
export const CLAUSE_END = /[。；;：:！!？?]$/u;

/**
 * Splits `标题。正文` into heading and body, where the first sentence is a short noun
 * phrase (no comma, at most 24 characters): `4.2.12 水资源合作。制定…`.
 */
export function splitInlineHeading(text: string): { heading: string; body: string } | undefined {
  const m = /^([^，,。；;：:]{1,24})。(.+)$/su.exec(text);
  return m ? { heading: m[1]!, body: m[2]! } : undefined;
}
