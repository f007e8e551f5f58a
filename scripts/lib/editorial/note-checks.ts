/**
 * Checks of the edition's own prose (translation and context notes, recipe notes and reasons,
 * glossary definitions, notes and exceptions, variant judgements) against the edition itself:
 * - `rendering-not-used`: a statement that a term "is rendered" / 译作 / 译为 a quoted English form
 *   names a form the edition's English uses, in the clauses the item cites (and the clause it is
 *   attached to), or anywhere when it cites none;
 * - `non-canonical-reference`: clauses are referred to only as `document#clause`
 *   (src/lib/citation/references.ts), never as "clauses 11 and 14", "(5.2.p1)" or 第十一段;
 * - `unknown-source-line`: "source 001 line 3" / 来源001第3行 names a line that exists;
 * - `quotation-not-in-english` (issue 27): every quotation of English in a translation or context
 *   note stands in the English of its clause or of the clauses its sentence cites, unless the
 *   sentence says it is another text's English or a literal or hypothetical rendering;
 * - `quotation-not-in-source` (issue 27): a quotation of Chinese in a sentence that names source
 *   lines stands in one of those lines, as received or as displayed.
 * Whether a note is true of its clauses beyond that is for an editor to verify by reading.
 * The prose read is collected by note-texts.ts; the patterns of the two reference checks are
 * note-references.ts; this module runs every check.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { findReferences } from '../../../src/lib/citation/references';
import type { DocumentData } from '../../../src/schemas/document';
import type { Diagnostics, Place } from '../core/diagnostics';
import type { SourceFile } from '../sources/sources';
import { normaliseZh } from '../sources/normalise';
import { collectNoteTexts, type NoteCheckInput, type NoteText } from './note-texts';
import { nonCanonicalReferences, sourceLineRanges, sourceLineReferences } from './note-references';

export { collectNoteTexts, type NoteCheckInput, type NoteText } from './note-texts';
export { nonCanonicalReferences, sourceLineRanges, sourceLineReferences } from './note-references';

/** A finding inside a note: the offending text and its offset in the note. */
export interface NoteFinding {
  ruleId: 'rendering-not-used' | 'non-canonical-reference' | 'unknown-source-line' | 'quotation-not-in-english' | 'quotation-not-in-source';
  index: number;
  match: string;
  reason: string;
}

// ── rendering statements ──────────────────────────────────────────────────────────────────

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const LATIN = /[A-Za-z]/u;
const CLOSING: Record<string, string> = { '"': '"', '“': '”', '‘': '’', "'": "'" };

/** A quoted span starting at `at` (which holds an opening quote), or undefined. */
function quoted(text: string, at: number): { form: string; end: number } | undefined {
  const open = text[at]!;
  const close = CLOSING[open];
  if (!close) return undefined;
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] !== close) continue;
    // An apostrophe inside a word (Platform’s) does not close a single-quoted form.
    if ((open === "'" || open === '‘') && LATIN.test(text[i + 1] ?? '') && LATIN.test(text[i - 1] ?? '')) continue;
    return { form: text.slice(at + 1, i), end: i + 1 };
  }
  return undefined;
}

