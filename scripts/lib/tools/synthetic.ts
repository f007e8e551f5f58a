/**
 * Synthetic corpora for the benchmark: `scale` copies of the real corpus, written as a complete
 * project content/ folder. Each copy has its own copy of every source file, line for line, with
 * the Chinese perturbed deterministically from a seed (replacement characters drawn from the
 * corpus's own character frequencies), and the real recipes, translations and cross-link
 * curation rewritten for the copy: its document ids, file names and source numbers. So every
 * line number, segment, join, split, exclusion, note and reference means in a copy what it means
 * in the real corpus, and the real build's checks hold for the copies as they do for it. Copy 1
 * keeps the real document ids (pages that name a document, such as the plan comparison, build);
 * copy k's are `{id}-s{k}`, and its prose refers to its own documents and sources.
 *
 * The perturbation keeps what the checks and readings depend on: numerals (numbering), glossary
 * terms (terminology check; it never creates one either), the names register's Chinese forms and
 * every 《》 title (names check), the Chinese a note quotes from a source line it names (note
 * checks), the text a split is anchored on, and
 * each sentence's commitments as the lexicon reads them (commitments and changes). It leaves
 * whole the lines either side of a join, where a word may run across the two. What it cannot
 * keep is returned as `relaxed`, and the benchmark's report says so.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, parseDocument, stringify } from 'yaml';
import { findReferences } from '../../../src/lib/citation/references';
import { lexiconSchema } from '../../../src/schemas/commitments';
import type { Glossary } from '../../../src/schemas/glossary';
import { curationSchema } from '../../../src/schemas/links';
import { recipeSchema, type Recipe } from '../../../src/schemas/recipe';
import { parseDataText } from '../core/data-file';
import { Diagnostics } from '../core/diagnostics';
import { CommitmentReader } from '../editorial/commitments';
import { draftClauses, type Model } from '../model/model';
import { printedTitles } from '../editorial/names';
import { collectNoteTexts, quotations } from '../editorial/note-checks';
import { readMarker } from '../sources/numbering';
import { sha256Hex, writeReviews } from '../editorial/reviews';
import type { SourceFile } from '../sources/sources';

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HAN = /\p{Script=Han}/u;
/** Characters of the numbering markers (scripts/lib/sources/numbering.ts): never replaced, never drawn. */
const NUMERALS = new Set('〇零一二两三四五六七八九十百千第');
/** What the parser drops between characters (spaces, Markdown bold): words run across it. */
const TRANSPARENT = /[ \t\u00a0\u3000*]/u;
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？' };

/** A character as the normalised text has it (scripts/lib/sources/normalise.ts), one for one. */
function normalChar(ch: string): string {
  const c = ch.normalize('NFC');
  return /[\u2010\u2011\u2012\u2212\uff0d]/u.test(c) ? '-' : (FULL_WIDTH[c] ?? c);
}

/** The commitment reader's sentence ends and brackets (scripts/lib/editorial/commitments.ts, `segments`). */
const SENTENCE_END = '。；;！？!?';
const OPEN = '（(“‘《〈「『【[';
const CLOSE = '）)”’》〉」』】]';

/**
 * Replaces a share of a line's Han characters. It keeps every occurrence of the protected words
 * and creates none, keeps every 《》 title as printed, and it keeps what the commitment reader reads in each sentence: a
 * replacement that would complete a protected word, or change the sentence's commitments, their
 * verb chains or its unreadable openings, is drawn again (twice at most, then the character stays).
 */
class Perturber {
  private readonly lengths = new Map<string, number[]>();
  private readonly longest: number;
  private readonly alphabet: string[];
  changed = 0;
  han = 0;

  constructor(private readonly words: Set<string>, alphabet: string[], private readonly reader: CommitmentReader | undefined, private readonly random: () => number, private readonly rate: number) {
    for (const w of words) {
      const first = [...w][0]!;
      const list = this.lengths.get(first) ?? [];
      if (!list.includes([...w].length)) list.push([...w].length);
      this.lengths.set(first, list);
    }
    this.longest = Math.max(1, ...[...words].map((w) => [...w].length));
    // A character that is a protected word by itself could never be drawn.
    this.alphabet = alphabet.filter((ch) => !NUMERALS.has(ch) && !words.has(ch));
  }

