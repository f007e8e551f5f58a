/** The commitment lexicon and reader against clauses labelled by hand before the code. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { CommitmentReader, readCommitments, segments } from '../../scripts/lib/editorial/commitments';
import { Diagnostics, formatDiagnostic } from '../../scripts/lib/core/diagnostics';
import { projectPaths } from '../../scripts/lib/core/paths';
import { lexiconSchema } from '../../src/schemas/commitments';
import type { DocumentData } from '../../src/schemas/document';
import { glossarySchema } from '../../src/schemas/glossary';

const root = projectPaths().root;
const readYaml = (...p: string[]) => parse(readFileSync(path.join(root, ...p), 'utf8'));
const lexicon = lexiconSchema.parse(readYaml('content', 'commitments.yaml'));
const reader = new CommitmentReader(lexicon);
const labelled = readYaml('tests', 'fixtures', 'commitments', 'labelled.yaml') as { clauses: { clause: string; commitments: [string, number][]; note?: string }[] };
// The texts as the content pipeline wrote them (`npm run build:content` runs before the tests).
const text = (ref: string) => {
  const [doc, id] = ref.split('#') as [string, string];
  const data = JSON.parse(readFileSync(path.join(root, 'content', 'generated', 'data', `${doc}.json`), 'utf8')) as DocumentData;
  const clause = data.clauses.find((c) => c.id === id);
  if (!clause) throw new Error(`no clause ${ref}`);
  return clause.text.zh;
};

describe('the commitment reader', () => {
  test('the labelled set has at least 20 clauses and every governing-chain pattern of the issue', () => {
    expect(labelled.clauses.length).toBeGreaterThanOrEqual(20);
    const all = labelled.clauses.map((c) => text(c.clause)).join('\n');
    for (const chain of ['探讨建立', '探讨适时支持落实', '积极认真考虑并探讨', '支持加强']) expect(all).toContain(chain);
  });

  test.each(labelled.clauses.map((c) => [c.clause, c] as const))('reads %s as labelled', (_ref, c) => {
    const reading = reader.read(text(c.clause));
    expect(reading.commitments.map((x) => [x.zh, x.level]), c.note).toEqual(c.commitments);
    expect(reading.unknown).toEqual([]);
  });

  test('a governing chain is one commitment at the level of its head', () => {
    expect(reader.read('探讨建立澜湄合作国际秘书处。').commitments).toEqual([{ zh: '探讨', en: 'explore the possibility of', level: 1 }]);
    expect(reader.read('建立澜湄合作国际秘书处。').commitments).toEqual([{ zh: '建立', en: 'establish', level: 4 }]);
    expect(reader.read('探讨适时支持落实《宣言》。').commitments.map((c) => c.level)).toEqual([1]);
  });

  test('an unknown verb-like opening is reported, never levelled', () => {
    const reading = reader.read('弘扬澜湄合作精神，加强交流。');
    expect(reading.commitments.map((c) => c.zh)).toEqual(['加强']);
    expect(reading.unknown).toEqual(['弘扬']);
    const doc = { id: 'x-doc', clauses: [{ id: '1', text: { zh: '弘扬澜湄合作精神。', en: '' }, source: [{ file: '000_0000000000000000.txt', lines: [7, 7] }] }] } as unknown as DocumentData;
    const diagnostics = new Diagnostics();
    readCommitments([doc], lexicon, diagnostics, (f) => `content/sources/${f}`);
    expect(diagnostics.warnings.map(formatDiagnostic)).toEqual([
      'content/sources/000_0000000000000000.txt:7:1: warning: Unexpected verb-like `弘扬` heading a predicate of x-doc#1, expected a verb of content/commitments.yaml (not levelled) [unknown-commitment-verb]',
    ]);
    expect(doc.clauses[0]!.commitments).toEqual([]);
  });

  test('segments never split inside brackets or quotes', () => {
    expect(segments('加强三大支柱（政治安全，经济）合作，深化“甲，乙”合作。探讨。')).toEqual([['加强三大支柱（政治安全，经济）合作', '深化“甲，乙”合作'], ['探讨']]);
  });

  test('every verb has one entry, a level, and the English the glossary gives it where the glossary has it', () => {
    const seen = new Set<string>();
    for (const v of lexicon.verbs) {
      expect(seen.has(v.zh), v.zh).toBe(false);
      seen.add(v.zh);
    }
    const glossary = glossarySchema.parse(readYaml('content', 'glossary.yaml'));
    for (const term of glossary.terms) {
      const verb = lexicon.verbs.find((v) => v.zh === term.zh);
      if (verb) expect(verb.en, term.zh).toBe(term.en);
    }
  });
});
