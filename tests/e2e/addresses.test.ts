/**
 * The right address wherever the folder lands (issue 28). dist/ is a default build: no SITE_URL
 * and no `site` in content/edition.yaml. Served under /intranet/lmc/ on a port of its own, every
 * citation a reader copies or downloads, and every metadata tag, names that address; nothing
 * names 127.0.0.1:4321 or any other address the build guessed. Also: index.json's URLs under a
 * sub-path, and the file:// notice on the search page.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';
import { CHROMIUM } from '../helpers/browser';
import { useSite } from '../helpers/site';

const DIST = path.join(ROOT, 'dist');
const site = useSite({ base: '/intranet/lmc/' });
const CLAUSE = 'en/lmc-poa-2018-2022/4.2.5/';

describe('a build without a published address', () => {
  test('names no address of its own anywhere in dist/, and its notes for administrators say so', async () => {
    const files = (await readdir(DIST, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && /\.(html|json|bib|xml|txt|csv)$/u.test(e.name));
    expect(files.length).toBeGreaterThan(3000);
    const named: string[] = [];
    for (const f of files) {
      const text = await readFile(path.join(f.parentPath, f.name), 'utf8');
      if (/127\.0\.0\.1|localhost/u.test(text)) named.push(path.relative(DIST, path.join(f.parentPath, f.name)));
    }
    expect(named).toEqual([]);
    const notes = await readFile(path.join(DIST, 'README.txt'), 'utf8');
    expect(notes).toContain('NO PUBLISHED ADDRESS');
    expect(notes).toContain('SITE_URL=');
    expect(await readdir(DIST)).not.toContain('sitemap.xml');
  });

  test('served under /intranet/lmc/ on another port, the citation block and its copy buttons carry that address', async () => {
    const page = await site.browser.context.newPage();
    await site.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${site.server.url}${CLAUSE}`);
    const served = `${site.server.url}${CLAUSE}`;
    expect(served).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/intranet\/lmc\/en\//u);
    const text = async (format: string) => (await page.textContent(`.citation-format[data-format="${format}"] pre`))!;
    await page.waitForFunction(() => !document.querySelector('.citation-format[data-format="url"] pre')!.textContent!.includes('['));
    expect(await text('url')).toBe(served);
    expect(await text('gbt')).toContain(` ${served}.`);
    expect(await text('chicago')).toMatch(new RegExp(` ${served.replace(/[.]/gu, '\\.')}\\.$`, 'u'));
    expect(await text('bibtex')).toContain(`url = {${served}}`);
    expect(JSON.parse(await text('csl'))[0].URL).toBe(served);
    await page.click('.more-citations > summary');
    for (const format of ['url', 'gbt', 'bibtex']) {
      await page.click(`.citation-format[data-format="${format}"] .copy-citation`);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await text(format));
    }
    await page.close();
  });

  test('the citation downloads a reader takes away, per clause and whole document, carry that address too', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}${CLAUSE}`);
    const served = `${site.server.url}${CLAUSE}`;
    await page.waitForFunction(() => document.querySelector<HTMLAnchorElement>('a[data-citation-file]')!.href.startsWith('blob:'));
    const take = async (selector: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
    };
    await page.click('.more-citations > summary');
    expect((await take('.citation-downloads a[data-format="bibtex"]')).text).toContain(`url = {${served}}`);
    expect(JSON.parse((await take('.citation-downloads a[data-format="csl"]')).text)[0].URL).toBe(served);
    const whole = await take('a[data-citation-file]');
    expect(whole.name).toBe('lmc-poa-2018-2022.en.bib');
    expect(whole.text).toContain(`url = {${site.server.url}en/lmc-poa-2018-2022/}`);
    expect(whole.text).toContain(`url = {${served}}`);
    expect(whole.text).not.toContain('[address of this site]');
    expect(whole.text.match(/^ {2}urldate = \{\d{4}-\d{2}-\d{2}\},$/gmu)!.length).toBe(whole.text.match(/^@misc\{/gmu)!.length);
    // The document page offers the same file, personalised the same way.
    await page.goto(`${site.server.url}zh/lmc-poa-2018-2022/`);
    await page.waitForFunction(() => document.querySelector<HTMLAnchorElement>('a[data-citation-file]')!.href.startsWith('blob:'));
    await page.click('.doc-tools > summary');
    expect((await take('a[data-citation-file]')).text).toContain(`url = {${site.server.url}zh/lmc-poa-2018-2022/4.2.5/}`);
    await page.close();
  });

  test('the embedded metadata and the printed URLs carry that address once the page has loaded', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}${CLAUSE}`);
    await page.waitForLoadState('networkidle');
    const served = `${site.server.url}${CLAUSE}`;
    expect(await page.getAttribute('meta[name="citation_public_url"]', 'content')).toBe(served);
    expect(await page.getAttribute('meta[name="DC.identifier"]', 'content')).toBe(served);
    expect(JSON.parse((await page.textContent('script[type="application/ld+json"]'))!).url).toBe(served);
    expect(await page.evaluate(() => (document.querySelector('link[rel="canonical"]') as HTMLLinkElement).href)).toBe(`${served}index.html`);
    await page.goto(`${site.server.url}zh/lmc-poa-2023-2027/`);
    await page.waitForLoadState('networkidle');
    // Print carries the document's address once, under its title (issue 24).
    expect(await page.textContent('.print-url')).toBe(`${site.server.url}zh/lmc-poa-2023-2027/`);
    expect(await page.getAttribute('.print-url', 'lang')).toBe('en');
    await page.close();
  });

  test('without JavaScript, a labelled blank stands where the address goes, in the page and in the files', async () => {
    const context = await site.browser.context.browser()!.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}${CLAUSE}`);
    expect(await page.textContent('.citation-format[data-format="url"] pre')).toBe(`[address of this site]/${CLAUSE}`);
    await page.goto(`${site.server.url}zh/lmc-poa-2018-2022/4.2.5/`);
    expect(await page.textContent('.citation-format[data-format="url"] pre')).toBe('[本站网址]/zh/lmc-poa-2018-2022/4.2.5/');
    expect(await page.getAttribute('meta[name="citation_public_url"]', 'content')).toBe('[本站网址]/zh/lmc-poa-2018-2022/4.2.5/');
    await context.close();
  });
});

describe('index.json', () => {
  test("its documents' URLs resolve against its own address under a sub-path", async () => {
    const indexUrl = `${site.server.url}data/index.json`;
    const index = (await (await fetch(indexUrl)).json()) as { documents: { id: string; url: string }[] };
    expect(index.documents.length).toBe(6);
    for (const doc of index.documents) {
      const response = await fetch(new URL(doc.url, indexUrl));
      expect(response.status, doc.url).toBe(200);
      expect(((await response.json()) as { id: string }).id).toBe(doc.id);
    }
  });
});

describe('search opened from a folder', () => {
  // Browsers differ in what they let a page opened from a file do: Chromium refuses its module
  // scripts, and with file access allowed (as some browsers and settings do) the scripts run and
  // Pagefind's index fails to load instead. Either way the reader is told, where they look.
  test.each([
    ['Chromium as installed', []],
    ['a browser that runs scripts from files', ['--allow-file-access-from-files']],
  ])('%s shows that search needs a web server, in the first screen of a phone', async (_name, args) => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', ...args] });
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.goto(`${pathToFileURL(path.join(DIST, 'en', 'search', 'index.html')).href}?q=water`);
      await page.waitForLoadState('networkidle');
      const note = page.locator('.search-file-note');
      expect(await note.isVisible()).toBe(true);
      const box = (await note.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(844);
    } finally {
      await browser.close();
    }
  });
});
