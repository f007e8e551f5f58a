/**
 * The home page's timeline: each document's dot stands under the year of its adoption on the
 * axis, and a plan's bar under the years it names, at every width (the measure that caps running
 * text at 38em must not squeeze the tracks while the axis keeps its width).
 */
import { expect, test } from 'vitest';
import { useSite } from '../helpers/site';

const site = useSite();

test.each([['zh', 1440], ['en', 1440], ['en', 1024], ['zh', 390]] as const)('dots and bars line up with the axis (%s, %i px)', async (lang, width) => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${site.server.url}${lang}/`);
  const off = await page.evaluate(() => {
    const axis = document.querySelector('.tl-axis')!.getBoundingClientRect();
    const years = Number(getComputedStyle(document.querySelector('.timeline')!).getPropertyValue('--years'));
    const column = axis.width / years;
    const out: string[] = [];
    for (const doc of document.querySelectorAll('.tl-doc')) {
      const title = doc.querySelector('h3')!.textContent!.slice(0, 30);
      const dot = doc.querySelector<HTMLElement>('.tl-dot');
      if (dot) {
        const at = Number(/at-(\d+)/u.exec(dot.className)![1]);
        const x = dot.getBoundingClientRect().left;
        const expected = axis.left + (at - 1) * column;
        if (Math.abs(x - expected) > 2) out.push(`${title}: dot at ${x.toFixed(0)}, its year starts at ${expected.toFixed(0)}`);
      }
      const bar = doc.querySelector<HTMLElement>('.tl-bar:not(.type-declaration):not(.type-initiative)');
      if (bar) {
        const end = Number(/to-(\d+)/u.exec(bar.className)![1]);
        const right = bar.getBoundingClientRect().right;
        const expected = axis.left + end * column;
        if (Math.abs(right - expected) > 2) out.push(`${title}: bar ends at ${right.toFixed(0)}, its last year ends at ${expected.toFixed(0)}`);
      }
    }
    return out;
  });
  expect(off).toEqual([]);
  await page.close();
});
