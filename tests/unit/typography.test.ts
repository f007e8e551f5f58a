/** Issue 27: curly quotation marks and apostrophes in the edition's prose, enforced by the typography stage. */
import { beforeAll, describe, expect, test } from 'vitest';
import { Diagnostics, formatDiagnostic } from '../../scripts/lib/core/diagnostics';
import { buildModel } from '../../scripts/lib/model/model';
import { projectPaths } from '../../scripts/lib/core/paths';
import { straightQuotes } from '../../scripts/lib/editorial/typography';
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

describe('the typography stage', () => {
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
});
