/** The reading experience in Chromium: views, permalinks, margin notes, accessibility, print, small screens. */
import { describe, expect, test } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { useSite } from '../helpers/site';

const site = useSite();

const DOC = 'lmc-poa-2023-2027';

describe('reading views', () => {
  test('switch between side by side, interleaved, Chinese only and English only, and persist', async () => {
    const page = await site.browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(`${site.server.url}en/${DOC}/`);
    const zh = page.locator('[id="4.2.12"] .text.zh');
    const en = page.locator('[id="4.2.12"] .text.en');
    // Automatic on a wide screen: side by side, in one row (their first baselines agree, so their
    // boxes' tops differ by the two scripts' half-leading: tests/e2e/baseline.test.ts).
    const sideBySide = async () => Math.abs((await zh.boundingBox())!.y - (await en.boundingBox())!.y) < 8 && (await zh.boundingBox())!.x < (await en.boundingBox())!.x;
    expect(await sideBySide()).toBe(true);
    await page.getByLabel('Interleaved').check();
    expect((await en.boundingBox())!.y).toBeGreaterThan((await zh.boundingBox())!.y);
    await page.getByLabel('Chinese only').check();
    expect(await zh.isVisible()).toBe(true);
    expect(await en.isVisible()).toBe(false);
    await page.getByLabel('English only').check();
    expect(await zh.isVisible()).toBe(false);
    expect(await en.isVisible()).toBe(true);
    // The choice persists on the next page.
    await page.goto(`${site.server.url}en/lmc-poa-2018-2022/`);
    expect(await page.getByLabel('English only').isChecked()).toBe(true);
    expect(await page.locator('[id="4.2.5.p1"] .text.zh').isVisible()).toBe(false);
    await page.getByLabel('Automatic').check();
    await page.close();
  });

  test('interleave on a narrow screen by default', async () => {
    const page = await site.browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${site.server.url}zh/${DOC}/`);
    const zh = await page.locator('[id="4.2.12"] .text.zh').boundingBox();
    const en = await page.locator('[id="4.2.12"] .text.en').boundingBox();
    expect(en!.y).toBeGreaterThan(zh!.y);
    await page.close();
  });

  test('work without JavaScript', async () => {
    const context = await site.browser.context.browser()!.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}en/${DOC}/`);
    await page.getByLabel('Chinese only').check();
    expect(await page.locator('[id="4.2.12"] .text.en').isVisible()).toBe(false);
    await context.close();
  });
});

