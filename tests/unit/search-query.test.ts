/** How search reads a query (issue 25): parts, synonyms, quotes, runs cut into words, clause references. */
import { describe, expect, test } from 'vitest';
import { parseQuery, splitRun, synonymForms } from '../../src/lib/search/search-query';
import { findReference, type CatalogueDocument } from '../../src/lib/search/search-references';
import { searchCatalogue, synonymGroups } from '../../src/lib/search/search-synonyms';
import { shortTitle } from '../../src/lib/citation/reference-labels';
import type { GlossaryTerm } from '../../src/schemas/glossary';

const term = (zh: string, zhVariants: string[], en: string, enVariants: string[]) => ({ id: 'x', zh, zhVariants, en, enVariants, kind: 'place', definition: { zh: '', en: '' } }) as unknown as GlossaryTerm;

describe('parseQuery', () => {
  test('a part per word, number and run of Chinese; parts with nothing between them are joined', () => {
    const q = parseQuery('2019年12月 water-resources 3.0');
    expect(q.parts.map((p) => p.text)).toEqual(['2019', '年', '12', '月', 'water', 'resources', '3.0']);
    expect(q.parts.map((p) => p.joined)).toEqual([true, true, true, false, false, false, false]);
    // A lone character: the bigrams it begins, or a run's end.
    expect(q.parts[1]!.alternatives.map((a) => a.prefix ?? false)).toEqual([true, false]);
    // Words in both texts' forms; Chinese in the Chinese text only.
    expect(new Set(q.parts[4]!.alternatives.map((a) => a.language))).toEqual(new Set(['zh', 'en']));
    expect(q.parts[3]!.alternatives.every((a) => a.language === 'zh')).toBe(true);
  });

  test('quoted text is one part that must stand as written', () => {
    const q = parseQuery('“water resources” 合作 "水资源"');
    expect(q.parts.map((p) => [p.text, p.quoted])).toEqual([['water resources', true], ['合作', false], ['水资源', true]]);
    expect(q.parts[0]!.alternatives.every((a) => a.exact)).toBe(true);
  });

  test('a synonym span is one part matched by any form: words by stem, Chinese inside a run', () => {
    const forms = synonymForms(synonymGroups([term('老挝', ['老挝人民民主共和国'], 'Laos', ["Lao People's Democratic Republic", 'Lao PDR']), term('澜沧江-湄公河', ['澜湄'], 'Lancang-Mekong', [])]));
    const laos = parseQuery('floods in Lao PDR', forms);
    expect(laos.parts.map((p) => p.text)).toEqual(['floods', 'in', 'Lao PDR']);
    expect(laos.parts[2]!.alternatives.filter((a) => a.source === 'synonym').map((a) => a.text)).toEqual(expect.arrayContaining(['Laos', "Lao People's Democratic Republic"]));
    const council = parseQuery('澜湄商务理事会', forms);
    expect(council.parts).toHaveLength(1);
    expect(council.parts[0]!.alternatives.map((a) => a.text)).toContain('澜沧江-湄公河商务理事会');
  });

  test('splitRun cuts a run of Chinese into words, single characters in a row kept together', () => {
    const q = parseQuery('雨季洪旱');
    expect(splitRun(q, 0)?.parts.map((p) => p.text)).toEqual(['雨季', '洪旱']);
    expect(splitRun(parseQuery('水资源'), 0)).toBeUndefined();
  });
});

describe('synonymGroups', () => {
  test("merges an editor's group with the glossary term that shares a form", () => {
    const groups = synonymGroups([term('中国-东盟自贸区', [], 'ASEAN-China Free Trade Area', ['ACFTA'])], [{ forms: ['ACFTA', 'CAFTA'], reason: 'press' }]);
    expect(groups).toContainEqual(['ASEAN-China Free Trade Area', 'ACFTA', 'CAFTA']);
  });
});

