/**
 * What reference managers and scholarly indexers read (issue 28): every clause page embeds
 * Highwire Press tags (Google Scholar's), Dublin Core, Open Graph and JSON-LD, with the same
 * facts as the clause's CSL-JSON download (title, issuing body, date, URL, language), and a
 * description of its own; document pages likewise. Pages are parsed by Chromium's own HTML
 * parser (DOMParser), all of them, and one is loaded to see that the JSON-LD breaks no policy.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openingWords } from '../../src/lib/citation/citation';
import { ROOT } from '../../scripts/lib/core/paths';
import { useSite } from '../helpers/site';

const DIST = path.join(ROOT, 'dist');
const site = useSite();

interface Embedded {
  file: string;
  names: Record<string, string[]>;
  properties: Record<string, string[]>;
  jsonLd: { name: string; author?: { name: string }[]; datePublished?: string; inLanguage: string; url: string; version: string; translator?: { name: string }; isPartOf: { name: string } }[];
  description: string[];
}

/** The head metadata of HTML files, read by Chromium's parser. */
async function embedded(files: string[]): Promise<Embedded[]> {
  const page = await site.browser.context.newPage();
  const out: Embedded[] = [];
  for (let i = 0; i < files.length; i += 100) {
    const batch = await Promise.all(files.slice(i, i + 100).map(async (file) => ({ file, html: await readFile(file, 'utf8') })));
    out.push(...(await page.evaluate((pages) => pages.map(({ file, html }) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const names: Record<string, string[]> = {};
      const properties: Record<string, string[]> = {};
      for (const meta of doc.head.querySelectorAll('meta[content]')) {
        const name = meta.getAttribute('name');
        const property = meta.getAttribute('property');
        if (name) (names[name] ??= []).push(meta.getAttribute('content')!);
        if (property) (properties[property] ??= []).push(meta.getAttribute('content')!);
      }
      const jsonLd = [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent!));
      return { file, names, properties, jsonLd, description: names.description ?? [] };
    }), batch)));
  }
  await page.close();
  return out;
}

interface CslItem { title: string; author?: { literal: string }[]; translator?: { literal: string }[]; 'container-title': string; version: string; issued?: { 'date-parts': number[][] }; URL: string; language: string }
interface Clause { id: string; heading?: { zh: string; en: string }; text: { zh: string; en: string } }

