/**
 * The edition's own prose split into plain text and `document#clause` references, each
 * reference resolved to the clause page's URL and a label in the prose's language. Prose.astro
 * renders the parts as HTML; the source viewer turns them into HAST for its line notes.
 */
import type { Lang } from '../i18n/ui';
import { getDocument } from './data';
import { referenceLabel } from './reference-labels';
import { findReferences } from './references';
import { clauseUrl } from './urls';

export type ProsePart = string | { href: string; label: string };

/** `text` (in language `lang`) as parts; links point into the `ui` interface. */
export function proseParts(text: string, lang: Lang, ui: Lang): ProsePart[] {
  const parts: ProsePart[] = [];
  let at = 0;
  for (const ref of findReferences(text)) {
    parts.push(text.slice(at, ref.index));
    parts.push({ href: clauseUrl(ui, ref.document, ref.clause), label: referenceLabel(lang, getDocument(ref.document), ref.clause) });
    at = ref.index + ref.length;
  }
  parts.push(text.slice(at));
  return parts.filter((p) => p !== '');
}
