/**
 * The home page's opening (design review item 18): its heading says what the edition holds
 * rather than repeating the site name beside it, and its ways in do not repeat the header's
 * navigation where that navigation is on screen (on a phone it is folded into the menu, and
 * the home page's ways in are the ones in view).
 */
import { expect, test } from 'vitest';
import { laidOutText, lineNumbers } from '../helpers/layout';
import { useSite } from '../helpers/site';

const site = useSite();

test.each([['zh', 1440], ['en', 1440], ['zh', 390], ['en', 390]] as const)('no heading or way in repeats the header (%s, %i px)', async (lang, width) => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${site.server.url}${lang}/`);
  const siteName = (await page.locator('.site-header .site-name').textContent())!.trim();
  const h1 = page.locator('main h1');
  expect((await h1.textContent())!.trim()).not.toBe(siteName);
  // Nor does it break inside a name (a balanced line broke 中/国—东盟 on a phone).
  const [laid] = await laidOutText(page, 'main h1');
  const numbers = lineNumbers(laid!);
  const lines = laid!.text.split('').map((ch, i) => (i > 0 && numbers[i] !== numbers[i - 1] ? `/${ch}` : ch)).join('');
  expect(lines, lines).not.toMatch(/中\/国/u);
  const visibleHrefs = async (selector: string) => {
    const out: string[] = [];
    for (const a of await page.locator(selector).all()) if (await a.isVisible()) out.push(new URL((await a.getAttribute('href'))!, page.url()).pathname);
    return out;
  };
  const nav = await visibleHrefs('.site-nav a');
  const ways = await visibleHrefs('.entry-points a');
  expect(ways.filter((href) => nav.includes(href))).toEqual([]);
  // Every way in stays in view somewhere: in the header's navigation or on the page.
  expect(ways.length).toBeGreaterThanOrEqual(width < 768 ? 7 : 3);
  await page.close();
});
