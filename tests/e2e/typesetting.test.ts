/**
 * Issue 24's design review, its last leftovers, in Chromium:
 *
 * - No line breaks at a connector between two Chinese names or the years of a range
 *   ("中国-/东盟", a printed line starting "—湄公河"), on screen and on paper; the texts keep
 *   their own characters (copying a clause gives its data's text).
 * - No doubled rule: the first chapter's rule does not sit under the rule of the column
 *   labels (wide) or of the tools row (phone).
 * - The comparison page: each comparison's heading names the two documents by their short
 *   titles, never breaking inside one unless it alone is wider than the line; its texts keep
 *   the measure of a clause page.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';
import { laidOutText, lineNumbers } from '../helpers/layout';
import { useSite } from '../helpers/site';

const site = useSite();

/**
 * Every connector between Han characters or digits on the page, at which the line breaks:
 * with every box of text made as narrow as it can be, the browser takes every break
 * opportunity, so a connector that could break anywhere does break here.
 */
async function breaksAtConnectors(page: Page, within: string): Promise<string[]> {
  return page.evaluate((within) => {
    // Through the CSSOM: the pages' Content-Security-Policy refuses a <style> element.
    const narrowed = [...document.querySelectorAll(`${within}, ${within} *`)] as HTMLElement[];
    for (const el of narrowed) {
      el.style.setProperty('max-width', '0', 'important');
      el.style.setProperty('content-visibility', 'visible', 'important');
    }
    const CONNECTED = /[\p{Script=Han}\d][-\u2010-\u2015\uFF0D\u2500]+[\p{Script=Han}\d]/gu;
    const broken: string[] = [];
    const top = (node: Text, at: number) => {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return range.getClientRects()[0]?.top;
    };
    for (const root of document.querySelectorAll(within)) {
      // The text as the reader sees it, across elements: a connector may end one text node.
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.parentElement?.closest('script, style, svg, pre, code, [hidden], .visually-hidden') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      while (walker.nextNode()) nodes.push(walker.currentNode as Text);
      const text = nodes.map((n) => n.data).join('');
      const place = (offset: number): [Text, number] => {
        for (const n of nodes) {
          if (offset < n.data.length) return [n, offset];
          offset -= n.data.length;
        }
        throw new Error('offset out of range');
      };
      for (const m of text.matchAll(CONNECTED)) {
        const first = top(...place(m.index));
        const last = top(...place(m.index + m[0].length - 1));
        // Not laid out (a closed disclosure): no line to break.
        if (first === undefined || last === undefined) continue;
        if (Math.abs(first - last) > 1) broken.push(text.slice(Math.max(0, m.index - 4), m.index + m[0].length + 4));
      }
    }
    for (const el of narrowed) el.removeAttribute('style');
    return broken;
  }, within);
}

