/**
 * The clause pages' citations as a reference manager sees them: the CSL-JSON each page offers,
 * rendered by citeproc-js (the engine inside Zotero and Mendeley) with the official GB/T
 * 7714-2015 numeric and Chicago author-date styles, gives the citations the page displays.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import CSL from 'citeproc';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { chicagoCitation, citationModel, cslItem, gbtCitation } from '../../src/lib/citation/citation';
import { ROOT } from '../../scripts/lib/core/paths';
import { useSite } from '../helpers/site';
import { VALIDATORS } from '../helpers/validators';

const site = useSite();
const csl = (file: string) => readFileSync(path.join(VALIDATORS, 'csl', file), 'utf8');
const LOCALES: Record<string, string> = { 'zh-CN': csl('locales-zh-CN.xml'), 'en-US': csl('locales-en-US.xml') };
const STYLES = { gbt: csl('china-national-standard-gb-t-7714-2015-numeric.csl'), chicago: csl('chicago-author-date.csl') };

// Items by id, for the engines; one engine per style, built once (Chicago's takes seconds to parse).
const ITEMS = new Map<string, { id: string }>();
const engines = new Map<keyof typeof STYLES, InstanceType<typeof CSL.Engine>>();

/** The bibliography entry citeproc-js makes of one CSL item with a style (in the style's own locale). */
function render(style: keyof typeof STYLES, item: { id: string }): string {
  let engine = engines.get(style);
  if (!engine) {
    engine = new CSL.Engine({ retrieveLocale: (lang: string) => LOCALES[lang]!, retrieveItem: (id: string) => ITEMS.get(id)! }, STYLES[style]);
    engine.setOutputFormat('text');
    engines.set(style, engine);
  }
  // A fresh id each time, so that the engine never reuses what it made of an earlier item.
  const id = `item-${ITEMS.size}`;
  ITEMS.set(id, { ...item, id });
  engine.updateItems([id]);
  const bibliography = engine.makeBibliography();
  if (!bibliography) throw new Error('the style makes no bibliography');
  const [, entries] = bibliography;
  // The numeric style numbers its entries; one item at a time, its number is [1].
  return entries.join('').trim().replace(/^\[1\]\s*/u, '');
}

const today = new Date();
const ISO = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;

const CLAUSES = [
  // [document, clause, its label in Chinese, in English, the document's date or null]
  ['lmc-poa-2018-2022', '4.2.5', '第4.2.5条', 'Clause 4.2.5', '2018-01-10'],
  ['lmc-poa-2018-2022', '3.p1', '第三部分第一段', 'Section 3, Para. 1', '2018-01-10'],
  ['lmc-innovation-corridor-initiative', '3', '第三段', 'Para. 3', '2023-12-25'],
  ['lmc-innovation-corridor-initiative', 'preamble.p1', '序言第一段', 'Preamble, Para. 1', '2023-12-25'],
  ['asean-china-poa-2021-2025', '11.3', '第11.3条', 'Clause 11.3', '2020-11-12'],
  ['lmc-naypyitaw-declaration-2023', '14', '第十四段', 'Para. 14', '2023-12-25'],
  ['lmc-vientiane-declaration-2020', 'preamble.p2', '序言第二段', 'Preamble, Para. 2', '2020-08-24'],
  ['lmc-poa-2023-2027', '4.2.6', '第4.2.6条', 'Clause 4.2.6', '2023-12-25'],
] as const;

const index = JSON.parse(readFileSync(path.join(ROOT, 'dist', 'data', 'index.json'), 'utf8')) as { documents: { id: string; title: { zh: string; en: string } }[] };

/**
 * Who issued each document, as citations name its author (issue 28): the leaders' meeting, the
 * governments or organisation, or a summary's publisher; never the edition.
 */
const ISSUED_BY: Record<string, { zh: string[]; en: string[] }> = {
  'lmc-poa-2018-2022': { zh: ['澜沧江-湄公河合作第二次领导人会议'], en: ["Second Lancang-Mekong Cooperation Leaders’ Meeting"] },
  'lmc-poa-2023-2027': { zh: ['新华社'], en: ['Xinhua News Agency'] },
  'lmc-vientiane-declaration-2020': { zh: ['澜沧江—湄公河合作第三次领导人会议'], en: ["Third Lancang-Mekong Cooperation Leaders’ Meeting"] },
  'lmc-naypyitaw-declaration-2023': { zh: ['澜沧江—湄公河合作第四次领导人会议'], en: ["Fourth Lancang-Mekong Cooperation Leaders’ Meeting"] },
  'asean-china-poa-2021-2025': { zh: ['中国', '东盟'], en: ['ASEAN', 'China'] },
  'lmc-innovation-corridor-initiative': { zh: ['柬埔寨', '中国', '老挝', '缅甸', '泰国', '越南'], en: ['Cambodia', 'China', 'Laos', 'Myanmar', 'Thailand', 'Viet Nam'] },
};
const docTitle = (id: string, lang: 'zh' | 'en') => index.documents.find((d) => d.id === id)!.title[lang];
/** Who made the English, as content/edition.yaml names them: the translator of every English citation. */
const { translator } = parse(readFileSync(path.join(ROOT, 'content', 'edition.yaml'), 'utf8')) as { translator: string };

