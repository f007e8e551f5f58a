/**
 * What the note checks (note-checks.ts) read: every piece of the edition's own prose (translation
 * and context notes, recipe notes and reasons, glossary definitions, notes and exceptions, variant
 * judgements), in each language, with the file and path it stands at.
 */
import type { DocumentData } from '../../../src/schemas/document';
import type { Glossary } from '../../../src/schemas/glossary';
import type { Variants } from '../../../src/schemas/variants';
import type { DataFile } from '../core/data-file';
import type { LoadedRecipe } from '../sources/recipes';
import type { SourceFile } from '../sources/sources';
import type { LoadedTranslation } from './translations';

/** One piece of the edition's prose, in one language, and where it stands. */
export interface NoteText {
  /** Path of its data file as shown in messages (relative to the project root). */
  file: string;
  /** Path of the value inside the data file, e.g. ['notes', 3, 'en']. */
  at: (string | number)[];
  text: string;
  language: 'en' | 'zh';
  /** The document and clause the item is attached to, if any. */
  document?: string;
  clause?: string;
  /** The source a bare "line 12" refers to (the document's base), if any. */
  defaultSource?: string;
  /** A translator's or editor's note on a clause: its quotations of English are checked against the English. */
  quotesEnglish?: boolean;
  /** The source files the note's document is built from: only their lines are checked for quotations. */
  documentSources?: Set<string>;
}

export interface NoteCheckInput {
  root: string;
  documents: DocumentData[];
  recipes: LoadedRecipe[];
  translations: Map<string, LoadedTranslation>;
  glossary?: DataFile<Glossary>;
  variants: DataFile<Variants>[];
  sources: Map<string, SourceFile>;
}

/** Every piece of prose the checks read, from every data file that holds notes. */
export function collectNoteTexts(input: NoteCheckInput): NoteText[] {
  const texts: NoteText[] = [];
  const both = (file: string, at: (string | number)[], pair: { en: string; zh: string } | undefined, extra: Partial<NoteText> = {}) => {
    if (!pair) return;
    for (const language of ['en', 'zh'] as const) texts.push({ file, at: [...at, language], text: pair[language], language, ...extra });
  };
  const bases = new Map(input.recipes.map((r) => [r.data.id, r.data.base]));
  const filesOf = new Map(input.recipes.map((r) => [r.data.id, new Set([r.data.base, ...r.data.witnesses.map((w) => w.file), ...r.data.text.map((t) => t.file), ...r.data.metadata.map((m) => m.file), ...r.data.exclude.map((x) => x.file)])]));
  for (const recipe of input.recipes) {
    const d = recipe.data;
    const extra = { document: d.id, defaultSource: d.base, documentSources: filesOf.get(d.id) };
    d.metadata.forEach((m, i) => both(recipe.name, ['metadata', i, 'reason'], m.reason, { ...extra, defaultSource: m.file }));
    d.text.forEach((s, i) => both(recipe.name, ['text', i, 'reason'], s.reason, { ...extra, defaultSource: s.file }));
    d.exclude.forEach((x, i) => both(recipe.name, ['exclude', i, 'reason'], x.reason, { ...extra, defaultSource: x.file, clause: x.attach }));
    d.notes.forEach((n, i) => both(recipe.name, ['notes', i], n, { ...extra, clause: n.clause }));
    if (d.author) both(recipe.name, ['author', 'reason'], d.author.reason, extra);
  }
  for (const [document, t] of input.translations) {
    t.file?.data.notes.forEach((n, i) => both(t.name, ['notes', i], n, { document, clause: n.clause, defaultSource: bases.get(document), quotesEnglish: true, documentSources: filesOf.get(document) }));
  }
  if (input.glossary) {
    const g = input.glossary;
    g.data.terms.forEach((term, i) => {
      both(g.name, ['terms', i, 'definition'], term.definition);
      both(g.name, ['terms', i, 'note'], term.note);
    });
    g.data.exceptions.forEach((e, i) => both(g.name, ['exceptions', i, 'reason'], e.reason, { document: e.document, clause: e.clause }));
  }
  for (const v of input.variants) {
    const extra = { document: v.data.document, defaultSource: bases.get(v.data.document) };
    v.data.equivalences.forEach((e, i) => both(v.name, ['equivalences', i, 'reason'], e.reason, extra));
    v.data.variants.forEach((x, i) => both(v.name, ['variants', i, 'judgement'], x.judgement, { ...extra, clause: x.clause }));
  }
  return texts;
}
