/** Issue 14 in Chromium: the glossary shows each rendering's status and evidence; declarations show their official English title. */
import { describe, expect, test } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { useSite } from '../helpers/site';

const site = useSite();

describe('official names', () => {
  test('the glossary shows every term\'s rendering status, with links to the evidence', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}en/glossary/`);
    const entries = page.locator('.glossary-entry');
    const count = await entries.count();
    expect(count).toBeGreaterThan(100);
    expect(await page.locator('.glossary-entry .rendering-status').count()).toBe(count);
    const lmedb = page.locator('[id="lancang-mekong-basin-economic-development-belt"]');
    await expect.poll(() => lmedb.locator('.term-en').textContent()).toBe('Lancang-Mekong Economic Development Belt');
    expect(await lmedb.locator('.rendering-badge').textContent()).toBe('Official English');
    const link = lmedb.locator('.rendering-sources a').first();
    expect(await link.getAttribute('href')).toMatch(/^https?:\/\/www\.lmcchina\.org\//u);
    const own = page.locator('[id="lancang-mekong-environmental-cooperation-strategy-and-action-framework"] .rendering-status');
    expect(await own.textContent()).toContain('no English usage of this name was found');
    expect(await own.locator('a').count()).toBe(0);
    await page.goto(`${site.server.url}zh/glossary/`);
    expect(await page.locator('[id="theme-third-leaders-meeting"] .rendering-badge').textContent()).toBe('官方英文');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test('the Vientiane and Nay Pyi Taw declarations show their official English titles', async () => {
    const page = await site.browser.context.newPage();
    for (const [doc, title] of [
      ['lmc-vientiane-declaration-2020', "Vientiane Declaration of the Third Mekong-Lancang Cooperation (MLC) Leaders’ Meeting"],
      ['lmc-naypyitaw-declaration-2023', "Nay Pyi Taw Declaration of the Fourth Mekong-Lancang Cooperation Leaders’ Meeting"],
    ]) {
      await page.goto(`${site.server.url}en/${doc}/`);
      expect(await page.locator('.document-header .official-title cite').textContent()).toBe(title);
      expect(await page.locator('.document-header .official-title a').count()).toBeGreaterThan(0);
    }
    await page.goto(`${site.server.url}en/lmc-poa-2018-2022/`);
    expect(await page.locator('.official-title').count()).toBe(0);
    await page.close();
  });
});

describe('names the edition rendered itself (issue 27)', () => {
  test('the about page lists every one, grouped by its reason, in both languages, with a lang on each name', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const register = parse(readFileSync('content/names.yaml', 'utf8')).names as { status: string }[];
    const glossary = JSON.parse(readFileSync('dist/data/glossary.json', 'utf8')).terms as { rendering: { status: string } }[];
    const expected = register.filter((n) => n.status === 'edition').length + glossary.filter((t) => t.rendering.status === 'edition').length;
    const page = await site.browser.context.newPage();
    for (const [lang, title] of [['en', 'Names this edition rendered itself, and why'], ['zh', '本版自译的名称及理由']] as const) {
      await page.goto(`${site.server.url}${lang}/about/`);
      const section = page.locator('#coined-names');
      expect(await section.locator('h2').textContent()).toBe(title);
      expect(await section.locator('li').count()).toBe(expected);
      expect(await section.locator('li > span[lang="en"]').count()).toBe(expected);
      expect(await section.locator('.coined-group').count()).toBeGreaterThan(3);
      expect(await section.textContent()).toContain('Lancang-Mekong Plan for Harnessing Water to Benefit the People');
      // Names whose owners' English the second reading found are no longer the edition's own.
      expect(await section.textContent()).not.toContain('Green Lancang-Mekong');
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.close();
  });
});
