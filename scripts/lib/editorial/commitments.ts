/**
 * Commitments (issue 15): the verbs that govern each clause's predicates, with their level,
 * read with the edition's lexicon (content/commitments.yaml). The grammar the reader knows is
 * small on purpose: segments cut at clause punctuation, a head found past subjects, adverbs
 * and prepositional frames, and everything after a commitment verb in its segment governed by
 * it (探讨建立 is one level-1 commitment). What it cannot read is reported, never levelled.
 */
import path from 'node:path';
import type { Commitment, DocumentData } from '../../../src/schemas/document';
import { lexiconSchema, type Lexicon } from '../../../src/schemas/commitments';
import { readDataFile } from '../core/data-file';
import type { Diagnostics } from '../core/diagnostics';
import { display, type ProjectPaths } from '../core/paths';

type Kind = 'verb' | 'stance' | 'frame' | 'object' | 'purpose' | 'transparent' | 'continuation' | 'statement';
interface Entry {
  kind: Kind;
  en?: string;
  level?: Commitment['level'];
  sentence?: boolean;
}

export interface Reading {
  commitments: Commitment[];
  /**
   * Per commitment: its chain (the verb with the verbs it governs directly, 探讨建立) and the
   * rest of its segment, its object; for comparing commitments across texts.
   */
  spans: { chain: string; object: string }[];
  /** Verb-like openings the lexicon does not know, in reading order (the first two characters). */
  unknown: string[];
}

const OPEN = '（(“‘《〈「『【[';
const CLOSE = '）)”’》〉」』】]';
const SENTENCE_END = '。；;！？!?';
const SEGMENT_END = '，,：:';
const HAN = /\p{Script=Han}/u;

/** Splits text into sentences of segments, never inside brackets or quotes. */
export function segments(text: string): string[][] {
  const sentences: string[][] = [];
  let sentence: string[] = [];
  let current = '';
  let depth = 0;
  for (const ch of text) {
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && (SENTENCE_END.includes(ch) || SEGMENT_END.includes(ch))) {
      if (current) sentence.push(current);
      current = '';
      if (SENTENCE_END.includes(ch) && sentence.length) {
        sentences.push(sentence);
        sentence = [];
      }
      continue;
    }
    current += ch;
  }
  if (current) sentence.push(current);
  if (sentence.length) sentences.push(sentence);
  return sentences;
}

/** Reads clauses with one lexicon. */
export class CommitmentReader {
  private readonly words = new Map<string, Entry>();
  private readonly longest: number;
  private readonly frameEnds: string[];
  private readonly conjunctions: string[];
  private readonly resets: string[];

  constructor(lexicon: Lexicon) {
    // Later lists never override earlier ones: a verb stays a verb.
    const add = (zh: string, entry: Entry) => {
      if (!this.words.has(zh)) this.words.set(zh, entry);
    };
    for (const v of lexicon.verbs) add(v.zh, { kind: 'verb', en: v.en, level: v.level });
    for (const s of lexicon.stance) add(s.zh, { kind: 'stance', en: s.en, sentence: s.sentence ?? false });
    for (const w of lexicon.continuations) add(w, { kind: 'continuation' });
    for (const w of lexicon.statements) add(w, { kind: 'statement' });
    for (const w of lexicon.purposes) add(w, { kind: 'purpose' });
    for (const w of lexicon.objectMarkers) add(w, { kind: 'object' });
    for (const w of lexicon.frames) add(w, { kind: 'frame' });
    for (const w of lexicon.transparent) add(w, { kind: 'transparent' });
    this.longest = Math.max(...[...this.words.keys()].map((w) => w.length));
    this.frameEnds = lexicon.frameEnds;
    this.conjunctions = [...lexicon.conjunctions].sort((a, b) => b.length - a.length);
    this.resets = lexicon.resets;
  }

  /** The longest lexicon word at `pos`, optionally only of some kinds. */
  private match(text: string, pos: number, kinds?: Kind[]): { word: string; entry: Entry } | undefined {
    for (let n = Math.min(this.longest, text.length - pos); n > 0; n--) {
      const word = text.slice(pos, pos + n);
      const entry = this.words.get(word);
      if (entry && (!kinds || kinds.includes(entry.kind))) return { word, entry };
    }
    return undefined;
  }

  /** The commitments of one text, and the openings it could not read. */
  read(text: string): Reading {
    const commitments: Commitment[] = [];
    const spans: Reading['spans'] = [];
    const unknown: string[] = [];
    for (const sentence of segments(text)) {
      let governed = false;
      for (const segment of sentence) {
        const s = segment.trim();
        if (governed) {
          if (!this.resets.some((r) => s.startsWith(r))) continue;
          governed = false;
        }
        const result = this.readSegment(s);
        commitments.push(...result.commitments);
        spans.push(...(result.spans ?? []));
        if (result.unknown) unknown.push(result.unknown);
        if (result.sentenceStance) governed = true;
      }
    }
    return { commitments, spans, unknown };
  }

