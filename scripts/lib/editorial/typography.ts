/**
 * Stage: typography (issue 27). The edition's own prose (the English of every clause, titles,
 * notes, reasons, judgements, glossary, names register and the sources' descriptions) uses curly quotation marks and
 * apostrophes: “ ” for quotations, ‘ ’ for quotations inside them and for glosses, ’ for the
 * apostrophe. A straight " or ' is a warning located at the character. What belongs to someone
 * else is left alone: the readings of the sources (variant readings, a recipe's `after`), and
 * the publications cited as evidence (their titles, the words quoted from them, a name's published form).
 *
 * The edition's own Chinese (a note's, definition's, reason's or judgement's) joins two Chinese names with
 * the 一字线 — (中国—东盟, docs/reading.md, "Connectors"); a hyphen there is a warning located
 * at the character. The sources' forms stay as they are inside the marks that quote them
 * (“中国-东盟命运共同体”, 《…》, ‘…’), and so do the glossary's and the names register's own
 * Chinese forms and the recipes' reasons, which are the sources' words. The same Chinese sets an
 * English word or abbreviation apart from the Chinese beside it with a space (译作 ASEAN Plus
 * Three, 第15次 SOM-DOC; the design review found both ways, item 9); a clause reference is
 * exempt, since the page sets its Chinese label against the Chinese beside it.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type Node } from 'yaml';
import { parsedYaml } from '../core/data-file';
import type { Diagnostics } from '../core/diagnostics';
import { display, type ProjectPaths } from '../core/paths';

/** Keys whose values are not the edition's prose: source readings, addresses, the evidence's own words. */
const NOT_PROSE = new Set(['evidence', 'url', 'base', 'witness', 'witnessOriginal', 'after', 'pattern', 'published']);

/** The data files whose prose is checked, relative to content/. */
export async function proseFiles(paths: ProjectPaths): Promise<string[]> {
  const content = path.join(paths.root, 'content');
  const files: string[] = [];
  for (const dir of ['translations', 'recipes', 'variants']) {
    const full = path.join(content, dir);
    if (!existsSync(full)) continue;
    for (const f of (await readdir(full)).sort()) if (f.endsWith('.yaml') && !f.endsWith('.reviews.yaml')) files.push(path.join(full, f));
  }
  for (const f of ['glossary.yaml', 'names.yaml', 'changes.yaml', 'links.yaml', 'sources/manifest.yaml']) if (existsSync(path.join(content, f))) files.push(path.join(content, f));
  return files;
}

/** A straight quotation mark in a prose value, at its offset in the file. */
export interface StraightQuote {
  mark: '"' | "'";
  offset: number;
  /** The value's path in the file, e.g. clauses.4.2.5.text. */
  at: (string | number)[];
}

/**
 * The offsets in the file of the straight quotation marks that are part of a scalar's value:
 * a double-quoted scalar's delimiters are syntax, and so are a single-quoted scalar's (whose
 * doubled '' is one apostrophe of the value); a block scalar's header line is skipped.
 */
export function valueQuoteOffsets(source: string, node: Scalar): number[] {
  if (!node.range) return [];
  let [start, end] = node.range;
  const out: number[] = [];
  if (node.type === 'QUOTE_DOUBLE') {
    start++;
    end = source.lastIndexOf('"', end - 1);
    for (let i = start; i < end; i++) {
      if (source[i] === '\\') {
        if (source[i + 1] === '"') out.push(i + 1);
        i++;
      } else if (source[i] === "'") out.push(i);
    }
    return out;
  }
  if (node.type === 'QUOTE_SINGLE') {
    start++;
    end = source.lastIndexOf("'", end - 1);
    for (let i = start; i < end; i++) {
      if (source[i] === "'" && source[i + 1] === "'") {
        out.push(i);
        i++;
      } else if (source[i] === '"') out.push(i);
    }
    return out;
  }
  if (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL') start = source.indexOf('\n', start) + 1;
  for (let i = start; i < end; i++) if (source[i] === '"' || source[i] === "'") out.push(i);
  return out;
}

/** Every string scalar of a YAML file's prose (not under a NOT_PROSE key), with its path; `parsed` is the source's parse, if the caller has one. */
function proseScalars(source: string, parsed: Document = parseDocument(source)): { node: Scalar; at: (string | number)[] }[] {
  const found: { node: Scalar; at: (string | number)[] }[] = [];
  const walk = (node: Node | null | undefined, at: (string | number)[]) => {
    if (!node) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (NOT_PROSE.has(key)) continue;
        walk(pair.value as Node, [...at, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item as Node, [...at, i]));
    } else if (isScalar(node) && typeof node.value === 'string') {
      found.push({ node, at });
    }
  };
  walk(parsed.contents as Node, []);
  return found;
}

/** Every straight quotation mark in the prose values of a YAML file. */
export function straightQuotes(source: string, parsed?: Document): StraightQuote[] {
  return proseScalars(source, parsed).flatMap(({ node, at }) => valueQuoteOffsets(source, node).map((offset) => ({ mark: source[offset] === '"' ? '"' as const : "'" as const, offset, at })));
}

/** A place in the edition's own Chinese prose: an offset in the file and the value's path (e.g. notes.3.zh). */
export interface ChineseProsePlace {
  offset: number;
  at: (string | number)[];
}

