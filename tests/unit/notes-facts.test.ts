/**
 * The glossary's serious fact-check findings (issue 20): each definition says no more than the
 * clause it cites, and its zh and en say the same thing.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { Diagnostics } from '../../scripts/lib/core/diagnostics';
import { buildModel, type Model } from '../../scripts/lib/model/model';
import { projectPaths } from '../../scripts/lib/core/paths';

let model: Model;
beforeAll(async () => {
  model = await buildModel(projectPaths(), new Diagnostics());
});

const term = (id: string) => model.glossary!.data.terms.find((t) => t.id === id)!;
const clauseZh = (document: string, clause: string) => model.documents.find((d) => d.id === document)!.clauses.find((c) => c.id === clause)!.text.zh;

describe('glossary definitions that state a fact of the corpus', () => {
  test('senior-officials-meeting: the report goes through the SOM to the Foreign Ministers\' Meeting, in zh as in en', () => {
    expect(clauseZh('lmc-poa-2018-2022', '3.p3')).toContain('通过高官会向外长会提交');
    const { definition } = term('senior-officials-meeting');
    expect(definition.en).toMatch(/reports annually to the Foreign Ministers’ Meeting/u);
    // 通过外长会报告 would send the report "through" the FMM, the reverse of the clause.
    expect(definition.zh).not.toContain('通过外长会');
    expect(definition.zh).toContain('向外长会报告');
  });

  test('mekong-river-commission: steps towards a partnership, not a partnership established', () => {
    const clause = clauseZh('lmc-vientiane-declaration-2020', 'preamble.p8');
    expect(clause).toContain('采取积极步骤建立伙伴关系');
    const { definition } = term('mekong-river-commission');
    expect(definition.en).not.toMatch(/have established a partnership/u);
    expect(definition.zh).not.toContain('已建立伙伴关系');
    expect(definition.en).toMatch(/taken steps towards a partnership/u);
    expect(definition.zh).toContain('采取积极步骤建立伙伴关系');
    expect(clause).toContain('澜湄水资源合作中心和湄公河委员会秘书处签署谅解备忘录');
    expect(definition.en).toMatch(/Memorandum of Understanding|MoU/u);
    expect(definition.zh).toContain('谅解备忘录');
  });

  test('lancang-mekong-environmental-cooperation-strategy: a call for implementation, no implementation status', () => {
    expect(clauseZh('lmc-vientiane-declaration-2020', '2.7')).toContain('鼓励深化区域绿色与可持续发展，实施《澜湄环境合作战略》');
    const { definition } = term('lancang-mekong-environmental-cooperation-strategy');
    expect(definition.en).not.toMatch(/implemented from/u);
    expect(definition.zh).not.toMatch(/年起.*实施/u);
    expect(definition.en).toMatch(/calls for its implementation/u);
    expect(definition.zh).toContain('要求实施');
  });
});
