/** Issue 27: the names register. Every name the English prints is a glossary term or registered. */
import { beforeAll, describe, expect, test } from 'vitest';
import { Diagnostics, formatDiagnostic } from '../../scripts/lib/core/diagnostics';
import { buildModel } from '../../scripts/lib/model/model';
import { NameMatcher, acronymFindings, nameCandidates, printedTitles, unregisteredNames } from '../../scripts/lib/editorial/names';
import { projectPaths } from '../../scripts/lib/core/paths';
import { nameEntry } from '../../src/schemas/names';
import { expected, fixtureProject } from '../helpers/fixture-project';

const owner = { source: 'register' as const, id: 'x', status: 'official' as const };
const matcher = (...forms: string[]) => new NameMatcher(forms.map((text) => ({ text, owner })));
const unregistered = (text: string, m: NameMatcher, sequences = true) => unregisteredNames(text, m, sequences).unregistered.map((c) => c.text);

describe('nameCandidates', () => {
  test('finds capitalised sequences joined by connecting words, and acronyms', () => {
    const found = nameCandidates('Hold the ASEAN-China Senior Officials’ Meeting on the Implementation of the DOC (SOM-DOC) regularly;', true);
    expect(found.map((c) => `${c.kind}:${c.text}`)).toEqual([
      'sequence:ASEAN-China Senior Officials’ Meeting on the Implementation of the DOC',
      'acronym:ASEAN',
      'acronym:DOC',
      'acronym:SOM',
      'acronym:DOC',
    ]);
  });

  test('leaves out the word a sentence starts with, single capitalised words, dates and Roman numerals', () => {
    expect(nameCandidates('Strengthen cooperation with Thailand. We welcome it on 24 August 2020.', true)).toEqual([]);
    expect(nameCandidates('Implement Work Plan IV.', true).map((c) => c.text)).toEqual(['Work Plan IV']);
  });

  test('in a heading (title case) finds acronyms only', () => {
    expect(nameCandidates('Strengthening Cooperation on Micro, Small and Medium Enterprises (MSMEs)', false).map((c) => c.text)).toEqual(['MSMEs']);
  });
});

describe('unregisteredNames', () => {
  test('accepts a name made of registered forms and glue, in any case, plural or possessive', () => {
    const m = matcher('Lancang-Mekong Cooperation', 'LMC', 'Foreign Ministers’ Meeting', 'Joint Working Group');
    expect(unregistered('We held the Fifth LMC Foreign Ministers’ Meeting and the Third Leaders\' Meeting of Lancang-Mekong Cooperation.', matcher('Lancang-Mekong Cooperation', 'LMC', 'Foreign Ministers’ Meeting', 'Leaders’ Meeting'))).toEqual([]);
    expect(unregistered('The Joint Working Groups report; the JOINT WORKING GROUP’s report.', m)).toEqual([]);
  });

  test('reports a coined name built on a registered one, and an unknown acronym, once each', () => {
    const m = matcher('ASEAN-China', 'ASEAN');
    expect(unregistered('Hold the ASEAN-China Culture Ministers’ Meeting (ACCMM) annually.', m)).toEqual(['ASEAN-China Culture Ministers’ Meeting', 'ACCMM']);
  });

  test('reports an acronym inside an unregistered sequence only with the sequence', () => {
    expect(unregistered('Support the ADMM-Plus Experts’ Working Groups.', matcher('ADMM-Plus'))).toEqual(['ADMM-Plus Experts’ Working Groups']);
  });
});

describe('printedTitles', () => {
  test('takes the outermost 《》 with the titles nested in them', () => {
    expect(printedTitles('落实《关于在<中国-东盟全面经济合作框架协议>下<货物贸易协议>中纳入…的议定书》和《宣言》').map((t) => t.title)).toEqual(['关于在<中国-东盟全面经济合作框架协议>下<货物贸易协议>中纳入…的议定书', '宣言']);
  });
});