  /** Whether the characters `view[from..from+length)`, with `at` read as `ch`, spell a protected word. */
  private spells(view: string[], from: number, length: number, at: number, ch: string): boolean {
    let word = '';
    for (let i = from; i < from + length; i++) word += i === at ? ch : view[i];
    return this.words.has(word);
  }

  /** What the commitment reader makes of a sentence, as far as the build uses it. */
  private reading(view: string[], [from, to]: [number, number]): string {
    const r = this.reader!.read(view.slice(from, to).join(''));
    return JSON.stringify([r.commitments.map((c) => `${c.zh}${c.level}`), r.spans.map((s) => s.chain), r.unknown.length]);
  }

  line(text: string): string {
    const chars = [...text];
    // The line as the parser reads it: without spaces and bold marks, punctuation normalised.
    const at: number[] = [];
    const view: string[] = [];
    chars.forEach((ch, i) => {
      if (TRANSPARENT.test(ch)) return;
      at.push(i);
      view.push(normalChar(ch));
    });
    const kept = new Array<boolean>(view.length).fill(false);
    // A 《》 title is a name, which the names stage reads whole (registered forms, glue, back-references): kept as printed.
    for (let i = 0, depth = 0; i < view.length; i++) {
      if (view[i] === '《') depth++;
      if (depth > 0) kept[i] = true;
      if (view[i] === '》') depth = Math.max(0, depth - 1);
    }
    for (let i = 0; i < view.length; i++) {
      for (const length of this.lengths.get(view[i]!) ?? []) {
        if (i + length <= view.length && this.spells(view, i, length, -1, '')) kept.fill(true, i, i + length);
      }
    }
    // The clause's text, as the commitment reader gets it, starts after a Markdown heading mark and the number.
    let start = 0;
    while (view[start] === '#') start++;
    start += readMarker(view.slice(start).join(''))?.length ?? 0;
    const sentence: [number, number][] = new Array(view.length);
    for (let from = start, depth = 0, i = start; i < view.length; i++) {
      if (OPEN.includes(view[i]!)) depth++;
      else if (CLOSE.includes(view[i]!)) depth = Math.max(0, depth - 1);
      if ((depth === 0 && SENTENCE_END.includes(view[i]!)) || i === view.length - 1) {
        sentence.fill([from, i + 1], from, i + 1);
        from = i + 1;
      }
    }
    const readings = new Map<number, string>();
    for (let p = 0; p < view.length; p++) {
      if (!HAN.test(view[p]!)) continue;
      this.han++;
      if (kept[p] || NUMERALS.has(view[p]!) || this.random() >= this.rate) continue;
      const span = this.reader ? sentence[p] : undefined;
      if (span && !readings.has(span[0])) readings.set(span[0], this.reading(view, span));
      for (let attempt = 0; attempt < 3; attempt++) {
        const ch = this.alphabet[Math.floor(this.random() * this.alphabet.length)]!;
        if (this.completesWord(view, p, ch)) continue;
        const was = view[p]!;
        view[p] = ch;
        if (span && this.reading(view, span) !== readings.get(span[0])) {
          view[p] = was;
          continue;
        }
        chars[at[p]!] = ch;
        this.changed++;
        break;
      }
    }
    return chars.join('');
  }

  /** Whether putting `ch` at `p` spells a protected word through `p`. */
  private completesWord(view: string[], p: number, ch: string): boolean {
    for (let from = Math.max(0, p - this.longest + 1); from <= p; from++) {
      for (const length of this.lengths.get(from === p ? ch : view[from]!) ?? []) {
        if (from + length > p && from + length <= view.length && this.spells(view, from, length, p, ch)) return true;
      }
    }
    return false;
  }
}

/** A check of the real build that the synthetic corpora cannot run as the real corpus does, and why. */
export interface RelaxedCheck {
  check: string;
  why: string;
}

export interface SyntheticCorpus {
  documents: number;
  clauses: number;
  sourceBytes: number;
  /** Share of the sources' Han characters replaced. */
  perturbed: number;
  relaxed: RelaxedCheck[];
}

/** The id of a document in copy `copy`. */
export function copyId(id: string, copy: number): string {
  return copy === 1 ? id : `${id}-s${copy}`;
}

