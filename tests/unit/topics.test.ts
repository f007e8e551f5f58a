/** The topic taxonomy and the tagging of every clause. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { projectPaths } from '../../scripts/lib/core/paths';
import { matchTopics, tagClauses, type Topic } from '../../scripts/lib/links/topics';
import type { DocumentData } from '../../src/schemas/document';
import { topicsSchema } from '../../src/schemas/topics';

const root = projectPaths().root;
const taxonomy = topicsSchema.parse(parse(readFileSync(path.join(root, 'content', 'topics.yaml'), 'utf8'))).topics;
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, 'content', 'generated', 'data', file), 'utf8'));
let documents: DocumentData[];
let tags: Map<string, string[]>;
beforeAll(() => {
  documents = (readJson('index.json') as { documents: { id: string }[] }).documents.map((d) => readJson(`${d.id}.json`) as DocumentData);
  tags = tagClauses(documents, taxonomy);
});
const of = (ref: string) => tags.get(ref) ?? [];

describe('content/topics.yaml', () => {
  test('has the three pillars and the five priority areas the plans name', () => {
    expect(taxonomy.filter((t) => t.kind === 'pillar').map((t) => t.id)).toEqual(['political-security', 'economic-sustainable-development', 'social-cultural']);
    expect(taxonomy.filter((t) => t.kind === 'priority-area').map((t) => t.label.zh)).toEqual(['互联互通', '产能', '跨境经济', '水资源', '农业和减贫']);
  });

  test('uses kebab-case ids, each once', () => {
    for (const t of taxonomy) expect(t.id).toMatch(/^[a-z0-9-]+$/);
    expect(new Set(taxonomy.map((t) => t.id)).size).toBe(taxonomy.length);
  });

  test('rejects a subject whose pillar is not a pillar', () => {
    const bad = { topics: [{ id: 'water', kind: 'subject', label: { zh: '水', en: 'Water' }, keywords: ['水'], pillar: 'nowhere' }] };
    expect(topicsSchema.safeParse(bad).success).toBe(false);
  });
});

describe('tagClauses', () => {
  test('gives every clause of the corpus at least one topic, all from the taxonomy', () => {
    const ids = new Set(taxonomy.map((t) => t.id));
    for (const d of documents) {
      for (const c of d.clauses) {
        const t = of(`${d.id}#${c.id}`);
        expect(t.length, `${d.id}#${c.id}`).toBeGreaterThan(0);
        for (const id of t) expect(ids.has(id)).toBe(true);
      }
    }
  });

  test.each([
    ['lmc-poa-2018-2022#4.2.5', 'water-resources'],
    ['lmc-poa-2023-2027#4.2.12', 'water-resources'],
    ['lmc-naypyitaw-declaration-2023#12', 'water-resources'],
    ['lmc-poa-2018-2022#4.2.6', 'agriculture-poverty-reduction'],
    ['lmc-poa-2023-2027#4.2.7', 'digital-economy'],
    ['lmc-vientiane-declaration-2020#1.4', 'public-health'],
    ['asean-china-poa-2021-2025#3.6.13', 'environment'],
    ['lmc-naypyitaw-declaration-2023#6', 'security'],
  ])('tags %s with %s', (ref, topic) => {
    expect(of(ref)).toContain(topic);
  });

  test('gives a paragraph the subject of the heading it is printed under', () => {
    // 举办澜湄合作村长论坛 names no subject; it is under 4.2.6 农业.
    expect(of('lmc-poa-2018-2022#4.2.6.p3')).toContain('agriculture-poverty-reduction');
  });

  test('takes the pillar from the section heading', () => {
    expect(of('lmc-poa-2018-2022#4.1.4.p2')).toContain('political-security');
    expect(of('lmc-poa-2023-2027#4.1.3.1')).toContain('political-security');
    expect(of('lmc-poa-2018-2022#4.3.4.p1')).toContain('social-cultural');
  });

  test('takes the pillar from the subjects outside a pillar section', () => {
    expect(of('lmc-naypyitaw-declaration-2023#12')).toContain('economic-sustainable-development');
  });

  test('gives a heading over every subject only its pillars', () => {
    expect(of('lmc-poa-2018-2022#4')).toEqual(['political-security', 'economic-sustainable-development', 'social-cultural']);
  });

  test('lets a heading-only clause inherit the subject most of its children share', () => {
    expect(of('lmc-poa-2018-2022#3')).toEqual(['institutions']);
  });

  test('lets a clause with nothing of its own take the topics of the clause before it', () => {
    expect(of('lmc-vientiane-declaration-2020#preamble.p14')).toEqual(of('lmc-vientiane-declaration-2020#preamble.p13'));
  });

  test('lists topics in taxonomy order', () => {
    const order = new Map(taxonomy.map((t, i) => [t.id, i]));
    for (const t of tags.values()) expect(t.map((id) => order.get(id)!)).toEqual([...t.map((id) => order.get(id)!)].sort((a, b) => a - b));
  });
});

describe('matchTopics', () => {
  const topics: Topic[] = [
    { id: 'water', kind: 'subject', label: { zh: '水', en: 'Water' }, keywords: ['水资源'] },
    { id: 'lmc', kind: 'subject', label: { zh: '澜湄', en: 'LMC' }, keywords: ['澜湄合作'] },
  ];
  test('reads 澜沧江—湄公河 as 澜湄 and ignores width', () => {
    expect(matchTopics('澜沧江—湄公河合作', topics)).toEqual(['lmc']);
    expect(matchTopics('加强水资源合作', topics)).toEqual(['water']);
    expect(matchTopics('加强合作', topics)).toEqual([]);
  });
});
