/** The cross-link matcher: the hand-labelled sample, its cost, its rules, and curation. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { applyCuration, evaluate, findLinks, matchingUnits, type Link } from '../../scripts/lib/links/links';
import { projectPaths } from '../../scripts/lib/core/paths';
import { tagClauses } from '../../scripts/lib/links/topics';
import type { DocumentData } from '../../src/schemas/document';
import { curationSchema, labelledSampleSchema } from '../../src/schemas/links';
import { topicsSchema } from '../../src/schemas/topics';

const root = projectPaths().root;
const readYaml = (...p: string[]) => parse(readFileSync(path.join(root, ...p), 'utf8'));
const sample = labelledSampleSchema.parse(readYaml('tests', 'fixtures', 'links', 'labelled.yaml')).pairs;
const curation = curationSchema.parse(readYaml('content', 'links.yaml'));

/**
 * Labelled links the matcher misses today, each for a reason tuning cannot fix without
 * losing precision elsewhere (the editors add the first three in content/links.yaml).
 * The list may shrink; it must not grow.
 */
const KNOWN_MISSES = new Set([
  'lmc-poa-2018-2022#4.2.1|lmc-poa-2023-2027#4.2.4', // power grid moved from connectivity to energy; the section's best match wins
  'lmc-naypyitaw-declaration-2023#11|lmc-poa-2023-2027#4.2.3', // 智慧海关 / 智能海关: different words
  'lmc-innovation-corridor-initiative#1|lmc-poa-2023-2027#4.2.8', // the initiative's clause survives only in part
  'lmc-poa-2018-2022#4.3.6|lmc-poa-2023-2027#5.4', // a second subject of a broad section, below the relative cut
  'lmc-vientiane-declaration-2020#preamble.p8|lmc-poa-2018-2022#4.2.5', // the Declaration's 2.6 is the better match
  'lmc-vientiane-declaration-2020#2.2|lmc-poa-2023-2027#4.2.3', // one shared name (国际陆海贸易新通道) in long texts
  'lmc-vientiane-declaration-2020#3.4|lmc-naypyitaw-declaration-2023#17', // below the related threshold
  'asean-china-poa-2021-2025#9|lmc-poa-2023-2027#5.5', // a one-line mention of 澜沧江—湄公河合作
  // issue 15, held out from the section-level rule:
  'asean-china-poa-2021-2025#2.11|lmc-poa-2023-2027#4.2.3', // 2.11 has no heading, and its one line is too short for the text match
  'asean-china-poa-2021-2025#2.6|lmc-poa-2023-2027#4.2.7', // 信息通信技术 and 数字经济: no shared heading word
  'asean-china-poa-2021-2025#3.2|lmc-poa-2023-2027#4.3.3', // 教育 matches, but 3.4 (人力资源) covers more of 4.3.3's heading
  'asean-china-poa-2021-2025#3.9|lmc-poa-2023-2027#5.4', // 民间交往 and 地方交流: the section's best match is 4.3.7 民间交流
  'asean-china-poa-2021-2025#3.6|lmc-poa-2018-2022#4.2.9', // 保护环境 and 环保: no shared bigram
]);
/** Must-not pairs the matcher links today; each is rejected in content/links.yaml. */
const KNOWN_FALSE = new Set([
  'asean-china-poa-2021-2025#11.1|lmc-poa-2023-2027#5.2',
  'asean-china-poa-2021-2025#2.8.6|lmc-poa-2023-2027#4.3.3',
  'lmc-naypyitaw-declaration-2023#11|lmc-poa-2023-2027#4.2.5',
  'lmc-vientiane-declaration-2020#preamble.p3|lmc-poa-2023-2027#1',
  'lmc-poa-2018-2022#4.3.4|asean-china-poa-2021-2025#2.4', // issue 15: 卫生 in 卫生与植物卫生 (SPS), matched by heading
]);
/** Measured when the matcher was tuned (scripts/evaluate-links.ts), minus a small margin. */
const MIN_PRECISION = 0.93;
const MIN_RECALL = 0.87;

