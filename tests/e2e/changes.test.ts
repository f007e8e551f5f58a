/** Issue 15 in Chromium: commitment levels, the diff of a continued pair in both interfaces, the comparison page, the CSV, the search filter. */
import { describe, expect, test } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { useSite } from '../helpers/site';

const site = useSite();

describe('the diff of a continued or reworded pair', () => {
  // 2018–2022 4.3.2 旅游 (探讨成立澜湄旅游城市合作联盟) → 2023–2027 4.3.2 旅游 (完善澜湄旅游城市合作联盟机制)
  // is reworded: issue 24 shows it as two versions (tests/e2e/rewritten.test.ts), not a word diff.
  for (const [lang, call] of [['en', 'explore → strengthen'], ['zh', '探讨 → 加强']] as const) {
    test(`a reworded pair shows on the later clause's page, with the level change called out and the earlier clause linked (${lang})`, async () => {
      const page = await site.browser.context.newPage();
      await page.goto(`${site.server.url}${lang}/lmc-poa-2023-2027/4.3.2/`);
      const diff = page.locator('.change-diff');
      await expect(diff.count()).resolves.toBe(1);
      expect(await diff.locator('.change-versions').count()).toBe(1);
      const callout = (await diff.locator('.level-change').allTextContents()).join(' ');
      expect(callout).toContain('探讨成立 → 完善');
      expect(callout).toContain(call);
      expect(await diff.locator('a[href*="lmc-poa-2018-2022/4.3.2/"]').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });

    // Vientiane preamble.p1 → Nay Pyi Taw 1 is continued: a word diff, <ins> and <del>.
    test(`a continued pair shows <ins> and <del> in both languages, struck and underlined (${lang})`, async () => {
      const page = await site.browser.context.newPage();
      await page.goto(`${site.server.url}${lang}/lmc-naypyitaw-declaration-2023/1/`);
      const diff = page.locator('.change-diff');
      for (const text of ['p.diff[lang="zh-CN"]', 'p.diff[lang="en"]']) {
        expect(await diff.locator(`${text} ins`).count(), text).toBeGreaterThan(0);
        expect(await diff.locator(`${text} del`).count(), text).toBeGreaterThan(0);
      }
      // Without colour, insertions stay underlined and deletions struck through.
      expect(await diff.locator('ins').first().evaluate((e) => getComputedStyle(e).textDecorationLine)).toContain('underline');
      expect(await diff.locator('del').first().evaluate((e) => getComputedStyle(e).textDecorationLine)).toContain('line-through');
      expect(await diff.locator('a[href*="lmc-vientiane-declaration-2020/preamble.p1/"]').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }

  test('a clause that continues nothing has no diff, and every clause page lists its commitments', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}en/lmc-poa-2023-2027/4.2.9/`);
    expect(await page.locator('.change-diff').count()).toBe(0);
    await page.goto(`${site.server.url}en/lmc-naypyitaw-declaration-2023/23/`);
    const items = await page.locator('.commitment-levels li').allTextContents();
    // Issue 24: the level written once per line, the scale once above the list.
    expect(items.map((s) => s.replace(/\s+/gu, ' ').trim())).toEqual([
      '加强 strengthen Level 3 (strengthen)',
      '考虑并探讨 consider and explore the possibility of Level 1 (explore)',
    ]);
    await page.close();
  });
});

describe('the comparison page', () => {
  for (const lang of ['en', 'zh'] as const) {
    test(`shows both comparisons with map, new and dropped, level changes and diffs, linked to the clauses (${lang})`, async () => {
      const page = await site.browser.context.newPage();
      await page.goto(`${site.server.url}${lang}/compare/`);
      expect(await page.locator('.comparison').count()).toBe(2);
      expect(await page.locator('.section-map > svg').count()).toBe(2);
      // 4.1.3 (political parties) is drawn merged into 4.1.1, not dropped.
      const box = (await page.locator('.section-map').first().locator('text').allTextContents()).find((s) => s.startsWith('4.1.3 '));
      expect(box).toMatch(lang === 'en' ? /Merged$/u : /合并$/u);
      // The pair of the clause-page test, as its two versions (issue 24).
      const pair = page.locator('.change-diff', { has: page.locator('a[href*="lmc-poa-2023-2027/4.3.2/"]') });
      expect(await pair.locator('.change-versions').count()).toBe(1);
      const strengthened = (await page.locator('.level-list').first().allTextContents()).join(' ');
      expect(strengthened).toContain('探讨成立 → ');
      expect(await page.locator('.changes-table a[href*="lmc-poa-2023-2027/4.2.9/"]').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }

  test('links the CSV, which is neutralised for spreadsheets', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}en/compare/`);
    const href = await page.locator('a[href*="changes.csv"]').getAttribute('href');
    const response = await page.request.get(new URL(href!, page.url()).href);
    expect(response.ok()).toBe(true);
    const csv = await response.text();
    expect(csv.split('\r\n')[0]).toContain('from_document,to_document,from_sections,to_sections,status,origin,commitment');
    expect(csv).toContain('lmc-poa-2018-2022,lmc-poa-2023-2027,4.1.1 4.1.2 4.1.3,4.1.1,merged,curated');
    for (const line of csv.split('\r\n')) for (const cell of line.split(',')) expect(cell).not.toMatch(/^[=+@-]/u);
    const jsonHref = await page.locator('a[href*="changes.json"]').getAttribute('href');
    const json = await (await page.request.get(new URL(jsonHref!, page.url()).href)).json();
    expect(json.comparisons).toHaveLength(2);
    await page.close();
  });
});

describe('the commitment filter in search', () => {
  test('commitment=1 keeps clauses with a level-1 verb and drops the others', async () => {
    const page = await site.browser.context.newPage();
    const results = async (params: string) => {
      await page.goto(`${site.server.url}en/search/?q=poverty${params}`);
      await page.waitForFunction(() => /\d|No /u.test(document.querySelector('.search-status')?.textContent ?? ''), null, { timeout: 15_000 });
      // Every result, not only the first ten (issue 25: More results shows the next ten).
      while (await page.locator('.search-more').isVisible()) {
        const shown = await page.locator('.result').count();
        await page.click('.search-more');
        await page.waitForFunction((n) => document.querySelectorAll('.result').length > n, shown);
      }
      return page.$$eval('.result-link', (els) => els.map((e) => new URL((e as HTMLAnchorElement).href).pathname.replace(/^.*?\/en\/([^/]+)\/([^/]+)\/.*$/u, '$1#$2')));
    };
    const all = await results('');
    expect(all).toContain('lmc-poa-2018-2022#4.2.7.p2');
    const explore = await results('&commitment=1');
    expect(explore).toContain('lmc-poa-2023-2027#4.2.6');
    expect(explore).not.toContain('lmc-poa-2018-2022#4.2.7.p2');
    expect(await page.locator('select[name="commitment"]').inputValue()).toBe('1');
    await page.close();
  });
});
