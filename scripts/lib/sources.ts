/**
 * Stage 1: the raw sources. Verifies each file against the manifest (sha256), checks
 * that it is UTF-8 without BOM and with LF line endings, and splits it into lines.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { manifestSchema, type SourceEntry } from '../../src/schemas/manifest';
import { readDataFile } from './data-file';
import type { Diagnostics, Place } from './diagnostics';
import { display, type ProjectPaths } from './paths';

export interface SourceFile extends SourceEntry {
  /** Path for messages, e.g. content/sources/000_….txt. */
  name: string;
  /** The file's lines, without line terminators; `lines[0]` is line 1. */
  lines: string[];
  /** Where the entry stands in the manifest. */
  manifestPlace?: Place;
}

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
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** Splits text into lines; a final line terminator does not start another line. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

/** Decodes and checks one source file's bytes. Returns undefined after reporting a fatal problem. */
export function decodeSource(bytes: Uint8Array, name: string, diagnostics: Diagnostics): string[] | undefined {
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
    const lines = text.slice(0, cr).split('\n');
    diagnostics.error('Unexpected carriage return (CRLF or CR line ending), expected LF line endings', { file: name, place: { line: lines.length, column: lines[lines.length - 1]!.length + 1 }, ruleId: 'crlf-line-ending' });
    return undefined;
  }
  if (text.length === 0) {
    diagnostics.error('Unexpected empty file, expected source text', { file: name, place: { line: 1, column: 1 }, ruleId: 'empty-source' });
    return undefined;
  }
  return splitLines(text);
}

/** Loads the manifest and every source it lists, verifying hashes and encoding. */
export async function loadSources(paths: ProjectPaths, diagnostics: Diagnostics): Promise<Map<string, SourceFile>> {
  const sources = new Map<string, SourceFile>();
  const manifestName = display(paths.root, paths.manifest);
  const manifest = await readDataFile(manifestSchema, paths.manifest, manifestName, diagnostics);
  if (!manifest) return sources;
  for (const [index, entry] of manifest.data.sources.entries()) {
    const file = path.join(paths.sources, entry.file);
    const name = display(paths.root, file);
    const manifestPlace = manifest.locate(['sources', index, 'sha256']);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch {
      diagnostics.error(`Unexpected missing file \`${entry.file}\`, expected it in ${display(paths.root, paths.sources)}/`, { file: manifestName, place: manifest.locate(['sources', index, 'file']), ruleId: 'missing-source' });
      continue;
    }
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== entry.sha256) {
      diagnostics.error(`Unexpected sha256 ${actual}, expected ${entry.sha256} as recorded in ${manifestName}:${manifestPlace?.line ?? 1}:${manifestPlace?.column ?? 1}`, { file: name, place: { line: 1, column: 1 }, ruleId: 'sha256-mismatch' });
      continue;
    }
    const lines = decodeSource(bytes, name, diagnostics);
    if (lines) sources.set(entry.file, { ...entry, name, lines, manifestPlace });
  }
  return sources;
}