describe('findReference', () => {
  const docs = [
    { id: 'lmc-poa-2018-2022', type: 'plan', title: { zh: '澜沧江-湄公河合作五年行动计划(2018-2022)', en: 'Five-Year Plan of Action on Lancang-Mekong Cooperation (2018-2022)' }, clauses: ['4', '4.2', '4.2.5', '4.2.5.p1'].map((id) => ({ id })) },
    { id: 'lmc-poa-2023-2027', type: 'plan', title: { zh: '澜沧江—湄公河合作五年行动计划(2023—2027)(摘要)', en: 'Five-Year Plan of Action on Lancang-Mekong Cooperation (2023-2027)' }, clauses: ['4', '4.2', '4.2.5', '4.2.12', '5'].map((id) => ({ id })) },
    { id: 'lmc-naypyitaw-declaration-2023', type: 'declaration', title: { zh: '内比都宣言', en: 'Nay Pyi Taw Declaration' }, clauses: ['1', '2', '2.4', '14'].map((id) => ({ id })) },
    { id: 'lmc-vientiane-declaration-2020', type: 'declaration', title: { zh: '万象宣言', en: 'Vientiane Declaration' }, clauses: ['preamble.p3', '2', '2.3'].map((id) => ({ id })) },
  ] as const;
  const catalogue: CatalogueDocument[] = searchCatalogue(docs.map((d) => ({ ...d, clauses: [...d.clauses] })), {
    'lmc-poa-2018-2022': { forms: ['P18', '2018-2022'] },
    'lmc-poa-2023-2027': { forms: ['P23', '2023-2027'] },
    'lmc-naypyitaw-declaration-2023': { forms: ['N23', 'Nay Pyi Taw', '内比都'] },
  }, shortTitle).map((d) => ({ ...d, clauses: d.clauses.split(' ') }));
  const ref = (q: string) => findReference(q, catalogue)?.map((r) => `${r.document}#${r.clause}`);

  test.each([
    ['4.2.12', ['lmc-poa-2023-2027#4.2.12']],
    ['4.2.5', ['lmc-poa-2018-2022#4.2.5', 'lmc-poa-2023-2027#4.2.5']],
    ['第4.2.5条', ['lmc-poa-2018-2022#4.2.5', 'lmc-poa-2023-2027#4.2.5']],
    ['P23 4.2.5', ['lmc-poa-2023-2027#4.2.5']],
    ['p18 4.2.5.p1', ['lmc-poa-2018-2022#4.2.5.p1']],
    ['2023–2027 4.2.5', ['lmc-poa-2023-2027#4.2.5']],
    ['2023—2027，第4.2.12条', ['lmc-poa-2023-2027#4.2.12']],
    ['P23 5', ['lmc-poa-2023-2027#5']],
    ['内比都宣言第十四段', ['lmc-naypyitaw-declaration-2023#14']],
    ['《内比都宣言》第二段第（四）项', ['lmc-naypyitaw-declaration-2023#2.4']],
    ['Nay Pyi Taw Declaration, para. 14', ['lmc-naypyitaw-declaration-2023#14']],
    ['N23 para 2(4)', ['lmc-naypyitaw-declaration-2023#2.4']],
    ['Vientiane Declaration, preamble, para. 3', ['lmc-vientiane-declaration-2020#preamble.p3']],
    ['万象宣言 序言第三段', ['lmc-vientiane-declaration-2020#preamble.p3']],
    ['Plan of Action 2018–2022, clause 4.2.5', ['lmc-poa-2018-2022#4.2.5']],
  ])('%s is a reference to %j', (query, expected) => {
    expect(ref(query)).toEqual(expected);
  });

  test.each(['3.0', '2030', '14', 'P23 4.9.9', 'water 4.2.5', '水资源', 'Vientiane Declaration', '一带一路', 'RCEP 2020'])('%s is not a reference', (query) => {
    expect(ref(query)).toBeUndefined();
  });
});
