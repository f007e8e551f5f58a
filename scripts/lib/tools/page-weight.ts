/**
 * What a reading page weighs, and issue 24's budgets for it. Read from the built files, not
 * timed: the same dist/ always gives the same figures, so the benchmark and a test can both
 * hold the site to the budgets (tests/e2e/budgets.test.ts, `npm run bench -- --reader`).
 *
 * A page's transfer is its HTML, every stylesheet and module script it names, and every module
 * those scripts import statically (the browser loads those before the page is interactive),
 * each gzipped once. Code a script imports on first use (`import()`) is not counted: it loads
 * only when the reader acts.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';

/** Issue 24's budgets. */
export const BUDGETS = {
  /** A document page's transfer at most this many times its gzipped text. */
  documentRatio: 1.6,
  /** Too short for the ratio to mean anything: six clauses, its text smaller than the page's code. */
  documentRatioExempt: ['lmc-innovation-corridor-initiative'],
  /** A clause page's transfer under this many bytes (12 KB). */
  clausePageBytes: 12 * 1024,
  /** Lighthouse (mobile), every category, every document page: at least this score. */
  lighthouseMin: 95,
} as const;

/** Static `import` and `export … from` of a built module (Vite writes them minified: from"./x.js"). */
const STATIC_IMPORT = /(?:\bimport|\bfrom)\s*["']([^"']+\.js)["']/gu;
/** Stylesheets and module scripts a page names in its markup. */
const PAGE_ASSET = /<link rel="stylesheet" href="([^"]+)"|<script type="module" src="([^"]+)"/gu;

export interface PageWeight {
  /** The HTML, gzipped. */
  html: number;
  css: number;
  js: number;
  /** All of it: HTML, stylesheets and scripts (with their static imports), gzipped. */
  total: number;
  /** The files counted besides the HTML, relative to the site's root. */
  assets: string[];
}

/** Measures built pages, each asset file read and gzipped once. */
export class PageWeigher {
  private readonly gzipped = new Map<string, number>();
  private readonly imports = new Map<string, string[]>();

  constructor(private readonly dist: string) {}

  /** The weight of the page whose HTML file is `file` (absolute, inside dist/). */
  async weigh(file: string): Promise<PageWeight> {
    const html = await readFile(file);
    const assets = new Set<string>();
    const scripts: string[] = [];
    for (const m of html.toString('utf8').matchAll(PAGE_ASSET)) {
      const target = path.resolve(path.dirname(file), (m[1] ?? m[2])!);
      assets.add(target);
      if (m[2]) scripts.push(target);
    }
    // A module's static imports, and theirs.
    while (scripts.length) {
      for (const imported of await this.importsOf(scripts.pop()!)) {
        if (assets.has(imported)) continue;
        assets.add(imported);
        scripts.push(imported);
      }
    }
    let css = 0;
    let js = 0;
    for (const asset of assets) {
      const bytes = await this.gzip(asset);
      if (asset.endsWith('.css')) css += bytes;
      else js += bytes;
    }
    const htmlGzip = gzipSync(html).length;
    return { html: htmlGzip, css, js, total: htmlGzip + css + js, assets: [...assets].map((a) => path.relative(this.dist, a)).sort() };
  }

  private async gzip(file: string): Promise<number> {
    if (!this.gzipped.has(file)) this.gzipped.set(file, gzipSync(await readFile(file)).length);
    return this.gzipped.get(file)!;
  }

  private async importsOf(script: string): Promise<string[]> {
    if (!this.imports.has(script)) {
      const code = await readFile(script, 'utf8');
      this.imports.set(script, [...code.matchAll(STATIC_IMPORT)].map((m) => path.resolve(path.dirname(script), m[1]!)));
    }
    return this.imports.get(script)!;
  }
}

/** A document page's figures: its transfer against its text (as laid out, innerText), both gzipped. */
export interface DocumentPageFigures {
  url: string;
  document: string;
  weight: PageWeight;
  textGzip: number;
}

export const ratioOf = (p: DocumentPageFigures) => Number((p.weight.total / p.textGzip).toFixed(3));

/** What the budgets say of the figures: one line per page over budget (none: all within). */
export function budgetMisses(figures: {
  documents?: DocumentPageFigures[];
  clausePages?: { url: string; bytes: number }[];
  lighthouse?: { url: string; median: Record<string, number> }[];
}): string[] {
  const misses: string[] = [];
  for (const page of figures.documents ?? []) {
    if ((BUDGETS.documentRatioExempt as readonly string[]).includes(page.document)) continue;
    const ratio = ratioOf(page);
    if (ratio > BUDGETS.documentRatio) misses.push(`${page.url}: ${page.weight.total} B is ${ratio} × its text (${page.textGzip} B gzipped), over ${BUDGETS.documentRatio} ×`);
  }
  for (const page of figures.clausePages ?? []) {
    if (page.bytes >= BUDGETS.clausePageBytes) misses.push(`${page.url}: ${page.bytes} B, not under ${BUDGETS.clausePageBytes} B`);
  }
  for (const page of figures.lighthouse ?? []) {
    for (const [category, score] of Object.entries(page.median)) {
      if (score < BUDGETS.lighthouseMin) misses.push(`${page.url}: Lighthouse ${category} ${score}, under ${BUDGETS.lighthouseMin}`);
    }
  }
  return misses;
}

/**
 * Every document page in both interfaces: its weight from dist/, its text as Chromium lays it
 * out at its default window size (the page served at `base`, opened in `context`).
 */
export async function measureDocumentPages(dist: string, base: string, context: BrowserContext, weigher = new PageWeigher(dist)): Promise<DocumentPageFigures[]> {
  const index = JSON.parse(await readFile(path.join(dist, 'data', 'index.json'), 'utf8')) as { documents: { id: string }[] };
  const pages: DocumentPageFigures[] = [];
  for (const lang of ['zh', 'en']) {
    for (const { id } of index.documents) {
      const url = `${lang}/${id}/`;
      const page = await context.newPage();
      await page.goto(`${base}${url}`, { waitUntil: 'load' });
      const text = await page.evaluate(() => {
        // Clauses off screen skip rendering (content-visibility: auto), and innerText leaves
        // out what is not rendered: lay them all out first.
        for (const el of document.querySelectorAll<HTMLElement>('.clause')) el.style.contentVisibility = 'visible';
        return document.body.innerText;
      });
      await page.close();
      pages.push({ url, document: id, weight: await weigher.weigh(path.join(dist, lang, id, 'index.html')), textGzip: gzipSync(Buffer.from(text)).length });
    }
  }
  return pages;
}

/** Every clause page's weight (a folder inside a document's folder), heaviest first. */
export async function measureClausePages(dist: string, weigher = new PageWeigher(dist)): Promise<{ url: string; bytes: number }[]> {
  const index = JSON.parse(await readFile(path.join(dist, 'data', 'index.json'), 'utf8')) as { documents: { id: string }[] };
  const sizes: { url: string; bytes: number }[] = [];
  for (const lang of ['zh', 'en']) {
    for (const { id } of index.documents) {
      for (const entry of await readdir(path.join(dist, lang, id), { withFileTypes: true })) {
        if (!entry.isDirectory()) continue;
        const weight = await weigher.weigh(path.join(dist, lang, id, entry.name, 'index.html'));
        sizes.push({ url: `${lang}/${id}/${entry.name}/`, bytes: weight.total });
      }
    }
  }
  return sizes.sort((a, b) => b.bytes - a.bytes);
}