describe.each(['zh', 'en'] as const)('on /%s/ clause pages', (lang) => {
  test.each(CLAUSES)('citeproc-js renders the CSL-JSON of %s#%s as the page displays it', async (doc, clause, labelZh, labelEn, date) => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}${lang}/${doc}/${clause}/`);
    const text = async (format: string) => (await page.textContent(`.citation-format[data-format="${format}"] pre`))!.trim();
    await page.waitForFunction(() => !document.querySelector('.citation-format[data-format="gbt"] pre')!.textContent!.includes('引用日期'));
    const items = JSON.parse(await text('csl')) as { id: string; title: string; URL: string; accessed: unknown; author?: { literal: string }[]; translator?: { literal: string }[]; 'container-title': string }[];
    expect(items).toHaveLength(1);
    const item = items[0]!;
    const url = `/${lang}/${doc}/${clause}/`;
    const title = lang === 'zh' ? `${docTitle(doc, 'zh')}：${labelZh}` : `${docTitle(doc, 'en')}, ${labelEn}`;
    // The page's language: its title, with the clause, and its own URL.
    expect(item).toMatchObject({ id: `${doc}#${clause}`, type: 'webpage', title, language: lang === 'zh' ? 'zh-CN' : 'en' });
    expect(new URL(item.URL).pathname).toBe(url);
    // The issuing body is the author; the edition is the container and, for the English, its
    // editors are the translator (not the edition's name again: "Translated by Mekong Plans
    // bilingual edition. Mekong Plans Bilingual Edition" read as one name printed twice).
    expect(item.author).toEqual(ISSUED_BY[doc]![lang].map((literal) => ({ literal })));
    expect(item['container-title']).not.toBe(item.author?.[0]?.literal);
    expect(item.translator).toEqual(lang === 'en' ? [{ literal: translator }] : undefined);
    expect(translator).not.toBe(item['container-title']);
    expect(item.accessed).toEqual({ 'date-parts': [ISO.split('-').map(Number)] });

    const gbt = render('gbt', item);
    const typographic = title.replace(/'/gu, '’');
    // GB/T 7714's authors: Latin letters in capitals, three names and then 等.
    const names = ISSUED_BY[doc]![lang].map((n) => n.replace(/'/gu, '’').toUpperCase());
    const authors = names.length > 3 ? `${names.slice(0, 3).join(', ')}, 等` : names.join(', ');
    expect(gbt).toBe(`${authors}. ${typographic}[EB/OL]. ${date ? `(${date})` : ''}[${ISO}]. ${item.URL}.`);
    expect(await text('gbt')).toBe(gbt);

    const chicago = render('chicago', item);
    expect(chicago).toContain(`“${typographic}.”`);
    expect(chicago.startsWith(ISSUED_BY[doc]![lang][0]!.replace(/'/gu, '’'))).toBe(true);
    if (lang === 'en') expect(chicago).toContain(`Translated by ${translator}. ${item['container-title'].replace(/\bbilingual edition\b/u, 'Bilingual Edition')}`);
    else expect(chicago).not.toContain('Translated by');
    expect(chicago).toContain(date ? ` ${date.slice(0, 4)}. “` : ' n.d. “');
    expect(chicago).not.toContain('..');
    expect(chicago.endsWith(` ${item.URL}.`)).toBe(true);
    expect(await text('chicago')).toBe(chicago);

    const bib = await text('bibtex');
    expect(bib).toContain(`title = {{${title}}}`);
    expect(bib).toContain(`url = {${item.URL}}`);
    expect(bib).toContain(`urldate = {${ISO}}`);
    expect(bib.includes(`date = {${date}}`)).toBe(date !== null);
    expect(await text('url')).toBe(item.URL);
    await page.close();
  });
});

describe('every clause', () => {
  test('in both languages, citeproc-js prints from the model’s CSL-JSON what the displayed forms print', () => {
    const edition = parse(readFileSync(path.join(ROOT, 'content', 'edition.yaml'), 'utf8')) as { name: { zh: string; en: string }; translator: string };
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    let n = 0;
    for (const { id } of index.documents) {
      const doc = JSON.parse(readFileSync(path.join(ROOT, 'dist', 'data', `${id}.json`), 'utf8'));
      for (const clause of doc.clauses as { id: string }[]) {
        for (const lang of ['zh', 'en'] as const) {
          const model = citationModel({ lang, doc, clause, url: `https://intranet.example/lmc/${lang}/${id}/${clause.id}/`, edition: edition.name, translator: edition.translator, version, accessed: ISO });
          const item = cslItem(model);
          expect(item.author?.map((a) => a.literal), `${id}#${clause.id}`).toEqual(ISSUED_BY[id]![lang]);
          expect(render('gbt', item)).toBe(gbtCitation(model));
          expect(render('chicago', item)).toBe(chicagoCitation(model));
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(900);
  }, 300_000);
});