/** An unquoted Latin-script run, as zh notes write renderings (译作 farm inputs；). */
const LATIN_RUN = /[A-Za-z][A-Za-z0-9 '’"\-.,&/()…]*/uy;

/** The English forms a note states a term is rendered by, with their offsets. */
export function renderingForms(text: string, language: 'en' | 'zh'): { form: string; index: number }[] {
  const keyword = language === 'en'
    ? /(?<!\b(?:could|would|might|may|should) be )\brendered\b/giu
    : /(?<![可应或])译(?:作|为)/gu;
  const found: { form: string; index: number }[] = [];
  for (const m of text.matchAll(keyword)) {
    let at = m.index + m[0].length;
    if (language === 'en') {
      // An aside may stand between the verb and the form ("rendered, as throughout the edition, '…'"),
      // but not the end of a sentence.
      const window = /^[^'"“‘.;:!?。；]{0,80}/u.exec(text.slice(at))![0];
      at += window.length;
    } else {
      at += /^\s*/u.exec(text.slice(at))![0].length;
    }
    for (;;) {
      const q = quoted(text, at);
      let form: string | undefined;
      let end = at;
      if (q) ({ form, end } = q);
      else if (language === 'zh') {
        LATIN_RUN.lastIndex = at;
        const run = LATIN_RUN.exec(text);
        if (run) {
          form = run[0].replace(/[\s,.]+$/u, '');
          end = at + run[0].length;
        }
      }
      if (form === undefined || CJK.test(form) || !LATIN.test(form)) break;
      found.push({ form, index: q ? at + 1 : at });
      // A list of forms: 'food supply chains' and 'food security'; food supply chains、food security.
      const next = (language === 'en' ? /^(?:,\s*|\s+)(?:and|or)?\s*(?=['"“‘])|^,\s*(?=['"“‘])/u : /^\s*[、和或]\s*/u).exec(text.slice(end));
      if (!next) break;
      at = end + next[0].length;
    }
  }
  return found;
}

/** Lower case, one kind of quote, dash and space: how a stated form is compared with the English. */
function fold(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[‘’`]/gu, "'")
    // Quotation marks around a name in the English ("COC") are typography, not the form.
    .replace(/[“”"]/gu, '')
    .replace(/[‐‑‒–—]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** A form as it is compared: folded, outer quotes dropped, split at `…` or `...` (which stand for any text). */
function formParts(form: string): string[] {
  return fold(form).replace(/^['"]|['"]$/gu, '').split(/\s*(?:…|\.\.\.)\s*/u).filter(Boolean);
}

/** Whether folded `english` contains the parts in order (a form with no parts is in no text). */
function containsParts(english: string, parts: string[]): boolean {
  let from = 0;
  for (const part of parts) {
    const at = english.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return parts.length > 0;
}

// ── quotations ───────────────────────────────────────────────────────────────────────────

/** Every outermost quotation of a text (“…”, ‘…’, "…", '…'), with the offset of its first character. */
export function quotations(text: string): { form: string; index: number }[] {
  const found: { form: string; index: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!CLOSING[ch]) continue;
    // A straight ' after a letter is an apostrophe, not an opening mark.
    if (ch === "'" && LATIN.test(text[i - 1] ?? '')) continue;
    const q = quoted(text, i);
    if (!q) continue;
    found.push({ form: q.form, index: i + 1 });
    i = q.end - 1;
  }
  return found;
}

/**
 * Words before a quotation (in its sentence, after the quotation before it) that say it is not
 * the edition's English: another text's English, a literal gloss, a hypothetical rendering.
 */
const NOT_OURS = {
  en: /\b(?:literally|literal|word for word|would|could|might|official(?:ly)?|published|reads|reported|titled|Xinhua|owner’s|sources|formerly|version|means?)\b/iu,
  zh: /字面|官方|原文|若|则应|意为|意即|通行|英文文献|发布/u,
};

/** Quotations of English in a translator's note that are not in the English they describe. */
function driftingQuotations(note: NoteText, english: EditionEnglish, references: ReturnType<typeof findReferences>, checked: Set<number>): NoteFinding[] {
  const findings: NoteFinding[] = [];
  const own = note.document && note.clause ? [`${note.document}#${note.clause}`] : [];
  let previousEnd = 0;
  let previousForeign = false;
  let previousSentence = -1;
  for (const { form, index } of quotations(note.text)) {
    const [from, to] = sentenceAround(note.text, index, note.language);
    if (from !== previousSentence) {
      previousEnd = from;
      previousForeign = false;
      previousSentence = from;
    }
    const lead = note.text.slice(previousEnd, index - 1);
    // A lead of punctuation and "and"/"or" only continues a list: the list's marker holds.
    const foreign: boolean = /[\p{L}\u3400-\u9fff]/u.test(lead.replace(/\b(?:and|or)\b|[和或及、]/gu, '')) ? NOT_OURS[note.language].test(lead) : previousForeign;
    previousEnd = index + form.length + 1;
    previousForeign = foreign;
    if (foreign || checked.has(index) || CJK.test(form) || !LATIN.test(form)) continue;
    const cited = references.filter((r) => r.index >= from && r.index < to).map((r) => `${r.document}#${r.clause}`);
    const scope = [...new Set([...own, ...cited])];
    if (scope.length === 0 || english.has(form, scope)) continue;
    findings.push({ ruleId: 'quotation-not-in-english', index, match: form, reason: `Unexpected quotation “${form}”, which the English of ${scope.join(', ')} does not print, expected the English as it stands (or words before it that say whose English it is: literally, official, published …)` });
  }
  return findings;
}

/** Quotations of Chinese in a sentence that names source lines, which none of those lines has. */
function misquotedLines(note: NoteText, sources: Map<string, SourceFile>): NoteFinding[] {
  const findings: NoteFinding[] = [];
  const { byNumber, byFile } = sourceIndex(sources);
  const refs = sourceLineRanges(note.text, note.defaultSource);
  if (refs.length === 0) return findings;
  for (const { form, index } of quotations(note.text)) {
    if (!CJK.test(form)) continue;
    const [from, to] = sentenceAround(note.text, index, note.language);
    const lines = refs.filter((r) => r.index >= from && r.index < to).flatMap((r) => {
      const source = r.source ? (byNumber.get(r.source) ?? byFile.get(r.source)) : undefined;
      // A line of a source the document is not built from is not the document's text to quote.
      if (!source || r.to - r.from > 200 || (note.documentSources && !note.documentSources.has(source.file))) return [];
      return source.lines.slice(r.from - 1, r.to).map((line, i) => ({ line, name: `${r.source!.split('_')[0]} line ${r.from + i}` }));
    });
    if (lines.length === 0) continue;
    const parts = form.split(/…+|\.\.\./u).filter(Boolean);
    const within = (line: string) => {
      let at = 0;
      for (const part of parts) {
        const found = line.indexOf(part, at);
        if (found < 0) return false;
        at = found + part.length;
      }
      return true;
    };
    if (lines.some(({ line }) => within(line) || within(normaliseZh(line)))) continue;
    findings.push({ ruleId: 'quotation-not-in-source', index, match: form, reason: `Unexpected quotation “${form}”, which ${lines.map((l) => `source ${l.name}`).join(' or ')} does not have, expected the line’s words exactly as received or displayed (… for words left out)` });
  }
  return findings;
}

// ── the checks ───────────────────────────────────────────────────────────────────────────

/** Length of the substrings the whole edition's English is indexed by. */
const GRAM = 3;

/**
 * The English a note's renderings are compared with: per clause, and the whole edition.
 *
 * A form looked up in the whole edition is compared only with the texts that hold the rarest
 * of its parts' trigrams (every text holding the form holds each of them): a scan of every
 * clause for every such statement grew with the notes times the clauses (357 s of the 100×
 * benchmark's content stage). The index is built on the first such lookup.
 */
export class EditionEnglish {
  private readonly clauses = new Map<string, string>();
  private readonly all: string[] = [];
  private index?: Map<string, number[]>;

  constructor(documents: DocumentData[], titles: string[] = []) {
    for (const d of documents) {
      for (const c of d.clauses) {
        const english = fold([c.heading?.en ?? '', c.text.en].join(' '));
        this.clauses.set(`${d.id}#${c.id}`, english);
        this.all.push(english);
      }
    }
    this.all.push(...titles.map(fold));
  }

  /** Whether the form occurs in one of the clauses named (`document#clause`), or anywhere if none. */
  has(form: string, scope: string[]): boolean {
    const parts = formParts(form);
    if (scope.length > 0) return scope.some((k) => containsParts(this.clauses.get(k) ?? '', parts));
    const candidates = this.candidates(parts);
    if (candidates === 'all') return this.all.some((t) => containsParts(t, parts));
    // One by one, to the first that holds the form, not listed whole first: a form the English
    // uses is found at once, however many texts share its rarest trigram.
    for (const i of candidates) if (containsParts(this.all[i]!, parts)) return true;
    return false;
  }

  /** The texts of the whole edition that may hold all the parts (those with the parts' rarest trigram), by number; 'all' for parts too short to index. */
  private candidates(parts: string[]): readonly number[] | 'all' {
    const grams = parts.flatMap((p) => Array.from({ length: Math.max(0, p.length - GRAM + 1) }, (_, i) => p.slice(i, i + GRAM)));
    if (grams.length === 0) return 'all';
    const index = (this.index ??= this.buildIndex());
    let rarest: number[] | undefined;
    for (const g of grams) {
      const list = index.get(g);
      if (!list) return [];
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    return rarest!;
  }

  /** Each trigram of the edition's English with the texts that hold it, in order, each once. */
  private buildIndex(): Map<string, number[]> {
    const index = new Map<string, number[]>();
    this.all.forEach((text, i) => {
      for (let at = 0; at + GRAM <= text.length; at++) {
        const gram = text.slice(at, at + GRAM);
        const list = index.get(gram);
        if (!list) index.set(gram, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    });
    return index;
  }
}

/** The sentence of a text around an offset, as [start, end). */
function sentenceAround(text: string, index: number, language: 'en' | 'zh'): [number, number] {
  const end = language === 'en' ? /[.;!?](?=\s+[A-Z0-9《“"'(\u3400-\u9fff]|\s*$)/gu : /[。；！？]/gu;
  let start = 0;
  for (const m of text.matchAll(end)) {
    if (m.index < index) start = m.index + 1;
    else return [start, m.index + 1];
  }
  return [start, text.length];
}

const sourceIndexes = new WeakMap<Map<string, SourceFile>, { byNumber: Map<string, SourceFile>; byFile: Map<string, SourceFile> }>();

/** Sources by their number (`001`, as notes name them) and by file name, built once per build. */
function sourceIndex(sources: Map<string, SourceFile>) {
  let index = sourceIndexes.get(sources);
  if (!index) {
    index = {
      byNumber: new Map([...sources.values()].map((s) => [s.file.split('_')[0]!, s])),
      byFile: new Map([...sources.values()].map((s) => [s.file, s])),
    };
    sourceIndexes.set(sources, index);
  }
  return index;
}

/** Runs the three checks on one piece of prose. */
export function checkNoteText(note: NoteText, english: EditionEnglish, sources: Map<string, SourceFile>): NoteFinding[] {
  const findings: NoteFinding[] = [];
  const references = findReferences(note.text);
  const own = note.document && note.clause ? [`${note.document}#${note.clause}`] : [];
  for (const { form, index } of renderingForms(note.text, note.language)) {
    // The clauses a statement cites are those cited in its sentence (with the clause the note is on).
    const [from, to] = sentenceAround(note.text, index, note.language);
    const cited = references.filter((r) => r.index >= from && r.index < to).map((r) => `${r.document}#${r.clause}`);
    const scope = cited.length > 0 ? [...new Set([...own, ...cited])] : [];
    if (english.has(form, scope)) continue;
    const where = scope.length > 0 ? `the English of ${scope.join(', ')}` : "the edition's English";
    findings.push({ ruleId: 'rendering-not-used', index, match: form, reason: `Unexpected rendering “${form}”, which ${where} does not use, expected the form the English uses (or a corrected English)` });
  }
  for (const { match, index } of nonCanonicalReferences(note.text)) {
    findings.push({ ruleId: 'non-canonical-reference', index, match, reason: `Unexpected clause reference “${match}”, expected the one form document#clause (e.g. lmc-poa-2018-2022#3.p3)` });
  }
  if (note.quotesEnglish) findings.push(...driftingQuotations(note, english, references, new Set(findings.filter((f) => f.ruleId === 'rendering-not-used').map((f) => f.index).concat(renderingForms(note.text, note.language).map((f) => f.index)))));
  findings.push(...misquotedLines(note, sources));
  const { byNumber, byFile } = sourceIndex(sources);
  for (const ref of sourceLineReferences(note.text, note.defaultSource)) {
    const source = ref.source ? (byNumber.get(ref.source) ?? byFile.get(ref.source)) : undefined;
    if (!ref.source) {
      findings.push({ ruleId: 'unknown-source-line', index: ref.index, match: ref.match, reason: `Unexpected line reference “${ref.match}” without a source, expected the source named (e.g. source 001 line 3)` });
    } else if (!source) {
      findings.push({ ruleId: 'unknown-source-line', index: ref.index, match: ref.match, reason: `Unexpected source ${ref.source}, expected a source of content/sources/manifest.yaml` });
    } else if (ref.line < 1 || ref.line > source.lines.length) {
      findings.push({ ruleId: 'unknown-source-line', index: ref.index, match: ref.match, reason: `Unexpected line ${ref.line} of source ${ref.source.split('_')[0]}, expected a line number from 1 to ${source.lines.length} (the file has ${source.lines.length} lines)` });
    }
  }
  return findings;
}

/** Locates text inside a YAML value: the value's start, or where the offending words stand in it. */
export class RawLocator {
  private readonly cache = new Map<string, Promise<{ text: string; doc: ReturnType<typeof parseDocument>; lines: LineCounter }>>();

  constructor(private readonly root: string) {}

  /** `occurrence` counts from 0: the same words may stand more than once in a value. */
  async place(file: string, at: (string | number)[], match: string, occurrence = 0): Promise<Place | undefined> {
    if (!this.cache.has(file)) {
      this.cache.set(file, readFile(path.join(this.root, file), 'utf8').then((text) => {
        const lines = new LineCounter();
        return { text, doc: parseDocument(text, { lineCounter: lines }), lines };
      }));
    }
    const { text, doc, lines } = await this.cache.get(file)!;
    const node = doc.getIn(at, true);
    if (!isNode(node) || !node.range) return undefined;
    const [start, end] = node.range;
    // Folded scalars break lines where the value has a space, and quoted ones escape quotes.
    const pattern = match.trim().split(/\s+/u).map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/"/gu, '\\\\?"')).join('\\s+');
    const found = pattern ? [...text.slice(start, end).matchAll(new RegExp(pattern, 'gu'))][occurrence] : undefined;
    const pos = lines.linePos(found ? start + found.index : start);
    return { line: pos.line, column: pos.col };
  }
}

/** Runs the note checks on every note, glossary entry and variant judgement; returns the number checked. */
export async function checkNotes(input: NoteCheckInput, diagnostics: Diagnostics): Promise<number> {
  const titles = input.recipes.map((r) => r.data.title.en);
  const english = new EditionEnglish(input.documents, titles);
  const locator = new RawLocator(input.root);
  const texts = collectNoteTexts(input);
  for (const note of texts) {
    for (const f of checkNoteText(note, english, input.sources)) {
      const occurrence = note.text.slice(0, f.index).split(f.match).length - 1;
      diagnostics.error(f.reason, { file: note.file, place: await locator.place(note.file, note.at, f.match, occurrence), ruleId: f.ruleId });
    }
  }
  return texts.length;
}
