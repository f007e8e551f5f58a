/** content/search.yaml (issue 25) is checked like every content file: located errors with a rule id. */
import { describe, expect, test } from 'vitest';
import { parseDataText } from '../../scripts/lib/core/data-file';
import { Diagnostics, formatDiagnostic } from '../../scripts/lib/core/diagnostics';
import { checkSearchData } from '../../scripts/lib/links/search-data';
import type { DocumentData } from '../../src/schemas/document';
import { searchDataSchema } from '../../src/schemas/search';

const documents = [
  { id: 'lmc-poa-2023-2027', clauses: [{ id: '4.2.12', heading: { zh: '水资源合作', en: 'Water Resources Cooperation' }, text: { zh: '推进电子商务和中国-东盟自贸区建设。', en: 'Promote e-commerce and the ACFTA.' } }] },
  { id: 'lmc-poa-2018-2022', clauses: [{ id: '4.2.5', heading: { zh: '水资源', en: 'Water Resources' }, text: { zh: '', en: '' } }] },
] as unknown as DocumentData[];

function check(yaml: string) {
  const diagnostics = new Diagnostics();
  const file = parseDataText(searchDataSchema, yaml, 'content/search.yaml', diagnostics);
  if (file) checkSearchData(file, documents, diagnostics);
  return diagnostics.messages.filter((m) => m.fatal).map((m) => ({ rule: m.ruleId, line: m.line, text: formatDiagnostic(m) }));
}

describe('checkSearchData', () => {
  test('accepts groups with a form the texts use, and short forms of known documents', () => {
    expect(check(['synonyms:', '  - forms: [电子商务, 电商]', '    reason: press usage', '  - forms: [ACFTA, CAFTA]', '    reason: the other acronym', 'documents:', '  lmc-poa-2023-2027:', '    forms: [P23, 2023-2027]', '    reason: P and the first year'].join('\n'))).toEqual([]);
  });

  test('names the line of a group without a reason, with one form, or with no form the texts use', () => {
    const problems = check(['synonyms:', '  - forms: [电商, 网购]', '    reason: not in the texts', '  - forms: [ACFTA]', '    reason: alone', '  - forms: [e-commerce, ecommerce]'].join('\n'));
    expect(problems.map((p) => [p.rule, p.line])).toEqual([['invalid-data', 4], ['invalid-data', 6]]);
    expect(problems[0]!.text).toMatch(/content\/search\.yaml:4:\d+: error: .*at least two forms/u);
    expect(check(['synonyms:', '  - forms: [电商, 网购]', '    reason: not in the texts'].join('\n')).map((p) => [p.rule, p.line])).toEqual([['synonym-not-in-texts', 2]]);
  });

  test('points a form listed twice at its first listing', () => {
    const problems = check(['synonyms:', '  - forms: [电子商务, 电商]', '    reason: a', '  - forms: [ACFTA, 电商]', '    reason: b'].join('\n'));
    expect(problems.map((p) => [p.rule, p.line])).toEqual([['duplicate-search-form', 4]]);
    expect(problems[0]!.text).toContain('content/search.yaml:2:');
  });

  test('refuses a short form for an unknown document, one shared by two documents, and one that reads as a clause number', () => {
    const problems = check(['documents:', '  lmc-poa-2099:', '    forms: [P99]', '    reason: x', '  lmc-poa-2023-2027:', '    forms: [P23, "4.2"]', '    reason: y', '  lmc-poa-2018-2022:', '    forms: [p23]', '    reason: z'].join('\n'));
    expect(problems.map((p) => [p.rule, p.line])).toEqual([['unknown-document', 2], ['document-form-is-number', 6], ['duplicate-document-form', 9]]);
  });
});
