/**
 * Reads a YAML data file and validates it with a zod schema. The bytes are checked as the
 * sources' are (text-file.ts); syntax errors, alias bombs and schema issues become located
 * diagnostics (file:line:column).
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isMap, isNode, isScalar, visit, type Alias } from 'yaml';
import type { z } from 'astro/zod';
import { friendlyIssues } from '../../src/schemas/friendly-errors';
import type { Diagnostics, Place } from './diagnostics';
import { decodeText } from './text-file';

/** Alias expansions allowed in one file (the yaml library's default): a data file has no need of more. */
const MAX_ALIAS_COUNT = 100;

export interface DataFile<T> {
  /** Path as shown in messages. */
  name: string;
  data: T;
  /** Line and column of the value at `path`, if the file has it. */
  locate(path: (string | number)[]): Place | undefined;
  /**
   * Line and column of the `nth` occurrence of `needle` inside the value at `path` (a place
   * inside a string, e.g. a reference in a note), or of the value itself if not found.
   */
  locateText?(path: (string | number)[], needle: string, nth?: number): Place | undefined;
}

/** Parses YAML text into a validated value, or returns undefined after reporting why not. */
export function parseDataText<T extends z.ZodType>(schema: T, text: string, name: string, diagnostics: Diagnostics): DataFile<z.infer<T>> | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const pos = lineCounter.linePos(error.pos[0]);
      diagnostics.error(`Unexpected YAML syntax: ${error.message.split('\n')[0]}`, { file: name, place: { line: pos.line, column: pos.col }, ruleId: 'invalid-yaml' });
    }
    return undefined;
  }
  // A mapping entry is located at its key (`4.2.5:`), anything else at its value.
  const locate = (path: (string | number)[]): Place | undefined => {
    let node: unknown = path.length === 0 ? doc.contents : doc.getIn(path, true);
    const parent = path.length > 0 ? (path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true)) : undefined;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(path[path.length - 1]));
      if (pair) node = pair.key;
    }
    if (!isNode(node) || !node.range) return undefined;
    const pos = lineCounter.linePos(node.range[0]);
    return { line: pos.line, column: pos.col };
  };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // The yaml library refuses a document whose aliases expand without bound (a "billion laughs").
    if (!(error instanceof ReferenceError)) throw error;
    let first: Alias | undefined;
    visit(doc, { Alias: (_key, node) => { first = node; return visit.BREAK; } });
    const pos = first?.range ? lineCounter.linePos(first.range[0]) : { line: 1, col: 1 };
    if (/excessive alias/iu.test(error.message)) {
      diagnostics.error(`Unexpected aliases that expand beyond ${MAX_ALIAS_COUNT} nodes (a resource exhaustion attack), expected a data file without alias chains`, { file: name, place: { line: pos.line, column: pos.col }, ruleId: 'yaml-alias-bomb' });
    } else {
      diagnostics.error(`Unexpected YAML alias: ${error.message}, expected an alias after its anchor`, { file: name, place: { line: pos.line, column: pos.col }, ruleId: 'invalid-yaml' });
    }
    return undefined;
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    for (const issue of friendlyIssues(result.error, locate)) {
      diagnostics.error(issue.message, { file: name, place: issue.line ? { line: issue.line, column: issue.column ?? 1 } : undefined, ruleId: 'invalid-data' });
    }
    return undefined;
  }
  const locateText = (path: (string | number)[], needle: string, nth = 0): Place | undefined => {
    const node = doc.getIn(path, true);
    if (!isNode(node) || !node.range) return locate(path);
    let at = node.range[0] - 1;
    for (let i = 0; i <= nth; i++) {
      at = text.indexOf(needle, at + 1);
      if (at < 0 || at >= node.range[1]) return locate(path);
    }
    const pos = lineCounter.linePos(at);
    return { line: pos.line, column: pos.col };
  };
  return { name, data: result.data, locate, locateText };
}

/** Reads and validates a YAML data file. */
export async function readDataFile<T extends z.ZodType>(schema: T, file: string, name: string, diagnostics: Diagnostics): Promise<DataFile<z.infer<T>> | undefined> {
  const text = decodeText(await readFile(file), name, diagnostics);
  return text === undefined ? undefined : parseDataText(schema, text, name, diagnostics);
}
