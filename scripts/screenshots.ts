/**
 * `npm run screenshots`: the built site (dist/, from `npm run build`) served on loopback and
 * photographed in Chromium: the home page, a document, a clause, search with results and the
 * plan comparison, at 1440 px and 390 px wide, light and dark, in both interfaces; and (issue 24)
 * a document chosen side by side on a phone, a rewritten clause (its two versions), and a
 * document with a parallel opened in place, and the glossary with its index, each at both
 * widths too. Writes
 * screenshots/{interface}-{page}-{width}-{scheme}.png (the pictures of an earlier run are replaced, nothing else; it is
 * not committed). Long pages are cut at MAX_HEIGHT pixels: a whole plan is tens of
 * thousands of pixels tall, more than an image viewer shows usefully. `--pages` names some of
 * the pages, to photograph only those.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './lib/core/paths';
import { serveStatic } from './lib/tools/static-server';
import { launchBrowser } from '../tests/helpers/browser';

// `--out DIR` writes elsewhere (the test does, so as not to empty the reader's folder).
const outAt = process.argv.indexOf('--out');
const OUT = outAt >= 0 && process.argv[outAt + 1] ? path.resolve(process.argv[outAt + 1]!) : path.join(ROOT, 'screenshots');
const MAX_HEIGHT = 4000;
/** The names of the pictures this script writes: {lang}-{page}-{width}-{scheme}.png. */
const SHOT = /^(?:zh|en)-([a-z]+)-\d+-(?:light|dark)\.png$/u;
const WIDTHS = [1440, 390];
const SCHEMES = ['light', 'dark'] as const;
const SEARCH: Record<string, string> = { zh: '水资源', en: 'water resources' };

/**
 * The pages, by name; `ready` waits for what the page fills in after loading; `view` chooses
 * a reading view first; `open` clicks it (a parallel) and waits for `ready`; `at` scrolls the
 * picture to start at an element.
 */
const PAGES: { name: string; url: (lang: string) => string; ready?: string; view?: string; open?: string; at?: string }[] = [
  { name: 'home', url: (lang) => `${lang}/` },
  { name: 'document', url: (lang) => `${lang}/lmc-poa-2023-2027/` },
  { name: 'clause', url: (lang) => `${lang}/lmc-poa-2023-2027/4.2.12/` },
  { name: 'search', url: (lang) => `${lang}/search/?q=${encodeURIComponent(SEARCH[lang]!)}`, ready: '.results .result' },
  { name: 'compare', url: (lang) => `${lang}/compare/` },
  // Side by side chosen (and remembered): a phone shows it interleaved.
  { name: 'sidebyside', url: (lang) => `${lang}/asean-china-poa-2021-2025/`, view: 'side' },
  // 2018–2022 4.2.6 agriculture, rewritten as 2023–2027 4.2.5: the two versions.
  { name: 'rewritten', url: (lang) => `${lang}/lmc-poa-2023-2027/4.2.5/`, at: '.change-diff' },
  // 2023–2027 4.2.5 with 2018–2022 4.2.6 opened under it.
  { name: 'parallel', url: (lang) => `${lang}/lmc-poa-2023-2027/`, open: '[id="4.2.5"] .parallels li a', ready: '[id="4.2.5"] .parallel-text', at: '[id="4.2.5"]' },
  { name: 'glossary', url: (lang) => `${lang}/glossary/` },
];

// `--pages a,b` photographs only those pages (by name), e.g. again after changing one of them.
const pagesAt = process.argv.indexOf('--pages');
const only = pagesAt >= 0 ? (process.argv[pagesAt + 1] ?? '').split(',').filter(Boolean) : undefined;
const unknown = only?.filter((name) => !PAGES.some((p) => p.name === name)) ?? [];
if (only && (only.length === 0 || unknown.length)) {
  process.stderr.write(`--pages: ${only.length ? `no page named ${unknown.join(', ')}` : 'no page given'}; expected a comma-separated list of ${PAGES.map((p) => p.name).join(', ')}\n`);
  process.exit(1);
}

const dist = path.join(ROOT, 'dist');
if (!existsSync(path.join(dist, 'index.html'))) {
  process.stderr.write('dist/ has no site: run npm run build first.\n');
  process.exit(1);
}
// Only this script's own pictures are replaced (of the pages taken): --out may name a folder that holds other files.
await mkdir(OUT, { recursive: true });
const taken = PAGES.filter((p) => !only || only.includes(p.name));
for (const f of await readdir(OUT)) {
  const page = SHOT.exec(f)?.[1];
  if (page && (!only || only.includes(page))) await rm(path.join(OUT, f));
}
const server = await serveStatic(dist);
const browser = await launchBrowser();
let count = 0;
try {
  const page = await browser.context.newPage();
  for (const lang of ['zh', 'en']) {
    for (const { name, url, ready, view, open, at } of taken) {
      for (const width of WIDTHS) {
        for (const colorScheme of SCHEMES) {
          await page.setViewportSize({ width, height: 900 });
          await page.emulateMedia({ colorScheme });
          await page.goto(`${server.url}${url(lang)}`, { waitUntil: 'networkidle' });
          if (view) await page.locator(`.view-switch input[value="${view}"]`).evaluate((input: HTMLInputElement) => input.click());
          // The reading module marks the parallels it will open in place (aria-expanded): a click before that follows the link away.
          if (open) await page.locator(`${open}[aria-expanded]`).first().click();
          if (ready) await page.waitForSelector(ready, { timeout: 60_000 });
          // Lay out every clause (content-visibility skips those off screen) before measuring.
          await page.$$eval('.clause', (all) => all.forEach((e) => (e as HTMLElement).style.setProperty('content-visibility', 'visible')));
          const top = at ? Math.max(0, Math.round(await page.locator(at).first().evaluate((e) => e.getBoundingClientRect().top + scrollY - 16))) : 0;
          const height = Math.min(MAX_HEIGHT, (await page.evaluate(() => document.documentElement.scrollHeight)) - top);
          const file = path.join(OUT, `${lang}-${name}-${width}-${colorScheme}.png`);
          await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: top, width, height } });
          if (view) await page.evaluate(() => localStorage.clear());
          count++;
        }
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
process.stdout.write(`${count} screenshots in ${path.relative(ROOT, OUT) || '.'}/ (pages cut at ${MAX_HEIGHT} px)\n`);
