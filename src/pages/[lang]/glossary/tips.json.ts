/**
 * The glossary's definitions for the tooltips of marked terms, in one interface language,
 * with each `document#clause` reference replaced by its readable label (a tooltip is plain
 * text). /data/glossary.json keeps the edition's data as written.
 */
import type { APIRoute } from 'astro';
import { languages, type Lang } from '../../../i18n/ui';
import { terms } from '../../../lib/data/glossary';
import { proseParts } from '../../../lib/reading/prose';

export const getStaticPaths = () => languages.map((lang) => ({ params: { lang } }));

/** A text with its references as labels. */
const labelled = (text: string, lang: Lang) => proseParts(text, lang, lang).map((p) => (typeof p === 'string' ? p : p.label)).join('');

export const GET: APIRoute = ({ params }) => {
  const lang = params.lang as Lang;
  return new Response(JSON.stringify(Object.fromEntries(terms.map((t) => [t.id, labelled(t.definition[lang], lang)]))), { headers: { 'Content-Type': 'application/json' } });
};
