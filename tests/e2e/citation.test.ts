/** Citation and permanence in Chromium: citation block, canonical links, sitemap, downloads, redirects. */
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { Diagnostics } from '../../scripts/lib/diagnostics';
import { writeRedirectPages } from '../../scripts/lib/downloads';
import { buildModel } from '../../scripts/lib/model';
import { projectPaths, ROOT } from '../../scripts/lib/paths';
import { useSite } from '../helpers/site';
import { fixtureProject } from '../helpers/fixture-project';

const site = useSite();

const CLAUSE = 'en/lmc-poa-2018-2022/4.2.5/';
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('the citation block', () => {
  test('offers GB/T 7714, Chicago, URL, BibTeX and CSL-JSON in the page’s language, with the access date filled in', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}zh/lmc-poa-2018-2022/4.2.5/`);
    const text = async (format: string) => (await page.textContent(`.citation-format[data-format="${format}"] pre`))!;
    const gbt = await text('gbt');
    expect(gbt).toMatch(/^澜沧江-湄公河合作五年行动计划（2018-2022）：第4\.2\.5条\[EB\/OL\]\. \(2018-01-10\)\[(\d{4}-\d{2}-\d{2})\]\. https?:\/\/.+\/zh\/lmc-poa-2018-2022\/4\.2\.5\/\.$/u);
    expect(gbt).toContain(`[${today()}]`);
    expect(await text('chicago')).toContain('. 2018. “澜沧江-湄公河合作五年行动计划（2018-2022）：第4.2.5条.” Version ');
    expect(await text('url')).toMatch(/^https?:\/\/.+\/zh\/lmc-poa-2018-2022\/4\.2\.5\/$/u);
    expect(await text('bibtex')).toContain(`urldate = {${today()}}`);
    expect(await text('bibtex')).toContain('/zh/lmc-poa-2018-2022/4.2.5/}');
    const [csl] = JSON.parse(await text('csl'));
    expect(csl).toMatchObject({ id: 'lmc-poa-2018-2022#4.2.5', type: 'webpage', title: '澜沧江-湄公河合作五年行动计划（2018-2022）：第4.2.5条', issued: { 'date-parts': [[2018, 1, 10]] } });
    expect(csl.accessed['date-parts'][0]).toHaveLength(3);
    expect(await page.locator('.copy-citation').first().isVisible()).toBe(true);
    // The downloads carry what the page shows, access date included (issue 24: one click away,
    // with BibTeX and CSL-JSON, behind a disclosure).
    await page.locator('.more-citations > summary').click();
    for (const format of ['bibtex', 'csl']) {
      const href = (await page.getAttribute(`.citation-downloads a[data-format="${format}"]`, 'href'))!;
      expect(href).toMatch(/^blob:/u);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`.citation-downloads a[data-format="${format}"]`)]);
      expect(download.suggestedFilename()).toBe(`lmc-poa-2018-2022-4-2-5-zh.${format === 'csl' ? 'json' : 'bib'}`);
      expect(await readFile((await download.path())!, 'utf8')).toBe(`${await text(format)}\n`);
    }
    await page.close();
  });

  test('prints an undated document’s year as “n.d.” with a single full stop', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}${'en/lmc-innovation-corridor-initiative/preamble.p1/'}`);
    const chicago = (await page.textContent('.citation-format[data-format="chicago"] pre'))!;
    expect(chicago).toContain(' n.d. “Joint Initiative on Building the Lancang-Mekong Regional Innovation Corridor, Preamble, Para. 1.”');
    expect(chicago).not.toContain('..');
    expect(chicago).toMatch(/Accessed [A-Z][a-z]+ \d{1,2}, \d{4}\. https?:\/\/\S+\/en\/lmc-innovation-corridor-initiative\/preamble\.p1\/\.$/u);
    await page.close();
  });

  test('is correct without JavaScript except the date, and its downloads are the same text', async () => {
    const context = await site.browser.context.browser()!.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}${CLAUSE}`);
    const text = async (format: string) => (await page.textContent(`.citation-format[data-format="${format}"] pre`))!;
    expect(await text('gbt')).toContain('(2018-01-10)[引用日期]');
    expect(await text('gbt')).toContain('Five-Year Plan of Action on Lancang-Mekong Cooperation (2018-2022), Clause 4.2.5[EB/OL]');
    expect(await text('chicago')).toContain('. 2018. “Five-Year Plan of Action on Lancang-Mekong Cooperation (2018-2022), Clause 4.2.5.” Version ');
    expect(JSON.parse(await text('csl'))[0].accessed).toBeUndefined();
    for (const format of ['bibtex', 'csl']) {
      const href = new URL((await page.getAttribute(`.citation-downloads a[data-format="${format}"]`, 'href'))!, page.url()).href;
      expect(href).toMatch(format === 'csl' ? /\/data\/citations\/lmc-poa-2018-2022\/4\.2\.5\.en\.json$/u : /\.en\.bib$/u);
      expect(await (await fetch(href)).text()).toBe(`${await text(format)}\n`);
    }
    // The whole document's BibTeX: its own entry, then one per clause, in the page's language.
    const whole = await (await fetch(new URL((await page.getAttribute('.citation-downloads a:last-child', 'href'))!, page.url()))).text();
    const data = JSON.parse(await readFile(path.join(ROOT, 'dist', 'data', 'lmc-poa-2018-2022.json'), 'utf8'));
    expect(whole.match(/^@misc\{/gmu)).toHaveLength(data.clauses.length + 1);
    expect(whole).toContain(`@misc{lmc-poa-2018-2022-document-en,\n  title = {{Five-Year Plan of Action on Lancang-Mekong Cooperation (2018-2022)}}`);
    expect(whole).toContain(await text('bibtex'));
    await context.close();
  });
});

describe('canonical addresses', () => {
  test('each page has a canonical link and hreflang alternates, and the sitemap lists every clause page', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}${CLAUSE}`);
    const canonical = await page.getAttribute('link[rel="canonical"]', 'href');
    expect(canonical).toMatch(/\/en\/lmc-poa-2018-2022\/4\.2\.5\/$/u);
    expect(await page.getAttribute('link[rel="alternate"][hreflang="zh-CN"]', 'href')).toMatch(/\/zh\/lmc-poa-2018-2022\/4\.2\.5\/$/u);
    const sitemap = await readFile(path.join(ROOT, 'dist', 'sitemap.xml'), 'utf8');
    const registry = await readFile(path.join(ROOT, 'content', 'registry.yaml'), 'utf8');
    expect(sitemap).toContain(`<loc>${canonical}</loc>`);
    expect(sitemap.match(/<loc>/gu)!.length).toBeGreaterThan(2 * (registry.match(/^\s+- /gmu)!.length));
    await page.close();
  });
});

