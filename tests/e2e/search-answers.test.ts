/**
 * Search never silently loses a word (issue 25), from both interfaces: a word the texts do not
 * use is named and the other words still answer; a misspelt word is corrected, and said so; a
 * number is a number, not a clause number; a clause reference leads to its clause; a query in
 * both languages ranks first the clause that matches both.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { answers, clauseOf } from '../helpers/search-page';
import { useSite } from '../helpers/site';

const site = useSite({ base: '/intranet/lmc/' });
let page: Page;
beforeAll(async () => {
  page = await site.browser.context.newPage();
});

/** The clauses that speak of floods (洪旱, flood, floods), in no order. */
const FLOODS = ['lmc-poa-2018-2022#4.2.5.p6', 'lmc-vientiane-declaration-2020#1.3', 'lmc-vientiane-declaration-2020#2.6'];

async function ask(lang: string, query: string) {
  await page.goto(`${site.server.url}${lang}/search/`);
  return (await answers(page, [query]))[0]!;
}

for (const lang of ['zh', 'en']) {
  describe(`from the ${lang} interface`, () => {
    test('Chinese right after Latin letters or digits is found (2019年12月…首次澜湄水资源合作部长级会议)', async () => {
      for (const [query, clauses] of [
        ['琅勃拉邦', ['lmc-vientiane-declaration-2020#preamble.p7']],
        ['首次澜湄水资源合作部长级会议', ['lmc-vientiane-declaration-2020#preamble.p8']],
        ['可持续发展议程', ['asean-china-poa-2021-2025#6.1', 'lmc-naypyitaw-declaration-2023#3', 'lmc-poa-2018-2022#1.p1', 'lmc-vientiane-declaration-2020#preamble.p2', 'lmc-vientiane-declaration-2020#preamble.p6', 'lmc-vientiane-declaration-2020#2.3', 'lmc-vientiane-declaration-2020#2.7']],
      ] as const) {
        const answer = await ask(lang, query);
        expect(answer.results.slice(0, clauses.length).map(clauseOf).sort(), query).toEqual([...clauses].sort());
      }
    });

    test('a word the texts do not use is named, and the other words still find their clauses', async () => {
      for (const [query, unknown] of [['flood monsoon', 'monsoon'], ['洪旱 雨季', '雨季'], ['雨季洪旱', '雨季']] as const) {
        const answer = await ask(lang, query);
        expect(answer.results.map(clauseOf).sort(), query).toEqual([...FLOODS].sort());
        expect(answer.status, query).toContain(unknown);
        expect(answer.status, query).toMatch(lang === 'zh' ? /未找到“雨季”|未找到“monsoon”/u : /No results for “(monsoon|雨季)”/u);
      }
    });

    test('a five-letter word with one letter wrong finds the clauses of the word it meant, and says so', async () => {
      const answer = await ask(lang, 'flaod');
      expect(answer.results.map(clauseOf).sort()).toEqual([...FLOODS].sort());
      expect(answer.status).toContain('flood');
      expect(answer.status).toContain('flaod');
    });

    test('"3.0" is a number: it does not match clause 3 of any document, nor the digit 3 in a text', async () => {
      const answer = await ask(lang, '3.0');
      expect(answer.results.map(clauseOf).filter((c) => c!.endsWith('#3'))).toEqual([]);
      expect(answer.results).toEqual([]);
      // A number in an English query finds it in the English texts, not every Chinese clause with the digit.
      const year = await ask(lang, 'RCEP 2020');
      expect(year.results.map(clauseOf)[0]).toBe('asean-china-poa-2021-2025#2.1.6');
    });

    test('a clause reference offers that clause first, and following it opens the clause', async () => {
      for (const [query, clause] of [
        ['4.2.12', 'lmc-poa-2023-2027#4.2.12'],
        ['第4.2.12条', 'lmc-poa-2023-2027#4.2.12'],
        ['2023–2027 4.2.5', 'lmc-poa-2023-2027#4.2.5'],
        ['P23 4.2.5', 'lmc-poa-2023-2027#4.2.5'],
        ['P18 4.2.5', 'lmc-poa-2018-2022#4.2.5'],
        ['内比都宣言第十四段', 'lmc-naypyitaw-declaration-2023#14'],
        ['Nay Pyi Taw para. 14', 'lmc-naypyitaw-declaration-2023#14'],
      ] as const) {
        const answer = await ask(lang, query);
        expect(clauseOf(answer.links[0]!), query).toBe(clause);
      }
      // Opening it: the first link of the answer, from the keyboard.
      await ask(lang, 'P23 4.2.12');
      await page.focus('#search-input');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/lmc-poa-2023-2027\/4\.2\.12\/(index\.html)?$/u);
    });

    test('the notes of an answer, an offered clause and More results pass axe in light and dark', async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        for (const query of ['flood monsoon', 'flaod', 'P23 4.2.5', 'cooperation']) {
          await ask(lang, query);
          expect(await axeViolations(page), `${query}, ${colorScheme}`).toEqual([]);
        }
        expect(await page.locator('.search-more').isVisible()).toBe(true);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    });

    test('an English abbreviation and a Chinese phrase rank first the clause that has both', async () => {
      // 2.1.3: ACFTA in its English, 旅游 in its Chinese; other clauses have one or the other.
      for (const [query, clause] of [['ACFTA 旅游', '2.1.3'], ['旅游 ACFTA', '2.1.3'], ['ACFTA 电子商务', '2.1.2']] as const) {
        const answer = await ask(lang, query);
        expect(answer.results.map(clauseOf)[0], query).toBe(`asean-china-poa-2021-2025#${clause}`);
      }
    });
  });
}
