/**
 * How search answers (issue 25), on a small index searched as Pagefind searches: a word extends
 * to every indexed word it begins, a word with no such extension falls back to the longest
 * indexed word that begins it, a quoted search wants its words together.
 */
import { describe, expect, test } from 'vitest';
import { answer, nearestWords, type Lexicon, type PagefindLike, type PagefindResult } from '../../src/lib/search/search-engine';
import { parseQuery, synonymForms } from '../../src/lib/search/search-query';
import { indexTokens } from '../../src/lib/search/search-tokens';

/** An in-memory stand-in for Pagefind over records of our tokens. */
function fakePagefind(clauses: Record<string, { zh?: string; en?: string }>): PagefindLike {
  const records = Object.entries(clauses).map(([id, c]) => ({ id, tokens: [...indexTokens(c.zh ?? '', 'zh'), ...indexTokens(c.en ?? '', 'en')] }));
  const words = [...new Set(records.flatMap((r) => r.tokens))];
  const result = (id: string, locations: number[], score: number): PagefindResult => ({ id, score, words: locations, data: async () => ({ meta: { clause: id } }) });
  return {
    async search(term: string) {
      if (/^".*"$/u.test(term)) {
        const tokens = term.slice(1, -1).split(' ');
        const results = records.flatMap((r) => {
          const at = r.tokens.findIndex((_, s) => tokens.every((t, k) => r.tokens[s + k] === t));
          return at < 0 ? [] : [result(r.id, tokens.map((_, k) => at + k), 1)];
        });
        return { results };
      }
      // Pagefind: every word the term begins, else the longest word that begins the term.
      let matching = words.filter((w) => w.startsWith(term));
      if (!matching.length) matching = words.filter((w) => term.startsWith(w)).sort((a, b) => b.length - a.length).slice(0, 1);
      const results = records.flatMap((r) => {
        const locations = r.tokens.flatMap((t, i) => (matching.includes(t) ? [i] : []));
        return locations.length ? [result(r.id, locations, locations.length / r.tokens.length)] : [];
      });
      return { results: results.sort((a, b) => b.score - a.score) };
    },
  };
}

const CLAUSES = {
  floods: { zh: '加强洪旱灾害应急管理合作', en: 'Strengthen cooperation on flood and drought emergency management' },
  water: { zh: '加强水资源合作', en: 'Strengthen water resources cooperation' },
  waterway: { zh: '开展澜沧江-湄公河航道合作', en: 'Cooperate on the Lancang-Mekong waterway' },
  acfta: { zh: '用好中国-东盟自贸区各项协议，促进贸易和旅游', en: 'Make full use of the ASEAN-China Free Trade Area (ACFTA) and promote trade and tourism' },
  tourism: { zh: '加强旅游合作', en: 'Strengthen tourism cooperation' },
  fta: { zh: '落实自贸区协议', en: 'Implement the ACFTA agreements' },
  laos: { zh: '老挝琅勃拉邦', en: 'Luang Prabang, Lao PDR' },
  lao: { zh: '老挝人民民主共和国', en: "Lao People's Democratic Republic" },
  laos2: { zh: '老挝', en: 'Laos' },
};
const pagefind = fakePagefind(CLAUSES);
const lexicon: Lexicon = { flood: 1, floods: 1, drought: 1, water: 2, waterway: 1, resources: 1, cooperation: 4, tourism: 2, development: 3 };
const ask = async (query: string, groups: string[][] = []) => {
  const a = await answer(parseQuery(query, synonymForms(groups)), { pagefind, lexicon: async () => lexicon });
  return { ...a, ids: a.hits.map((h) => h.result.id) };
};

describe('answer', () => {
  test('a word the index lacks is named, and the other words still answer; it is never swapped for a shorter word', async () => {
    const a = await ask('flood monsoon');
    expect(a.ids).toEqual(['floods']);
    expect(a.complete).toBe(false);
    expect(a.unmatched.map((i) => a.query.parts[i]!.text)).toEqual(['monsoon']);
    // waterways is not in the index: Pagefind would answer with water; search says it has nothing.
    const w = await ask('waterways');
    expect(w.ids).toEqual(['waterway']);
    const none = await ask('waterwheel');
    expect(none.ids).toEqual([]);
  });

  test('with no clause having every word, the clauses with the most words, the query\'s neighbours together first', async () => {
    const a = await ask('resources cooperation flood');
    expect(a.complete).toBe(false);
    expect(a.unmatched).toEqual([]);
    // Both have two of the words; resources cooperation stand together in one.
    expect(a.ids.slice(0, 2)).toEqual(['water', 'floods']);
  });

  test('a misspelt word of five letters or more is corrected by one edit (two from nine letters), and said to be', async () => {
    const a = await ask('flaod');
    expect(a.ids).toEqual(['floods']);
    expect(a.corrections).toEqual([{ part: 0, from: 'flaod', to: 'flood' }]);
    expect((await ask('devleopmnet')).corrections).toEqual([]); // no clause has development: nothing to offer
    expect(nearestWords('devleopmnet', lexicon)).toEqual(['development']);
    expect(nearestWords('wtaer', lexicon)).toEqual(['water']); // a transposition is one edit
    expect(nearestWords('wtaers', { waters: 1, water: 5 })).toEqual(['waters']);
    // Four letters: not corrected; two edits under nine letters: nothing offered.
    expect((await ask('flod')).corrections).toEqual([]);
    expect(nearestWords('fluud', { flood: 1 })).toEqual([]);
  });

  test('an English word and a Chinese phrase rank first the clause that has both', async () => {
    expect((await ask('ACFTA 旅游')).ids[0]).toBe('acfta');
    expect((await ask('旅游 ACFTA')).ids[0]).toBe('acfta');
  });

  test('the query whole as typed ranks first; quotes want it as written', async () => {
    expect((await ask('water resources cooperation')).ids[0]).toBe('water');
    expect((await ask('"cooperation water"')).ids).toEqual([]);
    expect((await ask('"水资源"')).ids).toEqual(['water']);
  });

  test("a synonym's form finds its clauses, after the clauses with the form as typed", async () => {
    const groups = [['Laos', "Lao People's Democratic Republic", 'Lao PDR']];
    expect((await ask('Laos', groups)).ids).toEqual(['laos2', 'lao', 'laos']);
  });
});
