/**
 * References to clauses in the edition's own prose (notes, glossary entries, variant
 * judgements, recipe reasons). There is one form, `document#clause`, e.g.
 * `lmc-poa-2018-2022#4.2.5`: the build checks that each names a clause of the corpus, and
 * pages render each as a link with a readable label instead of the raw text.
 *
 * Shared by build-time checks (scripts/) and render-time code (src/), so it is pure.
 */

/** A document id (kebab-case, at least one hyphen), `#`, and a clause id (never ending in `.`). */
const REFERENCE = /(?<![a-z0-9-])([a-z][a-z0-9]*(?:-[a-z0-9]+)+)#([a-z0-9]+(?:\.[a-z0-9]+)*)/g;

export interface Reference {
  document: string;
  clause: string;
  /** Offset of the reference's first character in the text searched. */
  index: number;
  /** Length of the reference text, `document#clause`. */
  length: number;
}

/** Every `document#clause` reference in a text, in order. */
export function findReferences(text: string): Reference[] {
  return [...text.matchAll(REFERENCE)].map((m) => ({ document: m[1], clause: m[2], index: m.index, length: m[0].length }));
}
