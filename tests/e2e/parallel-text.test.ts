/**
 * The reading edition at 1440 px (issue 13): on every document page, in both interfaces, each
 * clause's Chinese and English start on the same line, notes never push the texts apart, notes
 * show in the reader's language only, and references to clauses read as labels, never as raw
 * `document#clause` text. Plus small screens, axe in both colour schemes, and lang attributes.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';
import { findReferences } from '../../src/lib/citation/references';
import { axeViolations } from '../helpers/axe';
import { useSite } from '../helpers/site';

const site = useSite();

const DOCUMENTS = ['lmc-poa-2018-2022', 'lmc-vientiane-declaration-2020', 'asean-china-poa-2021-2025', 'lmc-poa-2023-2027', 'lmc-naypyitaw-declaration-2023', 'lmc-innovation-corridor-initiative'];
const pages = ['zh', 'en'].flatMap((lang) => DOCUMENTS.map((doc) => `${lang}/${doc}/`));

/** Lays out every clause (content-visibility skips those off screen); CSSOM, which the page's CSP allows. */
async function showAll(page: Page) {
  await page.$$eval('.clause', (all) => all.forEach((e) => (e as HTMLElement).style.setProperty('content-visibility', 'visible')));
}

interface Measure {
  id: string;
  top: number;
  zh: number | null;
  en: number | null;
  textBottom: number;
  nextTop: number | null;
}

/** Geometry of every clause, laid out as a reader sees it once scrolled to (content-visibility off). */
async function measure(url: string): Promise<Measure[]> {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${site.server.url}${url}`);
  await showAll(page);
  const clauses = await page.$$eval('article.clause', (articles) => articles.map((a, i): Measure => {
    const first = (lang: string) => {
      const el = a.querySelector(`:is(.heading, .text)[lang^="${lang}"]`);
      return el && el.getClientRects().length > 0 ? el.getBoundingClientRect().top : null;
    };
    const blocks = [...a.querySelectorAll(':is(.heading, .text)')].filter((e) => e.getClientRects().length > 0).map((e) => e.getBoundingClientRect());
    const next = articles[i + 1];
    return {
      id: a.id,
      top: a.getBoundingClientRect().top,
      zh: first('zh'),
      en: first('en'),
      textBottom: Math.max(...blocks.map((b) => b.bottom)),
      nextTop: next ? next.getBoundingClientRect().top : null,
    };
  }));
  await page.close();
  return clauses;
}

/** Each page is laid out and measured once; the three tests of its geometry read the same figures. */
const measured = new Map<string, Promise<Measure[]>>();
const geometry = (url: string) => {
  if (!measured.has(url)) measured.set(url, measure(url));
  return measured.get(url)!;
};

describe('parallel text at 1440 px', () => {
  test.each(pages)('on /%s every clause’s Chinese and English start within 8 px of each other', async (url) => {
    const clauses = await geometry(url);
    const apart = clauses.filter((c) => c.zh !== null && c.en !== null && Math.abs(c.zh - c.en) > 8).map((c) => `${c.id}: ${Math.round(c.zh! - c.en!)} px`);
    expect(clauses.length).toBeGreaterThan(0);
    expect(apart).toEqual([]);
  });

  test.each(pages)('on /%s no clause’s text starts more than 120 px below the clause’s top', async (url) => {
    const clauses = await geometry(url);
    const late = clauses.map((c) => ({ id: c.id, gap: Math.min(...[c.zh, c.en].filter((y): y is number => y !== null)) - c.top })).filter((c) => c.gap > 120).map((c) => `${c.id}: ${Math.round(c.gap)} px`);
    expect(late).toEqual([]);
  });

  test.each(pages)('on /%s no more than 160 px of empty space follow a clause’s texts', async (url) => {
    const clauses = await geometry(url);
    const empty = clauses.filter((c) => c.nextTop !== null && c.nextTop - c.textBottom > 160).map((c) => `${c.id}: ${Math.round(c.nextTop! - c.textBottom)} px`);
    expect(empty).toEqual([]);
  });

  test.each(pages)('on /%s no note text in the other language is visible by default', async (url) => {
    const page = await site.browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${site.server.url}${url}`);
    const other = url.startsWith('zh/') ? 'en' : 'zh';
    const mine = url.startsWith('zh/') ? 'zh-CN' : 'en';
    expect(await page.locator('.note').count()).toBeGreaterThan(0);
    // A quotation inside a note in the reader's language is marked with its own language
    // (issue 24: Chinese runs in English notes are lang="zh-CN"); that is not the other note.
    const visible = await page.$$eval(`.note :not(summary, summary *, [lang="${mine}"] *)[lang^="${other}"]`, (els) =>
      els.filter((e) => (e as HTMLElement).checkVisibility({ visibilityProperty: true }) && e.textContent!.trim()).map((e) => e.textContent!.slice(0, 60)));
    expect(visible).toEqual([]);
    await page.close();
  });

  test.each(pages)('on /%s no reference is shown as raw document#clause text', async (url) => {
    const page = await site.browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${site.server.url}${url}`);
    // Every note open, in both languages: the text a reader can reach, not only what shows first.
    await page.$$eval('details', (all) => all.forEach((d) => d.setAttribute('open', '')));
    const text = await page.$$eval('main', (m) => m.map((e) => e.textContent).join('\n'));
    expect(findReferences(text).map((r) => text.slice(r.index, r.index + r.length))).toEqual([]);
    await page.close();
  });
});

describe('no raw reference text', () => {
  test('on any built page', async () => {
    const dist = path.join(ROOT, 'dist');
    const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html'));
    expect(files.length).toBeGreaterThan(100);
    const raw: string[] = [];
    for (const file of files) {
      const html = await readFile(path.join(dist, file), 'utf8');
      // The page's text: markup, scripts and attribute values are not text a reader sees, and
      // CSL-JSON's `id` is a machine-readable key (the citation block's data, not prose).
      const text = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gu, ' ').replace(/<pre[^>]*data-template="csl"[^>]*>[\s\S]*?<\/pre>/gu, ' ').replace(/<[^>]*>/gu, ' ').replace(/&#x23;|&#35;/gu, '#');
      for (const r of findReferences(text)) raw.push(`${file}: ${text.slice(r.index, r.index + r.length)}`);
    }
    expect(raw.slice(0, 20)).toEqual([]);
  });
});

const chrome = ['', 'lmc-poa-2023-2027/', 'asean-china-poa-2021-2025/', 'lmc-poa-2023-2027/4.2.12/', 'lmc-naypyitaw-declaration-2023/1/'];

describe('small screens', () => {
  test.each(['zh', 'en'])('the %s home, document and clause pages need no horizontal scrolling at 360 px', async (lang) => {
    const page = await site.browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    for (const url of chrome) {
      await page.goto(`${site.server.url}${lang}/${url}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
    await page.close();
  });
});

