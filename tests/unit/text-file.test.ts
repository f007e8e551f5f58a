/** The characters no input may hold (scripts/lib/core/text-file.ts), whichever file they come in. */
import { describe, expect, test } from 'vitest';
import { Diagnostics } from '../../scripts/lib/core/diagnostics';
import { decodeText, findForbiddenCharacter } from '../../scripts/lib/core/text-file';

describe('findForbiddenCharacter', () => {
  test.each([
    ['\u0000', 'control-character', 'U+0000 (NUL)'],
    ['\u0001', 'control-character', 'U+0001'],
    ['\u000B', 'control-character', 'U+000B (vertical tab)'],
    ['\u000C', 'control-character', 'U+000C (form feed)'],
    ['\r', 'control-character', 'U+000D (carriage return)'],
    ['\u001F', 'control-character', 'U+001F'],
    ['\u007F', 'control-character', 'U+007F (delete)'],
    ['\u0085', 'control-character', 'U+0085 (next line)'],
    ['\u009F', 'control-character', 'U+009F'],
    ['\uFDD0', 'noncharacter', 'U+FDD0'],
    ['\uFDEF', 'noncharacter', 'U+FDEF'],
    ['\uFFFE', 'noncharacter', 'U+FFFE'],
    ['\uFFFF', 'noncharacter', 'U+FFFF'],
    ['\u{1FFFE}', 'noncharacter', 'U+1FFFE'],
    ['\u{10FFFF}', 'noncharacter', 'U+10FFFF'],
    ['\u202E', 'bidi-control', 'U+202E (right-to-left override)'],
    ['\u2066', 'bidi-control', 'U+2066 (left-to-right isolate)'],
    ['\uD800', 'lone-surrogate', 'U+D800'],
  ])('refuses %j as %s, naming it', (char, ruleId, name) => {
    const found = findForbiddenCharacter(`加强合作 ${char} cooperation`);
    expect(found).toMatchObject({ index: 5, ruleId });
    expect(found!.reason).toMatch(/^Unexpected .*, expected /u);
    expect(found!.reason).toContain(name);
  });

  test('accepts tab, line feed, Chinese and its punctuation, astral characters and the marks text needs', () => {
    expect(findForbiddenCharacter('一、总则\n\t本计划旨在加强合作——“澜湄”；（一）𠀀 café\u00A0No.\u200B\u2028')).toBeUndefined();
  });

  test('reports the first of several', () => {
    expect(findForbiddenCharacter('a\uFFFEb\u000Cc')?.ruleId).toBe('noncharacter');
  });
});

describe('decodeText', () => {
  test('refuses a form feed in a file at its line and column', () => {
    const diagnostics = new Diagnostics();
    expect(decodeText(new TextEncoder().encode('一、总则\n本计划\f旨在'), 'content/sources/x.txt', diagnostics)).toBeUndefined();
    expect(diagnostics.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['control-character', 2, 4]]);
  });
});
