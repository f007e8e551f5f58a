/**
 * One citation model per clause (or whole document) and interface language, and every form
 * derived from it: GB/T 7714-2015 and Chicago author-date as displayed, BibTeX and CSL-JSON.
 *
 * The model is in the page's language: on /zh/ the Chinese title and the /zh/ URL, on /en/ the
 * English. The clause is part of the title ("…：第4.2.5条", "…, Clause 4.2.5"): a reference
 * list prints a title in every style, whereas neither official style prints `section`, and a
 * `locator` belongs to an in-text citation, never to the bibliography entry that a reference
 * manager pastes. The CSL type is `webpage`: what is cited is the clause's page in this online
 * edition, which GB/T 7714 marks [EB/OL] with the access date it requires. The displayed forms
 * print what citeproc-js prints for this CSL-JSON with the official styles
 * (tests/e2e/citeproc.test.ts checks it).
 *
 * The access date is the one part the page cannot know when it is built: the browser fills it
 * in; without JavaScript each form shows a labelled blank.
 */
import type { Clause, DocumentData } from '../schemas/document';
import { clausePosition } from './reference-labels';

export type CitationLang = 'zh' | 'en';

export interface CitationModel {
  lang: CitationLang;
  /** `document#clause`, or the document id for the whole document. */
  id: string;
  /** BibTeX key: ASCII, one per clause and language. */
  key: string;
  /** The document's title in the page's language, with the clause: what every style prints. */
  title: string;
  /** The edition's name in the page's language. */
  container: string;
  version: string;
  /** The document's date of adoption (YYYY-MM-DD), if the sources give it. */
  issued?: string;
  /** Absolute canonical URL of the page in the page's language. */
  url: string;
  /** YYYY-MM-DD; undefined at build time. */
  accessed?: string;
}

export interface CitationInput {
  lang: CitationLang;
  doc: Pick<DocumentData, 'id' | 'title' | 'date' | 'type' | 'clauses'>;
  /** Omitted for the whole document. */
  clause?: Pick<Clause, 'id'>;
  /** Absolute canonical URL of the cited page in `lang`. */
  url: string;
  edition: { zh: string; en: string };
  version: string;
  accessed?: string;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** `2018-01-10` → `January 10, 2018` (Chicago's form); anything else is returned as it is. */
export function usDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${EN_MONTHS[Number(m[2]) - 1]} ${Number(m[3])}, ${m[1]}` : iso;
}

/**
 * The clause as the page names it (reference-labels.ts): 第4.2.5条 / Clause 4.2.5, 《…》第五段 /
 * Para. 5, 序言第二段 / Preamble, Para. 2. English words are capitalised as citeproc's title case
 * would print them, so the title is the same in every style.
 */
export function clauseLabel(doc: Pick<DocumentData, 'type' | 'clauses'>, clauseId: string, lang: CitationLang): string {
  const position = clausePosition(lang, doc, clauseId);
  return lang === 'zh' ? position : position.replace(/\b[a-z]/gu, (c) => c.toUpperCase());
}

/** The citation model of a clause (or, without `clause`, of the whole document) in one language. */
export function citationModel(i: CitationInput): CitationModel {
  const docTitle = i.lang === 'en' ? i.doc.title.en || i.doc.title.zh : i.doc.title.zh;
  const title = i.clause ? `${docTitle}${i.lang === 'zh' ? '：' : ', '}${clauseLabel(i.doc, i.clause.id, i.lang)}` : docTitle;
  return {
    lang: i.lang,
    id: i.clause ? `${i.doc.id}#${i.clause.id}` : i.doc.id,
    key: `${i.doc.id}-${i.clause?.id ?? 'document'}-${i.lang}`.replace(/[^A-Za-z0-9]+/gu, '-'),
    title,
    container: i.edition[i.lang],
    version: i.version,
    ...(i.doc.date ? { issued: i.doc.date } : {}),
    url: i.url,
    ...(i.accessed ? { accessed: i.accessed } : {}),
  };
}

