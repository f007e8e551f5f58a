/**
 * Chinese numerals, both ways: the build reads the sources' numbering with them
 * (scripts/lib/sources/numbering.ts), the pages print positions (reference-labels.ts) and search
 * reads typed references (search/search-references.ts). Here, in the render-time code, so that
 * the browser's code imports nothing from the build's scripts.
 */

const VALUES: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Converts a Chinese numeral up to 九百九十九 (一, 十, 十五, 二十五, 一百零三) to a number. */
export function chineseNumeral(text: string): number | undefined {
  if (!/^[〇零一二两三四五六七八九十百]+$/u.test(text)) return undefined;
  let total = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch === '百') { total += (digit ?? 1) * 100; digit = undefined; }
    else if (ch === '十') { total += (digit ?? 1) * 10; digit = undefined; }
    else digit = VALUES[ch];
  }
  return total + (digit ?? 0);
}

const DIGITS = '零一二三四五六七八九';

/** 1–99 in Chinese numerals (一, 十二, 二十五); larger numbers stay Arabic. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}
