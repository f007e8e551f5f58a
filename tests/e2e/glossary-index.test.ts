/**
 * Issue 24, the glossary's index: initials (pinyin in the Chinese interface) that lead to their
 * terms, a choice of kind that works without JavaScript, a filter box with it; every term keeps
 * its anchor, and the page stays accessible in both themes.
 */
import { describe, expect, test } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { useSite } from '../helpers/site';
import { initialOf } from '../../src/lib/reading/glossary-index';
import { terms } from '../../src/lib/data/glossary';

const site = useSite();

describe.each(['zh', 'en'] as const)('the glossary index (%s)', (lang) => {
  test('lists each initial once, each leading to its group, whose terms all begin with it; every term keeps its anchor', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}${lang}/glossary/`);
    const links = await page.$$eval('.glossary-index a', (as) => as.map((a) => ({ text: a.textContent!, href: a.getAttribute('href')! })));
    expect(links.length).toBeGreaterThan(10);
    expect(new Set(links.map((l) => l.text)).size).toBe(links.length);
    for (const link of links) {
      const names = await page.$$eval(`${link.href} ~ dl .glossary-entry`, (es, l) => es.map((e) => e.querySelector(l === 'zh' ? '.term-zh' : '.term-en')!.textContent!), lang);
      expect(names.length, link.text).toBeGreaterThan(0);
      for (const name of names) expect(initialOf(name), name).toBe(link.text);
    }
    const ids = await page.$$eval('.glossary-entry', (es) => es.map((e) => e.id));
    expect(ids.sort()).toEqual(terms.map((t) => t.id).sort());
    await page.close();
  });

  test('without JavaScript, a kind leaves only its terms and their initials, and the filter box is not shown', async () => {
    const context = await site.browser.context.browser()!.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}${lang}/glossary/`);
    expect(await page.isVisible('#glossary-filter')).toBe(false);
    await page.click('.kind-filter label:has(input[value="fund"])');
    const visible = await page.$$eval('.glossary-entry', (es) => es.filter((e) => (e as HTMLElement).offsetParent).map((e) => (e as HTMLElement).dataset.kind));
    expect(visible).toEqual(terms.filter((t) => t.kind === 'fund').map(() => 'fund'));
    const groups = await page.$$eval('.glossary-group', (gs) => gs.filter((g) => (g as HTMLElement).offsetParent).length);
    expect(groups).toBeLessThanOrEqual(visible.length);
    expect(groups).toBeGreaterThan(0);
    await context.close();
  });

  test('with JavaScript, the filter box keeps the terms whose names contain the text, within the kind chosen, and says how many', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}${lang}/glossary/`);
    const query = lang === 'zh' ? '澜湄' : 'mekong';
    await page.fill('#glossary-filter', query);
    const shown = await page.$$eval('.glossary-entry:not([hidden])', (es) => es.map((e) => [...e.querySelectorAll('dt, .term-variants span')].map((x) => x.textContent).join(' ').toLowerCase()));
    const expected = terms.filter((t) => [t.zh, t.en, ...t.zhVariants, ...t.enVariants].join(' ').toLowerCase().includes(query));
    expect(shown).toHaveLength(expected.length);
    for (const names of shown) expect(names).toContain(query);
    expect(await page.textContent('.filter-count')).toContain(String(expected.length));
    await page.click('.kind-filter label:has(input[value="institution"])');
    const both = await page.$$eval('.glossary-entry:not([hidden])', (es) => es.map((e) => (e as HTMLElement).dataset.kind));
    expect(both).toEqual(expected.filter((t) => t.kind === 'institution').map(() => 'institution'));
    expect(await page.$$eval('.glossary-group:not([hidden])', (gs) => gs.every((g) => g.querySelector('.glossary-entry:not([hidden])')))).toBe(true);
    await page.fill('#glossary-filter', '');
    await page.click('.kind-filter label:has(input[value="all"])');
    expect(await page.$$eval('.glossary-entry:not([hidden])', (es) => es.length)).toBe(terms.length);
    await page.close();
  });

  test.each(['light', 'dark'] as const)('axe finds no WCAG violation with a filter and a kind chosen (%s theme)', async (theme) => {
    const page = await site.browser.context.newPage();
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`${site.server.url}${lang}/glossary/`);
    await page.fill('#glossary-filter', lang === 'zh' ? '合作' : 'cooperation');
    await page.click('.kind-filter label:has(input[value="mechanism"])');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

// Design review item 14: the rendering badge (官方英文, 通行英文) was the heaviest mark on the page,
// a dark border and bold type; it now looks like the site's other badges (行动计划, 全文 on the home page).
test.each(['light', 'dark'] as const)('the rendering badges look like the site\'s other badges (%s theme)', async (theme) => {
  const page = await site.browser.context.newPage();
  await page.emulateMedia({ colorScheme: theme });
  const look = (selector: string) => page.locator(selector).first().evaluate((el) => {
    const s = getComputedStyle(el);
    return { border: `${s.borderTopWidth} ${s.borderTopColor}`, weight: s.fontWeight, radius: s.borderTopLeftRadius, size: s.fontSize };
  });
  await page.goto(`${site.server.url}zh/`);
  const badge = await look('.tl-meta .badge:not([class*="type-"])');
  await page.goto(`${site.server.url}zh/glossary/`);
  expect(await look('.rendering-badge')).toEqual(badge);
  await page.close();
});
