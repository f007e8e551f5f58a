/** Citation and permanence in Chromium: citation block, canonical links, sitemap, downloads, redirects. */
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { Diagnostics } from '../../scripts/lib/core/diagnostics';
import { writeRedirectPages } from '../../scripts/lib/publish/downloads';
import { buildModel } from '../../scripts/lib/model/model';
import { projectPaths, ROOT } from '../../scripts/lib/core/paths';
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
    // The issuing body is the author (issue 28), the address the page is served from is the URL.
    expect(gbt).toBe(`澜沧江-湄公河合作第二次领导人会议. 澜沧江-湄公河合作五年行动计划（2018-2022）：第4.2.5条[EB/OL]. (2018-01-10)[${today()}]. ${site.server.url}zh/lmc-poa-2018-2022/4.2.5/.`);
    expect(gbt).toContain(`[${today()}]`);
    expect(await text('chicago')).toMatch(/^澜沧江-湄公河合作第二次领导人会议\. 2018\. “澜沧江-湄公河合作五年行动计划（2018-2022）：第4\.2\.5条\.” Version [\d.]+\. 湄公河合作文件中英对照版, January 10\. /u);
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

  // The corpus's one undated text was dated by issue 27; the "n.d." form is tested in tests/unit/citation-undated.test.ts.
  test('prints the innovation corridor initiative under its official title and its year', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}${'en/lmc-innovation-corridor-initiative/preamble.p1/'}`);
    const chicago = (await page.textContent('.citation-format[data-format="chicago"] pre'))!;
    expect(chicago).toContain(' 2023. “The Joint Initiatives on the Lancang-Mekong Cooperation Innovation Corridor Development, Preamble, Para. 1.”');
    expect(chicago).not.toContain('..');
    expect(chicago).toMatch(/December 25\. https?:\/\/\S+\/en\/lmc-innovation-corridor-initiative\/preamble\.p1\/\.$/u);
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
    expect(whole).toContain(`@misc{lmc-poa-2018-2022-document-en,\n  author = {{Second Lancang-Mekong Cooperation Leaders’ Meeting}},\n  title = {{Five-Year Plan of Action on Lancang-Mekong Cooperation (2018-2022)}},\n  translator = {{the editors of Mekong Plans}},`);
    expect(whole).toContain(await text('bibtex'));
    await context.close();
  });
});

describe('canonical addresses', () => {
  test('each page has a canonical link and hreflang alternates that resolve to where it is served (a build without a published address)', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}${CLAUSE}`);
    const resolved = (selector: string) => page.evaluate((s) => (document.querySelector(s) as HTMLLinkElement).href, selector);
    expect(await resolved('link[rel="canonical"]')).toBe(`${site.server.url}${CLAUSE}index.html`);
    expect(await resolved('link[rel="alternate"][hreflang="zh-CN"]')).toBe(`${site.server.url}zh/lmc-poa-2018-2022/4.2.5/index.html`);
    // The sitemap, which needs absolute addresses, is tested on a build with SITE_URL (published-build.test.ts).
    await page.close();
  });
});

describe('downloads', () => {
  test('the document page links JSON, CSV and Akoma Ntoso, and the files are what they say', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}zh/lmc-naypyitaw-declaration-2023/`);
    await page.waitForFunction(() => document.querySelector<HTMLAnchorElement>('a[data-citation-file]')!.href.startsWith('blob:'));
    const links = await page.$$eval('.downloads a[download]', (els) => els.map((e) => (e as HTMLAnchorElement).href));
    expect(links).toHaveLength(5);
    // The whole document's BibTeX: the file's own name, its text personalised by the page's script.
    expect(await page.getAttribute('.downloads a[data-citation-file]', 'download')).toBe('lmc-naypyitaw-declaration-2023.zh.bib');
    // After the page's script: a blob with the served address and the access date (the browser fetches it).
    await page.click('.doc-tools > summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.downloads a[data-citation-file]')]);
    const bib = await readFile((await download.path())!, 'utf8');
    expect(bib).toMatch(/^@misc\{lmc-naypyitaw-declaration-2023-document-zh,\n  author = \{\{澜沧江—湄公河合作第四次领导人会议\}\},\n  title = \{\{澜沧江—湄公河合作第四次领导人会议内比都宣言\}\}/u);
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
