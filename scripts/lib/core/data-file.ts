/**
 * Reads a YAML data file and validates it with a zod schema. The bytes are checked as the
 * sources' are (text-file.ts), and so is every string after YAML's escapes are read (`"\f"`,
 * `"\x01"`, `"\0"`, `"\uFFFE"` make in a value what the bytes may not hold); syntax errors,
 * alias bombs, nesting too deep to parse and schema issues become located diagnostics
 * (file:line:column).
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isMap, isNode, isScalar, visit, type Alias, type Scalar } from 'yaml';
import type { z } from 'astro/zod';
import { friendlyIssues } from '../../../src/schemas/friendly-errors';
import type { Diagnostics, Place } from './diagnostics';
import { decodeText, findForbiddenCharacter } from './text-file';

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

// The escapes of a double-quoted YAML scalar that stand for one character each.
const ESCAPE = /\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0abtnvfreN_LP \t/"\\]))/gu;
const SINGLE: Record<string, string> = { 0: '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029', ' ': ' ', '/': '/', '"': '"', '\\': '\\' };

/**
 * Where in the file the forbidden character of a scalar's value comes from: the escape that
 * makes it in a double-quoted scalar, the character itself elsewhere, else the scalar's start.
 */
function forbiddenOffset(node: Scalar, text: string, found: string): number {
  const [start, end] = node.range!;
  if (node.type === 'QUOTE_DOUBLE') {
    for (const m of text.slice(start, end).matchAll(ESCAPE)) {
      const hex = m[1] ?? m[2] ?? m[3];
      const char = hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : SINGLE[m[4]!];
      if (char === found) return start + m.index;
    }
  }
  const raw = text.indexOf(found, start);
  return raw >= 0 && raw < end ? raw : start;
}

/**
 * Every string of the document, keys included, after YAML's escapes: the first forbidden
 * character (text-file.ts), and `__proto__`, which JavaScript drops silently from a mapping.
 * And a comma in a value of a mapping written in braces: YAML ends the value there and reads
 * the words after it as a key without a value, so `{ zh: 社会人文, en: Social, cultural and
 * people-to-people exchanges }` would give the English "Social" and nothing else.
 */
function checkStrings(doc: ReturnType<typeof parseDocument>, text: string, lineCounter: LineCounter, name: string, diagnostics: Diagnostics): boolean {
  let ok = true;
  const at = (offset: number): Place => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  visit(doc, {
    Map: (_key, map) => {
      if (!map.flow) return;
      map.items.forEach((pair, i) => {
        if (pair.value !== null || !isScalar(pair.key) || !pair.key.range) return;
        const before = map.items[i - 1]?.value;
        const meant = isScalar(before) ? `"${String(before.value)}, ${String(pair.key.value)}"` : `"…, ${String(pair.key.value)}"`;
        diagnostics.error(`Unexpected text “${String(pair.key.value)}” after a comma in { … }, expected a key and its value: a comma ends the value before it, so quote a value that has one (${meant}) or write the mapping one key a line`, { file: name, place: at(pair.key.range[0]), ruleId: 'flow-mapping-comma' });
        ok = false;
      });
    },
    Pair: (_key, pair) => {
      if (isScalar(pair.key) && pair.key.value === '__proto__' && pair.key.range) {
        diagnostics.error('Unexpected key `__proto__`, expected a field name or id (JavaScript drops this key and its value without a word)', { file: name, place: at(pair.key.range[0]), ruleId: 'reserved-key' });
        ok = false;
      }
    },
    Scalar: (_key, node) => {
      if (typeof node.value !== 'string' || !node.range) return undefined;
      const forbidden = findForbiddenCharacter(node.value);
      if (!forbidden) return undefined;
      const found = String.fromCodePoint(node.value.codePointAt(forbidden.index)!);
      diagnostics.error(forbidden.reason, { file: name, place: at(forbiddenOffset(node, text, found)), ruleId: forbidden.ruleId });
      ok = false;
      return visit.BREAK;
    },
  });
  return ok;
}

/** The line that nests deepest (indentation, then `- `, `[` and `{` openings), for a file too deep to parse. */
function deepestLine(text: string): Place {
  let best = { line: 1, column: 1, depth: -1 };
  text.split('\n').forEach((line, i) => {
    const indent = /^[ \t]*/u.exec(line)![0].length;
    const openings = (/^(?:[ \t]*-[ \t]+)*/u.exec(line)![0].match(/-/gu)?.length ?? 0) + (line.match(/[[{]/gu)?.length ?? 0);
    if (indent + openings > best.depth) best = { line: i + 1, column: indent + 1, depth: indent + openings };
  });
  return { line: best.line, column: best.column };
}

/** Parses YAML text into a validated value, or returns undefined after reporting why not. */
export function parseDataText<T extends z.ZodType>(schema: T, text: string, name: string, diagnostics: Diagnostics): DataFile<z.infer<T>> | undefined {
  try {
    return parseValidated(schema, text, name, diagnostics);
  } catch (error) {
    // Nesting thousands of levels deep exhausts the parser's stack (or the schema's): say where, not how.
    if (!(error instanceof RangeError)) throw error;
    diagnostics.error('Unexpected nesting too deep to read (thousands of levels), expected a data file nested a few levels deep', { file: name, place: deepestLine(text), ruleId: 'yaml-too-deep' });
    return undefined;
  }
}

/**
 * The parses of the files read so far, by name, when a process reads the same files again and
 * again (`npm run dev` runs the content stage at every save, and only the saved file changed).
 * A parse is used again only for the same text, and nothing changes a parsed document.
 */
let kept: Map<string, { text: string; doc: ReturnType<typeof parseDocument>; lineCounter: LineCounter }> | undefined;

/** Keep each file's parse for the next read of the same text (a build reads each file once, and keeps none). */
export function keepParses(): void {
  kept ??= new Map();
}

/** A YAML text parsed with its line counter: kept (see keepParses) under `name`, the path as shown in messages. */
export function parsedYaml(text: string, name: string): { doc: ReturnType<typeof parseDocument>; lineCounter: LineCounter } {
  const old = kept?.get(name);
  if (old?.text === text) return old;
  const lineCounter = new LineCounter();
  const parsed = { text, doc: parseDocument(text, { lineCounter, prettyErrors: false }), lineCounter };
  if (parsed.doc.errors.length === 0) kept?.set(name, parsed);
  else kept?.delete(name);
  return parsed;
}

function parseValidated<T extends z.ZodType>(schema: T, text: string, name: string, diagnostics: Diagnostics): DataFile<z.infer<T>> | undefined {
  const { doc, lineCounter } = parsedYaml(text, name);
  if (doc.errors.length > 0) {
    // The parser caught the stack running out itself (where it does depends on the stack left).
    if (doc.errors.some((e) => /maximum call stack/iu.test(e.message))) throw new RangeError('Maximum call stack size exceeded');
    for (const error of doc.errors) {
      const pos = lineCounter.linePos(error.pos[0]);
      diagnostics.error(`Unexpected YAML syntax: ${error.message.split('\n')[0]}`, { file: name, place: { line: pos.line, column: pos.col }, ruleId: 'invalid-yaml' });
    }
    return undefined;
  }
  if (!checkStrings(doc, text, lineCounter, name, diagnostics)) return undefined;
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