/** The maps whose `zh` is the edition's own Chinese prose: a definition, a note, a reason, a judgement. */
const CHINESE_PROSE_IN = new Set(['definition', 'note', 'reason', 'judgement']);
const isChineseProse = (at: (string | number)[]) => at.at(-1) === 'zh' && (CHINESE_PROSE_IN.has(String(at.at(-2))) || (typeof at.at(-2) === 'number' && at.at(-3) === 'notes'));
const QUOTING: Record<string, string> = { '“': '”', '‘': '’', '《': '》' };
/** A clause reference (document#clause): the page shows a Chinese label for it, set against the Chinese beside it. */
const REFERENCE = /[a-z0-9]+(?:-[a-z0-9]+)*#[A-Za-z0-9.]*[A-Za-z0-9]/gu;

/**
 * The edition's own Chinese prose as it stands in the file, outside the marks that quote a
 * source's form (“…”, ‘…’, 《…》) and with each clause reference blanked (NUL, its length kept):
 * `text` is the file's text from `offset`, so a place in it is a place in the file. Its characters
 * need no escaping, and a folded line break stands where the value has a space.
 */
function chineseProse(source: string, parsed?: Document): { text: string; offset: number; at: (string | number)[] }[] {
  const runs: { text: string; offset: number; at: (string | number)[] }[] = [];
  for (const { node, at } of proseScalars(source, parsed)) {
    if (!node.range || !isChineseProse(at)) continue;
    let [start] = node.range;
    const end = node.range[1];
    if (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL') start = source.indexOf('\n', start) + 1;
    let text = '';
    const closing: string[] = [];
    for (let i = start; i < end; i++) {
      const c = source[i]!;
      if (closing.length && c === closing.at(-1)) closing.pop();
      else if (QUOTING[c]) closing.push(QUOTING[c]!);
      text += closing.length || QUOTING[c] || c === '”' || c === '’' || c === '》' ? '\u0000' : c;
    }
    runs.push({ text: text.replace(REFERENCE, (r) => '\u0000'.repeat(r.length)), offset: start, at });
  }
  return runs;
}

/** The hyphens (- ‐ ‑ –) between two Chinese characters in the edition's own Chinese prose, at the hyphen; `prose` is the file's, if the caller has it. */
export function chineseConnectors(source: string, prose = chineseProse(source)): ChineseProsePlace[] {
  return prose.flatMap(({ text, offset, at }) => [...text.matchAll(/(?<=\p{Script=Han})[-\u2010\u2011\u2013](?=\p{Script=Han})/gu)].map((m) => ({ offset: offset + m.index, at })));
}

/** Each Latin letter set directly against a Chinese character in the edition's own Chinese prose, at the second of the two (where the space goes); `prose` as above. */
export function mixedScriptJoins(source: string, prose = chineseProse(source)): ChineseProsePlace[] {
  return prose.flatMap(({ text, offset, at }) => [...text.matchAll(/(?<=\p{Script=Han})[A-Za-z]|(?<=[A-Za-z])\p{Script=Han}/gu)].map((m) => ({ offset: offset + m.index, at })));
}

/**
 * Warns at every straight quotation mark in the edition's prose, and in its Chinese at every
 * hyphen between Chinese names and every Latin word set against a Chinese character; returns the
 * number of files, marks, hyphens and joins.
 */
export async function checkTypography(paths: ProjectPaths, diagnostics: Diagnostics): Promise<{ files: number; straight: number; connectors: number; joins: number }> {
  const files = await proseFiles(paths);
  let straight = 0;
  let connectors = 0;
  let joins = 0;
  for (const file of files) {
    const source = await readFile(file, 'utf8');
    // One parse serves the line counter and every check of the file.
    const { doc: parsed, lineCounter: lines } = parsedYaml(source, display(paths.root, file));
    for (const q of straightQuotes(source, parsed)) {
      straight++;
      const pos = lines.linePos(q.offset);
      const expected = q.mark === '"' ? '“ or ”' : '’ (an apostrophe or closing quotation mark) or ‘';
      diagnostics.warn(`Unexpected straight quotation mark ${q.mark} in ${q.at.join('.')}, expected ${expected}`, { file: display(paths.root, file), place: { line: pos.line, column: pos.col }, ruleId: 'straight-quote' });
    }
    // A recipe's reasons describe the sources' lines in the sources' own words (a newsletter's masthead).
    if (file.includes(`${path.sep}recipes${path.sep}`)) continue;
    // The file's Chinese prose, read once for both checks.
    const prose = chineseProse(source, parsed);
    for (const c of chineseConnectors(source, prose)) {
      connectors++;
      const pos = lines.linePos(c.offset);
      diagnostics.warn(`Unexpected hyphen ${source[c.offset]} between Chinese names in ${c.at.join('.')}, expected the dash — (the edition's Chinese writes 中国—东盟; a source's own form stays inside “…”)`, { file: display(paths.root, file), place: { line: pos.line, column: pos.col }, ruleId: 'chinese-connector' });
    }
    for (const j of mixedScriptJoins(source, prose)) {
      joins++;
      const pos = lines.linePos(j.offset);
      diagnostics.warn(`Unexpected ${source[j.offset]} directly after ${source[j.offset - 1]} in ${j.at.join('.')}, expected a space between Chinese and a Latin word (the edition's Chinese sets them apart: 译作 ASEAN Plus Three, RCEP 领导人会议)`, { file: display(paths.root, file), place: { line: pos.line, column: pos.col }, ruleId: 'mixed-script-space' });
    }
  }
  return { files: files.length, straight, connectors, joins };
}