/**
 * How a copy names what the real corpus names: its documents (in `document#clause`
 * references), its source files, and its sources' numbers as prose gives them ("source 002",
 * "002 line 28", 来源002: the forms scripts/lib/editorial/note-checks.ts reads).
 */
export class CopyNames {
  private readonly numbers: Map<string, string>;

  constructor(
    readonly copy: number,
    private readonly documents: Set<string>,
    /** Real file name → the copy's. */
    readonly files: Map<string, string>,
  ) {
    this.numbers = new Map([...files].map(([real, own]) => [real.split('_')[0]!, own.split('_')[0]!]));
  }

  document(id: string): string {
    return this.documents.has(id) ? copyId(id, this.copy) : id;
  }

  /** A `document#clause` (or whole-document `document#`) reference. */
  reference(ref: string): string {
    const [document, clause] = ref.split('#') as [string, string];
    return `${this.document(document)}#${clause}`;
  }

  /** Prose (or a whole YAML file) with the copy's references, file names and source numbers. */
  prose(text: string): string {
    let out = '';
    let from = 0;
    for (const r of findReferences(text)) {
      out += `${text.slice(from, r.index)}${this.document(r.document)}#${r.clause}`;
      from = r.index + r.length;
    }
    out += text.slice(from);
    for (const [real, own] of this.files) out = out.replaceAll(real, own);
    const number = (n: string) => this.numbers.get(n) ?? n;
    return out
      .replace(/(\bsources?\s+|来源\s*)(\d{3})(?!\d)/giu, (_m, lead: string, n: string) => `${lead}${number(n)}`)
      .replace(/\b(\d{3})(?=\s*,?\s*(?:lines?\s+\d|第\s*\d))/giu, (_m, n: string) => number(n));
  }
}

/** The last non-blank line of a range, and the first: where a join meets its neighbour. */
function joinEdges(recipe: Recipe, sources: Map<string, SourceFile>): [string, number][] {
  const blank = (file: string, line: number) => /^[\s\u00a0\u3000]*$/u.test(sources.get(file)?.lines[line - 1] ?? '');
  const edges: [string, number][] = [];
  recipe.text.forEach((segment, i) => {
    if (segment.join !== 'previous' || i === 0) return;
    const previous = recipe.text[i - 1]!;
    let last = previous.lines[1];
    while (last > previous.lines[0] && blank(previous.file, last)) last--;
    let first = segment.lines[0];
    while (first < segment.lines[1] && blank(segment.file, first)) first++;
    edges.push([previous.file, last], [segment.file, first]);
  });
  return edges;
}

/**
 * The words the perturbation keeps: the Chinese forms of the glossary and of the names register,
 * the titles the texts print in 《》 (a 《》 title must stay registered), the text splits are
 * anchored on, and the Chinese the notes quote (`quotation-not-in-source` reads the copy's own
 * lines; each part of a quotation with `…` is kept).
 */
function protectedWords(model: Model): Set<string> {
  const words = new Set<string>();
  for (const term of model.glossary?.data.terms ?? []) for (const form of [term.zh, ...term.zhVariants]) words.add(form);
  for (const name of model.names?.data.names ?? []) for (const form of name.zh) words.add(form);
  for (const recipe of model.recipes) for (const segment of recipe.data.text) for (const s of segment.split ?? []) words.add(s.after);
  // Titles in 《》 are names: each stays as printed, so the names stage finds it registered.
  for (const doc of model.documents) for (const c of doc.clauses) for (const zh of [c.heading?.zh ?? '', c.text.zh]) for (const { title } of printedTitles(zh)) words.add(title);
  // The Chinese that notes quote from source lines (quotation-not-in-source reads it there).
  const notes = collectNoteTexts({ root: '', documents: model.documents, recipes: model.recipes, translations: model.translations, glossary: model.glossary, variants: [], sources: model.sources });
  for (const note of notes) for (const { form } of quotations(note.text)) for (const part of form.split(/…+|\.\.\./u)) if (HAN.test(part)) words.add(part);
  // Compared as the normalised text reads them.
  return new Set([...words].map((w) => [...w].filter((ch) => !TRANSPARENT.test(ch)).map(normalChar).join('')).filter(Boolean));
}

/** The edition's commitment lexicon, if it has one. */
async function commitmentReader(realRoot: string): Promise<CommitmentReader | undefined> {
  const file = path.join(realRoot, 'content', 'commitments.yaml');
  return existsSync(file) ? new CommitmentReader(lexiconSchema.parse(parse(await readFile(file, 'utf8')))) : undefined;
}

