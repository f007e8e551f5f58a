/** The note checks (issue 20) on the phrasings the fact-check found, and on what they must leave alone. */
import { describe, expect, test, vi } from 'vitest';
import { EditionEnglish, checkNoteText, nonCanonicalReferences, quotations, renderingForms, sourceLineReferences } from '../../scripts/lib/editorial/note-checks';
import type { SourceFile } from '../../scripts/lib/sources/sources';

describe('renderingForms', () => {
  test('finds the quoted form after "is rendered", across an aside, and lists of forms', () => {
    expect(renderingForms(`中国-东盟自贸区升级《议定书》 is rendered "ACFTA Upgrading Protocol".`, 'en').map((f) => f.form)).toEqual(['ACFTA Upgrading Protocol']);
    expect(renderingForms(`X is rendered, as throughout the edition, 'Community of Shared Future'.`, 'en').map((f) => f.form)).toEqual(['Community of Shared Future']);
    expect(renderingForms(`粮食供应链 and 粮食安全 are rendered 'food supply chains' and 'food security', the established English.`, 'en').map((f) => f.form)).toEqual(['food supply chains', 'food security']);
    expect(renderingForms(`“湄龙”行动 is rendered 'Operation "Mekong Dragon"' and 'the Platform's network'.`, 'en').map((f) => f.form)).toEqual(['Operation "Mekong Dragon"', "the Platform's network"]);
  });

  test('reads 译作 / 译为 with a quoted or an unquoted English form', () => {
    expect(renderingForms('澜湄六国译作“the six Lancang-Mekong countries”。', 'zh').map((f) => f.form)).toEqual(['the six Lancang-Mekong countries']);
    expect(renderingForms('“粮食供应链”“粮食安全”译作 food supply chains、food security，后者为通行英译。', 'zh').map((f) => f.form)).toEqual(['food supply chains', 'food security']);
    expect(renderingForms('“农资”译为 farm inputs；', 'zh').map((f) => f.form)).toEqual(['farm inputs']);
  });

  test('leaves alone hypothetical and Chinese renderings and sentences without a form', () => {
    expect(renderingForms('（字面可译为 a health community of humankind）', 'zh')).toEqual([]);
    expect(renderingForms('则应译为“加强信息和通讯技术”', 'zh')).toEqual([]);
    expect(renderingForms('(规划 for 计划, rendered the same; see below) and "Plan"', 'en')).toEqual([]);
    expect(renderingForms("it could be rendered 'x'", 'en')).toEqual([]);
  });
});

describe('a rendering is checked against the English of the clauses its sentence cites', () => {
  const english = new EditionEnglish([
    { id: 'doc-a', clauses: [{ id: '1', text: { zh: '', en: 'Hold an annual meeting.' } }, { id: '2', text: { zh: '', en: 'Carry out "multiple countries, multiple parks" cooperation.' } }] },
  ] as never);
  const note = (text: string) => checkNoteText({ file: 'f.yaml', at: [], text, language: 'en' }, english, new Map()).map((f) => f.ruleId);

  test('in the cited clause, ignoring case, quotation marks and an ellipsis', () => {
    expect(note(`Rendered 'An annual meeting' (doc-a#1).`)).toEqual([]);
    expect(note(`Rendered 'carry out … cooperation' (doc-a#2).`)).toEqual([]);
    expect(note(`Rendered "multi-country, multi-park" cooperation (doc-a#2).`)).toEqual(['rendering-not-used']);
  });

  test('anywhere when the sentence cites no clause, but only in the cited clause when it does', () => {
    expect(note(`Rendered 'annual meeting'.`)).toEqual([]);
    expect(note(`Rendered 'annual meeting' (doc-a#2).`)).toEqual(['rendering-not-used']);
    expect(note(`See doc-a#2. Elsewhere rendered 'annual meeting'.`)).toEqual([]);
  });
});

