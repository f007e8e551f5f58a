/**
 * Citations of a clause in five forms: Chinese (GB/T 7714-2015, electronic resource), English
 * (author-date, Chicago style), the bare URL, BibTeX and CSL-JSON. The access date is the one
 * part the page cannot know when it is built: it is written as `accessed` and the browser
 * fills it in; without JavaScript it reads as a labelled blank.
 */
import type { Clause, DocumentData } from '../schemas/document';

export interface CitationInput {
  doc: DocumentData;
  clause: Clause;
  /** Absolute canonical URL of the clause page in each interface language. */
  urls: { zh: string; en: string };
  edition: { zh: string; en: string };
  version: string;
  /** The access date (YYYY-MM-DD, or for English prose `22 November 2026`); undefined when unknown at build time. */
  accessed?: string;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2018-01-10` → `10 January 2018`. */
export function englishDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${EN_MONTHS[m - 1]} ${y}`;
}

const clauseLabelZh = (c: Clause) => (c.id.startsWith('preamble') ? `序言第${c.id.split('.p')[1]}段` : `第${c.id}条`);
const clauseLabelEn = (c: Clause) => (c.id.startsWith('preamble') ? `preamble, paragraph ${c.id.split('.p')[1]}` : `clause ${c.id}`);

export function chineseCitation(i: CitationInput): string {
  const heading = i.clause.heading?.zh ? ` ${i.clause.heading.zh}` : '';
  const date = i.doc.date ? `(${i.doc.date})` : '';
  return `${i.doc.title.zh}：${clauseLabelZh(i.clause)}${heading}[EB/OL]. ${i.edition.zh}，${i.version}版. ${date}[${i.accessed ?? '引用日期'}]. ${i.urls.zh}.`;
}

export function englishCitation(i: CitationInput): string {
  const heading = i.clause.heading?.en ? ` (${i.clause.heading.en})` : '';
  const year = i.doc.date ? i.doc.date.slice(0, 4) : 'n.d.';
  const adopted = i.doc.date ? ` Adopted ${englishDate(i.doc.date)}.` : '';
  return `${i.doc.title.en}. ${year}. ${clauseLabelEn(i.clause)[0]!.toUpperCase()}${clauseLabelEn(i.clause).slice(1)}${heading}. In ${i.edition.en}, version ${i.version}.${adopted} ${i.urls.en}. Accessed ${i.accessed ?? '[date of access]'}.`;
}

const bibEscape = (s: string) => s.replace(/([{}\\&%$#_])/gu, '\\$1');

export function bibtex(i: CitationInput): string {
  const key = `${i.doc.id}-${i.clause.id}`.replace(/[^a-z0-9]+/gu, '-');
  const fields = [
    ['title', `{${bibEscape(i.doc.title.en)}}`],
    ['note', `${bibEscape(clauseLabelEn(i.clause))}; Chinese title: ${bibEscape(i.doc.title.zh)}`],
    ['howpublished', `${bibEscape(i.edition.en)}, version ${i.version}`],
    ...(i.doc.date ? [['year', i.doc.date.slice(0, 4)], ['date', i.doc.date]] : []),
    ['url', i.urls.en],
    ...(i.accessed ? [['urldate', i.accessed]] : []),
  ];
  return `@misc{${key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}`;
}

export function cslJson(i: CitationInput): string {
  const parts = (iso: string) => [iso.split('-').map(Number)];
  return JSON.stringify(
    {
      id: `${i.doc.id}#${i.clause.id}`,
      type: 'document',
      title: i.doc.title.en,
      'original-title': i.doc.title.zh,
      section: clauseLabelEn(i.clause),
      'container-title': i.edition.en,
      version: i.version,
      ...(i.doc.date ? { issued: { 'date-parts': parts(i.doc.date) } } : {}),
      ...(i.accessed && /^\d{4}-\d{2}-\d{2}$/u.test(i.accessed) ? { accessed: { 'date-parts': parts(i.accessed) } } : {}),
      URL: i.urls.en,
      language: 'zh-CN',
    },
    null,
    2,
  );
}
