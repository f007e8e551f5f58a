/**
 * The glossary's definitions for the tooltips of marked terms, in one interface language,
 * with each `document#clause` reference replaced by its readable label (a tooltip is plain
 * text). /data/glossary.json keeps the edition's data as written.
 */
import type { APIRoute } from 'astro';
import { languages, type Lang } from '../../../i18n/ui';
import { terms } from '../../../lib/glossary';
import { getDocument } from '../../../lib/data';
import { findReferences } from '../../../lib/references';
import { referenceLabel } from '../../../lib/reference-labels';

export const getStaticPaths = () => languages.map((lang) => ({ params: { lang } }));

/** A text with its references as labels. */
function labelled(text: string, lang: Lang): string {
  let out = '';
  let at = 0;
  for (const ref of findReferences(text)) {
    out += text.slice(at, ref.index) + referenceLabel(lang, getDocument(ref.document), ref.clause);
    at = ref.index + ref.length;
  }
  return out + text.slice(at);
}

export const GET: APIRoute = ({ params }) => {
  const lang = params.lang as Lang;
  return new Response(JSON.stringify(Object.fromEntries(terms.map((t) => [t.id, labelled(t.definition[lang], lang)]))), { headers: { 'Content-Type': 'application/json' } });
};
