/** The search's shared text handling: tokens for the index and the query, concealed metadata, synonyms. */
import { describe, expect, test } from 'vitest';
import { conceal, indexTokens, queryTokens, reveal } from '../../src/lib/search-tokens';
import { synonymGroups } from '../../src/lib/search-synonyms';
import type { GlossaryTerm } from '../../src/schemas/glossary';

describe('tokens', () => {
  test('the index has every bigram and each run\'s last character; a one-character query is a prefix of both', () => {
    const index = indexTokens('清洁水，水资源');
    const water = queryTokens('水')[0]!;
    // 清洁水 ends with 水 (its own token); 水资源 starts with it (a bigram).
    expect(index.filter((t) => t.startsWith(water))).toHaveLength(2);
    expect(queryTokens('水资源')).toEqual(index.slice(-3, -1));
    expect(queryTokens('RCEP 2030')).toEqual(['rcep', '2030']);
  });
});

describe('concealed metadata', () => {
  test('has no letters or digits for an analyser to index, and reveals the text unchanged', () => {
    for (const text of ['加强水资源合作（2023—2027）。', "the Lao People's Democratic Republic — RCEP, 2030", '𐐷 Ǆ é']) {
      const hidden = conceal(text);
      expect(hidden).not.toMatch(/[\p{L}\p{N}]/u);
      expect(reveal(hidden)).toBe(text);
    }
  });

  test('refuses text that already uses the Private Use Areas', () => {
    expect(() => conceal('a\u{E000}b')).toThrow(/private-use/u);
  });
});

describe('synonyms', () => {
  test('one group per term and script with more than one form, NFKC-normalised', () => {
    const term = (zh: string, zhVariants: string[], en: string, enVariants: string[]) => ({ id: 'x', zh, zhVariants, en, enVariants, kind: 'place', definition: { zh: '', en: '' } }) as GlossaryTerm;
    expect(synonymGroups([term('老挝', ['老挝人民民主共和国'], 'Laos', ["Lao People's Democratic Republic", 'Ｌａｏ ＰＤＲ']), term('湄公河', [], 'Mekong', [])]))
      .toEqual([['老挝', '老挝人民民主共和国'], ['Laos', "Lao People's Democratic Republic", 'Lao PDR']]);
  });
});