describe('connectors', () => {
  // The ASEAN-China plan writes 中国-东盟 and its years 2021-2025; the 2023–2027 plan 澜沧江—湄公河.
  for (const url of ['zh/asean-china-poa-2021-2025/', 'en/lmc-vientiane-declaration-2020/', 'zh/lmc-poa-2023-2027/4.2.12/', 'zh/']) {
    test(`no line breaks before or after a connector between names or years (/${url})`, async () => {
      const page = await site.browser.context.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${site.server.url}${url}`);
      expect(await breaksAtConnectors(page, 'main')).toEqual([]);
      await page.close();
    });
  }

  test('nor on paper (the English Vientiane Declaration printed a line starting —湄公河)', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}en/lmc-vientiane-declaration-2020/`);
    await page.emulateMedia({ media: 'print' });
    expect(await breaksAtConnectors(page, 'main')).toEqual([]);
    await page.close();
  });

  test('the texts keep their own characters: a clause selected and copied is its data text, byte for byte', async () => {
    const doc = JSON.parse(await readFile(path.join(ROOT, 'dist', 'data', 'asean-china-poa-2021-2025.json'), 'utf8')) as { clauses: { id: string; text: { zh: string } }[] };
    const clause = doc.clauses.find((c) => c.id === 'preamble.p1')!;
    expect(clause.text.zh).toContain('中国-东盟');
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}zh/asean-china-poa-2021-2025/`);
    const selected = await page.locator('[id="preamble.p1"] .text.zh').evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    });
    expect(selected).toBe(clause.text.zh);
    await page.close();
  });
});

describe('rules', () => {
  /** Pairs of horizontal rules (borders of wide boxes) less than 32 px apart, one over the other. */
  const doubledRules = (page: Page) =>
    page.evaluate(() => {
      const rules: { name: string; y: number; x0: number; x1: number }[] = [];
      for (const el of document.querySelectorAll('main *')) {
        const s = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        // A box with side borders (a button, a field) is a box, not a rule.
        if (r.height === 0 || r.width < 150 || parseFloat(s.borderLeftWidth) > 0) continue;
        for (const side of ['Top', 'Bottom'] as const) {
          if (parseFloat(s[`border${side}Width`]) > 0 && s[`border${side}Style`] !== 'none') rules.push({ name: `${el.tagName.toLowerCase()}.${el.className} ${side.toLowerCase()}`, y: (side === 'Top' ? r.top : r.bottom) + scrollY, x0: r.left, x1: r.right });
        }
      }
      rules.sort((a, b) => a.y - b.y);
      const pairs: string[] = [];
      rules.forEach((a, i) => {
        for (const b of rules.slice(i + 1)) {
          if (b.y - a.y >= 32) break;
          if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5 * Math.min(a.x1 - a.x0, b.x1 - b.x0)) pairs.push(`${a.name} ~ ${b.name} (${Math.round(b.y - a.y)} px)`);
        }
      });
      return pairs;
    });

  for (const width of [1440, 390]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`no two rules one over the other on document and clause pages (${width} px, ${colorScheme})`, async () => {
        const page = await site.browser.context.newPage();
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme });
        for (const url of ['zh/lmc-poa-2023-2027/', 'en/asean-china-poa-2021-2025/', 'zh/lmc-vientiane-declaration-2020/', 'zh/lmc-poa-2023-2027/4.2.5/', 'en/lmc-poa-2023-2027/4.2.12/']) {
          await page.goto(`${site.server.url}${url}`);
          expect(await doubledRules(page), url).toEqual([]);
        }
        await page.close();
      });
    }
  }
});

/**
 * The words of the Chinese titles that a line must not break inside: a balanced heading broke
 * 第四/次, 内比/都 and 五年行动/计划 on a phone (the design review, item 9).
 */
const TITLE_WORDS = ['澜沧江', '湄公河', '第三次', '第四次', '领导人', '会议', '内比都', '万象', '宣言', '中国', '东盟', '五年', '行动', '计划', '合作', '地区', '创新', '走廊', '倡议', '伙伴', '关系', '摘要', '中英对照', '时间线'];

/** Each element's words (of `words`) that its lines break inside, as laid out now. */
async function brokenWords(page: Page, selector: string, words: string[]): Promise<string[]> {
  const broken: string[] = [];
  for (const t of await laidOutText(page, selector)) {
    const lines = lineNumbers(t);
    for (const word of words) {
      for (let at = t.text.indexOf(word); at >= 0; at = t.text.indexOf(word, at + 1)) {
        if (new Set(lines.slice(at, at + word.length).filter((l) => l !== undefined)).size > 1) broken.push(`${word} in ${t.text}`);
      }
    }
  }
  return broken;
}

describe('Chinese titles break between words, never inside one', () => {
  const documents = ['lmc-poa-2018-2022', 'lmc-vientiane-declaration-2020', 'asean-china-poa-2021-2025', 'lmc-innovation-corridor-initiative', 'lmc-naypyitaw-declaration-2023', 'lmc-poa-2023-2027'];
  for (const width of [320, 390, 430, 1440]) {
    test(`on the home pages, the document pages and a clause page (${width} px)`, async () => {
      const page = await site.browser.context.newPage();
      await page.setViewportSize({ width, height: 844 });
      const broken: string[] = [];
      const visit = async (url: string, selector: string) => {
        await page.goto(`${site.server.url}${url}`);
        broken.push(...(await brokenWords(page, selector, TITLE_WORDS)).map((b) => `/${url}: ${b}`));
      };
      await visit('zh/', '.home-intro h1, .tl-card h3');
      await visit('en/', '.tl-other');
      for (const document of documents) {
        await visit(`zh/${document}/`, 'h1');
        await visit(`en/${document}/`, '.subtitle');
      }
      await visit('zh/lmc-poa-2023-2027/4.2.5/', 'h1');
      await page.close();
      expect(broken).toEqual([]);
    }, 60_000);
  }
});

describe('the comparison page', () => {
  for (const lang of ['zh', 'en'] as const) {
    for (const width of [1440, 390]) {
      test(`each comparison is headed by the two short titles, each unbroken where it fits (${lang}, ${width} px)`, async () => {
        const page = await site.browser.context.newPage();
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${site.server.url}${lang}/compare/`);
        const headings = await page.locator('.comparison > h2').evaluateAll((hs) =>
          hs.map((h) => {
            const titles = [...h.querySelectorAll('.compare-title')].map((t) => {
              const range = document.createRange();
              range.selectNodeContents(t);
              const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
              // Wider than the heading's line on its own: it has to break.
              const probe = document.createElement('span');
              probe.style.whiteSpace = 'nowrap';
              probe.textContent = t.textContent;
              h.append(probe);
              const fits = probe.getBoundingClientRect().width <= h.getBoundingClientRect().width;
              probe.remove();
              return { text: t.textContent!.trim(), lines, fits };
            });
            return { text: h.textContent!.replace(/\s+/gu, ' ').trim(), links: h.querySelectorAll('a').length, titles };
          }),
        );
        expect(headings.map((h) => h.text)).toEqual(
          lang === 'zh'
            ? ['《五年行动计划（2018—2022）》→《五年行动计划（2023—2027）》', '《万象宣言》→《内比都宣言》']
            : ['Plan of Action 2018–2022 → Plan of Action 2023–2027', 'Vientiane Declaration → Nay Pyi Taw Declaration'],
        );
        for (const h of headings) {
          // The documents' full titles link under the heading, not in it.
          expect(h.links, h.text).toBe(0);
          for (const t of h.titles) if (t.fits) expect(t.lines, t.text).toBe(1);
        }
        // …and their links follow it.
        expect(await page.locator('.comparison > .compare-documents a').count()).toBe(4);
        await page.close();
      });
    }
  }

  test('on a phone, where the list stands in for the map, the map\'s legend of line patterns goes with it', async () => {
    const page = await site.browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${site.server.url}zh/compare/`);
    expect(await page.locator('.section-map > svg').first().isVisible()).toBe(false);
    expect(await page.locator('.section-map .legend').first().isVisible()).toBe(false);
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(await page.locator('.section-map .legend').first().isVisible()).toBe(true);
    await page.close();
  });

  test('the Chinese interface writes the commitments of new and dropped sections with full-width punctuation', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}zh/compare/`);
    const cells = await page.locator('.changes-table tbody td:last-child').allTextContents();
    expect(cells).toContain('探讨（1）、促进（3）、加强（3）');
    for (const cell of cells) expect(cell).not.toMatch(/[,()]/u);
    await page.close();
  });

  test('its texts keep a clause page\'s measure: about 30 Chinese or at most 65 Latin characters a line in the two versions, not 40 and 73 (1440 px)', async () => {
    const page = await site.browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    for (const lang of ['zh', 'en']) {
      await page.goto(`${site.server.url}${lang}/compare/`);
      const measure = await page.evaluate(() => {
        const perLine = (selector: string) =>
          Math.max(
            ...[...document.querySelectorAll(selector)].map((p) => {
              const lines = Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));
              return lines >= 3 ? p.textContent!.length / lines : 0;
            }),
          );
        return { zh: perLine('.version-text.version-zh p'), en: perLine('.version-text.version-en p') };
      });
      expect(measure.zh, lang).toBeLessThanOrEqual(32);
      expect(measure.en, lang).toBeLessThanOrEqual(65);
    }
    await page.close();
  });
});

