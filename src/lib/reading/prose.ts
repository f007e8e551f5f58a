/**
 * The edition's own prose split into plain text and `document#clause` references, each
 * reference resolved to the clause page's URL and a label in the prose's language. Prose.astro
 * renders the parts as HTML; the source viewer turns them into HAST for its line notes.
 */
import type { Lang } from '../../i18n/ui';
import { getDocument } from '../data/data';
import { clausePosition, referenceLabel } from '../citation/reference-labels';
import { findReferences } from '../citation/references';
import { clauseUrl } from '../urls';

export type ProsePart = string | { href: string; label: string };

/**
 * `text` (in language `lang`) as parts; links point into the `ui` interface. On a document
 * page (`here` is its id) a reference into the same document points at the clause on the page
 * and is named by its position only.
 */
export function proseParts(text: string, lang: Lang, ui: Lang, here?: string): ProsePart[] {
  const parts: ProsePart[] = [];
  let at = 0;
  for (const ref of findReferences(text)) {
    parts.push(text.slice(at, ref.index));
    // Within the document being read, its position alone names it (第2.1.6条, clause 2.1.6).
    const doc = getDocument(ref.document);
    parts.push(ref.document === here ? { href: `#${ref.clause}`, label: clausePosition(lang, doc, ref.clause) } : { href: clauseUrl(ui, ref.document, ref.clause), label: referenceLabel(lang, doc, ref.clause) });
    at = ref.index + ref.length;
  }
  parts.push(text.slice(at));
  return parts.filter((p) => p !== '');
}
