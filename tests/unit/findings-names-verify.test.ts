/**
 * Issue 27, verification reading: the three findings of the independent verification reading of
 * the English (../notes/names-verify.md: V1 and V2 minor, V3 style) and the register entries it
 * found with a wrong status or reason (its section 4.2), on the real corpus. Each test failed on
 * main at dd7bdb7, before the repairs.
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
const term = (id: string) => model.glossary!.data.terms.find((t) => t.id === id)!;
const name = (en: string) => model.names!.data.names.find((n) => n.en === en);
const allEnglish = () => model.documents.flatMap((d) => d.clauses.map((c) => ({ at: `${d.id}#${c.id}`, en: `${c.heading?.en ?? ''} ${c.text.en}` })));
/** Every piece of the edition's own prose about clauses: notes in both languages, glossary definitions and notes. */
const apparatus = () => [
  ...model.documents.flatMap((d) => d.clauses.flatMap((c) => c.notes.flatMap((n) => [{ at: `${d.id}#${c.id} note`, text: n.en }, { at: `${d.id}#${c.id} note`, text: n.zh }]))),
  ...model.glossary!.data.terms.flatMap((t) => [t.definition?.en, t.definition?.zh, t.note?.en, t.note?.zh].filter((s): s is string => Boolean(s)).map((text) => ({ at: `glossary ${t.id}`, text }))),
];

describe('V1: the Lancang-Mekong connectivity plan has one name in 2020 and 2023', () => {
  test('lmc-vientiane-declaration-2020#2.1 names the plan as the 2023–2027 plan and Nay Pyi Taw do', () => {
    const plan = 'Lancang-Mekong Countries Connectivity Cooperation Plan';
    for (const [d, id] of [['lmc-vientiane-declaration-2020', '2.1'], ['lmc-poa-2023-2027', '4.2.1'], ['lmc-naypyitaw-declaration-2023', '9']] as const) {
      expect(english(d, id), `${d}#${id}`).toContain(plan);
    }
    expect(english('lmc-vientiane-declaration-2020', '2.1')).not.toContain('a connectivity cooperation plan for the Lancang-Mekong countries');
    expect(name(plan)?.zh).toContain('澜湄国家互联互通合作规划');
  });

  test('a translation note links the three clauses and keeps the 2018–2022 plan’s title apart', () => {
    const note = clause('lmc-vientiane-declaration-2020', '2.1').notes.find((n) => n.kind === 'translation' && n.en.includes('Connectivity Cooperation Plan'))!;
    expect(note).toBeDefined();
    for (const ref of ['lmc-poa-2023-2027#4.2.1', 'lmc-naypyitaw-declaration-2023#9', 'lmc-poa-2018-2022#4.2.1.p1']) {
      expect(note.en, ref).toContain(ref);
      expect(note.zh, ref).toContain(ref);
    }
  });
});

describe('V2: the ASEAN-China Joint Statement on Production Capacity Cooperation is dated 7 September 2016', () => {
  test('the glossary definition gives the 19th ASEAN-China Summit in Vientiane, in both languages', () => {
    const t = term('asean-china-joint-statement-on-production-capacity-cooperation');
    expect(t.definition.en).toContain('7 September 2016');
    expect(t.definition.en).toContain('19th ASEAN-China Summit');
    expect(t.definition.en).toContain('Vientiane');
    expect(t.definition.zh).toContain('2016年9月7日');
    expect(t.definition.zh).toContain('万象');
    // The LMC statement of the similar name is dated to the day, as its glossary evidence is.
    expect(t.definition.en).toContain('23 March 2016');
    expect(t.definition.zh).toContain('2016年3月23日');
  });

  test('no note or definition repeats the wrong date', () => {
    for (const { at, text } of apparatus()) {
      expect(text, at).not.toMatch(/13 November 2017|2017年11月13日/u);
    }
  });
});

describe('V3: Inter-Bank, as the owners write it', () => {
  test('asean-china-poa-2021-2025#2.2.6 writes the ASEAN Plus Three (APT) Inter-Bank Cooperation Mechanism', () => {
    expect(english('asean-china-poa-2021-2025', '2.2.6')).toContain('the ASEAN Plus Three (APT) Inter-Bank Cooperation Mechanism');
    for (const { at, en } of allEnglish()) expect(en, at).not.toMatch(/interbank/iu);
    expect(name('Interbank Cooperation Mechanism')).toBeUndefined();
    const entry = name('Inter-Bank Cooperation Mechanism')!;
    expect(entry.status).not.toBe('edition');
    expect(entry.evidence.some((e) => e.url === 'http://asean.chinamission.org.cn/eng/stxw/t1831765.htm')).toBe(true);
  });
});

describe('the register’s statuses and reasons (section 4.2 of the verification reading)', () => {
  test('four names the owners publish are no longer listed as the edition’s own', () => {
    const owners: Record<string, string> = {
      'China-ASEAN Prosecutors-General Conference': 'http://www.ca-pgc.org/',
      'China-ASEAN Inter-Bank Association': 'http://asean.chinamission.org.cn/',
      'China-ASEAN Environmental Cooperation Center': 'http://www.lmec.org.cn/enchinaaseanenv/',
      'ASEAN-China Environmental Cooperation Forum': 'http://www.lmec.org.cn/enchinaaseanenv/',
    };
    for (const [en, site] of Object.entries(owners)) {
      const entry = name(en)!;
      expect(entry, en).toBeDefined();
      expect(entry.status, en).not.toBe('edition');
      expect(entry.reason, en).toBeUndefined();
      expect(entry.evidence.some((e) => e.url.startsWith(site)), en).toBe(true);
    }
  });

  test('the SOMTC is official: ASEAN prints the apostrophe', () => {
    const entry = name('ASEAN Senior Officials’ Meeting on Transnational Crime')!;
    expect(entry.status).toBe('official');
    expect(entry.evidence.some((e) => e.quote.includes('ASEAN Senior Officials\' Meeting on Transnational Crime (SOMTC)'))).toBe(true);
  });

  test('the Green Silk Road Envoys Programme’s reason says that published forms differ', () => {
    const entry = name('Green Silk Road Envoys Programme')!;
    expect(entry.status).toBe('edition');
    expect(entry.reason!.en).not.toContain('no English publication printing its name was found');
    expect(entry.reason!.en).toContain('Plan of Green Silk Road Envoys');
    expect(entry.reason!.en).toContain('Green Envoys Program');
    expect(entry.reason!.zh).toContain('Plan of Green Silk Road Envoys');
  });
});

describe('review of the English the verification reading changed', () => {
  // Both clauses were last reviewed on 2026-12-01, before the verification reading.
  test('the clauses whose English changed were reviewed again on or after 2026-12-06', () => {
    const changed: Record<string, string[]> = {
      'asean-china-poa-2021-2025': ['2.2.6'],
      'lmc-vientiane-declaration-2020': ['2.1'],
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
