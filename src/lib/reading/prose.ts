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
  let previous: string | undefined;
  // The text between two references (or the prose's ends), in Chinese without a space that parts it from a reference.
  const between = (from: number, to: number, next?: string) => {
    const slice = text.slice(from, to);
    return lang === 'zh' ? untilReference(afterReference(previous, slice), next) : slice;
  };
  for (const ref of findReferences(text)) {
    // Within the document being read, its position alone names it (第2.1.6条, clause 2.1.6).
    const doc = getDocument(ref.document);
    const part = ref.document === here ? { href: `#${ref.clause}`, label: clausePosition(lang, doc, ref.clause) } : { href: clauseUrl(ui, ref.document, ref.clause), label: referenceLabel(lang, doc, ref.clause) };
    parts.push(between(at, ref.index, part.label), part);
    previous = part.label;
    at = ref.index + ref.length;
  }
  parts.push(between(at, text.length));
  return parts.filter((p) => p !== '');
}

/**
 * A reference is written apart from the words around it (参见 lmc-…#14）). In Chinese its label
 * begins and ends with a full-width bracket or a Han character, and a space between it and
 * Chinese beside it would read as a gap (参见 《内比都宣言》): that space goes. Beside Latin
 * letters or digits it stays.
 */
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’]/u;
const untilReference = (before: string, label?: string) => (label !== undefined && / $/u.test(before) && CHINESE.test(before.at(-2) ?? '') && CHINESE.test(label[0] ?? '') ? before.slice(0, -1) : before);
const afterReference = (label: string | undefined, after: string) => (label !== undefined && /^ /u.test(after) && CHINESE.test(after[1] ?? '') && CHINESE.test(label.at(-1) ?? '') ? after.slice(1) : after);
