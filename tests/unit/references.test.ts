/** The one reference form of the edition's prose: `document#clause`. */
import { describe, expect, test } from 'vitest';
import { findReferences } from '../../src/lib/citation/references';

describe('findReferences', () => {
  test('finds references in Chinese and English prose, without the sentence’s full stop', () => {
    const text = '见（lmc-poa-2018-2022#3.p3、asean-china-poa-2021-2025#2.1.6）. See lmc-vientiane-declaration-2020#preamble.p8.';
    expect(findReferences(text).map((r) => `${r.document}#${r.clause}`)).toEqual([
      'lmc-poa-2018-2022#3.p3', 'asean-china-poa-2021-2025#2.1.6', 'lmc-vientiane-declaration-2020#preamble.p8',
    ]);
  });

  test('gives each reference’s place in the text', () => {
    const [ref] = findReferences('as in lmc-poa-2023-2027#4.2.5, and');
    expect(ref).toMatchObject({ index: 6, length: 'lmc-poa-2023-2027#4.2.5'.length });
  });

  test('ignores a bare clause number and a word with a hash', () => {
    expect(findReferences('clauses 11 and 14 (5.2.p1), C#, #4.2')).toEqual([]);
  });
});
