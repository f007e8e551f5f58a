/** Readable labels for `document#clause` references, by the shape of each document. */
import { describe, expect, test } from 'vitest';
import { referenceLabel } from '../../src/lib/citation/reference-labels';

const plan = { id: 'lmc-poa-2023-2027', type: 'plan' as const, title: { zh: '', en: '' }, clauses: [] };
const paragraphs = { id: 'lmc-naypyitaw-declaration-2023', type: 'declaration' as const, title: { zh: '', en: '' }, clauses: [{ id: '1', parent: null }, { id: '2', parent: null }] };
const sections = {
  id: 'lmc-vientiane-declaration-2020', type: 'declaration' as const, title: { zh: '', en: '' },
  clauses: [{ id: '2', parent: null }, { id: '2.p1', parent: '2' }, { id: '2.4', parent: '2' }],
};

describe('referenceLabel', () => {
  test('cites a plan by section and clause', () => {
    expect(referenceLabel('en', plan, '4')).toBe('Plan of Action 2023–2027, section 4');
    expect(referenceLabel('zh', plan, '4.2.5')).toBe('《五年行动计划（2023—2027）》第4.2.5条');
    expect(referenceLabel('en', plan, '3.p2')).toBe('Plan of Action 2023–2027, section 3, para. 2');
  });

  test('cites a declaration numbered by paragraph by paragraph', () => {
    expect(referenceLabel('en', paragraphs, '1')).toBe('Nay Pyi Taw Declaration, para. 1');
    expect(referenceLabel('zh', paragraphs, '1')).toBe('《内比都宣言》第一段');
  });

  test('cites a declaration whose top-level numbers hold provisions by section and item', () => {
    expect(referenceLabel('en', sections, '2.p1')).toBe('Vientiane Declaration, section 2, para. 1');
    expect(referenceLabel('zh', sections, '2.p1')).toBe('《万象宣言》第二部分第一段');
    expect(referenceLabel('en', sections, '2.4')).toBe('Vientiane Declaration, section 2(4)');
    expect(referenceLabel('zh', sections, '2.4')).toBe('《万象宣言》第二部分第（四）项');
  });

  test('cites preamble paragraphs as such', () => {
    expect(referenceLabel('en', sections, 'preamble.p8')).toBe('Vientiane Declaration, preamble, para. 8');
    expect(referenceLabel('zh', sections, 'preamble.p8')).toBe('《万象宣言》序言第八段');
  });
});