describe('accessibility of the reading pages', () => {
  const cases = ['light', 'dark'].flatMap((scheme) => ['zh', 'en'].flatMap((lang) => chrome.map((url) => `${scheme} /${lang}/${url}`)));
  test.each(cases)('axe finds no WCAG violation, %s', async (name) => {
    const [scheme, url] = name.split(' ') as ['light' | 'dark', string];
    const page = await site.browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${site.server.url}${url.slice(1)}`);
    await showAll(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test.each(['zh', 'en'].flatMap((lang) => chrome.map((url) => `${lang}/${url}`)))('every text block of /%s is in an element whose lang matches its script', async (url) => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}${url}`);
    await page.$$eval('details', (all) => all.forEach((d) => d.setAttribute('open', '')));
    const wrong = await page.evaluate(() => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent!;
        const parent = n.parentElement!;
        if (parent.closest('script, style, [hidden]')) continue;
        const lang = parent.closest('[lang]')?.getAttribute('lang') ?? '';
        const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
        const words = (text.match(/\b[A-Za-z]{2,}\b/gu) ?? []).length;
        if (han >= 2 && words === 0 && !lang.startsWith('zh')) out.push(`${lang}: ${text.trim().slice(0, 40)}`);
        if (han === 0 && words >= 3 && !lang.startsWith('en')) out.push(`${lang}: ${text.trim().slice(0, 40)}`);
      }
      return out;
    });
    expect(wrong).toEqual([]);
    await page.close();
  });
});

describe('one h1 and distinct landmark labels', () => {
  test.each(['zh', 'en'].flatMap((lang) => chrome.map((url) => `${lang}/${url}`)))('on /%s', async (url) => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}${url}`);
    expect(await page.locator('h1').count()).toBe(1);
    const labels = await page.$$eval('nav, aside, [role="navigation"], [role="search"], section[aria-label], section[aria-labelledby]', (els) =>
      els.map((e) => `${e.tagName.toLowerCase()}|${e.getAttribute('role') ?? ''}:${e.getAttribute('aria-label') ?? document.getElementById(e.getAttribute('aria-labelledby') ?? '')?.textContent ?? ''}`));
    const navs = labels.filter((l) => l.startsWith('nav|') || l.includes('|navigation:'));
    expect(navs.every((l) => !l.endsWith(':')), navs.join('; ')).toBe(true);
    expect(new Set(navs).size, navs.join('; ')).toBe(navs.length);
    await page.close();
  });
});
