/**
 * Issue 25's acceptance over the whole corpus: every clause of every document is found, in the
 * top 10, by three substrings of its Chinese (some crossing from Han to Latin letters or digits,
 * 2019年12月, RCEP协定) and by three of its English words (tests/helpers/search-probes.ts says how
 * they are chosen). Run through the search page in Chromium, as a reader types them, from the
 * Chinese interface for the Chinese substrings and from the English one for the English words.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { answers, clauseOf } from '../helpers/search-page';
import { clauseProbes, type ClauseProbe } from '../helpers/search-probes';
import { useSite } from '../helpers/site';

const site = useSite();
const probes = clauseProbes();
const documents = [...new Set(probes.map((p) => p.key.split('#')[0]!))];
let page: Page;
beforeAll(async () => {
  page = await site.browser.context.newPage();
});

describe.each([['zh', 'Chinese substrings'], ['en', 'English words']] as const)('from the %s interface, %s', (lang, _what) => {
  test('cover every clause with at least one query, three where the clause is long enough', () => {
    expect(probes.length).toBeGreaterThan(400);
    for (const p of probes) expect(p[lang].length, p.key).toBeGreaterThan(0);
    expect(probes.filter((p) => p[lang].length === 3).length / probes.length).toBeGreaterThan(0.85);
    if (lang === 'zh') {
      // The clauses with Chinese right after Latin letters or digits (or before them) are probed across the boundary.
      const crossing = probes.filter((p) => /[\p{L}\p{N}](?<!\p{Script=Han})\p{Script=Han}|\p{Script=Han}[\p{L}\p{N}](?<!\p{Script=Han})/u.test(p.zh[0]!));
      expect(crossing.length).toBeGreaterThan(25);
    }
  });

  test.each(documents)('find each clause of %s in the top 10', async (document) => {
    await page.goto(`${site.server.url}${lang}/search/`);
    const mine = probes.filter((p) => p.key.startsWith(`${document}#`));
    const queries = mine.flatMap((p: ClauseProbe) => p[lang].map((q) => ({ key: p.key, q })));
    const found = await answers(page, queries.map((x) => x.q));
    const missed = queries.filter((x, i) => !found[i]!.results.slice(0, 10).map(clauseOf).includes(x.key)).map((x) => `${x.key} ← ${x.q}`);
    expect(missed, `${missed.length} of ${queries.length} queries miss their clause`).toEqual([]);
  }, 600_000);
});