/** Writes a synthetic project content/ into `root` (which must not exist yet). */
export async function writeSyntheticCorpus(model: Model, realRoot: string, root: string, scale: number, seed = 20261122): Promise<SyntheticCorpus> {
  const content = path.join(root, 'content');
  const realContent = path.join(realRoot, 'content');
  const realFiles = [...model.sources.keys()].sort();
  // Notes name sources by their three-digit number, which must stay unique across the copies.
  if (scale * realFiles.length > 1000) throw new Error(`Unexpected scale ${scale}, expected at most ${Math.floor(1000 / realFiles.length)}: sources are numbered 000 to 999`);
  for (const dir of ['sources', 'recipes', 'translations']) await mkdir(path.join(content, dir), { recursive: true });
  // The edition's data files that name no copy are the real ones. Not copied: content/registry.yaml
  // and content/redirects.yaml (every run is a first build) and content/variants/ (see `relaxed`).
  for (const file of ['edition.yaml', 'names.yaml', 'topics.yaml', 'style.yaml', 'commitments.yaml', 'changes.yaml']) {
    if (existsSync(path.join(realContent, file))) await cp(path.join(realContent, file), path.join(content, file));
  }

  const documents = new Set(model.recipes.map((r) => r.data.id));
  const glossary = model.glossary?.data;
  const linksFile = path.join(realContent, 'links.yaml');
  const curation = existsSync(linksFile) ? curationSchema.parse(parse(await readFile(linksFile, 'utf8'))) : { confirm: [], add: [], reject: [] };
  const links: typeof curation = { confirm: [], add: [], reject: [] };
  const exceptions: Glossary['exceptions'] = [];
  const frozen = new Set(model.recipes.flatMap((r) => joinEdges(r.data, model.sources)).map(([file, line]) => `${file}:${line}`));
  const alphabet = model.documents.flatMap((d) => d.clauses.flatMap((c) => [...`${c.heading?.zh ?? ''}${c.text.zh}`].filter((ch) => HAN.test(ch))));
  const perturber = new Perturber(protectedWords(model), alphabet, await commitmentReader(realRoot), prng(seed), 0.35);
  const reviewedOn = new Map(model.documents.map((d) => [d.id, new Map(d.clauses.map((c) => [c.id, c.translation]))]));
  const manifest: Omit<SourceFile, 'name' | 'lines'>[] = [];
  let clauses = 0;
  let sourceBytes = 0;

  for (let copy = 1; copy <= scale; copy++) {
    const files = new Map(realFiles.map((file, i) => {
      const number = String((copy - 1) * realFiles.length + i).padStart(3, '0');
      return [file, `${number}_${createHash('sha256').update(`${copy}/${file}`).digest('hex').slice(0, 16)}.txt`];
    }));
    const names = new CopyNames(copy, documents, files);
    const sources = new Map<string, SourceFile>();
    for (const real of realFiles) {
      const source = model.sources.get(real)!;
      const lines = source.lines.map((line, i) => (frozen.has(`${real}:${i + 1}`) ? line : perturber.line(line)));
      const text = `${lines.join('\n')}\n`;
      const file = files.get(real)!;
      sourceBytes += Buffer.byteLength(text);
      await writeFile(path.join(content, 'sources', file), text);
      const entry: SourceFile = {
        file, sha256: createHash('sha256').update(text).digest('hex'), script: source.script, format: source.format,
        what: { en: `Synthetic copy ${copy} of ${real}.`, zh: `${real}的合成副本${copy}。` },
        origin: { en: 'Generated by scripts/lib/tools/synthetic.ts for the benchmark.', zh: '由基准测试脚本生成。' },
        name: `content/sources/${file}`, lines,
      };
      sources.set(file, entry);
      const { name: _name, lines: _lines, ...listed } = entry;
      manifest.push(listed);
    }

    for (const recipe of model.recipes) {
      const realId = recipe.data.id;
      const id = copyId(realId, copy);
      const doc = parseDocument(names.prose(await readFile(path.join(realContent, 'recipes', `${realId}.yaml`), 'utf8')));
      doc.set('id', id);
      // A second witness is kept as lines excluded as a duplicate, so that every line is accounted for.
      const witnesses = recipe.data.witnesses.map((w) => ({
        file: files.get(w.file)!, lines: w.lines, kind: 'duplicate',
        reason: { en: 'A second witness of this text, not collated in the benchmark’s synthetic corpora.', zh: '本文的另一文本，基准测试的合成语料不作校勘。' },
      }));
      if (witnesses.length) {
        doc.delete('witnesses');
        doc.set('exclude', doc.createNode([...((doc.toJS() as { exclude?: unknown[] }).exclude ?? []), ...witnesses]));
      }
      const name = `content/recipes/${id}.yaml`;
      const text = doc.toString({ lineWidth: 0 });
      await writeFile(path.join(root, name), text);
      // The copy's clauses, parsed from its own sources, so that its English is reviewed
      // against its own Chinese, as the real corpus's is.
      const diagnostics = new Diagnostics();
      const loaded = parseDataText(recipeSchema, text, name, diagnostics);
      diagnostics.throwIfFatal();
      const drafted = draftClauses(loaded!, sources, diagnostics);
      diagnostics.throwIfFatal();
      clauses += drafted.length;
      const real = reviewedOn.get(realId)!;
      const reviews: [string, { reviewed: string; of: string }][] = [];
      for (const c of drafted) {
        const t = real.get(c.id);
        if (!t?.reviewed || !t.of) continue;
        // An outdated review stays outdated: it keeps the hash of the Chinese it was made against.
        reviews.push([c.id, { reviewed: t.reviewed, of: t.status === 'reviewed' ? sha256Hex(c.text) : t.of }]);
      }
      const translation = path.join(realContent, 'translations', `${realId}.yaml`);
      if (existsSync(translation)) {
        const english = names.prose(await readFile(translation, 'utf8')).replace(/^document: .*$/mu, `document: ${id}`);
        await writeFile(path.join(content, 'translations', `${id}.yaml`), english);
      }
      if (existsSync(path.join(realContent, 'translations', `${realId}.reviews.yaml`))) await writeReviews(path.join(content, 'translations', `${id}.reviews.yaml`), id, reviews);
    }

    for (const list of ['confirm', 'add', 'reject'] as const) {
      for (const entry of curation[list]) {
        const own = { ...entry, from: names.reference(entry.from), to: names.reference(entry.to) };
        if ('reason' in own && own.reason) own.reason = { en: names.prose(own.reason.en), zh: names.prose(own.reason.zh) };
        (links[list] as (typeof own)[]).push(own);
      }
    }
    for (const e of glossary?.exceptions ?? []) exceptions.push({ ...e, document: names.document(e.document), reason: { en: names.prose(e.reason.en), zh: names.prose(e.reason.zh) } });
  }

  await writeFile(path.join(content, 'links.yaml'), stringify(links, { lineWidth: 0 }));
  // The glossary's exceptions name clauses: each copy's clause has its own.
  const glossaryFile = path.join(realContent, 'glossary.yaml');
  if (glossary && exceptions.length) await writeFile(path.join(content, 'glossary.yaml'), stringify({ ...glossary, exceptions }, { lineWidth: 0 }));
  else if (existsSync(glossaryFile)) await cp(glossaryFile, path.join(content, 'glossary.yaml'));
  await writeFile(path.join(content, 'sources', 'manifest.yaml'), stringify({ sources: manifest }, { lineWidth: 0 }));

  const relaxed: RelaxedCheck[] = [
    {
      check: 'registry',
      why: 'content/registry.yaml and content/redirects.yaml are not copied: every run is a first build, so the permanence check records every clause id as new and has no published id to keep or redirect.',
    },
  ];
  const witnessed = model.recipes.filter((r) => r.data.witnesses.length > 0).map((r) => r.data.id);
  if (witnessed.length) {
    relaxed.push({
      check: 'collation',
      why: `second witnesses (of ${witnessed.join(', ')}) are kept as lines excluded as duplicates, not collated: their recorded variants (content/variants/) are readings of the real text, and a copy's text is perturbed. So a copy keeps the base's reading where the edition adopts the witness's, and has no variant notes.`,
    });
  }
  return { documents: scale * model.recipes.length, clauses, sourceBytes, perturbed: Number((perturber.changed / Math.max(1, perturber.han)).toFixed(3)), relaxed };
}
