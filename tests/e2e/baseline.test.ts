/**
 * Issue 24 (design review, item 16): side by side, a clause's Chinese and English start on the
 * same line, baseline to baseline, as in SuttaCentral and ctext: the Chinese's taller line box
 * (1.9 against 1.65) used to set its first baseline about 4 px lower, and its headings more.
 */
import { describe, expect, test } from 'vitest';
import { useSite } from '../helpers/site';

const site = useSite();

describe.each(['zh', 'en'])('side by side at 1440 px (%s)', (lang) => {
  test.each(['lmc-poa-2023-2027', 'asean-china-poa-2021-2025'])('the first lines of the Chinese and the English of every clause of %s share a baseline', async (doc) => {
    const page = await site.browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${site.server.url}${lang}/${doc}/`);
    const offsets = await page.evaluate(() => {
      // The first baseline of a block: where an empty inline-block at its start sits (its bottom edge).
      const baseline = (el: Element) => {
        const probe = document.createElement('span');
        probe.style.cssText = 'display:inline-block;width:0;height:0;vertical-align:baseline';
        el.prepend(probe);
        const y = probe.getBoundingClientRect().bottom + scrollY;
        probe.remove();
        return y;
      };
      const out: string[] = [];
      for (const clause of document.querySelectorAll<HTMLElement>('.clause')) {
        clause.style.contentVisibility = 'visible';
        for (const kind of ['heading', 'text']) {
          const zh = clause.querySelector(`.${kind}.zh`);
          const en = clause.querySelector(`.${kind}.en:not(.untranslated)`);
          if (!zh || !en) continue;
          const d = baseline(zh) - baseline(en);
          if (Math.abs(d) > 1) out.push(`${clause.id} ${kind}: ${d.toFixed(1)} px`);
        }
      }
      return out;
    });
    expect(offsets).toEqual([]);
    await page.close();
  });
});
