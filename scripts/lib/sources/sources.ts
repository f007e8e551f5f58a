/**
 * Stage 1: the raw sources. Verifies each file against the manifest (sha256), checks
 * that it is UTF-8 without BOM, with LF line endings and no U+FFFD (text-file.ts), and
 * splits it into lines.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { manifestSchema, type SourceEntry } from '../../../src/schemas/manifest';
import { readDataFile } from '../core/data-file';
import type { Diagnostics, Place } from '../core/diagnostics';
import { display, type ProjectPaths } from '../core/paths';
import { decodeText } from '../core/text-file';

export { firstInvalidUtf8 } from '../core/text-file';

export interface SourceFile extends SourceEntry {
  /** Path for messages, e.g. content/sources/000_….txt. */
  name: string;
  /** The file's lines, without line terminators; `lines[0]` is line 1. */
  lines: string[];
  /** Where the entry stands in the manifest. */
  manifestPlace?: Place;
}

/** Splits text into lines; a final line terminator does not start another line. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

/** Decodes and checks one source file's bytes. Returns undefined after reporting a fatal problem. */
export function decodeSource(bytes: Uint8Array, name: string, diagnostics: Diagnostics): string[] | undefined {
  const text = decodeText(bytes, name, diagnostics);
  if (text === undefined) return undefined;
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
  const listed = new Map<string, number>();
  for (const [index, entry] of manifest.data.sources.entries()) {
    const first = listed.get(entry.file);
    if (first !== undefined) {
      const at = manifest.locate(['sources', first, 'file']);
      diagnostics.error(`Unexpected second entry for \`${entry.file}\`, expected each source once (first listed at line ${at?.line ?? '?'})`, { file: manifestName, place: manifest.locate(['sources', index, 'file']), ruleId: 'duplicate-source' });
      continue;
    }
    listed.set(entry.file, index);
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
