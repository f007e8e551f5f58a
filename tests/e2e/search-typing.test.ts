/**
 * Search meets readers where they type, from both interfaces, under a sub-path: a single
 * Chinese character, full-width Latin, a glossary synonym; each result shows its clause in
 * both languages with the match marked in the language that matched.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { useSite } from '../helpers/site';

const site = useSite({ base: '/intranet/lmc/' });
let page: Page;
beforeAll(async () => {
  page = await site.browser.context.newPage();
});

interface Shown {
  clause: string;
  zh: string;
  en: string;
  marks: { lang: string; text: string }[];
}

/** Runs a search from the address and returns each result's clause, its two texts and its marks. */
async function search(lang: string, query: string, params = ''): Promise<Shown[]> {
  await page.goto(`${site.server.url}${lang}/search/?q=${encodeURIComponent(query)}${params}`);
  await page.waitForFunction(() => /\d|没有|No /u.test(document.querySelector('.search-status')?.textContent ?? ''), null, { timeout: 15_000 });
  return page.$$eval('.result', (items) => items.map((li) => ({
    clause: new URL(li.querySelector<HTMLAnchorElement>('.result-link')!.href).pathname.replace(/^.*?\/(?:zh|en)\/([^/]+)\/([^/]+)\/$/u, '$1#$2'),
    zh: li.querySelector('.result-excerpt[lang="zh-CN"]')?.textContent ?? '',
    en: li.querySelector('.result-excerpt[lang="en"]')?.textContent ?? '',
    marks: [...li.querySelectorAll('mark')].map((m) => ({ lang: m.closest('[lang]')!.getAttribute('lang')!, text: m.textContent ?? '' })),
  })));
}

for (const lang of ['zh', 'en']) {
  describe(`from the ${lang} interface`, () => {
    test('a single Chinese character finds the clauses that contain it, wherever it stands in a word', async () => {
      const water = await search(lang, '水');
      expect(water.map((r) => r.clause)).toContain('lmc-poa-2023-2027#4.2.12');
      expect(water.every((r) => r.zh.includes('水'))).toBe(true);
      // 清洁水: the character ends its run of Chinese, so no two-character token starts with it.
      expect((await search(lang, '水', '&document=asean-china-poa-2021-2025')).map((r) => r.clause)).toContain('asean-china-poa-2021-2025#3.6.9');
      const epidemic = await search(lang, '疫');
      expect(epidemic.map((r) => r.clause)).toEqual(expect.arrayContaining(['lmc-innovation-corridor-initiative#5', 'lmc-vientiane-declaration-2020#1.4']));
      expect(epidemic[0]!.marks).toContainEqual({ lang: 'zh-CN', text: '疫' });
    });

    test('full-width Latin letters and digits are read as their ordinary forms', async () => {
      const rcep = await search(lang, 'ＲＣＥＰ');
      expect(rcep.map((r) => r.clause)).toEqual(expect.arrayContaining(['asean-china-poa-2021-2025#2.1.6', 'lmc-naypyitaw-declaration-2023#7']));
      expect(rcep[0]!.marks.map((m) => m.text)).toContain('RCEP');
      expect((await search(lang, 'ｄｅｎｇｕｅ')).map((r) => r.clause)).toContain('lmc-poa-2018-2022#4.3.4.p1');
      expect((await search(lang, '２０３０')).length).toBeGreaterThan(0);
    });

    test("a glossary term's other forms act as synonyms: Laos finds the Lao People's Democratic Republic", async () => {
      const laos = await search(lang, 'Laos');
      const found = laos.map((r) => r.clause);
      expect(found).toEqual(expect.arrayContaining(['lmc-vientiane-declaration-2020#preamble.p1', 'lmc-naypyitaw-declaration-2023#1', 'lmc-vientiane-declaration-2020#preamble.p7']));
      const formal = laos.find((r) => r.clause === 'lmc-naypyitaw-declaration-2023#1')!;
      expect(formal.marks.map((m) => m.text).join(' ')).toMatch(/Lao People[’']s Democratic Republic/u);
      // The edition writes Viet Nam, as the country itself does; readers often type Vietnam.
      expect((await search(lang, 'Vietnam')).map((r) => r.clause)).toEqual(expect.arrayContaining(['lmc-vientiane-declaration-2020#preamble.p1', 'lmc-naypyitaw-declaration-2023#1']));
      // In Chinese too: the short name finds the clause that writes the name in full, and marks it.
      const council = (await search(lang, '澜湄商务理事会')).find((r) => r.clause === 'lmc-poa-2018-2022#4.2.3.p3');
      expect(council?.marks).toContainEqual({ lang: 'zh-CN', text: '澜沧江-湄公河商务理事会' });
      expect((await search(lang, '澜湄环境合作中心')).map((r) => r.clause)).toContain('lmc-poa-2018-2022#4.2.9.p1');
    });

    test('each result shows its clause in both languages, the match marked in the language that matched', async () => {
      for (const [query, matched] of [['水资源', 'zh-CN'], ['dengue', 'en']] as const) {
        const results = await search(lang, query);
        expect(results.length).toBeGreaterThan(0);
        for (const r of results) {
          expect(r.zh, `${query}: ${r.clause}`).toMatch(/\p{Script=Han}/u);
          expect(r.en, `${query}: ${r.clause}`).toMatch(/[a-z]{3}/u);
        }
        expect(results[0]!.marks.length).toBeGreaterThan(0);
        expect(results[0]!.marks.every((m) => m.lang === matched)).toBe(true);
      }
    });

    test('results in both languages pass axe in light and dark', async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect((await search(lang, 'ＲＣＥＰ')).length).toBeGreaterThan(0);
        expect(await axeViolations(page), colorScheme).toEqual([]);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    });
  });
}
