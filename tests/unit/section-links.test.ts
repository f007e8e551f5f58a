/** Section-level related links between frameworks (issue 15), on small documents. */
import { describe, expect, test } from 'vitest';
import { findLinks, headingTerms } from '../../scripts/lib/links/links';
import type { DocumentData } from '../../src/schemas/document';

const doc = (id: string, date: string, clauses: [string, string | null, string, string][]): DocumentData => ({
  id, type: 'plan', date, completeness: 'full', title: { zh: id, en: id },
  witnesses: [{ file: '000_0000000000000000.txt', sha256: '0'.repeat(64), script: 'Hans' }],
  clauses: clauses.map(([cid, parent, heading, text]) => ({
    id: cid, parent, ...(heading ? { heading: { zh: heading, en: '' } } : {}), text: { zh: text, en: '' },
    source: [{ file: '000_0000000000000000.txt', lines: [1, 1] as [number, number] }], notes: [], topics: [], commitments: [],
    translation: { status: 'draft' as const, reviewed: null, of: null },
  })),
});
const asean = doc('asean-china-poa-2021-2025', '2020-11-12', [
  ['3', null, '社会人文合作', ''],
  ['3.5', '3', '加强社会保障和减贫合作', ''],
  ['3.5.1', '3.5', '', '通过部长级会议开展政策交流；'],
  ['3.5.2', '3.5', '', '开展老年人、残疾人社会福利合作。'],
  ['3.6', '3', '加强海上合作', ''],
  ['3.6.1', '3.6', '', '探讨在海洋经济领域开展项目合作。'],
]);
const lmc = doc('lmc-poa-2023-2027', '2023-12-25', [
  ['4', null, '务实合作', ''],
  ['4.1', '4', '社会人文合作', ''],
  ['4.1.1', '4.1', '减贫', '开展减贫试点，探讨建立扶贫培训中心。'],
  ['4.1.2', '4.1', '水资源合作', '定期举办水资源合作论坛。'],
]);

describe('section-level links between frameworks', () => {
  test('link a section heading over provisions to a section of the other framework whose subject term it contains', () => {
    const links = findLinks([asean, lmc]);
    expect(links).toContainEqual(expect.objectContaining({ from: 'asean-china-poa-2021-2025#3.5', to: 'lmc-poa-2023-2027#4.1.1', type: 'related' }));
  });

  test('never from a pillar heading, nor between different subjects', () => {
    const links = findLinks([asean, lmc]);
    expect(links.some((l) => l.from === 'asean-china-poa-2021-2025#3' || l.to === 'asean-china-poa-2021-2025#3')).toBe(false);
    expect(links.some((l) => l.from === 'asean-china-poa-2021-2025#3.6')).toBe(false);
  });

  test('need a shared subject topic when topics are given', () => {
    const topics = new Map([['asean-china-poa-2021-2025#3.5.1', ['poverty']], ['lmc-poa-2023-2027#4.1.1', ['water']]]);
    expect(findLinks([asean, lmc], { topics }).some((l) => l.from === 'asean-china-poa-2021-2025#3.5')).toBe(false);
    topics.set('lmc-poa-2023-2027#4.1.1', ['poverty']);
    expect(findLinks([asean, lmc], { topics }).some((l) => l.from === 'asean-china-poa-2021-2025#3.5')).toBe(true);
  });

  test('stay within the allowance per clause, however many documents there are', () => {
    const copies = Array.from({ length: 12 }, (_, i) => ({ ...lmc, id: i ? `lmc-copy${i}-poa-2023-2027` : lmc.id }));
    // Every copy's 减贫 is a candidate (no term is too common to index here).
    const links = findLinks([asean, ...copies], { maxDfRatio: 1 });
    const fromSection = links.filter((l) => l.from === 'asean-china-poa-2021-2025#3.5' || l.to === 'asean-china-poa-2021-2025#3.5');
    expect(fromSection.length).toBeGreaterThan(0);
    expect(fromSection.length).toBeLessThanOrEqual(8);
  });

  test('read subject terms between the frames of a heading', () => {
    expect(headingTerms('加强社会保障和减贫合作')).toEqual(['社会保障', '减贫']);
    expect(headingTerms('强化能源、矿产领域合作')).toEqual(['能源', '矿产']);
  });
});
