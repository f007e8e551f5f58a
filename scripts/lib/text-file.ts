/**
 * The checks every input file of the build passes, sources and YAML data files alike:
 * UTF-8 without a byte order mark, LF line endings, and no U+FFFD (a replacement character
 * is what an earlier, lossy decoding left where text was lost). Each failure is a located
 * diagnostic, so nothing is published as U+FFFD with "no warnings".
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
  return text;
}
