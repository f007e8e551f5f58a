/**
 * Issue 27, second reading: every finding of the independent second reading of the English
 * (../notes/names-review.md: 13 minor and 5 style findings, the weak points of the register's
 * evidence and the `edition` statuses that understate it), on the real corpus. Each test failed on
 * main at 071ac74, before the repairs.
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
const english = (d: string, id: string) => clause(d, id).text.en;
const notes = (d: string, id: string, kind?: string) => clause(d, id).notes.filter((n) => !kind || n.kind === kind);
const term = (id: string) => model.glossary!.data.terms.find((t) => t.id === id)!;
const name = (en: string) => model.names!.data.names.find((n) => n.en === en);
const allEnglish = () => model.documents.flatMap((d) => d.clauses.map((c) => ({ at: `${d.id}#${c.id}`, en: `${c.heading?.en ?? ''} ${c.text.en}` })));

describe('minor findings (names as their owners write them)', () => {
  test('#1: the Chinese Working Committee of the China-ASEAN Connectivity Cooperation Committee, as the ASEAN Secretariat names it', () => {
    expect(english('asean-china-poa-2021-2025', '4.5')).toContain('the Chinese Working Committee of the China-ASEAN Connectivity Cooperation Committee');
    const entry = name('Chinese Working Committee of the China-ASEAN Connectivity Cooperation Committee');
    expect(entry?.status).toBe('official');
    expect(entry!.evidence.some((e) => e.url.startsWith('https://asean.org/'))).toBe(true);
    expect(name('Chinese Working Committee')).toBeUndefined();
    const preamble = notes('asean-china-poa-2021-2025', 'preamble.p1', 'translation').find((n) => n.en.includes('China-first'))!;
    expect(preamble.en).toContain('China-ASEAN Connectivity Cooperation Committee (asean-china-poa-2021-2025#4.5)');
  });

  test('#2: the environmental cooperation framework carries the title printed in the report of the 2021 forum', () => {
    expect(english('asean-china-poa-2021-2025', '3.6.2')).toContain('Framework of ASEAN-China Environmental Cooperation Strategy and Action Plan');
    const entry = name('Framework of ASEAN-China Environmental Cooperation Strategy and Action Plan');
    expect(entry?.status).toBe('established');
    expect(notes('asean-china-poa-2021-2025', '3.6.2', 'translation').length).toBe(1);
  });

  test('#3-#6: the Green Lancang-Mekong Initiative, in all four clauses and in the glossary', () => {
    for (const [d, id] of [['lmc-poa-2018-2022', '4.2.9.p2'], ['lmc-poa-2023-2027', '4.2.14'], ['lmc-vientiane-declaration-2020', '2.7'], ['lmc-naypyitaw-declaration-2023', '16']] as const) {
      expect(english(d, id), `${d}#${id}`).toContain('“Green Lancang-Mekong Initiative”');
    }
    for (const { at, en } of allEnglish()) expect(en, at).not.toContain('Green Lancang-Mekong Plan');
    const t = term('green-lancang-mekong-plan');
    expect(t.en).toBe('Green Lancang-Mekong Initiative');
    expect(t.rendering.status).not.toBe('edition');
    expect(t.rendering.evidence.some((e) => e.quote?.includes('Green Lancang-Mekong Initiative'))).toBe(true);
  });

  test('#7: the Lancang-Mekong Cooperation Village Head Forum, as the LMC China Secretariat names it', () => {
    expect(english('lmc-poa-2018-2022', '4.2.6.p3')).toContain('Lancang-Mekong Cooperation Village Head Forum');
    expect(name('Lancang-Mekong Cooperation Village Head Forum')?.status).toBe('official');
  });

  test('#8-#9: the Joint Working Group on Lancang-Mekong Water Resources Cooperation', () => {
    for (const [d, id] of [['lmc-vientiane-declaration-2020', '2.6'], ['lmc-naypyitaw-declaration-2023', '13']] as const) {
      expect(english(d, id), `${d}#${id}`).toContain('Joint Working Group on Lancang-Mekong Water Resources Cooperation');
      expect(english(d, id), `${d}#${id}`).not.toContain('Water Resources Cooperation Joint Working Group');
    }
    expect(name('Joint Working Group on Lancang-Mekong Water Resources Cooperation')?.status).toBe('official');
  });

  test('#10: the Lancang-Mekong Cooperation Media Summit', () => {
    expect(english('lmc-naypyitaw-declaration-2023', '19')).toContain('the Lancang-Mekong Cooperation Media Summit');
    expect(name('Lancang-Mekong Cooperation Media Summit')?.status).toBe('official');
  });

  test('#11-#12: “Multi-Nation and Multi-Park” cooperation, as the LMC China Secretariat prints it', () => {
    for (const [d, id] of [['lmc-poa-2023-2027', '4.2.2'], ['lmc-vientiane-declaration-2020', '2.5']] as const) {
      expect(english(d, id), `${d}#${id}`).toContain('“Multi-Nation and Multi-Park” cooperation');
    }
    const t = term('multi-country-multi-park');
    expect(t.en).toBe('Multi-Nation and Multi-Park');
    expect(t.rendering.status).toBe('official');
  });

  test('#13: Luang Prabang Province follows the Chinese, and a note gives the communiqué’s “Luang Prabang City”', () => {
    expect(english('lmc-vientiane-declaration-2020', 'preamble.p7')).toContain('Luang Prabang Province');
    const note = notes('lmc-vientiane-declaration-2020', 'preamble.p7', 'translation').find((n) => n.en.includes('Luang Prabang City'))!;
    expect(note.en).toContain('lmcwater.org.cn');
    expect(note.zh).toContain('Luang Prabang City');
    const entry = name('Luang Prabang Province')!;
    expect(entry.status).not.toBe('edition');
    expect(JSON.stringify(entry)).not.toContain('No English publication of the meeting was consulted');
  });
});

describe('style findings', () => {
  test('#14: 社会保障, split between social security and social protection, with a note saying why', () => {
    const note = notes('asean-china-poa-2021-2025', '3.4.1', 'translation').find((n) => n.en.includes('社会保障'))!;
    expect(note.en).toContain('social security');
    expect(note.en).toContain('social protection');
    expect(note.en).toContain('lmc-poa-2023-2027#4.3.3');
  });

  test('#15: 中小企业 is small and medium enterprises (SMEs), as ASEAN writes it and as the MSMEs are', () => {
    for (const { at, en } of allEnglish()) expect(en, at).not.toMatch(/small and medium-sized (?:cultural )?enterprises/u);
    for (const [d, id] of [['asean-china-poa-2021-2025', '2.2.7'], ['asean-china-poa-2021-2025', '2.13.1'], ['lmc-poa-2018-2022', '4.2.3.p3']] as const) {
      expect(english(d, id), `${d}#${id}`).toContain('small and medium enterprises (SMEs)');
    }
    expect(term('smes').en).toBe('small and medium enterprises');
  });

  test('#16: the ASEAN Senior Officials’ Meeting on Transnational Crime (published without the apostrophe), and the Plus Three Countries', () => {
    const en = english('asean-china-poa-2021-2025', '1.6.1');
    expect(en).toContain('ASEAN Senior Officials’ Meeting on Transnational Crime (SOMTC)');
    expect(en).toContain('Plus Three Countries');
    expect(en).not.toContain('APT) partners');
    expect(name('Plus Three Countries')?.status).toBe('official');
  });

  test('#17: the note on the DOC mechanisms says which source gives the abbreviations', () => {
    const note = notes('asean-china-poa-2021-2025', '1.4.4', 'translation')[0]!;
    expect(note.en).toContain('ASEAN-China JWG');
    expect(note.en).toContain('VietNamNet');
    expect(note.zh).toContain('VietNamNet');
  });

  test('#18: the finance track’s vision document is named with ASEAN+3, as the track’s owners write it', () => {
    expect(english('asean-china-poa-2021-2025', '2.2.1')).toContain('Strategic Directions of ASEAN+3 Finance Process');
    expect(name('Strategic Directions of ASEAN+3 Finance Process')?.status).toBe('edition');
  });
});

describe('the register’s evidence and statuses (section 4 of the second reading)', () => {
  test('originals, not copies or forum reposts, where the original is reachable', () => {
    const week = name('Lancang-Mekong International Video and Photography Week')!;
    expect(week.evidence.every((e) => !e.url.includes('bbs.chinadaily.com.cn'))).toBe(true);
    const forum = term('lancang-mekong-local-government-cooperation-forum');
    expect(forum.rendering.evidence.every((e) => !e.url.includes('jxxfw.com'))).toBe(true);
    expect(forum.rendering.evidence.some((e) => e.url.startsWith('https://english.www.gov.cn/'))).toBe(true);
  });

  test('the SOMTC and the connectivity committee rest on the owners’ forms', () => {
    expect(name('ASEAN Senior Officials’ Meeting on Transnational Crime')?.published).toBe('ASEAN Senior Officials Meeting on Transnational Crime');
    expect(name('ASEAN Senior Officials’ Meeting on Transnational Crime')?.short).toBe('SOMTC');
    expect(name('ASEAN Connectivity Coordinating Committee')?.status).toBe('official');
  });

  test('statuses that understated the evidence are raised', () => {
    expect(name('LMC Joint Working Group on Agriculture')?.status).toBe('official');
    expect(name('Lancang-Mekong Youth Exchange and Cooperation Center')?.status).toBe('official');
    expect(term('lancang-mekong-environmental-cooperation-strategy').rendering.status).not.toBe('edition');
    expect(term('lancang-mekong-water-resources-cooperation-information-sharing-platform').rendering.status).toBe('official');
  });
});

describe('review of the English the second reading changed', () => {
  test('the 18 clauses whose English changed were reviewed again on or after 2026-12-06', () => {
    const changed: Record<string, string[]> = {
      'asean-china-poa-2021-2025': ['1.6.1', '2.2.1', '2.2.7', '2.13.1', '3.3.5', '3.6.2', '4.5'],
      'lmc-poa-2018-2022': ['4.2.3.p3', '4.2.6.p3', '4.2.9.p2'],
      'lmc-poa-2023-2027': ['4.2.2', '4.2.14'],
      'lmc-vientiane-declaration-2020': ['2.5', '2.6', '2.7'],
      'lmc-naypyitaw-declaration-2023': ['13', '16', '19'],
    };
    for (const [d, ids] of Object.entries(changed)) {
      for (const id of ids) {
        const t = clause(d, id).translation;
        expect(t.status, `${d}#${id}`).toBe('reviewed');
        expect(t.reviewed! >= '2026-12-06', `${d}#${id}`).toBe(true);
      }
    }
  });
});