// citeproc-js prints typographic apostrophes; the displayed forms do the same.
const typographic = (s: string) => s.replace(/'/gu, '’');

// Words Chicago's title case leaves in lower case (CSL's list, as citeproc-js applies it).
const MINOR = new Set('a an and as at but by down for from in into nor of on onto or over so the till to up via with yet'.split(' '));

/** Title case as Chicago prints an English name: every word capitalised but minor ones after the first. */
export function titleCase(s: string): string {
  return s.replace(/[A-Za-z][\w'’-]*/gu, (word, offset: number) => (offset > 0 && MINOR.has(word) ? word : word[0]!.toUpperCase() + word.slice(1)));
}

/**
 * GB/T 7714-2015, electronic resource: 题名[EB/OL]. (发布日期)[引用日期]. 网址.
 * `accessed` may be a placeholder, printed as it is; without it the blank reads 引用日期.
 */
export function gbtCitation(m: CitationModel, accessed = m.accessed): string {
  const date = m.issued ? `(${m.issued})` : '';
  return `${typographic(m.title)}[EB/OL]. ${date}[${accessed ?? '引用日期'}]. ${m.url}.`;
}

/**
 * Chicago author-date (18th ed.) for a web page with no author: the site stands first, then the
 * year or "n.d.", the title in quotation marks, the version, the day of publication, or, for an
 * undated document, the access date, and the URL.
 */
export function chicagoCitation(m: CitationModel, accessed = m.accessed): string {
  const parts = [
    // In the author's place, the site's name is title-cased in English, as citeproc-js does.
    `${typographic(m.lang === 'en' ? titleCase(m.container) : m.container)}.`,
    m.issued ? `${m.issued.slice(0, 4)}.` : 'n.d.',
    `“${typographic(m.title)}.”`,
    `Version ${m.version}.`,
    m.issued ? `${usDate(m.issued).replace(/, \d{4}$/u, '')}.` : `Accessed ${accessed ? usDate(accessed) : '[date of access]'}.`,
    `${m.url}.`,
  ];
  return parts.join(' ');
}

// BibTeX counts every brace, escaped or not, so a brace in a value is written as a command
// (\textbraceleft{}) and the entry always closes where it should; a backslash likewise.
const BIB_ESCAPES: Record<string, string> = { '{': '\\textbraceleft{}', '}': '\\textbraceright{}', '\\': '\\textbackslash{}', '&': '\\&', '%': '\\%', $: '\\$', '#': '\\#', _: '\\_' };
const bibEscape = (s: string) => s.replace(/[{}\\&%$#_]/gu, (c) => BIB_ESCAPES[c]!);

/** BibTeX (@misc, which BibTeX and biblatex both read); `accessed` may be a placeholder. */
export function bibtex(m: CitationModel, accessed = m.accessed): string {
  const fields: [string, string][] = [
    // Double braces keep the title's capitals as they are.
    ['title', `{${bibEscape(m.title)}}`],
    ['howpublished', `${bibEscape(m.container)}, version ${m.version}`],
    ['version', m.version],
    ...(m.issued ? ([['year', m.issued.slice(0, 4)], ['date', m.issued]] as [string, string][]) : []),
    ['url', m.url],
    ...(accessed ? ([['urldate', accessed]] as [string, string][]) : []),
    ['langid', m.lang === 'zh' ? 'chinese' : 'english'],
  ];
  return `@misc{${m.key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}`;
}

export interface CslItem {
  id: string;
  type: 'webpage';
  title: string;
  'container-title': string;
  version: string;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  URL: string;
  language: string;
}

const dateParts = (iso: string) => ({ 'date-parts': [iso.split('-').map(Number)] });

/** The CSL-JSON item (the format of Zotero, Mendeley and citeproc-js). */
export function cslItem(m: CitationModel): CslItem {
  return {
    id: m.id,
    type: 'webpage',
    title: m.title,
    'container-title': m.container,
    version: m.version,
    ...(m.issued ? { issued: dateParts(m.issued) } : {}),
    ...(m.accessed && ISO_DATE.test(m.accessed) ? { accessed: dateParts(m.accessed) } : {}),
    URL: m.url,
    language: m.lang === 'zh' ? 'zh-CN' : 'en',
  };
}

/** CSL-JSON as a file holds it: an array of items. */
export function cslJson(m: CitationModel): string {
  return JSON.stringify([cslItem(m)], null, 2);
}
