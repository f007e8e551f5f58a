/**
 * A build without a published address writes relative canonical and alternate links (issue 28);
 * every page's script makes them the absolute address it is served from (src/scripts/page-links.ts),
 * so that they are valid (Lighthouse's SEO audits: "Relative href value").
 */
import { expect, test } from 'vitest';
import { useSite } from '../helpers/site';

const site = useSite();

// Every kind of page: Lighthouse gave the home, search and comparison pages SEO 82 for their relative links.
test.each(['zh/lmc-poa-2023-2027/', 'en/asean-china-poa-2021-2025/', 'en/lmc-poa-2023-2027/4.2.5/', 'zh/', 'en/search/', 'zh/compare/', 'en/glossary/', 'zh/topics/water-resources/'])('the canonical and language alternates of /%s name the served address in full', async (url) => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}${url}`);
  const links = await page.$$eval('link[rel="canonical"], link[rel="alternate"][hreflang]', (ls) => ls.map((l) => [l.getAttribute('rel'), l.getAttribute('hreflang'), l.getAttribute('href')]));
  expect(links).toHaveLength(3);
  for (const [, , href] of links) expect(href).toMatch(new RegExp(`^${site.server.url.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(zh|en)/`, 'u'));
  expect(links.find(([rel]) => rel === 'canonical')![2]).toBe(`${site.server.url}${url}index.html`);
  await page.close();
});
