/** /data/changes.json (issue 15): every section in a change, the editors' pairs, the commitment directions. */
import { beforeAll, describe, expect, test } from 'vitest';
import { Diagnostics } from '../../scripts/lib/core/diagnostics';
import { buildModel, type Model } from '../../scripts/lib/model/model';
import { projectPaths } from '../../scripts/lib/core/paths';
import { changesSchema } from '../../src/schemas/changes';
import { COMPARISONS, groupChanges, sections } from '../../src/lib/changes/compare';

let model: Model;
beforeAll(async () => {
  model = await buildModel(projectPaths(), new Diagnostics());
});
const doc = (id: string) => model.documents.find((d) => d.id === id)!;
const comparison = (from: string) => model.changes!.comparisons.find((c) => c.from === from)!;

describe('commitments in the published data', () => {
  test('every clause of every document has its commitments, [] where none', () => {
    for (const d of model.documents) for (const c of d.clauses) expect(Array.isArray(c.commitments), `${d.id}#${c.id}`).toBe(true);
    expect(model.documents.flatMap((d) => d.clauses).filter((c) => c.commitments!.length).length).toBeGreaterThan(300);
  });
});

describe('changes between each document and its successor', () => {
  test('are valid against the schema and cover both comparisons of the contract', () => {
    expect(changesSchema.parse(model.changes)).toBeTruthy();
    expect(model.changes!.comparisons.map((c) => [c.from, c.to])).toEqual(COMPARISONS);
  });

  test('put every section of both documents in at least one change, and new/dropped have one empty side', () => {
    for (const c of model.changes!.comparisons) {
      for (const [side, id] of [['from', c.from], ['to', c.to]] as const) {
        const covered = new Set(c.changes.flatMap((x) => x[side]));
        for (const s of sections(doc(id)).ids) expect(covered.has(s), `${id}#${s}`).toBe(true);
      }
      for (const x of c.changes) {
        if (x.status === 'new') expect(x.from).toEqual([]);
        if (x.status === 'dropped') expect(x.to).toEqual([]);
        if (x.from.length && x.to.length) expect(['continued', 'reworded', 'merged', 'split']).toContain(x.status);
      }
    }
  });

  test('2018–2022 4.1.3 (political parties) continues in 2023–2027 4.1.1, not dropped', () => {
    const change = comparison('lmc-poa-2018-2022').changes.find((x) => x.from.includes('4.1.3'))!;
    expect(['merged', 'continued']).toContain(change.status);
    expect(change.to).toContain('4.1.1');
    expect(change.origin).toBe('curated');
    expect(change.reasons?.[0]?.en).toMatch(/political parties/u);
  });

  test('the links alone leave 4.1.3 dropped: the editors\' pair is what corrects it', () => {
    const e = sections(doc('lmc-poa-2018-2022'));
    const l = sections(doc('lmc-poa-2023-2027'));
    const groups = groupChanges(e.ids, l.ids, [{ from: '4.1.1', to: '4.1.1', score: 0.5, curated: false }], () => 0.2);
    expect(groups.find((g) => g.from.includes('4.1.3'))!.status).toBe('dropped');
  });

  test('a commitment explored before and acted on now is stronger, with its level change listed', () => {
    // 2018–2022 4.3.2.p1 探讨成立澜湄旅游城市合作联盟 → 2023–2027 4.3.2 完善澜湄旅游城市合作联盟机制
    const change = comparison('lmc-poa-2018-2022').changes.find((x) => x.from.includes('4.3.2'))!;
    expect(change.commitment).toBe('stronger');
    expect(change.levels).toContainEqual({ from: { clause: '4.3.2.p1', zh: '探讨', chain: '探讨成立', level: 1 }, to: { clause: '4.3.2', zh: '完善', chain: '完善', level: 3 } });
    // 2018–2022 4.2.7.p3 启动减贫合作示范项目 → 2023–2027 4.2.6 积极考虑实施…示范项目
    const poverty = comparison('lmc-poa-2018-2022').changes.find((x) => x.from.includes('4.2.7'))!;
    expect(poverty.commitment).toBe('weaker');
  });

  test('groups several into one as merged, one into several as split, and one to one by the text kept', () => {
    const ids = ['a', 'b', 'c'];
    const g = groupChanges(ids, ['x', 'y', 'z'], [
      { from: 'a', to: 'x', score: 0.5, curated: false },
      { from: 'b', to: 'x', score: 0.4, curated: false },
      { from: 'c', to: 'y', score: 0.4, curated: false },
      { from: 'c', to: 'z', score: 0.4, curated: false },
    ], () => 0.9);
    expect(g.map((x) => [x.from, x.to, x.status])).toEqual([[['a', 'b'], ['x'], 'merged'], [['c'], ['y', 'z'], 'split']]);
    expect(groupChanges(['a'], ['x'], [{ from: 'a', to: 'x', score: 1, curated: false }], () => 0.9)[0]!.status).toBe('continued');
    expect(groupChanges(['a'], ['x'], [{ from: 'a', to: 'x', score: 1, curated: false }], () => 0.1)[0]!.status).toBe('reworded');
  });
});

describe('the changes CSV', () => {
  test('neutralises cells that a spreadsheet would run as a formula, and quotes where needed', async () => {
    const { csvField: csvCell } = await import('../../scripts/lib/generate/exports');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@a')).toBe("'@a");
    expect(csvCell('4.1.3')).toBe('4.1.3');
    expect(csvCell('a, b')).toBe('"a, b"');
  });

  test('has one row per change with its sections and status', async () => {
    const { changesCsv } = await import('../../scripts/lib/publish/downloads');
    const csv = changesCsv(model.changes!, model.documents);
    const lines = csv.trim().split('\r\n');
    expect(lines.length - 1).toBe(model.changes!.comparisons.reduce((n, c) => n + c.changes.length, 0));
    expect(lines.some((l) => l.startsWith('lmc-poa-2018-2022,lmc-poa-2023-2027,4.1.1 4.1.2 4.1.3,4.1.1,merged,curated'))).toBe(true);
  });
});
