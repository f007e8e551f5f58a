/**
 * Issue 24, the phone edition: at 320, 390 and 430 px, on every page type and on every
 * document page in every reading view, no text is clipped or runs out of its box, the page
 * never scrolls sideways, and a document's first clause is on the first screen (844 px).
 *
 * "Clipped or overflowing" is measured two ways: an element holding text is no wider or taller
 * than its box (scroll size against client size), and every line of text lies inside the
 * viewport and inside every ancestor that clips (overflow other than visible, or paint
 * containment, which content-visibility adds). A closed note's preview is the one exception:
 * it is cut at a few lines on purpose (line-clamp), and opens in full.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useSite } from '../helpers/site';

const site = useSite();

const WIDTHS = [320, 390, 430];
const HEIGHT = 844;
const VIEWS = ['auto', 'side', 'interleaved', 'zh', 'en'];
const DOCUMENTS = ['lmc-poa-2018-2022', 'lmc-vientiane-declaration-2020', 'asean-china-poa-2021-2025', 'lmc-poa-2023-2027', 'lmc-naypyitaw-declaration-2023', 'lmc-innovation-corridor-initiative'];
const OTHER_PAGES = ['', 'lmc-poa-2023-2027/4.2.5/', 'asean-china-poa-2021-2025/2.3.6/', 'lmc-naypyitaw-declaration-2023/1/', 'search/?q=%E6%B0%B4%E8%B5%84%E6%BA%90', 'search/?q=water', 'glossary/', 'topics/', 'topics/connectivity/', 'compare/', 'titles/', 'about/', 'about/data/', 'sources/', 'sources/004_d5144cada49e64c4/'];

/** Lays out every clause (content-visibility skips those off screen). */
async function showAll(page: Page) {
  await page.$$eval('.clause', (all) => all.forEach((e) => (e as HTMLElement).style.setProperty('content-visibility', 'visible')));
}

/** What overflows or is clipped, as readable lines (empty when all is well). */
async function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    const vw = root.clientWidth;
    if (root.scrollWidth > vw) out.push(`the page scrolls sideways: ${root.scrollWidth} px in ${vw} px`);
    const name = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.classList.length ? `.${[...e.classList].join('.')}` : ''}`;
    const where = (e: Element) => {
      const clause = e.closest('.clause[id]');
      return `${clause ? `[${clause.id}] ` : ''}${name(e)}`;
    };
    const clips = (e: Element) => {
      const s = getComputedStyle(e);
      return s.overflowX !== 'visible' || s.overflowY !== 'visible' || /paint|content|strict/u.test(s.contain) || s.contentVisibility === 'auto';
    };
    const preview = (e: Element) => e.closest('details:not([open])') !== null && getComputedStyle(e).webkitLineClamp !== 'none';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    const range = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent!.trim()) continue;
      const el = n.parentElement!;
      // The skip link waits off screen until it has focus, as skip links do.
      if (el.closest('script, style, svg, .visually-hidden, [hidden], .skip')) continue;
      if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue;
      if (preview(el)) continue;
      // The element's own box: its scroll size within its client size (block boxes only).
      for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
        if (seen.has(e)) break;
        seen.add(e);
        if (getComputedStyle(e).display.startsWith('inline') || e.closest('pre')) continue;
        if (e.scrollWidth > e.clientWidth + 1) out.push(`${where(e)} is ${e.scrollWidth} px wide in a ${e.clientWidth} px box: “${e.textContent!.trim().slice(0, 30)}”`);
        if (e.scrollHeight > e.clientHeight + 1 && clips(e)) out.push(`${where(e)} is cut at ${e.clientHeight} of ${e.scrollHeight} px: “${e.textContent!.trim().slice(0, 30)}”`);
      }
      // Every line inside the screen and inside every clipping ancestor.
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) {
        if (r.width === 0) continue;
        if (r.left < -1 || r.right > vw + 1) {
          out.push(`${where(el)}: “${n.textContent!.trim().slice(0, 30)}” runs off the screen (${Math.round(r.left)}–${Math.round(r.right)} px)`);
          break;
        }
        let cut = false;
        for (let a = el.parentElement; a && a !== document.body && !cut; a = a.parentElement) {
          if (!clips(a)) continue;
          const box = a.getBoundingClientRect();
          if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
            out.push(`${where(el)}: “${n.textContent!.trim().slice(0, 30)}” is clipped by ${name(a)}`);
            cut = true;
          }
        }
        if (cut) break;
      }
    }
    return [...new Set(out)];
  });
}

/** The page y of the bottom of the first line of the first clause's text. */
async function firstTextLine(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    for (const el of document.querySelectorAll('article.clause .text')) {
      if (!el.checkVisibility()) continue;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent!.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        const first = range.getClientRects()[0];
        if (first) return first.bottom + scrollY;
      }
    }
    return null;
  });
}

describe('document pages on a phone', () => {
  const cases = ['zh', 'en'].flatMap((lang) => DOCUMENTS.map((doc) => `${lang}/${doc}/`));
  test.each(cases)('/%s at 320, 390 and 430 px, in every view: nothing clipped, no sideways scroll, first text on the first screen', async (url) => {
    const page = await site.browser.context.newPage();
    const choose = (view: string) => page.locator(`.view-switch input[value="${view}"]`).evaluate((input: HTMLInputElement) => {
      input.checked = true;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const problems: string[] = [];
    // Side by side chosen on a wide screen, and remembered: the page opens with it at every width.
    await page.goto(`${site.server.url}${url}`);
    await choose('side');
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: HEIGHT });
      await page.goto(`${site.server.url}${url}`);
      // The view the page opened with first, then each of the others, switched in place.
      for (const view of ['side', ...VIEWS.filter((v) => v !== 'side')]) {
        await choose(view);
        const first = await firstTextLine(page);
        if (first === null || first > HEIGHT) problems.push(`${width} px, ${view}: the first clause’s text ends its first line at ${first} px`);
        await showAll(page);
        for (const p of await overflows(page)) problems.push(`${width} px, ${view}: ${p}`);
      }
      await choose('side');
    }
    // Reset the remembered view for the other tests.
    await page.evaluate(() => localStorage.clear());
    expect(problems.slice(0, 25)).toEqual([]);
    await page.close();
  }, 300_000);
});

describe('every other page type on a phone', () => {
  const cases = ['zh', 'en'].flatMap((lang) => OTHER_PAGES.map((p) => `${lang}/${p}`)).concat(['404.html']);
  test.each(cases)('/%s at 320, 390 and 430 px: nothing clipped, no sideways scroll', async (url) => {
    const page = await site.browser.context.newPage();
    const problems: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: HEIGHT });
      await page.goto(`${site.server.url}${url}`);
      if (url.includes('search/?q=')) await page.waitForSelector('.results .result', { timeout: 20_000 });
      // Everything a reader can open, open.
      await page.$$eval('details', (all) => all.forEach((d) => d.setAttribute('open', '')));
      await showAll(page);
      for (const p of await overflows(page)) problems.push(`${width} px: ${p}`);
    }
    expect(problems.slice(0, 25)).toEqual([]);
    await page.close();
  }, 120_000);
});
