/**
 * Stage 4: the clause model. Assembles a recipe's segments into paragraphs (joining
 * split ones), reads each paragraph's numbering, and derives clause ids, parents and
 * headings exactly as CONTRACT.md says. Numbering errors are located in the source.
 */
import type { Localized } from '../../../src/schemas/common';
import type { Note } from '../../../src/schemas/document';
import type { Diagnostics, Place } from '../core/diagnostics';
import { diagnostic } from '../core/diagnostics';
import { normaliseZh, stripMarkdown } from './normalise';
import { CLAUSE_END, readMarker, splitInlineHeading, type MarkerKind } from './numbering';
import type { SourceFile } from './sources';

/** One source line's contribution to a paragraph. */
export interface Part {
  file: string;
  line: number;
  /** 1-based column where the content starts in the raw line. */
  column: number;
  /** The line without indentation or Markdown markup, not yet normalised. */
  content: string;
}

export interface Paragraph {
  parts: Part[];
  /** Editorial notes from the recipe (joins, moves) that land on this paragraph. */
  notes: Note[];
}

export interface SegmentLike {
  file: string;
  lines: [number, number];
  join?: 'previous';
  reason?: Localized;
  split?: { line: number; after: string; reason: Localized }[];
}

/** A clause before translation: Chinese only. */
export interface DraftClause {
  id: string;
  parent: string | null;
  number?: string;
  heading?: string;
  text: string;
  source: { file: string; lines: [number, number] }[];
  notes: Note[];
  /** Where the clause starts, for messages. */
  place: { file: string } & Place;
  /** Source name for messages. */
  sourceName: string;
}

const BLANK = /^[\s\u00a0\u3000]*$/u;

