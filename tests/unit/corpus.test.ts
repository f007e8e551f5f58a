/** Acceptance checks of the real corpus: ids, order, parents, joins, exclusions, accounting. */
import { beforeAll, describe, expect, test } from 'vitest';
import { Diagnostics } from '../../scripts/lib/core/diagnostics';
import { buildModel, type Model } from '../../scripts/lib/model/model';
import { normaliseZh } from '../../scripts/lib/sources/normalise';
import { projectPaths } from '../../scripts/lib/core/paths';

let model: Model;
beforeAll(async () => {
  model = await buildModel(projectPaths(), new Diagnostics());
});

const doc = (id: string) => model.documents.find((d) => d.id === id)!;
const clause = (d: string, id: string) => doc(d).clauses.find((c) => c.id === id)!;

describe('the clause model of the corpus', () => {
  test('has the six documents of the contract', () => {
    expect(model.documents.map((d) => d.id).sort()).toEqual([
      'asean-china-poa-2021-2025', 'lmc-innovation-corridor-initiative', 'lmc-naypyitaw-declaration-2023',
      'lmc-poa-2018-2022', 'lmc-poa-2023-2027', 'lmc-vientiane-declaration-2020',
    ]);
  });

  test('gives every clause a unique id whose parent comes before it', () => {
    for (const d of model.documents) {
      const seen = new Set<string>();
      for (const c of d.clauses) {
        expect(seen.has(c.id), `${d.id}#${c.id} twice`).toBe(false);
        if (c.parent) expect(seen.has(c.parent), `${d.id}#${c.id}: parent ${c.parent} missing or later`).toBe(true);
        seen.add(c.id);
      }
    }
  });

  test('numbers siblings 1, 2, 3 … in reading order', () => {
    for (const d of model.documents) {
      const children = new Map<string, number[]>();
      for (const c of d.clauses) {
        const last = c.id.split('.').pop()!;
        const key = `${c.parent ?? ''}|${last.startsWith('p') ? 'p' : 'n'}`;
        const n = Number(last.replace(/^p/u, ''));
        children.set(key, [...(children.get(key) ?? []), n]);
      }
      for (const [key, ns] of children) expect(ns, `${d.id} ${key}`).toEqual(ns.map((_, i) => i + 1));
    }
  });

  test('derives ids as the contract describes', () => {
    expect(clause('lmc-poa-2018-2022', '4.1.1.p2').text.zh).toBe('每年举行一次外长会，落实领导人会议共识，评估合作进展，提出合作建议。');
    expect(clause('lmc-poa-2018-2022', '4.2.5').heading?.zh).toBe('水资源');
    expect(clause('lmc-poa-2023-2027', '4.2.12').heading?.zh).toBe('水资源合作');
    expect(clause('lmc-poa-2023-2027', '4.2.12').text.zh).toMatch(/^制定《澜湄水资源合作五年行动计划（2023—2027）》/u);
    expect(clause('asean-china-poa-2021-2025', '2.1.1').parent).toBe('2.1');
    expect(clause('lmc-vientiane-declaration-2020', '2.12').number).toBe('（十二）');
    expect(doc('lmc-naypyitaw-declaration-2023').clauses.map((c) => c.id)).toEqual(Array.from({ length: 25 }, (_, i) => String(i + 1)));
  });

  test('joins paragraphs split by a page break', () => {
    expect(clause('lmc-poa-2023-2027', '4.2.6').text.zh).toBe('加强政策对话与经验分享，开展减贫试点，积极考虑实施综合扶贫发展示范项目，探讨建立“澜湄扶贫培训中心”。');
    expect(clause('lmc-poa-2023-2027', '4.2.6').source).toEqual([{ file: '002_6d543889c7f48850.txt', lines: [28, 28] }, { file: '002_6d543889c7f48850.txt', lines: [151, 151] }]);
    expect(clause('lmc-naypyitaw-declaration-2023', '14').text.zh).toContain('作出积极贡献。鼓励进一步完善澜湄合作农业联合工作组机制');
    expect(clause('asean-china-poa-2021-2025', 'preamble.p3').text.zh).toMatch(/^本《行动计划》确认中国支持东盟在不断演变的地区架构/u);
  });

  test('restores fragments out of order and drops the duplicate', () => {
    const v = doc('lmc-vientiane-declaration-2020').clauses.map((c) => c.id);
    expect(v.slice(v.indexOf('1'), v.indexOf('1') + 3)).toEqual(['1', '1.p1', '1.1']);
    expect(v.slice(v.indexOf('4'))).toEqual(['4', '4.1', '4.2', '4.3', '4.4', '4.5']);
    expect(v).not.toContain('2.1.p1');
    const repeated = clause('lmc-vientiane-declaration-2020', '2.p1').text.zh.slice(0, 40);
    expect(doc('lmc-vientiane-declaration-2020').clauses.filter((c) => c.text.zh.includes(repeated))).toHaveLength(1);
  });

  test('shows every repair to readers as an editorial note', () => {
    for (const [d, id] of [['lmc-poa-2023-2027', '4.2.6'], ['lmc-naypyitaw-declaration-2023', '14'], ['lmc-vientiane-declaration-2020', '1.p1'], ['lmc-vientiane-declaration-2020', '4.3'], ['lmc-vientiane-declaration-2020', '2.1'], ['asean-china-poa-2021-2025', 'preamble.p3']] as const) {
      expect(clause(d, id).notes.some((n) => n.kind === 'editorial'), `${d}#${id}`).toBe(true);
    }
  });

  test('records every variant of the two witnesses of the 2023-2027 plan with both readings', () => {
    const variants = doc('lmc-poa-2023-2027').clauses.flatMap((c) => c.notes.filter((n) => n.kind === 'variant').map(() => c.id));
    expect(variants).toEqual(['4.2.2', '4.2.5', '4.3.7', '5.3', '5.4', '5.5']);
    expect(clause('lmc-poa-2023-2027', '5.3').text.zh).toContain('官、产、学、民四方');
    expect(clause('lmc-poa-2023-2027', '5.5').text.zh).toContain('湄委会');
  });

  test('keeps no line of unrelated articles or page furniture in any clause', () => {
    const all = model.documents.flatMap((d) => d.clauses.flatMap((c) => [c.text.zh, c.heading?.zh ?? '']));
    for (const [file, claims] of model.accounting.files) {
      const lines = model.sources.get(file)!.lines;
      claims.forEach((claim, i) => {
        if (claim.use !== 'excluded' || claim.kind === 'duplicate') return;
        const text = normaliseZh(lines[i]!.replace(/[#*]/gu, '')).slice(0, 30);
        if (text.length < 6) return;
        expect(all.some((t) => t.includes(text)), `${file}:${i + 1} “${text}” leaked into a clause`).toBe(false);
      });
    }
  });

  test('accounts for every line of every source', () => {
    let lines = 0;
    for (const [file, claims] of model.accounting.files) {
      expect(claims).toHaveLength(model.sources.get(file)!.lines.length);
      lines += claims.length;
    }
    expect(lines).toBe(126 + 51 + 205 + 139 + 498);
  });
});
