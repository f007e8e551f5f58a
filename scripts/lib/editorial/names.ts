/**
 * Stage: names (issue 27). Every proper name the English prints is a glossary term or an entry
 * of the names register (content/names.yaml), so that a coined name is always a decision and
 * never an accident. The stage finds candidate names in each clause's English:
 * - capitalised sequences of two or more words ("ASEAN-China Culture Ministers’ Meeting"), in
 *   clause texts (headings are title case, so only their acronyms count);
 * - acronyms ("SOM-DOC", "ACMW"), in texts and headings;
 * - titles printed in 《》 in the clause's Chinese, whose English the clause must print.
 * A candidate is registered when every word of it lies inside a registered form found in the
 * text (forms may meet: "Fifth LMC Foreign Ministers’ Meeting" is LMC and Foreign Ministers’
 * Meeting), apart from glue: connecting words, ordinals and numbers. Each unregistered
 * candidate is a warning located at its words in content/translations/{document}.yaml.
 * Nothing here depends on document ids: the benchmark's synthetic copies pass as the corpus does.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DocumentData } from '../../../src/schemas/document';
import type { Glossary } from '../../../src/schemas/glossary';
import { namesSchema, type NameEntry, type NamesRegister } from '../../../src/schemas/names';
import { readDataFile, type DataFile } from '../core/data-file';
import type { Diagnostics } from '../core/diagnostics';
import { FormIndex } from './form-index';
import { ACRONYM } from './terminology';
import { RawLocator } from './note-checks';
import { display, type ProjectPaths } from '../core/paths';

/** Who registers a form: a glossary term or a register entry. */
export interface NameOwner {
  source: 'glossary' | 'register';
  /** Glossary id, or the register entry's `en`. */
  id: string;
  status: 'official' | 'established' | 'edition';
}

interface Form {
  text: string;
  owner: NameOwner;
}

/** One kind of apostrophe, quote and dash, lower case: same length as the input, so offsets hold. */
function foldSameLength(text: string): string {
  const lower = text.toLowerCase();
  const folded = lower.length === text.length ? lower : text;
  return folded.replace(/[‘’'`]/gu, '’').replace(/[“”]/gu, '"').replace(/[‐‑‒–—]/gu, '-');
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** A plural or possessive ending after a form (read where the form ends: sticky). */
const SUFFIX = /(?:s’|’s|s|’)?/uy;

/** Finds registered forms in English: whole words, any case, a plural or possessive ending allowed. */
export class NameMatcher {
  private readonly forms: { folded: string; owner: NameOwner }[];
  private readonly index: FormIndex;

  constructor(forms: Form[]) {
    this.forms = forms.map((f) => ({ folded: foldSameLength(f.text), owner: f.owner })).filter((f) => f.folded.length > 0);
    this.index = new FormIndex(this.forms.map((f) => f.folded));
  }

  /** Which characters of the text lie inside a registered form, and which forms were found. */
  cover(text: string): { covered: boolean[]; found: { owner: NameOwner; start: number; end: number }[] } {
    const haystack = foldSameLength(text);
    const covered = new Array<boolean>(text.length).fill(false);
    const found: { owner: NameOwner; start: number; end: number }[] = [];
    const wordStart = (at: number) => at === 0 || !WORD_CHAR.test(haystack[at - 1]!);
    for (const { form: i, at } of this.index.occurrences(haystack, wordStart)) {
      const form = this.forms[i]!;
      let end = at + form.folded.length;
      SUFFIX.lastIndex = end;
      const suffix = SUFFIX.exec(haystack)![0];
      if (WORD_CHAR.test(haystack[end - 1]!) && WORD_CHAR.test(haystack[end + suffix.length] ?? '')) continue;
      end += suffix.length;
      covered.fill(true, at, end);
      found.push({ owner: form.owner, start: at, end });
    }
    return { covered, found };
  }
}

/** Words that join the words of a name, never names themselves. */
const CONNECTORS = new Set(['of', 'and', 'the', 'on', 'for', 'in', 'to', 'with', 'among', 'between', 'under', 'at', 'by', 'from', 'a', 'an', '&']);
const ORDINALS = /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|\d+(?:st|nd|rd|th))$/iu;
const ROMAN = /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)$/u;
const NUMBER = /^\d[\d,.\-–—]*$/u;
const MONTHS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/u;

/** Glue: a connecting word, an ordinal, a Roman or Arabic number, a month of a date. */
export function isGlue(word: string): boolean {
  return CONNECTORS.has(word.toLowerCase()) || ORDINALS.test(word) || ROMAN.test(word) || NUMBER.test(word) || MONTHS.test(word);
}


/** A word of English text: letters and digits, joined inside by - ’ ' / + & and ending in a plural possessive ’. */
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}+&]|[-’'/.](?=[\p{L}\p{N}]))*(?:(?<=s)[’'](?![\p{L}\p{N}]))?/gu;