  private readSegment(s: string): { commitments: Commitment[]; spans?: Reading['spans']; unknown?: string; sentenceStance?: boolean } {
    let pos = 0;
    let first = true;
    while (pos < s.length) {
      if (!HAN.test(s[pos]!)) {
        // A quotation, title or number opens a noun phrase, not a predicate.
        if (first) return { commitments: [] };
        const close = OPEN.indexOf(s[pos]!);
        // A subject in a title or quotation (本《行动计划》将…): skip it whole.
        pos = close >= 0 && s.indexOf(CLOSE[close]!, pos) > 0 ? s.indexOf(CLOSE[close]!, pos) + 1 : pos + 1;
        continue;
      }
      const m = this.match(s, pos);
      if (!m) return { commitments: [], unknown: s.slice(pos, pos + 2) };
      const { word, entry } = m;
      if (entry.kind === 'continuation') {
        if (first) return { commitments: [] };
        return { commitments: [], unknown: s.slice(pos, pos + 2) };
      }
      if (entry.kind === 'statement') return { commitments: [] };
      first = false;
      if (entry.kind === 'transparent') {
        pos += word.length;
        continue;
      }
      if (entry.kind === 'stance') return { commitments: [], sentenceStance: entry.sentence };
      if (entry.kind === 'purpose' && !this.frameEnds.some((fe) => s.indexOf(fe, pos) > 0)) return { commitments: [] };
      if (entry.kind === 'frame' || entry.kind === 'object' || entry.kind === 'purpose') {
        const head = this.afterFrame(s, pos + word.length, entry.kind === 'object' ? 0 : 1);
        if (head === undefined) return { commitments: [] };
        pos = head;
        continue;
      }
      const found = this.group(s, pos);
      return { commitments: found.map((f) => f.commitment), spans: found.map((f) => f.span) };
    }
    return { commitments: [] };
  }

  /** Where the head verb of a framed segment starts: past the frame's end, or past its first word. */
  private afterFrame(s: string, from: number, skip: number): number | undefined {
    let start = from + skip;
    let end = -1;
    for (const fe of skip ? this.frameEnds : []) {
      const i = s.indexOf(fe, from);
      if (i >= 0 && (end < 0 || i < end)) {
        end = i;
        start = i + fe.length;
      }
    }
    for (let p = start; p < s.length; p++) {
      const m = this.match(s, p, ['verb', 'stance']);
      if (m) return p;
    }
    return undefined;
  }

  /** The verb at `pos` with any verbs coordinated with it; the rest of the segment is governed. */
  private group(s: string, pos: number): { commitment: Commitment; span: Reading['spans'][number] }[] {
    const out: Commitment[] = [];
    let m = this.match(s, pos, ['verb'])!;
    let current: Commitment = { zh: m.word, en: m.entry.en!, level: m.entry.level! };
    let start = pos;
    let end = pos + m.word.length;
    for (;;) {
      const conj = this.conjunctions.find((c) => s.startsWith(c, end)) ?? '';
      const next = this.match(s, end + conj.length, ['verb']);
      if (!next) break;
      if (next.entry.level === current.level) {
        // Coordinated at one level (考虑并探讨, 制定落实): one commitment.
        end += conj.length + next.word.length;
        current = { zh: s.slice(start, end), en: `${current.en} and ${next.entry.en}`, level: current.level };
        continue;
      }
      if (!conj) break; // A verb of another level right after is governed: 探讨建立, 鼓励加强.
      out.push(current);
      start = end + conj.length;
      end = start + next.word.length;
      current = { zh: next.word, en: next.entry.en!, level: next.entry.level! };
      m = next;
    }
    out.push(current);
    // The chain runs on through the verbs written right after the last one (探讨建立, 探讨适时支持落实).
    let chainEnd = end;
    for (;;) {
      let p = chainEnd;
      const skip = this.match(s, p, ['transparent']);
      if (skip) p += skip.word.length;
      const next = this.match(s, p, ['verb']);
      if (!next) break;
      chainEnd = p + next.word.length;
    }
    return out.map((commitment, i) => ({
      commitment,
      span: { chain: i === out.length - 1 ? s.slice(end - commitment.zh.length, chainEnd) : commitment.zh, object: s.slice(chainEnd) },
    }));
  }
}

/** Reads content/commitments.yaml; undefined (with a diagnostic) if it is invalid. */
export async function loadLexicon(paths: ProjectPaths, diagnostics: Diagnostics) {
  const file = path.join(paths.root, 'content', 'commitments.yaml');
  return readDataFile(lexiconSchema, file, display(paths.root, file), diagnostics);
}

/**
 * Fills `clause.commitments` of every document in place, and warns, naming the clause and
 * its source line, about every opening the lexicon does not know.
 */
export function readCommitments(documents: DocumentData[], lexicon: Lexicon, diagnostics: Diagnostics, sourceName: (file: string) => string): { commitments: number; unknown: number } {
  const reader = new CommitmentReader(lexicon);
  let commitments = 0;
  let unknown = 0;
  for (const doc of documents) {
    for (const clause of doc.clauses) {
      const reading = reader.read(clause.text.zh);
      clause.commitments = reading.commitments;
      commitments += reading.commitments.length;
      for (const token of reading.unknown) {
        unknown++;
        const src = clause.source[0]!;
        diagnostics.warn(`Unexpected verb-like \`${token}\` heading a predicate of ${doc.id}#${clause.id}, expected a verb of content/commitments.yaml (not levelled)`, {
          file: sourceName(src.file),
          place: { line: src.lines[0], column: 1 },
          ruleId: 'unknown-commitment-verb',
        });
      }
    }
  }
  return { commitments, unknown };
}
