/** The glossary's index (src/lib/reading/glossary-index.ts): initials by pinyin and by letter, groups in sorted order. */
import { describe, expect, test } from 'vitest';
import { indexGroups, initialOf, OTHER_INITIAL } from '../../src/lib/reading/glossary-index';
import { terms } from '../../src/lib/data/glossary';

describe('initialOf', () => {
  test.each([
    ['澜湄周', 'L'], ['湄公河', 'M'], ['中国-东盟', 'Z'], ['东盟', 'D'], ['“一带一路”倡议', 'Y'], ['《联合国宪章》', 'L'],
    ['阿', 'A'], ['八', 'B'], ['人文交流', 'R'], ['外长会', 'W'], ['新冠肺炎疫情', 'X'], ['七', 'Q'],
  ])('gives a Chinese name the pinyin initial of its first character: %s → %s', (name, initial) => {
    expect(initialOf(name)).toBe(initial);
  });

  test('gives an English name its first letter, quotation marks and accents aside', () => {
    expect(initialOf('Lancang-Mekong Week')).toBe('L');
    expect(initialOf('“Belt and Road” Initiative')).toBe('B');
    expect(initialOf('Économie')).toBe('E');
  });

  test('puts names that open with a digit in one group of their own', () => {
    expect(initialOf('10+3')).toBe(OTHER_INITIAL);
  });
});

describe('indexGroups', () => {
  test('groups the glossary in each language with every term once, each initial once, in sorted order', () => {
    for (const lang of ['zh', 'en'] as const) {
      const groups = indexGroups(terms, (t) => t[lang], lang);
      expect(groups.flatMap((g) => g.items)).toHaveLength(terms.length);
      const initials = groups.map((g) => g.initial);
      expect(new Set(initials).size).toBe(initials.length);
      expect(initials.filter((i) => i !== OTHER_INITIAL)).toEqual([...initials.filter((i) => i !== OTHER_INITIAL)].sort());
    }
  });

  test('sorts Chinese names by pinyin, ignoring an opening quotation mark', () => {
    const groups = indexGroups(['中心地位', '“一带一路”倡议', '澜湄周', '东盟'], (s) => s, 'zh');
    expect(groups.map((g) => [g.initial, g.items])).toEqual([['D', ['东盟']], ['L', ['澜湄周']], ['Y', ['“一带一路”倡议']], ['Z', ['中心地位']]]);
  });
});
