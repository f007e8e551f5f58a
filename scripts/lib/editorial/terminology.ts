/**
 * The glossary at work: finding terms in text (longest form first, so 中国-东盟博览会 is not
 * also counted as 中国-东盟), checking that each term found in a clause's Chinese has its
 * rendering in that clause's English, and listing occurrences for marking in the pages.
 */
import type { DocumentData } from '../../../src/schemas/document';
import type { Glossary, GlossaryTerm } from '../../../src/schemas/glossary';
import type { DataFile } from '../core/data-file';
import type { Diagnostics } from '../core/diagnostics';
import { FormIndex } from './form-index';

export interface Occurrence {
  term: GlossaryTerm;
  start: number;
  end: number;
}

interface Form {
  term: GlossaryTerm;
  text: string;
}

/** An acronym: two or more capitals and no lower case (a plural s aside): LMC, MSMEs, 4IR. */
export const ACRONYM = /^(?=(?:[^\p{Lu}]*\p{Lu}){2})[\p{Lu}\p{N}&]+s?$/u;

/**
 * Forms sorted longest first, with the texts searched for (English in lower case), indexed, and
 * which of them must match as written: an English acronym (WHO is not the word who).
 */
interface Forms {
  list: Form[];
  needles: string[];
  asWritten: boolean[];
  /** An English word alone (Lancang, Mekong, Laos): not the term inside a compound (Lancang-Mekong, China-Laos). */
  word: boolean[];
  /** An English name in words (not an acronym): not the term after a hyphenated word (Lancang-Mekong River). */
  words: boolean[];
  index: FormIndex;
}

function formsOf(list: Form[], english: boolean): Forms {
  const needles = list.map((f) => (english ? f.text.toLowerCase() : f.text));
  return {
    list,
    needles,
    asWritten: list.map((f) => english && ACRONYM.test(f.text)),
    word: list.map((f) => english && !/[\s-]/u.test(f.text) && !ACRONYM.test(f.text)),
    words: list.map((f) => english && !ACRONYM.test(f.text)),
    index: new FormIndex(needles),
  };
}

/** A hyphen joining the letter beside it to the word at `at` (before it: `side` -1, after its end: +1). */
const joined = (text: string, at: number, side: -1 | 1) => /[-\u2010\u2011]/u.test(text[at] ?? '') && /\p{L}/u.test(text[at + side] ?? '');

/** Finds glossary terms in text, longest form first, without overlaps. */
export class TermMatcher {
  private readonly zhForms: Forms;
  private readonly enForms: Forms;

  constructor(readonly terms: GlossaryTerm[]) {
    const byLength = (a: Form, b: Form) => b.text.length - a.text.length;
    this.zhForms = formsOf(terms.flatMap((term) => [term.zh, ...term.zhVariants].map((text) => ({ term, text }))).sort(byLength), false);
    this.enForms = formsOf(terms.flatMap((term) => [term.en, ...term.enVariants].map((text) => ({ term, text }))).sort(byLength), true);
  }

  /** Occurrences in Chinese text, in text order. */
  findZh(text: string): Occurrence[] {
    return find(text, this.zhForms, false);
  }

  /**
   * Occurrences of English renderings (whole words, in any case but an acronym's own), in text
   * order. A one-word form inside a hyphenated compound, and a name in words after a hyphenated
   * word, are the compound's, not the term, on the page ("Lancang-Mekong Youth Exchange and
   * Cooperation Center" is not the Lancang River and the Mekong River, nor "the Lancang-Mekong
   * River" the Mekong River); `compounds` finds them there too, for the check that a clause
   * renders its Chinese (澜沧江—湄公河 is rendered in "Lancang-Mekong River").
   */
  findEn(text: string, { compounds = false } = {}): Occurrence[] {
    return find(text, this.enForms, true, compounds);
  }
}

const WORD = /\w/u;

/** Each form's places in turn, longest form first: a place another form took is skipped. */
function find(text: string, forms: Forms, english: boolean, compounds = false): Occurrence[] {
  const haystack = english ? text.toLowerCase() : text;
  const taken = new Array<boolean>(text.length).fill(false);
  const found: Occurrence[] = [];
  const wordStart = (at: number) => !WORD.test(haystack[at - 1] ?? '');
  for (const { form, at } of forms.index.occurrences(haystack, english ? wordStart : () => true)) {
    const end = at + forms.needles[form]!.length;
    if (english && WORD.test(haystack[end] ?? '')) continue;
    if (forms.asWritten[form] && text.slice(at, end) !== forms.list[form]!.text) continue;
    if (!compounds && ((forms.words[form] && joined(haystack, at - 1, -1)) || (forms.word[form] && joined(haystack, end, 1)))) continue;
    if (taken.slice(at, end).some(Boolean)) continue;
    taken.fill(true, at, end);
    found.push({ term: forms.list[form]!.term, start: at, end });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Where a clause's translation stands, for messages. */
export type TranslationLocator = (document: string, clause: string) => { file: string; line?: number; column?: number };

/** Reports every clause whose English lacks the rendering of a term found in its Chinese. Returns the number of checks. */
export function checkTerminology(glossary: DataFile<Glossary>, documents: DocumentData[], locate: TranslationLocator, diagnostics: Diagnostics): number {
  const matcher = new TermMatcher(glossary.data.terms);
  const exceptions = new Set(glossary.data.exceptions.map((e) => `${e.term}|${e.document}|${e.clause}`));
  const used = new Set<string>();
  let checks = 0;
  for (const doc of documents) {
    for (const clause of doc.clauses) {
      for (const field of ['heading', 'text'] as const) {
        const pair = clause[field];
        if (!pair?.zh) continue;
        for (const { term } of matcher.findZh(pair.zh)) used.add(term.id);
        if (!pair.en) continue;
        const english = new Set(matcher.findEn(pair.en, { compounds: true }).map((o) => o.term.id));
        for (const term of new Set(matcher.findZh(pair.zh).map((o) => o.term))) {
          checks++;
          if (english.has(term.id) || exceptions.has(`${term.id}|${doc.id}|${clause.id}`)) continue;
          const place = locate(doc.id, clause.id);
          diagnostics.error(`Unexpected ${field} of ${doc.id}#${clause.id} without “${term.en}” for ${term.zh}, expected the glossary rendering (or one of its variants) or an exception in ${glossary.name}`, { file: place.file, place: place.line ? { line: place.line, column: place.column ?? 1 } : undefined, ruleId: 'terminology' });
        }
      }
    }
  }
  glossary.data.terms.forEach((term, i) => {
    if (!used.has(term.id)) diagnostics.warn(`Unexpected glossary term ${term.zh} that no clause contains, expected every term to occur in the corpus`, { file: glossary.name, place: glossary.locate(['terms', i, 'zh']), ruleId: 'unused-term' });
  });
  return checks;
}
