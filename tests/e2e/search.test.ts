/** Search in Chromium against the built site: a table of real queries, filters, keyboard, sub-path. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';
import { useSite } from '../helpers/site';

interface Query {
  query: string;
  script: 'Hans' | 'Hant' | 'Latn';
  expect: string[];
}
const table = parse(readFileSync(path.join(import.meta.dirname, 'search-queries.yaml'), 'utf8')).queries as Query[];

const site = useSite({ base: '/intranet/lmc/' });
let page: Page;
beforeAll(async () => {
  page = await site.browser.context.newPage();
});

async function search(lang: string, query: string, params = ''): Promise<string[]> {
  await page.goto(`${site.server.url}${lang}/search/?q=${encodeURIComponent(query)}${params}`);
  await page.waitForFunction(() => /\d|没有|No /u.test(document.querySelector('.search-status')?.textContent ?? ''), null, { timeout: 15_000 });
  return page.$$eval('.result-link', (els) => els.map((e) => new URL((e as HTMLAnchorElement).href).pathname.replace(/^.*?\/(?:zh|en)\/([^/]+)\/([^/]+)\/$/u, '$1#$2')));
}

describe('the query table', () => {
  test('has at least 30 queries in Simplified, Traditional and English across all six documents', () => {
    expect(table.length).toBeGreaterThanOrEqual(30);
    expect(new Set(table.map((q) => q.script))).toEqual(new Set(['Hans', 'Hant', 'Latn']));
    expect(new Set(table.flatMap((q) => q.expect.map((e) => e.split('#')[0]))).size).toBe(6);
  });

  for (const lang of ['zh', 'en']) {
    test.each(table.map((q) => [q.query, q] as const))(`from the ${lang} interface, %s returns its clauses in the top 5`, async (_name, q) => {
      const top = (await search(lang, q.query)).slice(0, 5);
      for (const want of q.expect) expect(top, `${q.query}: ${top.join(', ')}`).toContain(want);
      expect(await page.locator('.result mark').first().isVisible()).toBe(true);
    });
  }
});

describe('results and filters', () => {
  test('show document title, clause number, heading, an excerpt and links to the clause and its anchor', async () => {
    await search('en', '水资源');
    const first = page.locator('.result').first();
    // Labels, as citations name a clause, never a bare ID (issue 24: "#4.2.12" was the link's text).
    expect(await first.locator('.result-title').textContent()).toBe('Plan of Action 2023–2027, clause 4.2.12');
    expect(await first.locator('.result-heading').textContent()).toBe('水资源合作');
    expect(await first.locator('.result-excerpt mark').first().textContent()).toBe('水资源');
    expect(await first.locator('.result-where a').getAttribute('href')).toContain('lmc-poa-2023-2027/#4.2.12');
    expect(await first.locator('.result-where a').textContent()).toBe('In the whole text');
    await search('zh', '水资源');
    const zh = page.locator('.result').first();
    expect(await zh.locator('.result-title').textContent()).toBe('《五年行动计划（2023—2027）》第4.2.12条');
    expect(await zh.locator('.result-where a').textContent()).toBe('在全文中');
  });

  test('cut an English excerpt at words at both ends, never inside one (“re-emergi…”)', async () => {
    const english = (JSON.parse(readFileSync(path.join(ROOT, 'dist', 'data', 'lmc-poa-2018-2022.json'), 'utf8')) as { clauses: { id: string; text: { en: string } }[] }).clauses.find((c) => c.id === '4.3.4.p1')!.text.en;
    for (const query of ['dengue', 'malaria', 'infectious diseases']) {
      expect(await search('en', query)).toContain('lmc-poa-2018-2022#4.3.4.p1');
      const excerpt = (await page.locator('.result-excerpt[lang="en"]').first().textContent())!;
      const shown = excerpt.replace(/^…|…$/gu, '');
      const at = english.indexOf(shown);
      expect(at, `${query}: “${excerpt}” is not a piece of the clause`).toBeGreaterThanOrEqual(0);
      const before = english[at - 1];
      const after = english[at + shown.length];
      expect(before === undefined || /\s/u.test(before), `${query}: “${excerpt}” starts inside a word`).toBe(true);
      expect(after === undefined || /[\s,.;:)]/u.test(after), `${query}: “${excerpt}” ends inside a word`).toBe(true);
    }
  });

  test('name no result or its place by a bare clause ID', async () => {
    for (const [lang, query] of [['zh', '粮食安全'], ['en', 'connectivity'], ['en', '4.2.5']] as const) {
      await search(lang, query);
      const texts = await page.$$eval('.result a, .search-offer a', (els) => els.map((e) => e.textContent!.trim()));
      expect(texts.length, query).toBeGreaterThan(0);
      for (const text of texts) expect(text, `${lang} ${query}`).not.toMatch(/^#?(?:preamble|\d+)(?:\.p?\d+)*$|[^\p{L}.,]\s#?(?:preamble|\d+)(?:\.p?\d+)*$/u);
    }
  });

  test('filter by document, type, year, topic and language of the match', async () => {
    expect((await search('en', 'water', '&document=lmc-vientiane-declaration-2020')).every((r) => r.startsWith('lmc-vientiane-declaration-2020#'))).toBe(true);
    await page.selectOption('select[data-filter="document"]', 'lmc-vientiane-declaration-2020');
    await page.waitForFunction(() => [...document.querySelectorAll('.result-link')].every((a) => a.getAttribute('href')!.includes('vientiane')));
    await page.selectOption('select[data-filter="document"]', '');
    await page.selectOption('select[data-filter="type"]', 'declaration');
    await page.waitForFunction(() => [...document.querySelectorAll('.result-link')].every((a) => /declaration/u.test(a.getAttribute('href')!)));
    await page.selectOption('select[data-filter="type"]', '');
    await page.selectOption('select[data-filter="year"]', '2018');
    await page.waitForFunction(() => [...document.querySelectorAll('.result-link')].every((a) => a.getAttribute('href')!.includes('2018-2022')));
    await page.selectOption('select[data-filter="year"]', '');
    await page.selectOption('select[data-filter="topic"]', 'water-resources');
    await page.waitForFunction(() => document.querySelectorAll('.result-link').length > 0);
    await page.selectOption('select[data-filter="topic"]', '');
    // RCEP is in both languages' texts. Results show both languages; the filter picks the one
    // that matched (and there are results).
    await page.fill('#search-input', 'RCEP');
    for (const [language, tag] of [['zh', 'zh-CN'], ['en', 'en']]) {
      await page.selectOption('select[data-filter="language"]', language!);
      await page.waitForFunction((tag) => {
        const matched = [...document.querySelectorAll('.result-excerpt.matched')];
        return matched.length > 0 && matched.every((p) => p.getAttribute('lang') === tag);
      }, tag);
    }
  });

  test('announce results to screen readers and work from the keyboard', async () => {
    await page.goto(`${site.server.url}en/lmc-poa-2018-2022/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('dengue');
    await page.keyboard.press('Enter');
    await page.waitForURL(/search\/index\.html\?q=dengue/u);
    await page.waitForFunction(() => document.querySelectorAll('.result-link').length > 0);
    expect(await page.getAttribute('.search-status', 'aria-live')).toBe('polite');
    expect(await page.textContent('.search-status')).toContain('1 result');
    await page.focus('#search-input');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('result-link');
    await page.keyboard.press('Enter');
    await page.waitForURL(/lmc-poa-2018-2022\/4\.3\.4\.p1\//u);
  });

  test('show ten results at first, and ten more from More results, the focus on the first of them', async () => {
    const first = await search('en', 'cooperation');
    expect(first).toHaveLength(10);
    expect(await page.textContent('.search-status')).toMatch(/showing the first 10\)/u);
    await page.focus('.search-more');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.result').length === 20);
    expect(await page.evaluate(() => document.activeElement === document.querySelectorAll('.result-link')[10])).toBe(true);
    expect(await page.textContent('.search-status')).toMatch(/showing the first 20\)/u);
    const all = await page.$$eval('.result-link', (els) => els.map((e) => e.getAttribute('href')));
    expect(new Set(all).size).toBe(20);
  });

  test('Enter searches once: the search pending from the last keystroke is dropped', async () => {
    await page.goto(`${site.server.url}en/search/`);
    await page.evaluate(() => {
      const searching = (JSON.parse(document.getElementById('search-app')!.dataset.labels!) as Record<string, string>).searching;
      const status = document.querySelector('.search-status')!;
      const w = window as unknown as { runs: number };
      w.runs = 0;
      new MutationObserver(() => status.textContent === searching && w.runs++).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await page.click('#search-input');
    await page.keyboard.type('dengue');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.result-link').length > 0);
    // Past the typing pause (250 ms) after which a search starts by itself.
    await page.waitForTimeout(750);
    expect(await page.evaluate(() => (window as unknown as { runs: number }).runs)).toBe(1);
  });
});

describe('on a phone', () => {
  test('the first result is on the first screen: the filters wait behind their own disclosure, open when the address sets one', async () => {
    for (const lang of ['zh', 'en']) {
      const phone = await site.browser.context.newPage();
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto(`${site.server.url}${lang}/search/?q=${encodeURIComponent('水资源')}`);
      await phone.waitForSelector('.result-link');
      const excerpt = await phone.locator('.result .result-excerpt').first().boundingBox();
      expect(excerpt!.y + excerpt!.height, `${lang}: the first result's excerpt ends at ${excerpt!.y + excerpt!.height} px`).toBeLessThan(844);
      expect(await phone.locator('select[data-filter="document"]').isVisible()).toBe(false);
      await phone.locator('.filter-box > summary').click();
      expect(await phone.locator('select[data-filter="document"]').isVisible()).toBe(true);
      // A filter in the address is shown, not hidden behind the closed box.
      await phone.goto(`${site.server.url}${lang}/search/?q=${encodeURIComponent('水资源')}&document=lmc-poa-2023-2027`);
      await phone.waitForSelector('.result-link');
      expect(await phone.locator('select[data-filter="document"]').isVisible()).toBe(true);
      expect(await phone.locator('select[data-filter="document"]').inputValue()).toBe('lmc-poa-2023-2027');
      await phone.close();
    }
  });

  test('at 1440 px the filters show without a disclosure', async () => {
    const wide = await site.browser.context.newPage();
    await wide.setViewportSize({ width: 1440, height: 900 });
    await wide.goto(`${site.server.url}en/search/`);
    expect(await wide.locator('select[data-filter="document"]').isVisible()).toBe(true);
    expect(await wide.locator('.filter-box > summary').isVisible()).toBe(false);
    await wide.close();
  });
});

describe('the search bundle', () => {
  test('ships only what the search page loads: none of Pagefind’s UI bundles and no worker (security review I11)', async () => {
    const { readdir } = await import('node:fs/promises');
    const shipped = (await readdir(path.join(ROOT, 'dist', 'pagefind'))).filter((f) => /\.(js|css)$/u.test(f));
    // The page imports pagefind.js and runs it with noWorker (src/scripts/search.ts).
    expect(shipped).toEqual(['pagefind.js']);
  });
});