describe('nonCanonicalReferences', () => {
  test('finds the bare forms the fact-check found', () => {
    const bare = (t: string) => nonCanonicalReferences(t).map((r) => r.match);
    expect(bare('the Nay Pyi Taw Declaration uses both words (clauses 11 and 14).')).toEqual(['clauses 11 and 14']);
    expect(bare('the 2018-2022 plan (5.2.p1) already speaks of it')).toEqual(['(5.2.p1)']);
    expect(bare('which the Nay Pyi Taw Declaration (22) names')).toEqual(['(22)']);
    expect(bare('Clause 5 speaks of COVID-19; paragraphs 一 to 十四 stand first.')).toEqual(['Clause 5', 'paragraphs 一 to 十四']);
    expect(bare('内比都宣言两词皆用（第十一、十四段）；第五条；第一部分')).toEqual(['（第十一、十四段）', '第五条', '第一部分'].map((s) => (s.startsWith('（') ? '第十一、十四段' : s)));
    expect(bare('as in 4.2.5 and preamble.p8, and …#3.p1')).toEqual(['4.2.5', 'preamble.p8', '#3.p1']);
  });

  test('leaves canonical references, years, lines and ordinary numbers alone', () => {
    expect(nonCanonicalReferences('lmc-poa-2018-2022#5.2.p1 and (lmc-naypyitaw-declaration-2023#22)')).toEqual([]);
    expect(nonCanonicalReferences('ASEAN 2025: Forging Ahead Together (2015); (10+1); (lines 107-133); 第3行; 第24次会议; 2.5 million')).toEqual([]);
  });
});

describe('sourceLineReferences', () => {
  test('takes the source named before the line, or the default', () => {
    expect(sourceLineReferences('source 004, line 3; (001 line 4); 来源001第3行; 002第28行', undefined).map((r) => [r.source, r.line])).toEqual([['004', 3], ['001', 4], ['001', 3], ['002', 28]]);
    expect(sourceLineReferences('(lines 57–79 and 107–133), 123 lines later (第107—112行)', '002').map((r) => r.line)).toEqual([57, 79, 107, 133, 107, 112]);
  });

  test('a line past the end of its source, or with no source, is reported', () => {
    const sources = new Map([['001_x.txt', { file: '001_x.txt', lines: ['a', 'b', 'c'] } as unknown as SourceFile]]);
    const english = new EditionEnglish([]);
    const rules = (text: string, defaultSource?: string) => checkNoteText({ file: 'f', at: [], text, language: 'en', defaultSource }, english, sources).map((f) => f.reason);
    expect(rules('source 001 line 3')).toEqual([]);
    expect(rules('source 001 line 4')[0]).toContain('line 4 of source 001, expected a line number from 1 to 3');
    expect(rules('line 2')[0]).toContain('without a source');
    expect(rules('line 2', '001_x.txt')).toEqual([]);
  });
});

describe('quotations of English in a translator\'s note (issue 27)', () => {
  const english = new EditionEnglish([
    { id: 'doc-a', clauses: [{ id: '1', text: { zh: '', en: 'Explore and/or pursue cooperation on the Platform’s network.' } }, { id: '2', text: { zh: '', en: 'Promote agri-food trade.' } }] },
  ] as never);
  const rules = (text: string, language: 'en' | 'zh' = 'en') => checkNoteText({ file: 'f', at: [], text, language, document: 'doc-a', clause: '1', quotesEnglish: true }, english, new Map()).map((f) => `${f.ruleId}:${f.match}`);

  test('finds outermost quotations, not apostrophes', () => {
    expect(quotations('the ‘Platform’s network’ and “Operation ‘Mekong Dragon’”, Leaders’ texts').map((q) => q.form)).toEqual(['Platform’s network', 'Operation ‘Mekong Dragon’']);
  });

  test('a quotation the clause no longer prints is an error, whatever the verb before it', () => {
    expect(rules('“Explore and/or carry out” renders 探讨和或开展.')).toEqual(['quotation-not-in-english:Explore and/or carry out']);
    expect(rules('“Explore and/or pursue” renders 探讨和或开展, and ‘the Platform’s network’ refers back.')).toEqual([]);
  });

  test('is checked in the clauses its sentence cites', () => {
    expect(rules('农食 is ‘agri-food’ (doc-a#2).')).toEqual([]);
    expect(rules('农食 is ‘agri-food’.')).toEqual(['quotation-not-in-english:agri-food']);
  });

  test('leaves alone literal glosses, hypothetical renderings and other texts\' English, and lists after them', () => {
    expect(rules('粮食 (literally ‘grain’, ‘cereals’) is rendered ‘pursue cooperation’.')).toEqual([]);
    expect(rules('Read as a clause break, it would give ‘strengthen technology’. The official English reads ‘the Kingdom of Thailand’.')).toEqual([]);
    expect(rules('粮食 (literally ‘grain’) is ‘food’.')).toEqual(['quotation-not-in-english:food']);
    expect(rules('“农食”字面为“agricultural and food”，英文作“agri-food”。', 'zh')).toEqual(['quotation-not-in-english:agri-food']);
  });
});

