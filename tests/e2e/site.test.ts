/** The built site in a real browser: clause ids, lang attributes, citations, inert text, no other hosts. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';
import { serveStatic, type RunningServer } from '../../scripts/lib/tools/static-server';
import { indexSchema, documentDataSchema } from '../../src/schemas/document';
import { launchBrowser, type Browser } from '../helpers/browser';

let server: RunningServer;
let browser: Browser;
const foreign: string[] = [];

beforeAll(async () => {
  server = await serveStatic(path.join(ROOT, 'dist'));
  browser = await launchBrowser();
  browser.context.on('request', (request) => {
    if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) foreign.push(request.url());
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const readData = async (name: string) => JSON.parse(await readFile(path.join(ROOT, 'dist', 'data', `${name}.json`), 'utf8'));

describe('document pages', () => {
  test.each(['zh', 'en'])('in the %s interface have one element per clause, with the clause id, in order', async (lang) => {
    const index = indexSchema.parse(await readData('index'));
    const page = await browser.context.newPage();
    for (const { id } of index.documents) {
      const data = documentDataSchema({ draft: true }).parse(await readData(id));
      await page.goto(`${server.url}${lang}/${id}/`);
      expect(await page.getAttribute('html', 'lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      const ids = await page.$$eval('article.clause', (els) => els.map((e) => e.id));
      expect(ids).toEqual(data.clauses.map((c) => c.id));
    }
    await page.close();
  });

  test('put a lang attribute on every block of text', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}en/lmc-poa-2023-2027/`);
    const blocks = await page.$$eval('.clause-text p, .clause .heading, .note p, .document-header :is(h1, .subtitle)', (els) =>
      els.map((e) => ({ lang: e.getAttribute('lang'), han: /\p{Script=Han}/u.test(e.textContent!.replace(/“[^”]*”|（[^）]*）|\d+/gu, '')) })));
    expect(blocks.length).toBeGreaterThan(100);
    expect(blocks.filter((b) => b.lang !== 'zh-CN' && b.lang !== 'en')).toEqual([]);
    await page.close();
  });

  test('render text that looks like markup verbatim and inert', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}zh/asean-china-poa-2021-2025/`);
    const text = await page.textContent('[id="2.1.1"] .text.zh');
    expect(text).toContain('《关于修订<中国-东盟全面经济合作框架协议>及项下部分协议的议定书》');
    await page.close();
  });
});

describe('clause pages', () => {
  test('are the citation target and link back to the anchor in the document', async () => {
    const page = await browser.context.newPage();
    const response = await page.goto(`${server.url}en/lmc-poa-2018-2022/4.2.5/`);
    expect(response?.status()).toBe(200);
    expect(await page.textContent('h1')).toBe('Plan of Action 2018–2022, clause 4.2.5');
    expect(await page.textContent('h2.heading.zh')).toBe('水资源');
    await page.click('text=Whole document');
    await page.waitForURL(/lmc-poa-2018-2022\/index\.html#4\.2\.5$/u);
    const inView = await page.$eval('[id="4.2.5"]', (el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    });
    expect(inView).toBe(true);
    await page.close();
  });
});

describe('the whole site', () => {
  test('serves the contract data files', async () => {
    const page = await browser.context.newPage();
    const response = await page.goto(`${server.url}data/lmc-poa-2023-2027.json`);
    const data = documentDataSchema({ draft: true }).parse(await response!.json());
    expect(data.clauses.find((c) => c.id === '4.2.12')?.heading?.zh).toBe('水资源合作');
    await page.close();
  });

  test('requested nothing from another host', () => {
    expect(foreign).toEqual([]);
  });
});

describe('the sources', () => {
  test.each(['zh', 'en'] as const)('the %s home page leads to a page of every source, which each source page links back to', async (lang) => {
    const manifest = parse(await readFile(path.join(ROOT, 'content', 'sources', 'manifest.yaml'), 'utf8')) as { sources: { file: string; what: Record<'zh' | 'en', string>; origin: Record<'zh' | 'en', string> }[] };
    const page = await browser.context.newPage();
    await page.goto(`${server.url}${lang}/`);
    await page.click(`main nav a:text-is("${lang === 'zh' ? '来源' : 'Sources'}")`);
    // The finished pages link to index.html, so that they work from a folder too.
    const at = () => new URL(page.url()).pathname.replace(/index\.html$/u, '');
    expect(at()).toBe(`/${lang}/sources/`);
    const entries = page.locator('main .source-entry');
    expect(await entries.count()).toBe(manifest.sources.length);
    for (const [i, source] of manifest.sources.entries()) {
      const entry = entries.nth(i);
      // Named by what the file is, in the page's language, and by where it came from; its file name is shown, never the link.
      const link = entry.locator('h2 a');
      expect((await link.getAttribute('href'))!.replace(/index\.html$/u, '')).toBe(`${source.file.replace(/\.txt$/u, '')}/`);
      expect(await link.innerText()).not.toContain(source.file);
      expect(await entry.innerText()).toContain(source.what[lang].replace(/[。.]$/u, ''));
      expect(await entry.innerText()).toContain(source.origin[lang]);
    }
    await entries.first().locator('h2 a').click();
    await page.click('main .breadcrumbs a');
    expect(at()).toBe(`/${lang}/sources/`);
    await page.close();
  });
});

describe('a clause page’s breadcrumbs', () => {
  test.each([[1440, 900], [390, 844]])('at %i px, each › follows the words before it, not the widest line of a wrapped title', async (width, height) => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(`${server.url}en/lmc-naypyitaw-declaration-2023/14/`);
    // Each item's first line against the last line of the item before: on that line, after a
    // separator and its spaces, or on a line below it.
    const gaps = await page.evaluate(`[...document.querySelectorAll('.breadcrumbs li')].slice(1).map((li) => {
      const lines = (element) => { const range = document.createRange(); range.selectNodeContents(element); return [...range.getClientRects()]; };
      const last = lines(li.previousElementSibling).at(-1);
      const first = lines(li)[0];
      return { below: first.top - last.top, gap: first.left - last.right };
    })`) as { below: number; gap: number }[];
    for (const { below, gap } of gaps) {
      // Never beside an earlier line of the item before (the title's first line, far to the right).
      expect(below).toBeGreaterThan(-4);
      if (below < 4) expect(gap).toBeLessThan(24);
    }
    await page.close();
  });
});

describe('cross-links, topics, comparison and named documents', () => {
  test.each(['zh', 'en'])('the %s clause page lists related clauses of other documents, both directions, labelled', async (lang) => {
    // Issue 24: the clause's parallels, one typed and labelled line under its texts (they were
    // a section of their own, grouped by document, labelled with the bare printed number).
    const page = await browser.context.newPage();
    await page.goto(`${server.url}${lang}/lmc-poa-2023-2027/4.2.12/`);
    const links = await page.$$eval('.parallels li a', (els) => els.map((e) => ({ href: e.getAttribute('href')!, text: e.textContent! })));
    expect(links.some((l) => l.href.includes('lmc-poa-2018-2022/4.2.5/') && l.text.includes(lang === 'zh' ? '延续自' : 'Continues'))).toBe(true);
    expect(links.some((l) => l.href.includes('lmc-naypyitaw-declaration-2023/12/') && l.text.includes(lang === 'zh' ? '《内比都宣言》第十二段' : 'Nay Pyi Taw Declaration, para. 12'))).toBe(true);
    await page.close();
  });

  test.each(['zh', 'en'])('the %s comparison pairs every section of the two LMC plans, with a static SVG', async (lang) => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}${lang}/compare/`);
    expect(await page.locator('figure svg[role="group"] line').count()).toBeGreaterThan(10);
    // issue 15: statuses of the changes (/data/changes.json) on each section's box.
    const statuses = await page.$$eval('.section-map .box', (els) => [...new Set(els.map((e) => [...e.classList].find((c) => c.startsWith('st-'))))]);
    expect(statuses.sort()).toEqual(['st-continued', 'st-dropped', 'st-merged', 'st-new', 'st-reworded', 'st-split']);
    const waterPair = page.locator('.change-diff', { has: page.locator('a[href*="lmc-poa-2018-2022/4.2.5/"]') });
    expect(await waterPair.first().locator('a[href*="lmc-poa-2023-2027/4.2.12/"]').count()).toBe(1);
    expect(await page.locator('script[src]').count()).toBeLessThanOrEqual(1);
    await page.close();
  });

  test.each(['zh', 'en'])('the %s topic pages thread a subject through the documents in date order', async (lang) => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}${lang}/topics/`);
    await page.click('main a[href^="water-resources/"]');
    // Issue 24: threads of linked clauses across the documents, each in date order (they were
    // sections per document). Each thread's clauses, as documents, never go back in time.
    const threads = await page.$$eval('.thread:not(.thread-single) .thread-clauses', (lists) => lists.map((l) => [...l.querySelectorAll('.thread-where a')].map((a) => a.getAttribute('href')!.split('/').at(-3)!)));
    expect(threads.length).toBeGreaterThan(0);
    const date: Record<string, number> = { 'lmc-poa-2018-2022': 2018, 'lmc-vientiane-declaration-2020': 2020.6, 'asean-china-poa-2021-2025': 2020.9, 'lmc-poa-2023-2027': 2023, 'lmc-naypyitaw-declaration-2023': 2023 };
    for (const docs of threads) {
      expect(new Set(docs).size).toBeGreaterThan(1);
      expect(docs.map((d) => date[d] ?? 9999)).toEqual([...docs.map((d) => date[d] ?? 9999)].sort((a, b) => a - b));
    }
    expect(threads.flat()).toContain('lmc-poa-2018-2022');
    expect(threads.flat()).toContain('lmc-poa-2023-2027');
    await page.close();
  });

  test.each(['zh', 'en'])('the %s named-document index links titles to documents of the edition', async (lang) => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}${lang}/titles/`);
    const entry = page.locator('.named-documents li', { hasText: '三亚宣言' }).first();
    expect(await entry.isVisible()).toBe(true);
    const inCorpus = page.locator('.named-documents li', { has: page.locator('a[href*="lmc-poa-2018-2022/index.html"]') });
    expect(await inCorpus.count()).toBeGreaterThan(0);
    await page.close();
  });

  test('publishes /data/links.json as in the contract', async () => {
    const data = await readData('links');
    expect(data.links.length).toBeGreaterThan(50);
    for (const l of data.links) {
      expect(l.from).toMatch(/^[a-z0-9-]+#[0-9a-z.]+$/u);
      expect(l.to).toMatch(/^[a-z0-9-]+#[0-9a-z.]+$/u);
      expect(['continues', 'related', 'references', 'implements']).toContain(l.type);
      expect(['auto', 'curated']).toContain(l.origin);
    }
    expect(data.links).toContainEqual(expect.objectContaining({ from: 'lmc-poa-2018-2022#4.2.5', to: 'lmc-poa-2023-2027#4.2.12', type: 'continues', origin: 'curated' }));
  });
});
