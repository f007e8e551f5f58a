/**
 * Stage: typography (issue 27). The edition's own prose (the English of every clause, titles,
 * notes, reasons, judgements, glossary and names register) uses curly quotation marks and
 * apostrophes: “ ” for quotations, ‘ ’ for quotations inside them and for glosses, ’ for the
 * apostrophe. A straight " or ' is a warning located at the character. What belongs to someone
 * else is left alone: the readings of the sources (variant readings, a recipe's `after`), and
 * the publications cited as evidence (their titles, the words quoted from them, a name's published form).
 *
 * The edition's own Chinese (a note's, a definition's, a reason's) joins two Chinese names with
 * the 一字线 — (中国—东盟, docs/reading.md, "Connectors"); a hyphen there is a warning located
 * at the character. The sources' forms stay as they are inside the marks that quote them
 * (“中国-东盟命运共同体”, 《…》, ‘…’), and so do the glossary's and the names register's own
 * Chinese forms and the recipes' reasons, which are the sources' words.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node } from 'yaml';
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
  for (const f of ['glossary.yaml', 'names.yaml', 'changes.yaml', 'links.yaml']) if (existsSync(path.join(content, f))) files.push(path.join(content, f));
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

/** Every straight quotation mark in the prose values of a YAML file. */
export function straightQuotes(source: string): StraightQuote[] {
  const doc = parseDocument(source);
  const found: StraightQuote[] = [];
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
      for (const offset of valueQuoteOffsets(source, node)) found.push({ mark: source[offset] === '"' ? '"' : "'", offset, at });
    }
  };
  walk(doc.contents as Node, []);
  return found;
}

/** A hyphen between two Chinese characters of the edition's own Chinese prose, at its offset in the file. */
export interface ChineseConnector {
  offset: number;
  /** The value's path in the file, e.g. notes.3.zh. */
  at: (string | number)[];
}

/** The maps whose `zh` is the edition's own Chinese prose: a definition, a note, a reason, a judgement. */
const CHINESE_PROSE_IN = new Set(['definition', 'note', 'reason', 'judgement']);
const isChineseProse = (at: (string | number)[]) => at.at(-1) === 'zh' && (CHINESE_PROSE_IN.has(String(at.at(-2))) || (typeof at.at(-2) === 'number' && at.at(-3) === 'notes'));
const HAN = /\p{Script=Han}/u;
const OPENING: Record<string, string> = { '“': '”', '‘': '’', '《': '》' };

/**
 * The hyphens (- ‐ ‑ –) between two Chinese characters in the edition's own Chinese prose,
 * outside the marks that quote a source's form. The scalar's text is read where it stands in
 * the file (its characters need no escaping), so each offset is the character's own.
 */
export function chineseConnectors(source: string): ChineseConnector[] {
  const doc = parseDocument(source);
  const found: ChineseConnector[] = [];
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
    } else if (isScalar(node) && typeof node.value === 'string' && node.range && isChineseProse(at)) {
      let [start] = node.range;
      const end = node.range[1];
      if (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL') start = source.indexOf('\n', start) + 1;
      const closing: string[] = [];
      for (let i = start; i < end; i++) {
        const c = source[i]!;
        if (closing.length && c === closing.at(-1)) closing.pop();
        else if (OPENING[c]) closing.push(OPENING[c]!);
        else if (!closing.length && /[-\u2010\u2011\u2013]/u.test(c) && HAN.test(source[i - 1] ?? '') && HAN.test(source[i + 1] ?? '')) found.push({ offset: i, at });
      }
    }
  };
  walk(doc.contents as Node, []);
  return found;
}

/** Warns at every straight quotation mark in the edition's prose and every hyphen between Chinese names in its Chinese; returns the number of files, marks and hyphens. */
export async function checkTypography(paths: ProjectPaths, diagnostics: Diagnostics): Promise<{ files: number; straight: number; connectors: number }> {
  const files = await proseFiles(paths);
  let straight = 0;
  let connectors = 0;
  for (const file of files) {
    const source = await readFile(file, 'utf8');
    const lines = new LineCounter();
    parseDocument(source, { lineCounter: lines });
    for (const q of straightQuotes(source)) {
      straight++;
      const pos = lines.linePos(q.offset);
      const expected = q.mark === '"' ? '“ or ”' : '’ (an apostrophe or closing quotation mark) or ‘';
      diagnostics.warn(`Unexpected straight quotation mark ${q.mark} in ${q.at.join('.')}, expected ${expected}`, { file: display(paths.root, file), place: { line: pos.line, column: pos.col }, ruleId: 'straight-quote' });
    }
    // A recipe's reasons describe the sources' lines in the sources' own words (a newsletter's masthead).
    for (const c of file.includes(`${path.sep}recipes${path.sep}`) ? [] : chineseConnectors(source)) {
      connectors++;
      const pos = lines.linePos(c.offset);
      diagnostics.warn(`Unexpected hyphen ${source[c.offset]} between Chinese names in ${c.at.join('.')}, expected the dash — (the edition's Chinese writes 中国—东盟; a source's own form stays inside “…”)`, { file: display(paths.root, file), place: { line: pos.line, column: pos.col }, ruleId: 'chinese-connector' });
    }
  }
  return { files: files.length, straight, connectors };
}