describe('punctuation after Chinese labels', () => {
  test('the glossary\'s 其他形式 takes a full-width colon in the Chinese interface, a half-width one in the English (design review item 9)', async () => {
    const page = await site.browser.context.newPage();
    for (const [lang, label] of [['zh', '其他形式：'], ['en', 'Other forms: ']] as const) {
      await page.goto(`${site.server.url}${lang}/glossary/`);
      const variants = await page.locator('.term-variants').allTextContents();
      expect(variants.length, lang).toBeGreaterThan(0);
      expect(variants.filter((v) => !v.startsWith(label)), lang).toEqual([]);
    }
    await page.close();
  });

  test('the search page\'s commitment levels read 1：探讨、考虑 in the Chinese interface, 1: explore, consider in the English', async () => {
    const page = await site.browser.context.newPage();
    for (const [lang, pattern] of [['zh', /^[1-4]：\S/u], ['en', /^[1-4]: \S/u]] as const) {
      await page.goto(`${site.server.url}${lang}/search/`);
      const levels = (await page.locator('select[data-filter="commitment"] option').allTextContents()).filter((o) => /^\d/u.test(o));
      expect(levels, lang).toHaveLength(4);
      for (const level of levels) expect(level, lang).toMatch(pattern);
    }
    await page.close();
  });
});

/** What `find` reports on each of the Chinese pages `urls` (1440 px), each finding prefixed with its page. */
async function findOnPages(urls: string[], find: (page: Page) => Promise<string[]>): Promise<string[]> {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  const found: string[] = [];
  for (const url of urls) {
    await page.goto(`${site.server.url}${url}`);
    found.push(...(await find(page)).map((f) => `/${url}: ${f}`));
  }
  await page.close();
  return found;
}

