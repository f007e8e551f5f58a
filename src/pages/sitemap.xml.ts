/** /sitemap.xml: every page of both interface languages, at the edition's published base. */
import type { APIRoute } from 'astro';
import { languages } from '../i18n/ui';
import { documents } from '../lib/data';
import { topics } from '../lib/crosslinks';
import { sources } from '../lib/sources';

export const GET: APIRoute = ({ site }) => {
  const paths: string[] = [''];
  for (const lang of languages) {
    paths.push(`${lang}/`, `${lang}/search/`, `${lang}/glossary/`, `${lang}/about/`, `${lang}/topics/`, `${lang}/compare/`, `${lang}/titles/`);
    for (const topic of topics) paths.push(`${lang}/topics/${topic.id}/`);
    for (const source of sources) paths.push(`${lang}/sources/${source.file.replace(/\.txt$/u, '')}/`);
    for (const doc of documents) {
      paths.push(`${lang}/${doc.id}/`);
      for (const clause of doc.clauses) paths.push(`${lang}/${doc.id}/${clause.id}/`);
    }
  }
  const escape = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${paths.map((p) => `  <url><loc>${escape(new URL(p, site).href)}</loc></url>`).join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
