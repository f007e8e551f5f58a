/**
 * One citation model per clause (or whole document) and interface language, and every form
 * derived from it: GB/T 7714-2015 and Chicago author-date as displayed, BibTeX and CSL-JSON.
 *
 * The model is in the page's language: on /zh/ the Chinese title and the /zh/ URL, on /en/ the
 * English. The author is the body that issued the text (the leaders' meeting, the governments,
 * or a summary's publisher: the recipe's `author`), never the edition: the edition is the
 * container, with its version, and on /en/ the translator, since the English is its own. The clause is part of the title ("…：第4.2.5条", "…, Clause 4.2.5"): a reference
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
import type { Clause, DocumentData } from '../../schemas/document';
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
  /** Who issued the text (or published the summary), in the page's language; empty where unknown. */
  authors: string[];
  /** The edition's name in the page's language. */
  container: string;
  /** Who translated the text cited: the edition, for the English; absent for the Chinese original. */
  translator?: string;
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
  doc: Pick<DocumentData, 'id' | 'title' | 'date' | 'type' | 'clauses' | 'author'>;
  /** Omitted for the whole document. */
  clause?: Pick<Clause, 'id'>;
  /** Absolute canonical URL of the cited page in `lang`. */
  url: string;
  edition: { zh: string; en: string };
  /** Who made the English (content/edition.yaml's `translator`): named in English citations. */
  translator: string;
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
    authors: i.doc.author?.[i.lang] ?? [],
    container: i.edition[i.lang],
    ...(i.lang === 'en' ? { translator: i.translator } : {}),
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
 * GB/T 7714-2015's authors: at most three, then 等; Latin letters in capitals, as the official
 * style prints names.
 */
function gbtAuthors(authors: string[]): string {
  const names = authors.map((a) => typographic(a).replace(/[a-z]/gu, (c) => c.toUpperCase()));
  return names.length > 3 ? `${names.slice(0, 3).join(', ')}, 等` : names.join(', ');
}

/**
 * GB/T 7714-2015, electronic resource: 主要责任者. 题名[EB/OL]. (发布日期)[引用日期]. 网址.
 * `accessed` may be a placeholder, printed as it is; without it the blank reads 引用日期.
 */
export function gbtCitation(m: CitationModel, accessed = m.accessed): string {
  const date = m.issued ? `(${m.issued})` : '';
  const authors = m.authors.length ? `${gbtAuthors(m.authors)}. ` : '';
  return `${authors}${typographic(m.title)}[EB/OL]. ${date}[${accessed ?? '引用日期'}]. ${m.url}.`;
}

/** Chicago's list of names: A; A and B; A, B, and C. */
function chicagoNames(names: string[]): string {
  const n = names.map(typographic);
  if (n.length < 3) return n.join(' and ');
  return `${n.slice(0, -1).join(', ')}, and ${n[n.length - 1]}`;
}

/**
 * Chicago author-date (18th ed.) for a web page: the author (or, without one, the site) first,
 * then the year or "n.d.", the title in quotation marks, the version, the translator, the site,
 * the day of publication or, for an undated document, the access date, and the URL.
 */