// The contract's data files as `npm run build:content` writes them: the matcher's input
// in the build, and independent of work in progress elsewhere in the pipeline.
const readJson = (...p: string[]) => JSON.parse(readFileSync(path.join(root, 'content', 'generated', 'data', ...p), 'utf8'));
let model: { documents: DocumentData[] };
let topics: Map<string, string[]>;
let auto: Link[];
beforeAll(() => {
  const index = readJson('index.json') as { documents: { id: string }[] };
  model = { documents: index.documents.map((d) => readJson(`${d.id}.json`) as DocumentData) };
  topics = tagClauses(model.documents, topicsSchema.parse(readYaml('content', 'topics.yaml')).topics);
  auto = findLinks(model.documents, { topics });
});

const key = (p: { from: string; to: string }) => `${p.from}|${p.to}`;
const found = (links: Link[], p: { from: string; to: string }) => evaluate(links, [{ ...p, type: 'related' }]);
const linked = (links: Link[], p: { from: string; to: string }) => {
  const r = found(links, p);
  return r.truePositives + r.wrongType > 0;
};

describe('findLinks on the labelled sample', () => {
  const positives = sample.filter((p) => p.type !== 'none' && !KNOWN_MISSES.has(key(p)));
  const negatives = sample.filter((p) => p.type === 'none' && !KNOWN_FALSE.has(key(p)));

  test.each(positives.map((p) => [`${p.from} → ${p.to}`, p] as const))('finds %s with its type', (_name, p) => {
    expect(evaluate(auto, [p]).truePositives, `${p.type}: ${p.note ?? ''}`).toBe(1);
  });

  test.each(negatives.map((p) => [`${p.from} → ${p.to}`, p] as const))('does not link %s', (_name, p) => {
    expect(linked(auto, p), p.note).toBe(false);
  });

  test('keeps precision and recall at least as measured, minus a small margin', () => {
    const result = evaluate(auto, sample);
    expect(result.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(result.recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });

  test('publishes none of the must-not pairs once curated', () => {
    const curated = applyCuration(auto, curation);
    for (const p of sample.filter((x) => x.type === 'none')) expect(linked(curated, p), `${key(p)}: ${p.note}`).toBe(false);
  });

  test('lists only known misses and known false links (update the lists when the matcher improves)', () => {
    for (const k of KNOWN_MISSES) expect(sample.some((p) => key(p) === k && p.type !== 'none'), k).toBe(true);
    for (const k of KNOWN_FALSE) expect(sample.some((p) => key(p) === k && p.type === 'none'), k).toBe(true);
  });
});

describe('findLinks output', () => {
  test('links only clauses of different documents, with origin auto and a score in [0, 1]', () => {
    for (const l of auto) {
      expect(l.from.split('#')[0]).not.toBe(l.to.split('#')[0]);
      expect(l.origin).toBe('auto');
      expect(l.score).toBeGreaterThanOrEqual(0);
      expect(l.score).toBeLessThanOrEqual(1);
    }
  });

  test('is sorted by from, then to, and the same on every run', () => {
    const again = findLinks(model.documents, { topics });
    expect(again).toEqual(auto);
    const order = auto.map((l) => `${l.from}\u0000${l.to}`);
    expect(order).toEqual([...order].sort());
  });

  test('points continues links from the earlier plan to its successor', () => {
    for (const l of auto.filter((x) => x.type === 'continues')) {
      expect(l.from.startsWith('lmc-poa-2018-2022#')).toBe(true);
      expect(l.to.startsWith('lmc-poa-2023-2027#')).toBe(true);
    }
  });

  test('points implements links from a declaration or initiative to the plan in force', () => {
    const allowed = new Set(['lmc-vientiane-declaration-2020>lmc-poa-2018-2022', 'lmc-naypyitaw-declaration-2023>lmc-poa-2023-2027', 'lmc-innovation-corridor-initiative>lmc-poa-2023-2027']);
    for (const l of auto.filter((x) => x.type === 'implements')) expect(allowed.has(`${l.from.split('#')[0]}>${l.to.split('#')[0]}`), `${l.from} → ${l.to}`).toBe(true);
  });

  test('points references at the named document as a whole', () => {
    const refs = auto.filter((l) => l.type === 'references').map((l) => `${l.from} → ${l.to}`);
    expect(refs).toEqual([
      'lmc-naypyitaw-declaration-2023#17 → lmc-vientiane-declaration-2020#',
      'lmc-poa-2023-2027#1.p1 → lmc-poa-2018-2022#',
      'lmc-vientiane-declaration-2020#4.2 → lmc-poa-2018-2022#',
      'lmc-vientiane-declaration-2020#4.3 → lmc-poa-2018-2022#',
    ]);
  });

  test('names the heading clause of a section whose paragraphs it absorbs', () => {
    expect(auto.some((l) => l.from === 'lmc-poa-2018-2022#4.2.5' && l.to === 'lmc-poa-2023-2027#4.2.12' && l.type === 'continues')).toBe(true);
    expect(auto.some((l) => l.from.startsWith('lmc-poa-2018-2022#4.2.5.p'))).toBe(false);
  });
});

describe('candidate generation', () => {
  test('scores far fewer pairs than all pairs of units', () => {
    const counter = { comparisons: 0, postings: 0 };
    findLinks(model.documents, { counter });
    const n = model.documents.flatMap(matchingUnits).length;
    expect(counter.comparisons).toBeGreaterThan(0);
    expect(counter.comparisons).toBeLessThan((n * (n - 1)) / 2 / 10);
  });

  test('reads a bounded number of index entries per unit, however large the corpus', () => {
    // Ten copies of the corpus under new ids: the worst case for blocking, since every
    // subject word is then shared by ten times as many units.
    const copies: DocumentData[] = [];
    for (let i = 0; i < 10; i++) for (const d of model.documents) copies.push({ ...d, id: i ? d.id.replace(/^([a-z]+)-/, `$1-copy${i}-`) : d.id });
    const counter = { comparisons: 0, postings: 0 };
    const started = performance.now();
    findLinks(copies, { counter, queryTerms: 16, maxPostings: 200 });
    const n = copies.flatMap(matchingUnits).length;
    expect(counter.postings).toBeLessThanOrEqual(n * 16 * 200);
    expect(counter.comparisons).toBeLessThan((n * (n - 1)) / 2 / 10);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

describe('findLinks rules on small documents', () => {
  const doc = (id: string, type: DocumentData['type'], date: string, clauses: [string, string | null, string, string][]): DocumentData => ({
    id, type, date, completeness: 'full', title: { zh: id, en: id },
    witnesses: [{ file: '000_0000000000000000.txt', sha256: '0'.repeat(64), script: 'Hans' }],
    clauses: clauses.map(([cid, parent, heading, text]) => ({
      id: cid, parent, ...(heading ? { heading: { zh: heading, en: '' } } : {}), text: { zh: text, en: '' },
      source: [{ file: '000_0000000000000000.txt', lines: [1, 1] as [number, number] }], notes: [], topics: [],
      translation: { status: 'draft' as const, reviewed: null, of: null },
    })),
  });
  const old = doc('x-poa-2018-2022', 'plan', '2018-01-01', [
    ['1', null, '水资源', ''],
    ['1.p1', '1', '', '加强水资源政策对话，定期举办水资源合作论坛，推进水资源合作中心建设。'],
    ['2', null, '农业', ''],
    ['2.p1', '2', '', '扩大农业科技交流，打造统一农产品市场，确保粮食安全。'],
  ]);
  const next = doc('x-poa-2023-2027', 'plan', '2023-12-25', [
    ['1', null, '农业', '深化农业科技和农产品贸易合作，维护粮食安全。'],
    ['2', null, '水资源合作', '定期举办水资源合作论坛，共同推进水资源信息共享平台建设。'],
    ['3', null, '', '本《行动计划》基于《X合作五年行动计划（2018—2022）》的成功落实。'],
  ]);
  const declaration = doc('x-declaration', 'declaration', '2023-12-25', [
    ['1', null, '', '我们赞赏水资源合作取得务实成果，同意定期举办水资源合作论坛。'],
    ['2', null, '', '我们同意加强合作，推动合作，促进发展，深化交流。'],
  ]);
  const links = findLinks([{ ...old, title: { zh: 'X合作五年行动计划（2018-2022）', en: '' } }, next, declaration]);
  const has = (from: string, to: string, type: string) => links.some((l) => l.from === from && l.to === to && l.type === type);

  test('links the same subject across plans as continues, whatever the numbering', () => {
    expect(has('x-poa-2018-2022#1', 'x-poa-2023-2027#2', 'continues')).toBe(true);
    expect(has('x-poa-2018-2022#2', 'x-poa-2023-2027#1', 'continues')).toBe(true);
  });

  test('does not link different subjects that share a number', () => {
    expect(links.some((l) => l.from === 'x-poa-2018-2022#1' && l.to === 'x-poa-2023-2027#1')).toBe(false);
  });

  test('links a declaration to the plan in force as implements', () => {
    expect(has('x-declaration#1', 'x-poa-2023-2027#2', 'implements')).toBe(true);
  });

  test('never links on boilerplate alone', () => {
    expect(links.some((l) => l.from === 'x-declaration#2' || l.to === 'x-declaration#2')).toBe(false);
  });

  test('turns a 《title》 naming another document into a references link', () => {
    expect(has('x-poa-2023-2027#3', 'x-poa-2018-2022#', 'references')).toBe(true);
  });
});

describe('applyCuration', () => {
  const a: Link = { from: 'a#1', to: 'b#1', type: 'related', origin: 'auto', score: 0.5 };
  const b: Link = { from: 'a#2', to: 'b#2', type: 'related', origin: 'auto', score: 0.4 };
  const reason = { zh: '理由', en: 'reason' };

  test('confirms a link as curated, keeping its score and taking the editors\' type', () => {
    expect(applyCuration([a], { confirm: [{ from: 'a#1', to: 'b#1', type: 'continues' }], add: [], reject: [] })).toEqual([{ ...a, type: 'continues', origin: 'curated' }]);
  });

  test('adds a link as curated with a null score unless one is given', () => {
    const result = applyCuration([], { confirm: [], add: [{ from: 'a#3', to: 'b#3', type: 'implements', reason }, { from: 'a#4', to: 'b#4', type: 'related', score: 0.9, reason }], reject: [] });
    expect(result).toEqual([
      { from: 'a#3', to: 'b#3', type: 'implements', origin: 'curated', score: null },
      { from: 'a#4', to: 'b#4', type: 'related', origin: 'curated', score: 0.9 },
    ]);
  });

  test('removes a rejected link, and a rejection wins over a confirmation', () => {
    const result = applyCuration([a, b], { confirm: [{ from: 'a#1', to: 'b#1', type: 'related' }], add: [], reject: [{ from: 'a#1', to: 'b#1', reason }] });
    expect(result).toEqual([b]);
  });

  test('rejects a rejection without a reason', () => {
    expect(curationSchema.safeParse({ reject: [{ from: 'a#1', to: 'b#1' }] }).success).toBe(false);
  });

  test('applies content/links.yaml to the corpus without leaving a rejected link', () => {
    const curated = applyCuration(auto, curation);
    for (const r of curation.reject) expect(curated.some((l) => l.from === r.from && l.to === r.to)).toBe(false);
    for (const c of [...curation.confirm, ...curation.add]) expect(curated.find((l) => l.from === c.from && l.to === c.to)?.origin).toBe('curated');
  });
});