describe('embedded citation metadata', () => {
  test('every clause page, both languages, embeds its CSL-JSON facts as Highwire, Dublin Core, Open Graph and JSON-LD, and a description of its own', async () => {
    const index = JSON.parse(await readFile(path.join(DIST, 'data', 'index.json'), 'utf8')) as { documents: { id: string }[] };
    const expected = new Map<string, { csl: CslItem; clause: Clause; lang: 'zh' | 'en' }>();
    for (const { id } of index.documents) {
      const doc = JSON.parse(await readFile(path.join(DIST, 'data', `${id}.json`), 'utf8')) as { clauses: Clause[] };
      for (const clause of doc.clauses) {
        for (const lang of ['zh', 'en'] as const) {
          const [csl] = JSON.parse(await readFile(path.join(DIST, 'data', 'citations', id, `${clause.id}.${lang}.json`), 'utf8')) as CslItem[];
          expected.set(path.join(DIST, lang, id, clause.id, 'index.html'), { csl: csl!, clause, lang });
        }
      }
    }
    expect(expected.size).toBeGreaterThan(900);
    const problems: string[] = [];
    const descriptions = new Map<string, string>();
    for (const page of await embedded([...expected.keys()])) {
      const { csl, clause, lang } = expected.get(page.file)!;
      const where = path.relative(DIST, page.file);
      const check = (what: string, actual: unknown, wanted: unknown) => {
        if (JSON.stringify(actual) !== JSON.stringify(wanted)) problems.push(`${where}: ${what} is ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`);
      };
      const authors = (csl.author ?? []).map((a) => a.literal);
      const date = csl.issued?.['date-parts'][0];
      const iso = date?.map((n, i) => (i ? String(n).padStart(2, '0') : String(n))).join('-');
      check('author list (the issuing body)', authors.length > 0, true);
      // Highwire Press, as Google Scholar's inclusion guidelines give them.
      check('citation_title', page.names.citation_title, [csl.title]);
      check('citation_author', page.names.citation_author ?? [], authors);
      check('citation_publication_date', page.names.citation_publication_date, date ? [date.join('/')] : undefined);
      check('citation_language', page.names.citation_language, [csl.language]);
      check('citation_public_url', page.names.citation_public_url, [csl.URL]);
      // Dublin Core.
      check('DC.title', page.names['DC.title'], [csl.title]);
      check('DC.creator', page.names['DC.creator'] ?? [], authors);
      check('DC.contributor (translator)', page.names['DC.contributor'], csl.translator?.map((t) => t.literal));
      check('DC.date', page.names['DC.date'], iso ? [iso] : undefined);
      check('DC.language', page.names['DC.language'], [csl.language]);
      check('DC.identifier', page.names['DC.identifier'], [csl.URL]);
      check('DCTERMS.isPartOf', page.names['DCTERMS.isPartOf'], [csl['container-title']]);
      // Open Graph: the item type Zotero takes (a web page, as CSL's) and the site (CSL's container).
      check('og:type', page.properties['og:type'], ['website']);
      check('og:site_name', page.properties['og:site_name'], [csl['container-title']]);
      check('og:url', page.properties['og:url'], [csl.URL]);
      // JSON-LD.
      check('JSON-LD blocks', page.jsonLd.length, 1);
      const ld = page.jsonLd[0]!;
      check('JSON-LD name', ld?.name, csl.title);
      check('JSON-LD author', ld?.author?.map((a) => a.name) ?? [], authors);
      check('JSON-LD datePublished', ld?.datePublished, iso);
      check('JSON-LD inLanguage', ld?.inLanguage, csl.language);
      check('JSON-LD url', ld?.url, csl.URL);
      check('JSON-LD version', ld?.version, csl.version);
      check('JSON-LD translator', ld?.translator?.name, csl.translator?.[0]?.literal);
      check('JSON-LD isPartOf', ld?.isPartOf?.name, csl['container-title']);
      // Its own description: the clause's opening words (its heading where it has no text).
      const own = clause.text[lang] || clause.heading?.[lang] || clause.text.zh || clause.heading?.zh || '';
      check('description', page.description, [openingWords(own, lang)]);
      if (page.description[0]) descriptions.set(where, page.description[0]);
    }
    expect(problems.slice(0, 30)).toEqual([]);
    // Clause pages of one language share no description with the site's tagline.
    const tagline = (await embedded([path.join(DIST, 'en', 'index.html')]))[0]!.description[0];
    expect([...descriptions.values()].filter((d) => d === tagline)).toEqual([]);
  }, 240_000);

  test('document pages embed the document as cited, with the whole document\'s BibTeX facts', async () => {
    const index = JSON.parse(await readFile(path.join(DIST, 'data', 'index.json'), 'utf8')) as { documents: { id: string; title: { zh: string; en: string }; author?: { zh: string[]; en: string[] }; date: string | null }[] };
    for (const lang of ['zh', 'en'] as const) {
      const pages = await embedded(index.documents.map((d) => path.join(DIST, lang, d.id, 'index.html')));
      for (const [i, doc] of index.documents.entries()) {
        const page = pages[i]!;
        const bib = await readFile(path.join(DIST, 'data', 'citations', `${doc.id}.${lang}.bib`), 'utf8');
        const first = bib.slice(0, bib.indexOf('\n}\n'));
        expect(page.names.citation_title).toEqual([lang === 'en' ? doc.title.en : doc.title.zh]);
        expect(first).toContain(`title = {{${page.names.citation_title![0]}}}`);
        expect(page.names.citation_author).toEqual(doc.author![lang]);
        expect(first).toContain(`url = {${page.names.citation_public_url![0]}}`);
        expect(page.names.citation_publication_date).toEqual(doc.date ? [doc.date.split('-').map(Number).join('/')] : undefined);
        expect(page.description[0]!.startsWith(lang === 'en' ? doc.title.en : doc.title.zh)).toBe(true);
      }
    }
  });

  test('the JSON-LD is a data block: a clause page loads with no policy violation and the policy allows no new script', async () => {
    const page = await site.browser.context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
    await page.goto(`${site.server.url}en/lmc-poa-2018-2022/4.2.5/`);
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
    const policy = (await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'))!;
    // Only the 404 page's script is allowed by hash, as before JSON-LD came.
    expect(policy.match(/'sha256-/gu)).toHaveLength(1);
    expect(policy).not.toContain('unsafe-inline');
    await page.close();
  });
});

describe('descriptions', () => {
  test('document and clause pages each have their own', async () => {
    const files = (await readdir(path.join(DIST, 'en', 'lmc-vientiane-declaration-2020'), { recursive: true })).filter((f) => f.endsWith('index.html')).map((f) => path.join(DIST, 'en', 'lmc-vientiane-declaration-2020', f));
    const pages = await embedded(files);
    const descriptions = pages.map((p) => p.description[0]);
    expect(new Set(descriptions).size).toBe(descriptions.length);
  });
});