describe('downloads', () => {
  test('the document page links JSON, CSV and Akoma Ntoso, and the files are what they say', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}zh/lmc-naypyitaw-declaration-2023/`);
    const links = await page.$$eval('.downloads a[download]', (els) => els.map((e) => (e as HTMLAnchorElement).href));
    expect(links).toHaveLength(5);
    expect(links[4]).toMatch(/\/data\/citations\/lmc-naypyitaw-declaration-2023\.zh\.bib$/u);
    expect(await (await fetch(links[4]!)).text()).toMatch(/^@misc\{lmc-naypyitaw-declaration-2023-document-zh,\n  title = \{\{澜沧江—湄公河合作第四次领导人会议内比都宣言\}\}/u);
    const data = JSON.parse(await (await fetch(links[0]!)).text());
    const csv = await (await fetch(links[1]!)).text();
    const rows = csv.replace(/^\ufeff/u, '').trim().split('\r\n');
    expect(rows[0]).toBe('id,parent,number,heading_zh,heading_en,text_zh,text_en,source,translation_status');
    expect(rows).toHaveLength(data.clauses.length + 1);
    // Akoma Ntoso 3.0 structure (tests/e2e/validators.test.ts also validates every file against the OASIS schema):
    // well-formed XML in the AKN namespace; FRBR work, expression (with language) and manifestation;
    // one element per clause, eIds unique and derived from the clause ids; the clause text present.
    for (const [url, lang] of [[links[2]!, 'zho'], [links[3]!, 'eng']] as const) {
      await page.goto(url);
      const check = await page.evaluate(async (href) => {
        const doc = new DOMParser().parseFromString(await (await fetch(href)).text(), 'application/xml');
        const ns = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';
        const all = (tag: string) => [...doc.getElementsByTagNameNS(ns, tag)];
        const eIds = [...doc.querySelectorAll('[eId]')].map((e) => e.getAttribute('eId')!);
        return {
          parseError: doc.getElementsByTagName('parsererror').length,
          root: doc.documentElement.localName,
          namespace: doc.documentElement.namespaceURI,
          frbr: ['FRBRWork', 'FRBRExpression', 'FRBRManifestation'].map((t) => all(t).length),
          language: all('FRBRlanguage')[0]?.getAttribute('language'),
          eIds,
          unique: new Set(eIds).size === eIds.length,
          fourteen: doc.querySelector('[eId="clause_14"] content p')?.textContent ?? '',
        };
      }, url);
      expect(check.parseError).toBe(0);
      expect(check.root).toBe('akomaNtoso');
      expect(check.namespace).toBe('http://docs.oasis-open.org/legaldocml/ns/akn/3.0');
      expect(check.frbr).toEqual([1, 1, 1]);
      expect(check.language).toBe(lang);
      expect(check.unique).toBe(true);
      expect(check.eIds.filter((e) => e.startsWith('clause_'))).toHaveLength(data.clauses.length);
      expect(check.fourteen.length).toBeGreaterThan(50);
    }
    await page.close();
  });
});

describe('moved clauses', () => {
  test('a redirect page at the old address reaches the new clause in the browser, without a server', async () => {
    const root = await fixtureProject('redirected-id');
    const model = await buildModel(projectPaths(root), new Diagnostics());
    const out = await mkdtemp(path.join(os.tmpdir(), 'mekong-redirect-'));
    await writeRedirectPages(model.permanence.redirects, out, 'https://example.org/lmc/');
    const target = path.join(out, 'en', 'fixture-plan', '1.1.2');
    await mkdir(target, { recursive: true });
    await writeFile(path.join(target, 'index.html'), '<!doctype html><html lang="en"><title>1.1.2</title><h1 id="t">Clause 1.1.2</h1></html>');
    const page = await site.browser.context.newPage();
    await page.goto(pathToFileURL(path.join(out, 'en', 'fixture-plan', '1.1.3', 'index.html')).href);
    await page.waitForURL(/1\.1\.2\/index\.html$/u);
    expect(await page.textContent('#t')).toBe('Clause 1.1.2');
    await page.close();
  });
});

describe('old anchors', () => {
  test('a moved clause’s old fragment on the document page reaches the new clause', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}en/lmc-poa-2018-2022/`);
    // The map the page carries when content/redirects.yaml moves a clause within this document.
    await page.evaluate(() => {
      const holder = document.createElement('div');
      holder.id = 'anchor-redirects';
      holder.hidden = true;
      holder.dataset.map = JSON.stringify({ '4.2.50': '4.2.5' });
      document.body.append(holder);
      location.hash = '4.2.50';
    });
    await page.waitForURL(/#4\.2\.5$/u);
    expect(await page.locator('[id="4.2.5"]').isVisible()).toBe(true);
    await page.close();
  });
});