describe('permalinks', () => {
  test('land on the clause and highlight it', async () => {
    const page = await site.browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto(`${site.server.url}en/${DOC}/#5.3`);
    const clause = page.locator('[id="5.3"]');
    const box = (await clause.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(800);
    const background = await clause.evaluate((el) => getComputedStyle(el).backgroundColor);
    const other = await page.locator('[id="5.2"]').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe(other);
    await page.close();
  });

  test('each clause number links to the clause page', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}zh/${DOC}/`);
    await page.click('[id="4.2.12"] .clause-number a');
    await page.waitForURL(`${site.server.url}zh/${DOC}/4.2.12/index.html`);
    expect(await page.locator('h1').textContent()).toBe('《五年行动计划（2023—2027）》第4.2.12条');
    expect(await page.locator('h2.heading.zh').textContent()).toBe('水资源合作');
    await page.close();
  });
});

describe('margin notes', () => {
  test('preview in the margin on wide screens, under the text on narrow ones, and open in full on demand', async () => {
    const page = await site.browser.context.newPage();
    await page.setViewportSize({ width: 1500, height: 900 });
    await page.goto(`${site.server.url}en/${DOC}/`);
    const note = page.locator('[id="5.3"] .note-variant');
    const text = note.locator('> p');
    expect(await text.isVisible()).toBe(true);
    const noteBox = (await note.boundingBox())!;
    const enBox = (await page.locator('[id="5.3"] .text.en').boundingBox())!;
    expect(noteBox.x).toBeGreaterThan(enBox.x + enBox.width - 1);
    // Closed, a preview of its first lines (issue 24: three, it was one); the Chinese is one
    // click away, brought in under the note from the clause page (it left the document before).
    const closed = (await text.boundingBox())!.height;
    expect(closed).toBeLessThan(75);
    expect(await note.locator('.note-other').isVisible()).toBe(false);
    await note.locator('summary').first().click();
    expect((await text.boundingBox())!.height).toBeGreaterThan(closed);
    expect(await note.locator('a.note-other').getAttribute('lang')).toBe('zh-CN');
    await note.locator('a.note-other').click();
    const other = note.locator('.note-other-text');
    await other.waitFor({ state: 'visible' });
    expect(await other.getAttribute('lang')).toBe('zh-CN');
    expect(page.url()).toBe(`${site.server.url}en/${DOC}/`);
    await page.goto(`${site.server.url}en/${DOC}/5.3/`);
    const full = page.locator('.note-variant');
    await full.locator('.note-other summary').click();
    expect(await full.locator('.note-other p').isVisible()).toBe(true);
    expect(await full.locator('.note-other p').getAttribute('lang')).toBe('zh-CN');
    await page.goBack();
    await page.setViewportSize({ width: 390, height: 800 });
    await page.reload();
    const enNarrow = (await page.locator('[id="5.3"] .text.en').boundingBox())!;
    expect((await note.boundingBox())!.y).toBeGreaterThan(enNarrow.y + enNarrow.height - 1);
    // The keyboard opens it too.
    await note.locator('summary').first().focus();
    await page.keyboard.press('Enter');
    expect(await note.getAttribute('open')).not.toBeNull();
    await page.close();
  });
});

describe('accessibility', () => {
  const pages = ['', `${DOC}/`, `${DOC}/4.2.12/`, 'search/?q=water', 'glossary/', 'about/', 'sources/', 'sources/002_6d543889c7f48850/', 'topics/', 'topics/water-resources/', 'compare/', 'titles/'];
  test.each(['zh', 'en'].flatMap((lang) => pages.map((p) => `${lang}/${p}`)))('axe finds no WCAG violation on /%s', async (url) => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}${url}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test('the document page needs no horizontal scrolling at 360 px', async () => {
    const page = await site.browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    for (const url of ['en/', `en/${DOC}/`, 'zh/asean-china-poa-2021-2025/', `en/${DOC}/4.2.12/`, 'en/glossary/', 'zh/sources/004_d5144cada49e64c4/', 'zh/sources/', 'en/sources/']) {
      await page.goto(`${site.server.url}${url}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
    await page.close();
  });

  test('keyboard alone reaches the view switch, a clause link and the skip link', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}en/${DOC}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.keyboard.press('Enter');
    const focusable: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      focusable.push(await page.evaluate(() => `${document.activeElement?.tagName}:${(document.activeElement as HTMLInputElement)?.type ?? ''}`));
    }
    expect(focusable).toContain('INPUT:radio');
    await page.close();
  });
});

describe('print', () => {
  test('prints the text with clause numbers, the document\'s URL and no chrome', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}en/${DOC}/`);
    await page.emulateMedia({ media: 'print' });
    // The contents print (short, issue 18); the interface does not.
    for (const chrome of ['.site-header', '.site-footer', '.view-switch', '.downloads', '.print-button']) expect(await page.locator(chrome).isVisible(), chrome).toBe(false);
    expect(await page.locator('[id="4.2.12"] .text.zh').isVisible()).toBe(true);
    // Issue 24: one URL for the document under its title, none per clause.
    expect(await page.locator('.print-url').textContent()).toMatch(new RegExp(`^https?://[^ ]+/en/${DOC}/$`, 'u'));
    expect(await page.locator('.print-url').isVisible()).toBe(true);
    expect(await page.locator('[id="4.2.12"]').evaluate((el) => getComputedStyle(el, '::after').content)).toBe('none');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.close();
  });
});

describe('glossary terms', () => {
  test('are marked in the text and show their definition on hover and keyboard focus', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}en/lmc-poa-2018-2022/`);
    const term = page.locator('[id="5.1.p1"] .text.en a.term').first();
    expect(await term.getAttribute('href')).toMatch(/glossary\/index\.html#[a-z0-9-]+$/u);
    await term.focus();
    const tip = page.locator('#term-tip');
    await tip.waitFor({ state: 'visible' });
    expect((await tip.textContent())!.length).toBeGreaterThan(20);
    expect(await term.getAttribute('aria-describedby')).toBe('term-tip');
    await page.keyboard.press('Escape');
    expect(await tip.isVisible()).toBe(false);
    // Definitions are in the reader's language, whichever text the term is in.
    const zhTerm = page.locator('[id="5.1.p1"] .text.zh a.term').first();
    await zhTerm.hover();
    await tip.waitFor({ state: 'visible' });
    expect(await tip.getAttribute('lang')).toBe('en');
    await page.close();
  });
});