describe('no space beside full-width punctuation in Chinese text', () => {
  // A full-width bracket or stop carries its own spacing: a space beside it between Chinese
  // makes a gap of more than a character ("延续自 《五年行动计划…", "参见 《…", "加强 （级别4 → 3）").
  const pages = ['zh/', 'zh/lmc-poa-2023-2027/', 'zh/lmc-vientiane-declaration-2020/', 'zh/lmc-poa-2023-2027/4.2.5/', 'zh/asean-china-poa-2021-2025/2.3.6/', 'zh/lmc-naypyitaw-declaration-2023/14/', 'zh/compare/', 'zh/topics/water-resources/', 'zh/glossary/', 'zh/titles/', 'zh/about/'];
  test(`on the Chinese pages that show notes, parallels, changes and labels (${pages.length} pages)`, async () => {
    const found = await findOnPages(pages, (page) => page.evaluate(() => {
      const FULL = '\u3000-\u303f\uff00-\uffef《》“”';
      const SPACED = new RegExp(`[\\u4e00-\\u9fff${FULL}] [${FULL}]|[${FULL}] [\\u4e00-\\u9fff]`, 'gu');
      for (const d of document.querySelectorAll('details')) (d as HTMLDetailsElement).open = true;
      // Buttons are controls set apart by their own box ("复制" beside a citation's name), not text.
      for (const b of document.querySelectorAll('button')) b.style.setProperty('display', 'none');
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('p, li, dd, dt, summary, h1, h2, h3, h4, td, th, figcaption')) {
        if (el.closest('[hidden], .visually-hidden, pre, code') || !el.closest('[lang]')?.getAttribute('lang')?.startsWith('zh')) continue;
        for (const m of el.innerText.matchAll(SPACED)) out.push(el.innerText.slice(Math.max(0, m.index - 8), m.index + 10).replace(/\n/gu, '⏎'));
      }
      return out;
    }));
    expect([...new Set(found)]).toEqual([]);
  }, 60_000);
});

describe('an opening bracket at the start of a line of Chinese', () => {
  // Design review item 9: a line that starts （《… kept the bracket's blank half, so it looked
  // indented; headings trimmed it, running text did not. (Chromium trims brackets only: it
  // takes the curly quotation marks, which Chinese shares with English, as not full-width.)
  test('stands flush with the lines above it: its blank half is trimmed (glossary, a document, a clause page)', async () => {
    const found = await findOnPages(['zh/glossary/', 'zh/asean-china-poa-2021-2025/', 'zh/lmc-poa-2023-2027/4.2.5/'], async (page) => {
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) (d as HTMLDetailsElement).open = true;
        for (const c of document.querySelectorAll<HTMLElement>('.clause')) c.style.setProperty('content-visibility', 'visible');
      });
      const untrimmed: string[] = [];
      for (const t of await laidOutText(page, 'main p:lang(zh), main li:lang(zh), main dd:lang(zh)')) {
        const lines = lineNumbers(t);
        // A character that starts a line other than the first, and is an opening bracket set full width.
        for (let i = 1; i < t.text.length; i++) {
          if (/[（《〈【]/u.test(t.text[i]!) && lines[i]! > 0 && lines[i - 1] !== lines[i] && t.widths[i]! > t.fontSize * 0.75) untrimmed.push(`${t.text.slice(i, i + 8)} (${t.widths[i]!.toFixed(1)} px at ${t.fontSize} px)`);
        }
      }
      return untrimmed;
    });
    expect(found).toEqual([]);
  }, 60_000);
});

describe('a link that ends with a full-width closing bracket', () => {
  // The bracket's glyph stands in the left half of its em: the link's underline ran on under the
  // blank right half (数据（JSON）, a document's title ending （2021-2025）, a breadcrumb ending （摘要）).
  test('ends its underline at the bracket: the bracket is set half wide (home, a clause page\'s breadcrumbs, the titles index)', async () => {
    const found = await findOnPages(['zh/', 'zh/lmc-poa-2023-2027/4.2.5/', 'zh/titles/'], (page) => page.evaluate(() => {
      const out: string[] = [];
      for (const a of document.querySelectorAll<HTMLAnchorElement>('a')) {
        const text = a.textContent ?? '';
        if (!/[）》」』】〕]$/u.test(text) || !a.checkVisibility()) continue;
        // Punctuation right after the link: the browser sets the bracket half wide against it.
        const after = a.nextSibling?.textContent ?? '';
        if (/^[，。、；：！？）》」』】〕]/u.test(after)) continue;
        const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
        let last: Text | undefined;
        while (walker.nextNode()) if ((walker.currentNode as Text).data) last = walker.currentNode as Text;
        const range = document.createRange();
        range.setStart(last!, last!.data.length - 1);
        range.setEnd(last!, last!.data.length);
        const width = range.getBoundingClientRect().width;
        const size = parseFloat(getComputedStyle(last!.parentElement!).fontSize);
        if (width > size * 0.6) out.push(`${text} (${width.toFixed(1)} px at ${size} px)`);
      }
      return out;
    }));
    expect(found).toEqual([]);
  }, 60_000);
});
