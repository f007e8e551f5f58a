/**
 * Issue 27: curly quotation marks and apostrophes in the edition's prose, enforced by the typography
 * stage; and issue 24's connector policy: the edition's own Chinese joins names with the dash —.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { Diagnostics, formatDiagnostic } from '../../scripts/lib/core/diagnostics';
import { buildModel } from '../../scripts/lib/model/model';
import { projectPaths } from '../../scripts/lib/core/paths';
import { chineseConnectors, mixedScriptJoins, straightQuotes } from '../../scripts/lib/editorial/typography';
import { expected, fixtureProject } from '../helpers/fixture-project';

describe('straightQuotes', () => {
  test('finds the marks of a value, not the delimiters of a quoted YAML scalar', () => {
    const yaml = `a: "x \\"y\\" it's"\nb: 'it''s'\nc: >-\n  the members' "text"\nd: “fine” ’s\n`;
    expect(straightQuotes(yaml).map((q) => `${q.at.join('.')}${q.mark}`)).toEqual(['a"', 'a"', "a'", "b'", "c'", 'c"', 'c"']);
  });

  test('leaves alone the publications cited as evidence and the readings of the sources', () => {
    const yaml = `terms:\n  - en: "Leaders' Meeting"\n    rendering:\n      evidence:\n        - title: "China's plan"\n          quote: "the 'x'"\nvariants:\n  - base: '"甲"'\n    witness: "'乙'"\n    judgement: { en: "the base's reading" }\n`;
    expect(straightQuotes(yaml).map((q) => q.at.join('.'))).toEqual(['terms.0.en', 'variants.0.judgement.en']);
  });
});

describe('chineseConnectors', () => {
  test('finds a hyphen between Chinese names in the edition\'s Chinese, not in the sources\' forms it quotes', () => {
    const yaml = `notes:\n  - zh: 中国-东盟合作；“中国-东盟”；《中国-东盟行动计划》；‘澜沧江-湄公河’；中国—东盟；2021-2025\n`;
    const found = chineseConnectors(yaml);
    expect(found.map((c) => [c.at.join('.'), yaml.slice(c.offset - 2, c.offset + 3)])).toEqual([['notes.0.zh', '中国-东盟']]);
  });

  test('reads only Chinese prose: a definition, a note, a reason, a judgement; not a term\'s or a name\'s own Chinese form, nor English', () => {
    const yaml = `terms:\n  - zh: 中国-东盟博览会\n    zhVariants: [中国-东盟博览会]\n    definition: { zh: 与中国-东盟博览会同期, en: "中国-东盟 is rendered" }\n    note: { zh: "甲-乙" }\nnames:\n  - zh: ["中国-东盟海运协定"]\n    reason: { zh: 提及的中国-东盟机构 }\nvariants:\n  - judgement: { zh: 丙-丁 }\n`;
    expect(chineseConnectors(yaml).map((c) => c.at.join('.'))).toEqual(['terms.0.definition.zh', 'terms.0.note.zh', 'names.0.reason.zh', 'variants.0.judgement.zh']);
  });
});

describe('mixedScriptJoins', () => {
  test('finds a Latin word set directly against Chinese, on either side, at the second character', () => {
    const yaml = `notes:\n  - zh: 均译作ASEAN Plus Three；如RCEP领导人会议；译作 cooperation；第15次 SOM-DOC；“RCEP领导人会议”\n`;
    const found = mixedScriptJoins(yaml).map((j) => yaml.slice(j.offset - 1, j.offset + 1));
    expect(found).toEqual(['作A', '如R', 'P领']);
  });

  test('leaves a clause reference alone: its Chinese label stands against the Chinese beside it', () => {
    expect(mixedScriptJoins(`notes:\n  - zh: 即asean-china-poa-2021-2025#2.1.1所称\n`)).toEqual([]);
  });
});

describe('the typography stage', () => {
  test('warns at a hyphen between Chinese names and at a Latin word set against Chinese, at line and column, with the rule id', async () => {
    const diagnostics = new Diagnostics();
    await buildModel(projectPaths(await fixtureProject('chinese-connector')), diagnostics);
    const found = diagnostics.warnings.filter((m) => ['chinese-connector', 'mixed-script-space', 'straight-quote'].includes(m.ruleId ?? ''));
    const want = (await expected('chinese-connector')).warnings as string[];
    expect(found.map((m) => formatDiagnostic(m).replace(/, expected .*(?= \[)/u, ''))).toEqual(want);
  });

  test('warns at each straight mark\'s line and column, with the rule id', async () => {
    const diagnostics = new Diagnostics();
    await buildModel(projectPaths(await fixtureProject('straight-quote')), diagnostics);
    const found = diagnostics.warnings.filter((m) => m.ruleId === 'straight-quote');
    const want = (await expected('straight-quote')).warnings as string[];
    expect(found.map((m) => formatDiagnostic(m).replace(/, expected .*(?= \[)/u, ''))).toEqual(want);
  });
});

describe('the edition\'s prose', () => {
  let diagnostics: Diagnostics;
  beforeAll(async () => {
    diagnostics = new Diagnostics();
    await buildModel(projectPaths(), diagnostics);
  });

  test('has no straight quotation mark or apostrophe', () => {
    expect(diagnostics.warnings.filter((m) => m.ruleId === 'straight-quote').map(formatDiagnostic)).toEqual([]);
  });

  test('joins Chinese names with the dash in its own Chinese (中国—东盟), keeping the sources\' forms where it quotes them', () => {
    expect(diagnostics.warnings.filter((m) => m.ruleId === 'chinese-connector').map(formatDiagnostic)).toEqual([]);
  });

  test('sets English words and abbreviations apart from its Chinese with a space (译作 ASEAN Plus Three)', () => {
    expect(diagnostics.warnings.filter((m) => m.ruleId === 'mixed-script-space').map(formatDiagnostic)).toEqual([]);
  });
});
