/**
 * Issue 27, on the real corpus: the serious and moderate findings of the fact-check of the notes
 * and glossary (../shared/findings/notes-and-glossary.md, S1 and M1-M10), and the innovation
 * corridor's title and date. Each test failed on the edition as published at commit 7133343.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { Diagnostics } from '../../scripts/lib/core/diagnostics';
import { buildModel, type Model } from '../../scripts/lib/model/model';
import { projectPaths } from '../../scripts/lib/core/paths';

let model: Model;
beforeAll(async () => {
  model = await buildModel(projectPaths(), new Diagnostics());
});

const doc = (id: string) => model.documents.find((d) => d.id === id)!;
const clause = (d: string, id: string) => doc(d).clauses.find((c) => c.id === id)!;
const notes = (d: string, id: string, kind?: string) => clause(d, id).notes.filter((n) => !kind || n.kind === kind);
const term = (id: string) => model.glossary!.data.terms.find((t) => t.id === id)!;

describe('S1: the Vientiane Declaration’s list of states', () => {
  test('names Thailand by its formal name, and the note calls the witness’s 泰国 a slip, giving the published 泰王国', () => {
    expect(clause('lmc-vientiane-declaration-2020', 'preamble.p1').text.en).toContain('the Kingdom of Thailand');
    const note = notes('lmc-vientiane-declaration-2020', 'preamble.p1', 'translation').find((n) => n.zh.includes('泰国'))!;
    expect(note.en).toMatch(/slip of transmission/u);
    expect(note.en).toContain('泰王国');
    expect(note.zh).toContain('泰王国');
    expect(note.zh).toContain('传抄之误');
    // The first version presented 泰国 as the declaration’s own wording and the English as following it.
    expect(note.en).not.toMatch(/the English follows it with/u);
    expect(note.zh).not.toContain('英文照译为 Thailand');
  });
});

describe('M1-M3: notes on the ASEAN-China plan and the innovation corridor initiative', () => {
  test('M1: the 1.4.6 note quotes the English the clause prints', () => {
    const en = clause('asean-china-poa-2021-2025', '1.4.6').text.en;
    for (const n of notes('asean-china-poa-2021-2025', '1.4.6', 'translation')) {
      expect(n.en).not.toContain('carry out');
      expect(en).toContain('Explore and/or pursue');
      expect(n.en).toContain('Explore and/or pursue');
    }
  });

  test('M2: the date note names two 2021 meetings as the English does, and cites the 23rd Summit for the adoption', () => {
    const note = notes('asean-china-poa-2021-2025', 'preamble.p1', 'context')[0]!;
    expect(note.en).toContain('24th ASEAN-China Summit and the Special Summit to Commemorate the 30th Anniversary of ASEAN-China Dialogue Relations');
    expect(note.en).toMatch(/two meetings held in 2021/u);
    expect(note.en).toContain('23rd ASEAN-China Summit');
    expect(note.zh).not.toContain('该会议于2021年举行');
    expect(note.zh).toContain('两次会议');
    // Minor 1: the source line is described, not misquoted.
    expect(note.en).not.toContain('“来源: 2020-11-12”');
  });

  test('M3: the 大湄公河 reading of the only witness is flagged as doubtful', () => {
    const note = notes('lmc-innovation-corridor-initiative', 'preamble.p1', 'translation').find((n) => n.zh.includes('大湄公河'))!;
    expect(note.en).toMatch(/The reading is doubtful/u);
    expect(note.zh).toContain('此读法存疑');
  });
});

describe('M4-M10: the glossary', () => {
  test('M4: the short form of the LMC community is cited where the English prints it', () => {
    const note = term('community-of-shared-future-lancang-mekong').note!;
    expect(note.en).toContain('(lmc-innovation-corridor-initiative#preamble.p1)');
    expect(clause('lmc-innovation-corridor-initiative', 'preamble.p1').text.en).toContain('Community of Shared Future among Lancang-Mekong Countries');
  });

  test('M5: ASEAN’s singular Senior Officials’ Consultation, official, in the glossary and in the English', () => {
    const t = term('asean-china-senior-officials-consultations');
    expect(t.en).toBe('ASEAN-China Senior Officials’ Consultation');
    expect(t.rendering.status).toBe('official');
    expect(t.rendering.evidence.some((e) => e.url.startsWith('https://asean.org/'))).toBe(true);
    for (const id of ['1.1.1', '11.3.1']) {
      expect(clause('asean-china-poa-2021-2025', id).text.en).toContain('Senior Officials’ Consultation');
      expect(clause('asean-china-poa-2021-2025', id).text.en).not.toContain('Consultations');
    }
  });

  test('M6: names whose owners publish an English form are not the edition’s own', () => {
    for (const id of ['asean-china-cooperation-fund', 'asean-human-rights-declaration', 'lancang-mekong-regional-innovation-corridor']) {
      expect(term(id).rendering.status, id).toBe('official');
      expect(term(id).rendering.evidence.every((e) => e.quote), id).toBe(true);
    }
    expect(term('lancang-mekong-regional-innovation-corridor').en).toBe('Lancang-Mekong Cooperation Innovation Corridor');
  });

  test('M7: the Global Center for Mekong Studies was founded in 2017, not planned in 2018', () => {
    const { definition } = term('global-center-for-mekong-studies');
    expect(definition.en).not.toMatch(/planned in 2018/u);
    expect(definition.en).toContain('28 September 2017');
    expect(definition.zh).toContain('2017年9月28日');
  });

  test('M8: the tourism cities alliance goes back to the Sanya Declaration of 2016', () => {
    const { definition } = term('lancang-mekong-tourism-cities-cooperation-alliance');
    expect(definition.en).not.toMatch(/proposed in 2018/u);
    expect(definition.en).toContain('Sanya Declaration of 2016');
    expect(definition.zh).toContain('2016年《三亚宣言》');
  });

  test('M9: the photography and video week is not rendered like the Film Week, and the note says so', () => {
    const en = clause('lmc-naypyitaw-declaration-2023', '19').text.en;
    expect(en).not.toContain('Film and Video Week');
    expect(en).toContain('Lancang-Mekong International Video and Photography Week');
    const note = notes('lmc-naypyitaw-declaration-2023', '19', 'translation')[0]!;
    expect(note.en).toContain('Lancang-Mekong International Film Week (澜湄国际电影周)');
  });

  test('M10: the single window rests on ASEAN’s own pages, not on a document-dump site', () => {
    const { rendering } = term('single-window');
    expect(rendering.evidence.length).toBeGreaterThan(0);
    for (const e of rendering.evidence) expect(new URL(e.url).hostname).toMatch(/(^|\.)asean\.org$/u);
  });
});

describe('the innovation corridor initiative (issue 27)', () => {
  test('carries its official English title and the date of its adoption, with a note saying where the date comes from', () => {
    const d = doc('lmc-innovation-corridor-initiative');
    expect(d.title.en).toBe('The Joint Initiatives on the Lancang-Mekong Cooperation Innovation Corridor Development');
    expect(d.officialTitle).toBeUndefined();
    expect(d.date).toBe('2023-12-25');
    const note = notes('lmc-innovation-corridor-initiative', 'preamble.p1', 'context')[0]!;
    expect(note.en).toMatch(/^Date\. The source prints no date\./u);
    expect(note.en).toContain('Viet Nam News Agency');
    expect(note.zh).toContain('来源未印日期');
  });
});

describe('review of the changed English (issue 27)', () => {
  test('clauses whose English issue 27 changed were reviewed again after the first review of 2026-12-01', () => {
    for (const [d, id] of [['lmc-vientiane-declaration-2020', 'preamble.p1'], ['asean-china-poa-2021-2025', '1.4.4'], ['asean-china-poa-2021-2025', '4.2'], ['lmc-naypyitaw-declaration-2023', '19'], ['lmc-innovation-corridor-initiative', 'preamble.p1'], ['lmc-poa-2023-2027', '4.2.12']] as const) {
      const t = clause(d, id).translation;
      expect(t.status, `${d}#${id}`).toBe('reviewed');
      expect(t.reviewed! > '2026-12-01', `${d}#${id}`).toBe(true);
    }
  });
});

describe('translation review VT-02 (issue 27)', () => {
  test('no English defines a short form “hereinafter”: every clause spells a name out once, as it is read and cited alone, and the Chinese has no 以下简称 there', () => {
    const found = model.documents.flatMap((d) => d.clauses.filter((c) => /hereinafter/iu.test(c.text.en ?? '') && !c.text.zh.includes('以下简称')).map((c) => `${d.id}#${c.id}`));
    expect(found).toEqual([]);
  });
});

describe('translation review of the ASEAN-China plan, finding 10 (issue 27)', () => {
  test('2.1.6 says what the RCEP Summit’s leaders did as their statement says it (tasked), not a calque of 指示', () => {
    const en = clause('asean-china-poa-2021-2025', '2.1.6').text.en!;
    expect(en).not.toMatch(/instructions of the leaders/u);
    expect(en).toMatch(/^As tasked by the leaders at the Third Regional Comprehensive Economic Partnership \(RCEP\) Summit,/u);
  });
});

describe('notes and glossary review, minor finding 17 (issue 27)', () => {
  test('evidence titles are the publications’ own titles, without the glosses the review found after them', () => {
    const titles = [
      ...model.glossary!.data.terms.flatMap((t) => t.rendering?.evidence ?? []),
      ...model.names!.data.names.flatMap((n) => n.evidence ?? []),
    ].map((e) => e.title);
    // The glosses once written after a title, each naming what the publication was cited for.
    const glosses = [': Second Lancang-Mekong Water Resources Cooperation Forum (', ': Lancang-Mekong Water Resources Cooperation Center (', ': ASEAN-China Free Trade Area and the Regional', ': the names of its members in English'];
    expect(titles.filter((title) => glosses.some((g) => title.includes(g)))).toEqual([]);
    expect(titles).toContain('GWP Supports Transboundary Cooperation on Lancang-Mekong (IISD SDG Knowledge Hub, 16 December 2017)');
  });
});

describe('notes and glossary review, minor finding 14 (issue 27)', () => {
  test('the Sanya framework keeps the edition’s rendering, and its reason answers the English the review found', () => {
    const t = term('leaders-guidance-all-round-coverage');
    expect(t.rendering.status).toBe('edition');
    expect(t.rendering.reason!.en).toContain('“leaders’ guidance, all-around cooperation and broad participation”');
    expect(t.rendering.reason!.zh).toContain('“leaders’ guidance, all-around cooperation and broad participation”');
  });
});
