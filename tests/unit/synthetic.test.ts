/** The benchmark's synthetic copies name their own documents and sources (scripts/lib/tools/synthetic.ts). */
import { describe, expect, test } from 'vitest';
import { sourceLineReferences } from '../../scripts/lib/editorial/note-checks';
import { CopyNames, copyId } from '../../scripts/lib/tools/synthetic';
import { findReferences } from '../../src/lib/citation/references';

const documents = new Set(['lmc-poa-2023-2027', 'lmc-naypyitaw-declaration-2023']);
const files = (copy: number) => new Map([
  ['001_1cbcd476c7d2c74e.txt', `${String(5 * (copy - 1) + 1).padStart(3, '0')}_aaaaaaaaaaaaaaaa.txt`],
  ['002_6d543889c7f48850.txt', `${String(5 * (copy - 1) + 2).padStart(3, '0')}_bbbbbbbbbbbbbbbb.txt`],
]);

describe('CopyNames', () => {
  const second = new CopyNames(2, documents, files(2));

  test('points references at the copy’s own documents, and leaves other documents alone', () => {
    const text = 'It follows lmc-naypyitaw-declaration-2023#14 (line 57) and lmc-poa-2023-2027#4.2.6; see also asean-china-poa-2021-2025#2.1.';
    expect(findReferences(second.prose(text)).map((r) => `${r.document}#${r.clause}`)).toEqual([
      'lmc-naypyitaw-declaration-2023-s2#14', 'lmc-poa-2023-2027-s2#4.2.6', 'asean-china-poa-2021-2025#2.1',
    ]);
    expect(second.reference('lmc-poa-2023-2027#')).toBe('lmc-poa-2023-2027-s2#');
  });

  test('renumbers sources in every form the note checks read, keeping their line numbers', () => {
    const en = 'Source 002 prints its opening (lines 30-42); source 001 reports the meeting (001 line 3), and 002, line 197 dates it.';
    const zh = '来源002仅载本倡议开头部分（第30—42行）；来源001报道（来源001第3行），见002第197行。';
    expect(sourceLineReferences(second.prose(en)).map((r) => `${r.source}:${r.line}`)).toEqual(['007:30', '007:42', '006:3', '007:197']);
    expect(sourceLineReferences(second.prose(zh)).map((r) => `${r.source}:${r.line}`)).toEqual(['007:30', '007:42', '006:3', '007:197']);
  });

  test('renames source files, and leaves a three-digit line number alone', () => {
    expect(second.prose('file: 002_6d543889c7f48850.txt\n    lines: [107, 133]')).toBe('file: 007_bbbbbbbbbbbbbbbb.txt\n    lines: [107, 133]');
    expect(second.prose('lines 107-133 ahead of lines 57-79')).toBe('lines 107-133 ahead of lines 57-79');
  });

  test('keeps the real ids in copy 1', () => {
    const first = new CopyNames(1, documents, files(1));
    expect(first.prose('lmc-poa-2023-2027#4.2.6 (002 line 28)')).toBe('lmc-poa-2023-2027#4.2.6 (002 line 28)');
    expect(copyId('lmc-poa-2023-2027', 1)).toBe('lmc-poa-2023-2027');
    expect(copyId('lmc-poa-2023-2027', 3)).toBe('lmc-poa-2023-2027-s3');
  });
});
