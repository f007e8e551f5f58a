/**
 * The checks every input file of the build passes, sources and YAML data files alike:
 * UTF-8 without a byte order mark, LF line endings, no U+FFFD (a replacement character
 * is what an earlier, lossy decoding left where text was lost), and no character that has
 * no place in a text: control characters other than tab and line feed (a form feed or
 * vertical tab is what text copied from PDF or Word often carries; XML forbids them, so an
 * Akoma Ntoso download holding one is not XML), non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF
 * and the last two code points of every plane), and the bidirectional controls that can
 * make a clause display other than it reads ("Trojan Source"). Each failure is a located
 * diagnostic, so nothing is published with "no warnings".
 */
import type { Diagnostics, Place } from './diagnostics';

/** Finds the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Line and column (1-based, in characters) of a byte offset in valid UTF-8 prefix. */
function placeOfByte(bytes: Uint8Array, offset: number): Place {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  return placeOfIndex(before, before.length);
}

/** Line and column (1-based) of a character index in text (Infinity: the end of it). */
function placeOfIndex(text: string, index: number): Place {
  const lines = text.slice(0, index).split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** Names of the control characters an editor is likely to meet. */
const CONTROL_NAMES: Record<number, string> = {
  0x00: 'NUL', 0x08: 'backspace', 0x0b: 'vertical tab', 0x0c: 'form feed', 0x0d: 'carriage return', 0x1b: 'escape',
  0x7f: 'delete', 0x85: 'next line',
  0x202a: 'left-to-right embedding', 0x202b: 'right-to-left embedding', 0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override', 0x202e: 'right-to-left override', 0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate', 0x2068: 'first strong isolate', 0x2069: 'pop directional isolate',
};

// C0 except tab and line feed (carriage return has a rule of its own, crlf-line-ending, for
// files; in a YAML escape it is a control character like the others), delete, C1.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
const NONCHARACTER = new RegExp(`[\\uFDD0-\\uFDEF${Array.from({ length: 17 }, (_, plane) => `\\u{${(plane * 0x10000 + 0xfffe).toString(16)}}\\u{${(plane * 0x10000 + 0xffff).toString(16)}}`).join('')}]`, 'u');
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
// A surrogate without its pair: only a YAML escape (`"\uD800"`) can make one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const named = (c: string) => (CONTROL_NAMES[c.codePointAt(0)!] ? ` (${CONTROL_NAMES[c.codePointAt(0)!]})` : '');

/** A character no input may hold, found in `text`: where, and the message and rule id that say why. */
export interface ForbiddenCharacter {
  /** Index in `text` (UTF-16 code units). */
  index: number;
  reason: string;
  ruleId: 'control-character' | 'noncharacter' | 'bidi-control' | 'lone-surrogate';
}

/**
 * The first character in `text` that no input may hold (see above), or undefined. Tab and line
 * feed are allowed; carriage return is reported too (a file's CR is found earlier, as a line ending).
 */
export function findForbiddenCharacter(text: string): ForbiddenCharacter | undefined {
  const found: ForbiddenCharacter[] = [];
  const control = CONTROL.exec(text);
  if (control) found.push({ index: control.index, ruleId: 'control-character', reason: `Unexpected control character ${codePoint(control[0])}${named(control[0])}, expected printable text (tab and line feed are the only control characters allowed)` });
  const non = NONCHARACTER.exec(text);
  if (non) found.push({ index: non.index, ruleId: 'noncharacter', reason: `Unexpected noncharacter ${codePoint(non[0])}, expected a character (noncharacters are code points Unicode keeps for internal use, never text; XML forbids U+FFFE and U+FFFF)` });
  const bidi = BIDI_CONTROL.exec(text);
  if (bidi) found.push({ index: bidi.index, ruleId: 'bidi-control', reason: `Unexpected bidirectional control ${codePoint(bidi[0])}${named(bidi[0])}, expected text without embedding, override or isolate controls (they make text display other than it reads)` });
  const lone = LONE_SURROGATE.exec(text);
  if (lone) found.push({ index: lone.index, ruleId: 'lone-surrogate', reason: `Unexpected lone surrogate ${codePoint(lone[0])}, expected a character (a \\u escape for half of a pair)` });
  return found.sort((a, b) => a.index - b.index)[0];
}

/** Decodes an input file's bytes after the checks above. Returns undefined after reporting the first problem. */
export function decodeText(bytes: Uint8Array, name: string, diagnostics: Diagnostics): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    diagnostics.error('Unexpected byte order mark (BOM), expected UTF-8 text without a BOM', { file: name, place: { line: 1, column: 1 }, ruleId: 'byte-order-mark' });
    return undefined;
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const hex = Array.from(bytes.subarray(bad, bad + 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    diagnostics.error(`Unexpected byte sequence \`${hex}\`, expected UTF-8 text`, { file: name, place: placeOfByte(bytes, bad), ruleId: 'invalid-utf8' });
    return undefined;
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  const cr = text.indexOf('\r');
  if (cr >= 0) {
    diagnostics.error('Unexpected carriage return (CRLF or CR line ending), expected LF line endings', { file: name, place: placeOfIndex(text, cr), ruleId: 'crlf-line-ending' });
    return undefined;
  }
  const replacement = text.indexOf('\uFFFD');
  if (replacement >= 0) {
    diagnostics.error('Unexpected replacement character U+FFFD (text lost in an earlier conversion), expected the original character', { file: name, place: placeOfIndex(text, replacement), ruleId: 'replacement-character' });
    return undefined;
  }
  const forbidden = findForbiddenCharacter(text);
  if (forbidden) {
    diagnostics.error(forbidden.reason, { file: name, place: placeOfIndex(text, forbidden.index), ruleId: forbidden.ruleId });
    return undefined;
  }
  return text;
}