describe('acronymFindings', () => {
  const list = [{ full: 'Master Plan on ASEAN Connectivity 2025', short: 'MPAC 2025' }, { full: 'ASEAN Plus Three', short: 'APT' }];
  const m = matcher('Master Plan on ASEAN Connectivity 2025', 'MPAC 2025', 'ASEAN Plus Three', 'APT', 'ASEAN Plus Three Cooperation Work Plan');
  const rules = (text: string) => acronymFindings(text, list, m).map((f) => `${f.ruleId}:${f.match}`);

  test('finds a name spelled out again after its short form, as the first ASEAN-China plan did in 4.2', () => {
    expect(rules('Implement the Master Plan on ASEAN Connectivity 2025 (MPAC 2025), in accordance with the Master Plan on ASEAN Connectivity 2025.')).toEqual(['acronym-spelled-again:Master Plan on ASEAN Connectivity 2025']);
  });

  test('finds a short form used before the clause spells it out', () => {
    expect(rules('Through APT channels, support ASEAN Plus Three (APT) cooperation.')).toEqual(['acronym-before-definition:APT']);
  });

  test('leaves alone a name inside a longer registered title, and a clause that spells out once', () => {
    expect(rules('Support the ASEAN Plus Three (APT) mechanism through the ASEAN Plus Three Cooperation Work Plan; APT leaders agree.')).toEqual([]);
  });
});

describe('the register\'s schema', () => {
  const base = { en: 'Example Forum', kind: 'meeting' };
  const evidence = { title: 'Example Forum opens (example.org, 2024)', url: 'https://example.org/' };
  test('asks an official or established name for a publication that prints it', () => {
    expect(nameEntry.safeParse({ ...base, status: 'official' }).success).toBe(false);
    expect(nameEntry.safeParse({ ...base, status: 'official', evidence: [{ ...evidence, quote: 'the forum opened' }] }).success).toBe(false);
    expect(nameEntry.safeParse({ ...base, status: 'official', evidence: [{ ...evidence, quote: 'the 3rd Example Forum opened' }] }).success).toBe(true);
    expect(nameEntry.safeParse({ ...base, status: 'established', evidence: [{ ...evidence }] }).success).toBe(false);
  });

  test('accepts the owner’s house-form variant in the quotation, and asks an edition name why', () => {
    expect(nameEntry.safeParse({ ...base, en: 'Lancang-Mekong Forum', published: 'Mekong-Lancang Forum', status: 'official', evidence: [{ ...evidence, quote: 'the Mekong-Lancang Forum' }] }).success).toBe(true);
    expect(nameEntry.safeParse({ ...base, status: 'edition' }).success).toBe(false);
    expect(nameEntry.safeParse({ ...base, status: 'edition', reason: { en: 'No English found.', zh: '未见英文。' } }).success).toBe(true);
  });
});

describe('the names stage', () => {
  test('warns at each unregistered name\'s line and column in the translation file, with the rule id', async () => {
    const diagnostics = new Diagnostics();
    await buildModel(projectPaths(await fixtureProject('unregistered-name')), diagnostics);
    const names = diagnostics.warnings.filter((m) => m.ruleId === 'unregistered-name');
    const want = (await expected('unregistered-name')).warnings as string[];
    expect(names.map((m) => formatDiagnostic(m).replace(/, expected .*(?= \[)/u, ''))).toEqual(want);
    expect(names.every((m) => !m.fatal && /^Unexpected .*, expected a glossary term or an entry of content\/names\.yaml/u.test(m.reason))).toBe(true);
  });
});

describe('the acronym check', () => {
  test('warns at a second spelling and at an early short form, at their line and column', async () => {
    const diagnostics = new Diagnostics();
    await buildModel(projectPaths(await fixtureProject('acronym-spelled-again')), diagnostics);
    const found = diagnostics.warnings.filter((m) => m.ruleId?.startsWith('acronym-'));
    const want = (await expected('acronym-spelled-again')).warnings as string[];
    expect(found.map((m) => formatDiagnostic(m).replace(/, expected .*(?= \[)/u, ''))).toEqual(want);
  });
});

describe('the edition’s English (issue 27)', () => {
  let diagnostics: Diagnostics;
  let model: Awaited<ReturnType<typeof buildModel>>;
  beforeAll(async () => {
    diagnostics = new Diagnostics();
    model = await buildModel(projectPaths(), diagnostics);
  });

  test('prints no unregistered name, acronym or 《》 title in the six documents', () => {
    expect(model.documents.length).toBe(6);
    expect(diagnostics.warnings.filter((m) => /^(unregistered-|title-not-rendered|unused-name|acronym-)/u.test(m.ruleId ?? '')).map(formatDiagnostic)).toEqual([]);
  });

  test('registers every name with its status, and every official or established one with a quotation that prints it', () => {
    const register = model.names!.data.names;
    expect(register.length).toBeGreaterThan(100);
    for (const n of register) {
      if (n.status === 'edition') expect(n.reason?.en && n.reason.zh, n.en).toBeTruthy();
      else expect(n.evidence.length, n.en).toBeGreaterThan(0);
    }
  });
});
