/** Issue 14: official names, house style and the second reader's corrections, checked on the real corpus. */
import { beforeAll, describe, expect, test } from 'vitest';
import { assembleParagraphs } from '../../scripts/lib/sources/clauses';
import { Diagnostics, formatDiagnostic } from '../../scripts/lib/core/diagnostics';
import { buildModel, type Model } from '../../scripts/lib/model/model';
import { projectPaths } from '../../scripts/lib/core/paths';
import type { SourceFile } from '../../scripts/lib/sources/sources';
import { expected, fixtureProject } from '../helpers/fixture-project';

let model: Model;
const corpusDiagnostics = new Diagnostics();
beforeAll(async () => {
  model = await buildModel(projectPaths(), corpusDiagnostics);
});

const doc = (id: string) => model.documents.find((d) => d.id === id)!;
const clause = (d: string, id: string) => doc(d).clauses.find((c) => c.id === id)!;

describe('the English of the edition', () => {
  test('Vientiane preamble.p2: the leaders reaffirm that multilateralism and win-win cooperation are vital', () => {
    const en = clause('lmc-vientiane-declaration-2020', 'preamble.p2').text.en ?? '';
    expect(en).toMatch(/reaffirm that strengthening multilateralism and supporting win-win cooperation are vital/u);
    expect(en).not.toMatch(/to reaffirm the strengthening/u);
  });
});