/** Turns segments into paragraphs: one per non-blank line, joined where a segment says so. */
export function assembleParagraphs(segments: SegmentLike[], sources: Map<string, SourceFile>, recipeName: string, locate: (path: (string | number)[]) => Place | undefined, list: string, diagnostics: Diagnostics): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  segments.forEach((segment, s) => {
    const source = sources.get(segment.file);
    if (!source) return;
    let first = true;
    const last = Math.min(segment.lines[1], source.lines.length);
    for (let line = segment.lines[0]; line <= last; line++) {
      const raw = source.lines[line - 1]!;
      if (BLANK.test(raw)) continue;
      const content = (source.format === 'markdown' ? stripMarkdown(raw) : raw).replace(/^[\s\u00a0\u3000]+/u, '');
      const column = source.format === 'markdown' ? raw.search(/[^\s#*\u00a0\u3000]/u) + 1 : raw.search(/[^\s\u00a0\u3000]/u) + 1;
      const pieces = splitLine({ file: segment.file, line, column, content }, segment, s, recipeName, locate, list, diagnostics);
      const note = first && segment.reason ? [{ kind: 'editorial' as const, zh: segment.reason.zh, en: segment.reason.en }] : [];
      const [part, ...rest] = pieces;
      if (first && segment.join === 'previous') {
        const previous = paragraphs[paragraphs.length - 1];
        if (!previous) {
          diagnostics.error('Unexpected `join: previous` on the first segment, expected a paragraph before it to join', { file: recipeName, place: locate([list, s, 'join']), ruleId: 'join-without-previous' });
        } else {
          previous.parts.push(part!.part);
          previous.notes.push(...note);
        }
      } else {
        paragraphs.push({ parts: [part!.part], notes: note });
      }
      for (const piece of rest) paragraphs.push({ parts: [piece.part], notes: piece.notes });
      first = false;
    }
    segment.split?.forEach((split, i) => {
      if (split.line < segment.lines[0] || split.line > last) {
        diagnostics.error(`Unexpected split at line ${split.line}, expected a line of this segment (${segment.lines[0]}-${segment.lines[1]})`, { file: recipeName, place: locate([list, s, 'split', i, 'line']), ruleId: 'split-outside-segment' });
      }
    });
    if (first) {
      diagnostics.error(`Unexpected segment without text (lines ${segment.lines[0]}-${segment.lines[1]} are blank), expected at least one line of text`, { file: recipeName, place: locate([list, s, 'lines']), ruleId: 'empty-segment' });
    }
  });
  return paragraphs;
}

/**
 * Cuts a line where the segment's `split` says a paragraph ends inside it. Each piece after
 * the first starts a paragraph and carries the split's reason as an editorial note.
 */
function splitLine(part: Part, segment: SegmentLike, s: number, recipeName: string, locate: (path: (string | number)[]) => Place | undefined, list: string, diagnostics: Diagnostics): { part: Part; notes: Note[] }[] {
  const pieces = [{ part, notes: [] as Note[] }];
  segment.split?.forEach((split, i) => {
    if (split.line !== part.line) return;
    const current = pieces[pieces.length - 1]!.part;
    const at = current.content.indexOf(split.after);
    if (at < 0 || current.content.indexOf(split.after, at + 1) >= 0) {
      diagnostics.error(`Unexpected split text \`${split.after}\` ${at < 0 ? 'not found' : 'found more than once'} in line ${split.line}, expected it exactly once (the paragraph ends after it)`, { file: recipeName, place: locate([list, s, 'split', i, 'after']), ruleId: 'split-text' });
      return;
    }
    const end = at + split.after.length;
    const tail = current.content.slice(end);
    const lead = tail.length - tail.replace(/^[\s\u00a0\u3000]+/u, '').length;
    if (!tail.slice(lead)) {
      diagnostics.error(`Unexpected split at the end of line ${split.line}, expected text after \`${split.after}\` to start the next paragraph`, { file: recipeName, place: locate([list, s, 'split', i, 'after']), ruleId: 'split-text' });
      return;
    }
    pieces[pieces.length - 1]!.part = { ...current, content: current.content.slice(0, end) };
    pieces.push({ part: { ...current, column: current.column + end + lead, content: tail.slice(lead) }, notes: [{ kind: 'editorial', zh: split.reason.zh, en: split.reason.en }] });
  });
  return pieces;
}

/** Merges the lines of a paragraph into inclusive ranges per file, in reading order. */
function sourceRanges(parts: Part[]): { file: string; lines: [number, number] }[] {
  const ranges: { file: string; lines: [number, number] }[] = [];
  for (const part of parts) {
    const last = ranges[ranges.length - 1];
    if (last && last.file === part.file && last.lines[1] + 1 === part.line) last.lines[1] = part.line;
    else ranges.push({ file: part.file, lines: [part.line, part.line] });
  }
  return ranges;
}

export interface ParseOptions {
  /** Numbered lines read `heading。body`. */
  inlineHeadings: boolean;
  /** Clause ids whose line is a sentence, not a heading, though it lacks closing punctuation. */
  notHeadings: Set<string>;
}

interface Open {
  id: string;
  kind: MarkerKind;
}

/** Reads numbering and derives the clause model from paragraphs in reading order. */
export function parseClauses(paragraphs: Paragraph[], sources: Map<string, SourceFile>, options: ParseOptions, diagnostics: Diagnostics): DraftClause[] {
  const clauses: DraftClause[] = [];
  const path: Open[] = [];
  const lastNumber = new Map<string, number>();
  const seen = new Map<string, DraftClause>();
  const paragraphCount = new Map<string, number>();

  for (const paragraph of paragraphs) {
    const first = paragraph.parts[0]!;
    const sourceName = sources.get(first.file)?.name ?? first.file;
    const place = { file: first.file, line: first.line, column: first.column };
    const raw = paragraph.parts.map((p) => p.content).join('');
    const marker = readMarker(raw);
    const base = { source: sourceRanges(paragraph.parts), notes: [...paragraph.notes], place, sourceName };

    if (!marker) {
      const parent = path[path.length - 1]?.id ?? null;
      const key = parent ?? 'preamble';
      const n = (paragraphCount.get(key) ?? 0) + 1;
      paragraphCount.set(key, n);
      clauses.push({ id: `${key}.p${n}`, parent, text: normaliseZh(raw), ...base });
      continue;
    }

    let level: number;
    let parent: string | null;
    let id: string;
    if (marker.kind === 'decimal') {
      const segments = marker.segments!;
      level = segments.length - 1;
      parent = segments.slice(0, -1).join('.');
      id = segments.join('.');
      const actualParent = path[level - 1]?.id;
      if (actualParent !== parent) {
        diagnostics.error(`Unexpected clause ${id} under ${actualParent ?? 'the top level'}, expected it under ${parent}`, { file: sourceName, place, ruleId: 'numbering-parent' });
      }
    } else {
      const found = path.findIndex((open) => open.kind === marker.kind);
      level = found >= 0 ? found : path.length;
      parent = level > 0 ? path[level - 1]!.id : null;
      id = parent ? `${parent}.${marker.value}` : `${marker.value}`;
    }
    path.length = level;
    path.push({ id, kind: marker.kind });

    const key = `${parent ?? ''}|${marker.kind}`;
    const expected = (lastNumber.get(key) ?? 0) + 1;
    const firstClause = seen.get(id);
    const where = parent ? ` under ${parent}` : '';
    if (firstClause) {
      const cause = diagnostic(`Clause ${id} first numbered here`, { file: firstClause.sourceName, place: firstClause.place, ruleId: 'duplicate-clause-id' });
      diagnostics.error(`Unexpected second clause numbered \`${marker.printed}\` (id ${id}), expected ${expected}${where}`, { file: sourceName, place, ruleId: 'duplicate-clause-id', cause });
    } else if (marker.value > expected) {
      diagnostics.error(`Unexpected number \`${marker.printed}\` (${marker.value})${where}, expected ${expected}: a number is missing`, { file: sourceName, place, ruleId: 'numbering-gap' });
    } else if (marker.value < expected) {
      diagnostics.error(`Unexpected number \`${marker.printed}\` (${marker.value})${where} after ${expected - 1}, expected ${expected}: the numbers are out of order`, { file: sourceName, place, ruleId: 'numbering-out-of-order' });
    }
    lastNumber.set(key, Math.max(lastNumber.get(key) ?? 0, marker.value));

    const rest = normaliseZh(raw.slice(marker.length));
    const clause: DraftClause = { id, parent, number: normaliseZh(marker.printed), text: '', ...base };
    if (!rest) {
      diagnostics.error(`Unexpected number \`${marker.printed}\` with nothing after it, expected a heading or text`, { file: sourceName, place, ruleId: 'empty-clause' });
    } else if (options.notHeadings.has(id)) {
      clause.text = rest;
    } else if (!CLAUSE_END.test(rest)) {
      clause.heading = rest;
    } else {
      const inline = options.inlineHeadings ? splitInlineHeading(rest) : undefined;
      if (inline) {
        clause.heading = inline.heading;
        clause.text = inline.body;
      } else {
        clause.text = rest;
      }
    }
    if (!firstClause) seen.set(id, clause);
    clauses.push(clause);
  }
  return clauses;
}
