/** The CSV download: cells a spreadsheet would run as formulas are neutralised (OWASP's leading apostrophe). */
import { describe, expect, test } from 'vitest';
import { csvField, toCsv } from '../../scripts/lib/generate/exports';
import type { DocumentData } from '../../src/schemas/document';

describe('CSV cells', () => {
  test.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+cmd|calc', "'+1+cmd|calc"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    // The tab is a separator too (see below): the formula after it is neutralised as well.
    ['\t=1+1', "'\t'=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('%j starts with an apostrophe', (raw, cell) => {
    expect(csvField(raw)).toBe(cell);
  });

  test.each([
    ['Design a logo;=1+1', `"Design a logo;'=1+1"`],
    ['a; -2+3', `"a; '-2+3"`],
    ['x,@SUM(A1)', `"x,'@SUM(A1)"`],
    ['x\t+cmd', "x\t'+cmd"],
  ])('%j: no cell of a spreadsheet that splits on ; , or tab starts a formula (security review L10)', (raw, cell) => {
    expect(csvField(raw)).toBe(cell);
    // Split as a ;-locale spreadsheet does, ignoring quotes that do not open a cell.
    for (const piece of cell.split(/[;,\t]/u)) expect(piece.replace(/^[" ]*/u, ''), piece).not.toMatch(/^[=+\-@]/u);
  });

  test('ordinary text, Chinese included, is unchanged, and quoted only for separators', () => {
    expect(csvField('加强水资源合作')).toBe('加强水资源合作');
    expect(csvField('4.2.5')).toBe('4.2.5');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('a; b')).toBe('"a; b"');
    expect(csvField('a = b - c')).toBe('a = b - c');
  });

  test('a document whose text starts with = is written neutralised', () => {
    const doc = { id: 'x', clauses: [{ id: '1', parent: null, number: '一、', text: { zh: '=1+1', en: '-cmd' }, source: [{ file: 'f.txt', lines: [1, 1] }], translation: { status: 'reviewed' } }] } as unknown as DocumentData;
    expect(toCsv(doc).split('\r\n')[1]).toBe("1,,一、,,,'=1+1,'-cmd,f.txt:1-1,reviewed");
  });
});