export function chicagoCitation(m: CitationModel, accessed = m.accessed): string {
  // The site's name is title-cased in English, as citeproc-js does.
  const site = typographic(m.lang === 'en' ? titleCase(m.container) : m.container);
  const day = m.issued ? usDate(m.issued).replace(/, \d{4}$/u, '') : undefined;
  const access = `Accessed ${accessed ? usDate(accessed) : '[date of access]'}.`;
  const parts = [
    m.authors.length ? `${chicagoNames(m.authors)}.` : `${site}.`,
    m.issued ? `${m.issued.slice(0, 4)}.` : 'n.d.',
    `“${typographic(m.title)}.”`,
    `Version ${m.version}.`,
    ...(m.translator ? [`Translated by ${typographic(m.translator)}.`] : []),
    // With an author, the site follows as the container, joined to the day of publication.
    ...(m.authors.length ? (day ? [`${site}, ${day}.`] : [`${site}.`, access]) : [day ? `${day}.` : access]),
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
  // Each name in braces: BibTeX reads it as one (corporate) name, never as first and last names.
  const names = (list: string[]) => list.map((n) => `{${bibEscape(n)}}`).join(' and ');
  const fields: [string, string][] = [
    ...(m.authors.length ? ([['author', names(m.authors)]] as [string, string][]) : []),
    // Double braces keep the title's capitals as they are.
    ['title', `{${bibEscape(m.title)}}`],
    ...(m.translator ? ([['translator', names([m.translator])]] as [string, string][]) : []),
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
  author?: { literal: string }[];
  title: string;
  'container-title': string;
  translator?: { literal: string }[];
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
    // Institutions and governments: literal names, which no style splits into given and family names.
    ...(m.authors.length ? { author: m.authors.map((literal) => ({ literal })) } : {}),
    title: m.title,
    'container-title': m.container,
    ...(m.translator ? { translator: [{ literal: m.translator }] } : {}),
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

/** A tag of embedded metadata: `<meta name|property=… content=…>`. */
export interface MetaTag {
  attribute: 'name' | 'property';
  key: string;
  content: string;
}

/**
 * The metadata a clause or document page embeds in its head, from the same model as its
 * CSL-JSON, for reference managers and scholarly indexers (issue 28):
 * - Highwire Press tags as Google Scholar's inclusion guidelines give them (citation_title, one
 *   citation_author per name, citation_publication_date as 2018/1/10), with citation_language and
 *   citation_public_url, which Zotero's Embedded Metadata translator reads as language and URL;
 * - Dublin Core (DC.title, DC.creator, DC.contributor for the translator, DC.date, DC.language,
 *   DC.identifier, DCTERMS.isPartOf);
 * - Open Graph's og:type website and og:site_name, from which Zotero takes the item type
 *   (web page, as the CSL type) and the website's title (the edition, the CSL container);
 * - JSON-LD (schema.org WebPage), returned separately.
 */
export function embeddedMetadata(m: CitationModel): { tags: MetaTag[]; jsonLd: Record<string, unknown> } {
  const language = m.lang === 'zh' ? 'zh-CN' : 'en';
  const name = (key: string, content: string): MetaTag => ({ attribute: 'name', key, content });
  const property = (key: string, content: string): MetaTag => ({ attribute: 'property', key, content });
  const date = m.issued ? m.issued.split('-').map(Number) : undefined;
  const tags = [
    name('citation_title', m.title),
    ...m.authors.map((a) => name('citation_author', a)),
    ...(date ? [name('citation_publication_date', date.join('/'))] : []),
    name('citation_language', language),
    name('citation_public_url', m.url),
    name('DC.title', m.title),
    ...m.authors.map((a) => name('DC.creator', a)),
    ...(m.translator ? [name('DC.contributor', m.translator)] : []),
    ...(m.issued ? [name('DC.date', m.issued)] : []),
    name('DC.language', language),
    name('DC.identifier', m.url),
    name('DCTERMS.isPartOf', m.container),
    property('og:type', 'website'),
    property('og:title', m.title),
    property('og:url', m.url),
    property('og:site_name', m.container),
    property('og:locale', m.lang === 'zh' ? 'zh_CN' : 'en'),
  ];
  const organisation = (n: string) => ({ '@type': 'Organization', name: n });
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    name: m.title,
    ...(m.authors.length ? { author: m.authors.map(organisation) } : {}),
    ...(m.issued ? { datePublished: m.issued } : {}),
    inLanguage: language,
    url: m.url,
    version: m.version,
    ...(m.translator ? { translator: organisation(m.translator) } : {}),
    isPartOf: { '@type': 'WebSite', name: m.container, version: m.version },
  };
  return { tags, jsonLd };
}

/**
 * JSON for a `<script type="application/ld+json">` data block: `<`, `>` and `&` escaped, so
 * that no text in it can end the block or open a comment.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A page's own description: the opening words of a text, at most `max` characters (80 for
 * Chinese, 160 for English, cut at a word), with an ellipsis where it was cut.
 */
export function openingWords(text: string, lang: CitationLang): string {
  const max = lang === 'zh' ? 80 : 160;
  const flat = text.replace(/\s+/gu, ' ').trim();
  if ([...flat].length <= max) return flat;
  const cut = [...flat].slice(0, max).join('');
  const atWord = lang === 'en' ? cut.replace(/\s+\S*$/u, '') : cut;
  return `${atWord.replace(/[\s,;:，、；：]+$/u, '')}…`;
}
