/**
 * Per-document downloads: CSV (one row per clause) and Akoma Ntoso 3.0 XML, one file per
 * language expression of the same work, with eIds derived from clause ids.
 */
import type { Clause, DocumentData } from '../../../src/schemas/document';
import { csvRowSchema } from '../../../src/schemas/data-dictionary';
import type { z } from 'astro/zod';

type CsvRow = z.infer<typeof csvRowSchema>;

// A cell a spreadsheet would read as a formula (= + - @, or a tab or carriage return before
// one) is neutralised with a leading apostrophe, as OWASP recommends against CSV injection.
const FORMULA = /^[=+\-@\t\r]/u;
// Where the spreadsheet's list separator is ; (de-DE, fr-FR…) it splits a double-clicked file
// on every ; (and some imports on tabs), quotes or not: a formula could start after any
// separator in the text, so one there gets the apostrophe too.
const FORMULA_AFTER_SEPARATOR = /([;,\t][ ]*)(?=[=+\-@])/gu;

/** One CSV cell: neutralised wherever a spreadsheet could start a formula, quoted if it holds a separator, quote or line break. */
export function csvField(raw: string): string {
  const value = (FORMULA.test(raw) ? `'${raw}` : raw).replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return /[",;\n\r]/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value;
}

/**
 * RFC 4180 CSV with a header row, UTF-8 with a BOM so that spreadsheet programs read Chinese
 * correctly. Cells that a spreadsheet would take for a formula start with an apostrophe.
 */
export function toCsv(doc: DocumentData): string {
  // The columns are the data dictionary's (src/schemas/data-dictionary.ts), in its order.
  const header = Object.keys(csvRowSchema.shape) as (keyof CsvRow)[];
  const rows = doc.clauses.map((c) => {
    const row: CsvRow = {
      id: c.id,
      parent: c.parent ?? '',
      number: c.number ?? '',
      heading_zh: c.heading?.zh ?? '',
      heading_en: c.heading?.en ?? '',
      text_zh: c.text.zh,
      text_en: c.text.en,
      source: c.source.map((s) => `${s.file}:${s.lines[0]}-${s.lines[1]}`).join(' '),
      translation_status: c.translation.status,
    };
    return header.map((key) => row[key]);
  });
  return `\ufeff${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

const xml = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

/**
 * The Akoma Ntoso eId of a clause: one `clause_N` (or `para_N` for an unnumbered paragraph)
 * per level, joined by `__`: 4.2.5 → clause_4__clause_2__clause_5; 4.1.1.p2 →
 * clause_4__clause_1__clause_1__para_2; preamble.p1 → preamble__para_1.
 */
export function eId(clauseId: string): string {
  return clauseId
    .split('.')
    .map((part) => (part === 'preamble' ? 'preamble' : part.startsWith('p') ? `para_${part.slice(1)}` : `clause_${part}`))
    .join('__');
}

const LANGS = { zh: 'zho', en: 'eng' } as const;

export interface AknOptions {
  /** The edition's version: the expression's. */
  version: string;
  /** The edition's publication date: the expression's version date and the file's generation date. */
  edition: string;
}

/** An organisation's eId in the Akoma Ntoso references: its English name in lower case, hyphenated. */
const orgId = (name: string) => name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '');

/** One Akoma Ntoso document (a language expression of the work) as XML text. */
export function toAkomaNtoso(doc: DocumentData, lang: 'zh' | 'en', options: AknOptions): string {
  const work = `/akn/lmc/doc/${doc.type}/${doc.date ?? 'undated'}/${doc.id}`;
  const expression = `${work}/${LANGS[lang]}@${options.version}`;
  const manifestation = `${expression}/main.xml`;
  // Who issued the work (the recipe's author), else the edition; the English expression is the edition's translation.
  const issuers = (doc.author?.en ?? []).map((name, i) => ({ id: orgId(name), name, showAs: doc.author![lang][i]! }));
  const workAuthors = issuers.length ? issuers.map((o) => `#${o.id}`) : ['#mekong-plans'];
  const expressionAuthors = lang === 'zh' ? workAuthors : ['#mekong-plans'];
  const authors = (refs: string[]) => refs.map((r) => `\n        <FRBRauthor href="${xml(r)}"/>`).join('');
  const children = new Map<string | null, Clause[]>();
  for (const c of doc.clauses) {
    const parent = c.id.startsWith('preamble') ? 'preamble' : c.parent;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const render = (c: Clause, indent: string): string => {
    const kids = children.get(c.id) ?? [];
    const num = c.number ? `\n${indent}  <num>${xml(c.number)}</num>` : '';
    const heading = c.heading ? `\n${indent}  <heading>${xml(c.heading[lang])}</heading>` : '';
    // The schema allows either <content> alone or an optional <intro> before child elements: a
    // clause's own text is its content when it has no children and its lead-in (intro) when it has.
    const wrapper = kids.length ? 'intro' : 'content';
    const content = c.text[lang] ? `\n${indent}  <${wrapper}><p>${xml(c.text[lang])}</p></${wrapper}>` : '';
    const inner = kids.map((k) => `\n${render(k, `${indent}  `)}`).join('');
    const tag = c.number ? 'hcontainer' : 'paragraph';
    const name = c.number ? ' name="clause"' : '';
    // A paragraph without its own text but with children cannot be empty in AKN: its content is then omitted.
    return `${indent}<${tag}${name} eId="${eId(c.id)}">${num}${heading}${content || (inner ? '' : `\n${indent}  <content><p/></content>`)}${inner}\n${indent}</${tag}>`;
  };
  const preamble = children.get('preamble') ?? [];
  const top = children.get(null) ?? [];
  // The work's date is its adoption, where the sources give it. The schema requires a date, so an
  // undated work carries the edition's, named for what it is (its URI says "undated").
  const dates = {
    Work: doc.date ? { date: doc.date, name: 'adoption' } : { date: options.edition, name: 'edition' },
    Expression: { date: options.edition, name: 'version' },
    Manifestation: { date: options.edition, name: 'generation' },
  };
  const frbr = (level: 'Work' | 'Expression' | 'Manifestation', uri: string, extra = '') =>
    `      <FRBR${level}>
        <FRBRthis value="${xml(level === 'Work' ? `${work}/!main` : level === 'Expression' ? `${expression}/!main` : manifestation)}"/>
        <FRBRuri value="${xml(uri)}"/>
        <FRBRdate date="${dates[level].date}" name="${dates[level].name}"/>${authors(level === 'Work' ? workAuthors : level === 'Expression' ? expressionAuthors : ['#mekong-plans'])}${extra}
      </FRBR${level}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <doc name="${doc.type}">
    <meta>
      <identification source="#mekong-plans">
${frbr('Work', work, `\n        <FRBRcountry value="lmc"/>\n        <FRBRname value="${xml(doc.title[lang] || doc.title.zh)}"/>`)}
${frbr('Expression', expression, `\n        <FRBRlanguage language="${LANGS[lang]}"/>`)}
${frbr('Manifestation', manifestation, '\n        <FRBRformat value="application/akn+xml"/>')}
      </identification>
      <references source="#mekong-plans">
${issuers.map((o) => `        <TLCOrganization eId="${xml(o.id)}" href="/ontology/organization/${xml(o.id)}" showAs="${xml(o.showAs)}"/>\n`).join('')}        <TLCOrganization eId="mekong-plans" href="/ontology/organization/mekong-plans" showAs="Mekong Plans"/>
      </references>
    </meta>
    <preface>
      <p><docTitle>${xml(doc.title[lang] || doc.title.zh)}</docTitle></p>
    </preface>${preamble.length ? `
    <preamble>
${preamble.map((p) => `      <p eId="${eId(p.id)}">${xml(p.text[lang])}</p>`).join('\n')}
    </preamble>` : ''}
    <mainBody>
${top.map((c) => render(c, '      ')).join('\n')}
    </mainBody>
  </doc>
</akomaNtoso>
`;
}
