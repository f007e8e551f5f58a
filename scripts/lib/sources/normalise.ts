/**
 * The display normalisation policy. The edition shows the sources' Chinese text with
 * these typographic rules applied, and nothing else changed; the raw lines stay in
 * content/sources/ and every clause points at them. Each rule is named so the policy can
 * be printed (README, about page) and tested.
 */

const HAN = '\\p{Script=Han}';
/** CJK punctuation and full-width forms. */
const CJK_PUNCT = '\\u3000-\\u303f\\uff00-\\uffef\\u2018\\u2019\\u201c\\u201d\\u2014\\u2026\\u300a\\u300b';
const CJK = `[${HAN}${CJK_PUNCT}]`;

export interface NormalisationRule {
  id: string;
  en: string;
  zh: string;
  apply(text: string): string;
}

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？' };

export const RULES: NormalisationRule[] = [
  {
    id: 'unicode-nfc',
    en: 'Unicode is normalised to NFC.',
    zh: 'Unicode统一为NFC形式。',
    apply: (t) => t.normalize('NFC'),
  },
  {
    id: 'trim-space',
    en: 'Spaces at the start and end of a paragraph (indentation) are removed.',
    zh: '删除段首段尾空格（缩进）。',
    apply: (t) => t.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/gu, ''),
  },
  {
    id: 'stray-space',
    en: 'Spaces next to a Chinese character or Chinese punctuation mark are removed (e.g. "和 平" → "和平"); other runs of spaces become one space.',
    zh: '删除紧邻汉字或中文标点的空格（如“和 平”→“和平”）；其余连续空格合为一个。',
    apply: (t) =>
      t
        .replace(new RegExp(`[ \\u00a0\\u3000\\t]+(?=${CJK})`, 'gu'), '')
        .replace(new RegExp(`(?<=${CJK})[ \\u00a0\\u3000\\t]+`, 'gu'), '')
        .replace(/[ \u00a0\t]{2,}/gu, ' '),
  },
  {
    id: 'full-width-punctuation',
    en: 'Half-width , ; : ( ) ! ? in Chinese text become full-width ，；：（）！？ (a comma or colon between two digits is left alone).',
    zh: '中文文本中的半角 , ; : ( ) ! ? 改为全角 ，；：（）！？（两个数字之间的逗号、冒号除外）。',
    apply: (t) => t.replace(/[,;:()!?]/gu, (ch, offset: number, s: string) => {
      if ((ch === ',' || ch === ':') && /\d/u.test(s[offset - 1] ?? '') && /\d/u.test(s[offset + 1] ?? '')) return ch;
      return FULL_WIDTH[ch]!;
    }),
  },
  {
    id: 'hyphen-forms',
    en: 'Hyphen look-alikes (U+2010, U+2011, U+2012, U+2212, U+FF0D) become the hyphen-minus "-". The sources\' own choice between "-" and "—" (as in 中国-东盟, 澜沧江—湄公河) is kept.',
    zh: '形似连字符的字符（U+2010、U+2011、U+2012、U+2212、U+FF0D）统一为“-”。来源在“-”与“—”之间的用法（如“中国-东盟”“澜沧江—湄公河”）照旧保留。',
    apply: (t) => t.replace(/[\u2010\u2011\u2012\u2212\uff0d]/gu, '-'),
  },
];

/** Applies the display normalisation policy to Chinese text. */
export function normaliseZh(text: string): string {
  return RULES.reduce((t, rule) => rule.apply(t), text);
}

/** Removes Markdown markup from a line of a `markdown` source: heading marks, bold, trailing hard breaks. */
export function stripMarkdown(line: string): string {
  return line.replace(/^#{1,6}[ \t]+/u, '').replace(/\*\*/gu, '').replace(/[ \t]+$/u, '');
}