describe('the ASEAN-China plan\'s preamble', () => {
  test('has four paragraphs, the third beginning 本《行动计划》确认', () => {
    const preamble = doc('asean-china-poa-2021-2025').clauses.filter((c) => c.id.startsWith('preamble.'));
    expect(preamble.map((c) => c.id)).toEqual(['preamble.p1', 'preamble.p2', 'preamble.p3', 'preamble.p4']);
    expect(preamble[0]!.text.zh).toMatch(/^本《行动计划》旨在落实/u);
    expect(preamble[1]!.text.zh).toMatch(/^本《行动计划》将指导.*作出贡献。$/u);
    expect(preamble[2]!.text.zh).toBe('本《行动计划》确认中国支持东盟在不断演变的地区架构和所有东盟主导的机制和论坛中的中心地位。');
    expect(preamble[3]!.text.zh).toMatch(/^中国和东盟将根据/u);
  });

  test('keeps every source position and shows the split and the moved ID to readers', () => {
    const [, p2, p3, p4] = doc('asean-china-poa-2021-2025').clauses;
    expect(p2!.source).toEqual([{ file: '004_d5144cada49e64c4.txt', lines: [8, 8] }]);
    expect(p3!.source).toEqual([{ file: '004_d5144cada49e64c4.txt', lines: [8, 8] }, { file: '004_d5144cada49e64c4.txt', lines: [10, 10] }]);
    expect(p3!.notes.filter((n) => n.kind === 'editorial').map((n) => n.en).join(' ')).toMatch(/not yet been published at a public address/u);
    expect(p4!.notes.some((n) => n.kind === 'editorial' && /was asean-china-poa-2021-2025#preamble\.p3/u.test(n.en))).toBe(true);
    expect(p3!.text.en).toMatch(/^This Plan of Action affirms China’s support for ASEAN centrality/u);
    expect(p4!.text.en).toMatch(/^China and ASEAN will endeavour/u);
  });
});

describe('a paragraph break inside a line (recipe `split`)', () => {
  const source = { name: 'content/sources/x.txt', format: 'text', lines: ['  甲段。乙段开头', '', '乙段续。'] } as unknown as SourceFile;
  const sources = new Map([['x.txt', source]]);
  const reason = { zh: '理由', en: 'reason' };
  const run = (split: { line: number; after: string; reason: typeof reason }[]) => {
    const diagnostics = new Diagnostics();
    const paragraphs = assembleParagraphs([{ file: 'x.txt', lines: [1, 1], split }, { file: 'x.txt', lines: [3, 3], join: 'previous', reason }], sources, 'recipe.yaml', () => ({ line: 7, column: 9 }), 'text', diagnostics);
    return { paragraphs, diagnostics };
  };

  test('ends the paragraph after the text and starts the next at the rest of the line, with its column', () => {
    const { paragraphs, diagnostics } = run([{ line: 1, after: '甲段。', reason }]);
    expect(diagnostics.messages).toEqual([]);
    expect(paragraphs.map((p) => p.parts.map((part) => part.content).join(''))).toEqual(['甲段。', '乙段开头乙段续。']);
    expect(paragraphs[1]!.parts[0]).toMatchObject({ line: 1, column: 6 });
    expect(paragraphs[1]!.notes.map((n) => n.en)).toEqual(['reason', 'reason']);
  });

  test('is a located error when the text is missing or ends the line', () => {
    for (const after of ['丙', '乙段开头']) {
      const { diagnostics } = run([{ line: 1, after, reason }]);
      expect(diagnostics.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['7:9 split-text']);
    }
  });
});

describe('the style check', () => {
  test('warns at the calque\'s line and column in the translation file, with the rule id', async () => {
    const diagnostics = new Diagnostics();
    await buildModel(projectPaths(await fixtureProject('style')), diagnostics);
    const style = diagnostics.warnings.filter((m) => m.ruleId?.startsWith('style-'));
    const want = (await expected('style')).warnings as string[];
    expect(style.map((m) => formatDiagnostic(m).replace(/ \(for .*?\)/u, '').replace(/, expected .*(?= \[)/u, ''))).toEqual(want);
    expect(style.every((m) => !m.fatal && /expected .+: .+/u.test(m.reason))).toBe(true);
  });

  test('finds nothing in the edition\'s English', () => {
    expect(corpusDiagnostics.warnings.filter((m) => m.ruleId?.startsWith('style-')).map(formatDiagnostic)).toEqual([]);
    const calques = [/give full play/iu, /top-level design/iu, /actively and seriously/iu, /jointly build joint/iu];
    for (const d of model.documents) {
      for (const c of d.clauses) {
        const en = `${c.heading?.en ?? ''} ${c.text.en}`;
        for (const calque of calques) expect(en, `${d.id}#${c.id}`).not.toMatch(calque);
        if (c.text.zh.includes('监督') && !/state-owned assets/u.test(c.text.en)) expect(c.text.en, `${d.id}#${c.id}`).not.toMatch(/supervis/iu);
      }
    }
  });
});

describe('the glossary\'s renderings', () => {
  test('give every term a status, and every official or established one evidence with a title and an address', () => {
    const terms = model.glossary!.data.terms;
    for (const term of terms) {
      expect(['official', 'established', 'edition'], term.id).toContain(term.rendering.status);
      if (term.rendering.status !== 'edition') expect(term.rendering.evidence.length, term.id).toBeGreaterThan(0);
      for (const e of term.rendering.evidence) expect(e.url, term.id).toMatch(/^https?:\/\//u);
    }
  });

  test('follow the owner\'s English for the names the review found coined', () => {
    const byZh = new Map(model.glossary!.data.terms.map((t) => [t.zh, t]));
    expect(byZh.get('澜湄流域经济发展带')).toMatchObject({ en: 'Lancang-Mekong Economic Development Belt', enVariants: ['LMEDB'], rendering: { status: 'official' } });
    expect(byZh.get('科技创新')).toMatchObject({ en: 'science, technology and innovation', enVariants: ['STI'] });
    expect(byZh.get('加强伙伴关系，实现共同繁荣')?.en).toBe('Enhancing Partnership for Shared Prosperity');
    expect(clause('lmc-vientiane-declaration-2020', 'preamble.p1').text.en).toContain('“Enhancing Partnership for Shared Prosperity”');
    expect(clause('lmc-naypyitaw-declaration-2023', '3').text.en).toContain('Lancang-Mekong Economic Development Belt (LMEDB)');
  });

  test('reject an official or established rendering without evidence', async () => {
    const { glossaryTerm } = await import('../../src/schemas/glossary');
    const term = { id: 'x', zh: '甲', en: 'x', kind: 'policy-term', definition: { zh: '甲', en: 'x' } };
    expect(glossaryTerm.safeParse({ ...term, rendering: { status: 'official' } }).success).toBe(false);
    expect(glossaryTerm.safeParse({ ...term, rendering: { status: 'edition', reason: { en: 'No English found.', zh: '未见英文。' } } }).success).toBe(true);
    // Issue 27: the edition's own renderings say why (the about page lists them).
    expect(glossaryTerm.safeParse({ ...term, rendering: { status: 'edition' } }).success).toBe(false);
    expect(glossaryTerm.safeParse({ ...term, rendering: { status: 'established', evidence: [{ title: 't', url: 'not a url' }] } }).success).toBe(false);
  });
});

describe('official English titles', () => {
  test('are given where the issuing body\'s title differs from the edition\'s, with evidence, and only there', () => {
    const titled = model.documents.filter((d) => d.officialTitle).map((d) => d.id).sort();
    expect(titled).toEqual(['lmc-naypyitaw-declaration-2023', 'lmc-vientiane-declaration-2020']);
    // Issue 27: the innovation corridor initiative's title is its official title, so it needs no second one.
    expect(doc('lmc-innovation-corridor-initiative').title.en).toBe('The Joint Initiatives on the Lancang-Mekong Cooperation Innovation Corridor Development');
    for (const d of model.documents.filter((x) => x.officialTitle)) {
      expect(d.officialTitle!.en, d.id).not.toBe(d.title.en);
      expect(d.officialTitle!.evidence.length, d.id).toBeGreaterThan(0);
    }
    expect(doc('lmc-vientiane-declaration-2020').officialTitle!.en).toContain('Mekong-Lancang');
    expect(doc('lmc-vientiane-declaration-2020').title.en).toContain('Lancang-Mekong');
  });

  test('a recipe whose official title repeats title.en is refused', async () => {
    const { recipeSchema } = await import('../../src/schemas/recipe');
    const base = { id: 'x', type: 'plan', date: null, completeness: 'full', title: { zh: '甲', en: 'A' }, base: '100_0000000000000001.txt', text: [{ file: '100_0000000000000001.txt', lines: [1, 1] }] };
    const evidence = [{ title: 't', url: 'https://example.org/' }];
    expect(recipeSchema.safeParse({ ...base, officialTitle: { en: 'A', evidence } }).success).toBe(false);
    expect(recipeSchema.safeParse({ ...base, officialTitle: { en: 'B', evidence } }).success).toBe(true);
    expect(recipeSchema.safeParse({ ...base, officialTitle: { en: 'B', evidence: [] } }).success).toBe(false);
  });
});