export interface Candidate {
  kind: 'sequence' | 'acronym';
  text: string;
  index: number;
}

interface Word {
  text: string;
  index: number;
  end: number;
}

function words(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0], index: m.index, end: m.index + m[0].length }));
}

const capitalised = (w: string) => /^\p{Lu}/u.test(w) || /^\p{N}+\p{Lu}/u.test(w);

/** Whether a word stands where a sentence (or a list item after a colon or semicolon) begins. */
function sentenceStart(text: string, index: number): boolean {
  const before = text.slice(0, index).replace(/[\s“"‘(]+$/u, '');
  return before === '' || /[.;:!?]$/u.test(before);
}

/**
 * Candidate names in one English text: capitalised sequences (when `sequences`) and acronyms.
 * A word capitalised only because a sentence starts with it is left out, unless `covered` says it
 * belongs to a registered form.
 */
export function nameCandidates(text: string, sequences: boolean, covered: boolean[] = []): Candidate[] {
  const list = words(text);
  const found: Candidate[] = [];
  const inSequence: [number, number][] = [];
  if (sequences) {
    let run: Word[] = [];
    const flush = () => {
      // A name ends at its last capitalised word, with the numbers that follow it directly
      // (Work Plan IV, Vision 2030), not with a date or a connecting word after it.
      let last = run.findLastIndex((w) => capitalised(w.text) && !isGlue(w.text));
      while (last >= 0 && last + 1 < run.length && (ROMAN.test(run[last + 1]!.text) || NUMBER.test(run[last + 1]!.text))) last++;
      run = run.slice(0, last + 1);
      // The first word of a sentence is capitalised by grammar: it is a name only inside a registered form.
      if (run.length > 0 && sentenceStart(text, run[0]!.index) && !covered[run[0]!.index] && !ACRONYM.test(run[0]!.text)) {
        run.shift();
        while (run.length > 0 && CONNECTORS.has(run[0]!.text.toLowerCase())) run.shift();
      }
      const named = run.filter((w) => capitalised(w.text) && !isGlue(w.text));
      if (named.length >= 2) {
        const start = run[0]!.index;
        const end = run[run.length - 1]!.end;
        found.push({ kind: 'sequence', text: text.slice(start, end), index: start });
        inSequence.push([start, end]);
      }
      run = [];
    };
    list.forEach((w, i) => {
      const gap = i > 0 ? text.slice(list[i - 1]!.end, w.index) : '';
      if (run.length > 0 && !/^\s+$/u.test(gap)) flush();
      if (capitalised(w.text) || (run.length > 0 && (CONNECTORS.has(w.text.toLowerCase()) || isGlue(w.text)))) run.push(w);
      else flush();
    });
    flush();
  }
  for (const w of list) {
    let offset = 0;
    for (const part of w.text.split(/([-+/’'])/u)) {
      const at = w.index + offset;
      offset += part.length;
      if (!ACRONYM.test(part) || ROMAN.test(part)) continue;
      found.push({ kind: 'acronym', text: part, index: at });
    }
  }
  return found.sort((a, b) => a.index - b.index || (a.kind === 'sequence' ? -1 : 1));
}

/** The candidates of a text that are not registered: a word outside every registered form that is not glue. */
export function unregisteredNames(text: string, matcher: NameMatcher, sequences: boolean): { candidates: number; unregistered: Candidate[] } {
  const { covered } = matcher.cover(text);
  const candidates = nameCandidates(text, sequences, covered);
  const unregistered: Candidate[] = [];
  const reported: [number, number][] = [];
  for (const c of candidates) {
    const end = c.index + c.text.length;
    if (c.kind === 'acronym' && reported.some(([a, b]) => c.index >= a && end <= b)) continue;
    const open = words(c.text).filter((w) => !isGlue(w.text) && !covered.slice(c.index + w.index, c.index + w.end).every(Boolean));
    if (open.length === 0) continue;
    unregistered.push(c);
    reported.push([c.index, end]);
  }
  return { candidates: candidates.length, unregistered };
}

// ── acronyms: spelled out once per clause, then short ────────────────────────────────────────

/** A name and its short form (an acronym), from the glossary's variants and the register's `short`. */
export interface Acronym {
  full: string;
  short: string;
}

export function acronyms(glossary: Glossary | undefined, register: NamesRegister | undefined): Acronym[] {
  const list: Acronym[] = [];
  for (const t of glossary?.terms ?? []) for (const v of t.enVariants) if (ACRONYM.test(v.split(/[-+ ]/u)[0]!) && !ACRONYM.test(t.en)) list.push({ full: t.en, short: v });
  for (const n of register?.names ?? []) if (n.short) list.push({ full: n.en, short: n.short });
  return list;
}

/**
 * Where a clause spells a name out again after defining its short form ("Full Name (ACR)"), or
 * uses the short form before defining it. Occurrences inside a longer registered name (a title
 * that contains the name) are the title's words, not a second spelling.
 */
export function acronymFindings(text: string, list: Acronym[], matcher: NameMatcher): { ruleId: 'acronym-spelled-again' | 'acronym-before-definition'; match: string; index: number; acronym: Acronym }[] {
  const folded = foldSameLength(text);
  const { found } = matcher.cover(text);
  const insideLonger = (start: number, end: number) => found.some((f) => f.start <= start && f.end >= end && f.end - f.start > end - start);
  const occurrences = (form: string) => {
    const needle = foldSameLength(form);
    const out: number[] = [];
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
      if (WORD_CHAR.test(folded[at - 1] ?? '') || WORD_CHAR.test(folded[at + needle.length] ?? '')) continue;
      out.push(at);
    }
    return out;
  };
  const findings: ReturnType<typeof acronymFindings> = [];
  for (const a of list) {
    const definition = folded.indexOf(foldSameLength(`${a.full} (${a.short})`));
    if (definition < 0) continue;
    const defined = definition + a.full.length + a.short.length + 3;
    for (const at of occurrences(a.full)) {
      if (at >= defined && !insideLonger(at, at + a.full.length)) findings.push({ ruleId: 'acronym-spelled-again', match: a.full, index: at, acronym: a });
    }
    for (const at of occurrences(a.short)) {
      if (at < definition && !insideLonger(at, at + a.short.length)) findings.push({ ruleId: 'acronym-before-definition', match: a.short, index: at, acronym: a });
    }
  }
  return findings.sort((x, y) => x.index - y.index);
}

// ── titles printed in 《》 ──────────────────────────────────────────────────────────────────

/** A bare back-reference to a document named before (本《行动计划》, 《宣言》, 《议定书》), not a title of its own. */
const BACK_REFERENCE = /^(?:行动计划|宣言|公约|条约|议定书|协定|工作计划)(?:[（(][\d—–-]+[)）])?$/u;
/** Glue inside a Chinese title: year ranges, ordinals (第二次, 首届), brackets, dashes. */
const ZH_GLUE = /^[\s\d一二三四五六七八九十〇零—–\-－()（）〈〉<>“”"、，,：:第次届首]*$/u;

/** The 《》 titles of a Chinese text (the outermost brackets; nested 〈〉 or <> stay inside). */
export function printedTitles(zh: string): { title: string; index: number }[] {
  return [...zh.matchAll(/《([^《》]+)》/gu)].map((m) => ({ title: m[1]!, index: m.index }));
}

/** Whether a title is covered by registered Chinese forms, apart from glue. */
function titleRegistered(title: string, zhForms: string[]): boolean {
  if (BACK_REFERENCE.test(title)) return true;
  let rest = title;
  for (const form of zhForms) if (rest.includes(form)) rest = rest.split(form).join(' ');
  return ZH_GLUE.test(rest);
}

// ── the stage ───────────────────────────────────────────────────────────────────────────

export interface NamesResult {
  /** Glossary terms and register entries. */
  glossary: number;
  register: number;
  byStatus: Record<'official' | 'established' | 'edition', number>;
  candidates: number;
  unregistered: number;
  titles: number;
  unregisteredTitles: number;
  /** Names spelled out again after their short form, or short forms used before it is defined. */
  acronyms: number;
}

/** The forms the English may print: glossary renderings and the register's names. */
export function registeredForms(glossary: Glossary | undefined, register: NamesRegister | undefined): Form[] {
  const forms: Form[] = [];
  for (const t of glossary?.terms ?? []) {
    const owner: NameOwner = { source: 'glossary', id: t.id, status: t.rendering.status };
    for (const text of [t.en, ...t.enVariants]) forms.push({ text, owner });
  }
  for (const n of register?.names ?? []) {
    const owner: NameOwner = { source: 'register', id: n.en, status: n.status };
    for (const text of [n.en, n.short, ...n.variants]) if (text) forms.push({ text, owner });
  }
  return forms.sort((a, b) => b.text.length - a.text.length);
}

/** Reads content/names.yaml, if the project has one. */
export async function loadNames(paths: ProjectPaths, diagnostics: Diagnostics): Promise<DataFile<NamesRegister> | undefined> {
  const file = path.join(paths.root, 'content', 'names.yaml');
  if (!existsSync(file)) return undefined;
  return readDataFile(namesSchema, file, display(paths.root, file), diagnostics);
}

/** Checks every clause's English for unregistered names; returns the figures for the build's summary line. */
export async function checkNames(paths: ProjectPaths, documents: DocumentData[], glossary: DataFile<Glossary> | undefined, register: DataFile<NamesRegister> | undefined, diagnostics: Diagnostics): Promise<NamesResult> {
  const matcher = new NameMatcher(registeredForms(glossary?.data, register?.data));
  const shortForms = acronyms(glossary?.data, register?.data);
  const zhForms = [
    ...(glossary?.data.terms ?? []).flatMap((t) => [t.zh, ...t.zhVariants]),
    ...(register?.data.names ?? []).flatMap((n) => n.zh),
  ].sort((a, b) => b.length - a.length);
  const byZh = new Map<string, NameEntry>();
  for (const n of register?.data.names ?? []) for (const zh of n.zh) byZh.set(zh, n);
  const locator = new RawLocator(paths.root);
  const used = new Set<string>();
  const result: NamesResult = {
    glossary: glossary?.data.terms.length ?? 0,
    register: register?.data.names.length ?? 0,
    byStatus: { official: 0, established: 0, edition: 0 },
    candidates: 0,
    unregistered: 0,
    titles: 0,
    unregisteredTitles: 0,
    acronyms: 0,
  };
  for (const t of glossary?.data.terms ?? []) result.byStatus[t.rendering.status]++;
  for (const n of register?.data.names ?? []) result.byStatus[n.status]++;
  const registerName = register?.name ?? 'content/names.yaml';
  // A register entry may hold a document's own title (its evidence), printed on its page, not in a clause.
  for (const doc of documents) for (const f of matcher.cover(doc.title.en).found) if (f.owner.source === 'register') used.add(f.owner.id);
  for (const doc of documents) {
    const file = display(paths.root, path.join(paths.root, 'content', 'translations', `${doc.id}.yaml`));
    for (const clause of doc.clauses) {
      for (const field of ['heading', 'text'] as const) {
        const english = clause[field]?.en;
        if (!english) continue;
        const { candidates, unregistered } = unregisteredNames(english, matcher, field === 'text');
        for (const f of acronymFindings(english, shortForms, matcher)) {
          result.acronyms++;
          const occurrence = english.slice(0, f.index).split(f.match).length - 1;
          const reason = f.ruleId === 'acronym-spelled-again'
            ? `Unexpected “${f.match}” spelled out again in ${doc.id}#${clause.id} after “${f.acronym.full} (${f.acronym.short})”, expected the short form “${f.acronym.short}” (a name is spelled out once per clause, then short)`
            : `Unexpected “${f.match}” in ${doc.id}#${clause.id} before the clause spells it out, expected “${f.acronym.full} (${f.acronym.short})” at its first use in the clause`;
          diagnostics.warn(reason, { file, place: await locator.place(file, ['clauses', clause.id, field], f.match, occurrence), ruleId: f.ruleId });
        }
        for (const f of matcher.cover(english).found) if (f.owner.source === 'register') used.add(f.owner.id);
        result.candidates += candidates;
        for (const c of unregistered) {
          result.unregistered++;
          const occurrence = english.slice(0, c.index).split(c.text).length - 1;
          diagnostics.warn(`Unexpected unregistered name “${c.text}” in ${doc.id}#${clause.id}, expected a glossary term or an entry of ${registerName} with its rendering status (official, established or edition)`, {
            file,
            place: await locator.place(file, ['clauses', clause.id, field], c.text, occurrence),
            ruleId: 'unregistered-name',
          });
        }
        const zh = clause[field]?.zh ?? '';
        for (const { title } of printedTitles(zh)) {
          result.titles++;
          if (!titleRegistered(title, zhForms)) {
            result.unregisteredTitles++;
            diagnostics.warn(`Unexpected unregistered title 《${title}》 in ${doc.id}#${clause.id}, expected a glossary term or an entry of ${registerName} whose zh has it (with its English)`, {
              file,
              place: await locator.place(file, ['clauses', clause.id, field], '', 0),
              ruleId: 'unregistered-title',
            });
            continue;
          }
          // A register entry for the title: the clause's English prints its name.
          const entry = byZh.get(title);
          if (!entry) continue;
          const forms = [entry.en, entry.short, ...entry.variants].filter((f): f is string => Boolean(f));
          const cover = new NameMatcher(forms.map((text) => ({ text, owner: { source: 'register', id: entry.en, status: entry.status } }))).cover(english);
          if (cover.found.length === 0) {
            diagnostics.warn(`Unexpected ${field} of ${doc.id}#${clause.id} without “${entry.en}” for 《${title}》, expected the registered English of the title`, {
              file,
              place: await locator.place(file, ['clauses', clause.id, field], '', 0),
              ruleId: 'title-not-rendered',
            });
          }
        }
      }
    }
  }
  if (register) {
    register.data.names.forEach((n, i) => {
      if (!used.has(n.en)) diagnostics.warn(`Unexpected name “${n.en}” that no clause’s English prints, expected every registered name to occur (or the entry removed)`, { file: register.name, place: register.locate(['names', i, 'en']), ruleId: 'unused-name' });
    });
  }
  return result;
}
