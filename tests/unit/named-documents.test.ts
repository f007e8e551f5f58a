/** Named documents: titles in 《》, merged conservatively and linked to the corpus. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { extractTitles, namedDocuments, titleKey, type NamedDocument } from '../../scripts/lib/links/named-documents';
import { projectPaths } from '../../scripts/lib/core/paths';
import type { DocumentData } from '../../src/schemas/document';

const root = projectPaths().root;
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, 'content', 'generated', 'data', file), 'utf8'));
let named: NamedDocument[];
beforeAll(() => {
  const documents = (readJson('index.json') as { documents: { id: string }[] }).documents.map((d) => readJson(`${d.id}.json`) as DocumentData);
  named = namedDocuments(documents);
});
const byTitle = (printed: string) => named.filter((n) => n.variants.includes(printed));

describe('titleKey', () => {
  test.each([
    ['dash styles', '中国—东盟自由贸易协定', '中国-东盟自由贸易协定'],
    ['full- and half-width brackets and dashes', '澜湄合作五年行动计划（2018—2022）', '澜湄合作五年行动计划(2018-2022)'],
    ['spaces', '东盟 宪章', '东盟宪章'],
    ['the official short form 澜湄', '澜沧江—湄公河合作五年行动计划（2018-2022）', '澜湄合作五年行动计划（2018—2022）'],
    ['a leaders\' meeting declaration and its bare name', '澜湄合作首次领导人会议三亚宣言', '三亚宣言'],
    ['nested bracket styles', '关于修订〈框架协议〉的议定书', '关于修订<框架协议>的议定书'],
  ])('merges %s', (_name, a, b) => {
    expect(titleKey(a)).toBe(titleKey(b));
  });

  test.each([
    ['a title with and without its year range', '澜湄合作五年行动计划', '澜湄合作五年行动计划（2018—2022）'],
    ['计划 and 规划', '澜湄跨境经济合作五年发展计划', '澜湄跨境经济合作五年发展规划'],
    ['the water resources plan and the LMC plan', '澜湄水资源合作五年行动计划（2018—2022）', '澜湄合作五年行动计划（2018—2022）'],
    ['a plan and its progress report', '澜湄合作五年行动计划（2018—2022）进展报告', '澜湄合作五年行动计划（2018—2022）'],
  ])('keeps apart %s', (_name, a, b) => {
    expect(titleKey(a)).not.toBe(titleKey(b));
  });
});

describe('extractTitles', () => {
  test('finds titles in 《》 and the titles nested in them', () => {
    const found = extractTitles('落实《中国-东盟关于“一带一路”倡议同〈东盟互联互通总体规划2025〉对接合作的联合声明》和《东盟宪章》').map((t) => [t.printed, t.nested]);
    expect(found).toEqual([
      ['中国-东盟关于“一带一路”倡议同〈东盟互联互通总体规划2025〉对接合作的联合声明', false],
      ['东盟互联互通总体规划2025', true],
      ['东盟宪章', false],
    ]);
  });
});

describe('namedDocuments on the corpus', () => {
  test('links 《万象宣言》 to the Vientiane Declaration', () => {
    expect(byTitle('万象宣言').map((n) => [n.document, n.mentions])).toEqual([['lmc-vientiane-declaration-2020', ['lmc-naypyitaw-declaration-2023#17']]]);
  });

  test('links the 2018–2022 plan named with its years', () => {
    expect(byTitle('澜湄合作五年行动计划（2018—2022）').map((n) => n.document)).toEqual(['lmc-poa-2018-2022']);
  });

  test('resolves the plan named without years to the plan in force when it is named', () => {
    const n = byTitle('澜湄合作五年行动计划');
    expect(n.map((x) => [x.document, x.mentions])).toEqual([['lmc-poa-2018-2022', ['lmc-vientiane-declaration-2020#4.2', 'lmc-vientiane-declaration-2020#4.3']]]);
  });

  test('does not take the water resources plan for the LMC plan', () => {
    expect(byTitle('澜湄水资源合作五年行动计划（2018—2022）').map((n) => n.document)).toEqual([null]);
  });

  test('merges dash variants into one entry with every mention', () => {
    const n = byTitle('中国—东盟自由贸易协定');
    expect(n).toHaveLength(1);
    expect(n[0]!.variants).toEqual(['中国-东盟自由贸易协定', '中国—东盟自由贸易协定']);
    expect(n[0]!.mentions).toEqual(['asean-china-poa-2021-2025#2.4.1', 'lmc-naypyitaw-declaration-2023#7']);
  });

  test('reads 本《行动计划》 as the mentioning plan itself, one entry per plan', () => {
    expect(byTitle('行动计划').map((n) => n.document).sort()).toEqual(['asean-china-poa-2021-2025', 'lmc-poa-2018-2022', 'lmc-poa-2023-2027']);
  });

  test('treats a short title defined in brackets as the full title in that document', () => {
    const n = byTitle('南海各方行为宣言');
    expect(n).toHaveLength(1);
    expect(n[0]!.variants).toContain('宣言');
    expect(n[0]!.mentions).toContain('asean-china-poa-2021-2025#1.4.4');
  });

  test('collects nested titles', () => {
    expect(byTitle('中国-东盟全面经济合作框架协议')[0]!.mentions).toContain('asean-china-poa-2021-2025#2.1.1');
  });

  test('keeps 计划 and 规划 apart', () => {
    expect(byTitle('澜湄跨境经济合作五年发展计划')).toHaveLength(1);
    expect(byTitle('澜湄跨境经济合作五年发展规划')).toHaveLength(1);
    expect(byTitle('澜湄跨境经济合作五年发展计划')[0]).not.toBe(byTitle('澜湄跨境经济合作五年发展规划')[0]);
  });

  test('is sorted and lists each mention once', () => {
    const keys = named.map((n) => `${n.key}\u0000${n.document ?? ''}`);
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const n of named) expect(new Set(n.mentions).size).toBe(n.mentions.length);
  });
});