describe('quotations of a source line (issue 27)', () => {
  const sources = new Map([['004_x.txt', { file: '004_x.txt', lines: ['标题', '', '来源:\u00a0 2020-11-12', '本计划(一)旨在加强合作。'] } as unknown as SourceFile]]);
  const rules = (text: string) => checkNoteText({ file: 'f', at: [], text, language: 'en' }, new EditionEnglish([]), sources).map((f) => f.ruleId);

  test('must stand in the line the sentence names, as received or as displayed, with … for words left out', () => {
    expect(rules('The date line (source 004, line 3: “来源: 2020-11-12”) has no source name.')).toEqual(['quotation-not-in-source']);
    expect(rules('The date line (source 004, line 3) begins “来源:” and ends with the date.')).toEqual([]);
    expect(rules('Source 004 line 4 reads “本计划（一）旨在……合作”.')).toEqual([]);
    expect(rules('Source 004 lines 1-4 print “旨在加强”.')).toEqual([]);
  });
});

describe('EditionEnglish', () => {
  /** 2,000 clauses of distinct English, as a corpus a hundred times larger has. */
  const clauses = Array.from({ length: 2000 }, (_, i) => ({ id: String(i + 1), text: { zh: '', en: `Item ${i}: the parties will hold meeting number ${i * 7919} on water resources, capacity building and “plan ${i}”.` } }));
  const english = new EditionEnglish([{ id: 'doc', clauses }] as never, ['Five-Year Plan of Action']);
  /** The plain reading of `has` with no scope: some text of the edition holds the form. */
  const scan = (form: string) => clauses.some((c) => new EditionEnglish([{ id: 'x', clauses: [c] }] as never).has(form, ['x#' + c.id])) || new EditionEnglish([], ['Five-Year Plan of Action']).has(form, []);

  test('finds a form anywhere in the edition as a scan of every clause does', () => {
    const forms = ['meeting number 15838', 'MEETING NUMBER 15838 on', 'plan 1999', '“Plan 1999”', 'item 5: … capacity building', 'item 5 … item 6', 'five-year plan', 'Plan – of', 'xyz', 'on', '…', '', 'meeting number 99999999', 'resources … “plan 3”'];
    for (const form of forms) expect(english.has(form, []), form).toBe(scan(form));
  });

  test('compares a form with the few clauses that can hold it, not with every clause', () => {
    english.has('warm-up', []);
    const search = vi.spyOn(String.prototype, 'indexOf');
    expect(english.has('meeting number 15838', [])).toBe(true);
    expect(english.has('meeting number 4', [])).toBe(true);
    expect(english.has('plan 2000', [])).toBe(false);
    // Each lookup reads only the clauses holding its rarest trigram (“158”, “r 4”, “200”), not 2,001 texts.
    expect(search.mock.calls.length).toBeLessThan(100);
    search.mockRestore();
  });
});
