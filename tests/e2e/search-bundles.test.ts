/**
 * A corpus over one bundle's bound is indexed as several Pagefind bundles, which the search page
 * merges (scripts/lib/publish/search-index.ts, src/lib/search/search-bundles.ts). The real corpus
 * is one bundle; here a copy of the built site is given the real corpus's index in three, and the
 * search page in Chromium must answer the query table as it does with one.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';
import { serveStatic, type RunningServer } from '../../scripts/lib/tools/static-server';
import { launchBrowser, type Browser } from '../helpers/browser';
import { writeBundledIndex } from '../helpers/bundled-index';
import { answers, clauseOf } from '../helpers/search-page';

const table = parse(readFileSync(path.join(import.meta.dirname, 'search-queries.yaml'), 'utf8')).queries as { query: string; expect: string[] }[];

/** This process's child processes, with their state (Z: ended, never reaped), from /proc. */
function childProcesses(): string[] {
  return readdirSync('/proc').filter((p) => /^\d+$/u.test(p)).flatMap((p) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      return Number(ppid) === process.pid ? [`${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))} ${state}`] : [];
    } catch {
      return [];
    }
  });
}

let leftBehind: string[];
let site: string;
let server: RunningServer;
let browser: Browser;
let page: Page;
const failed: string[] = [];
beforeAll(async () => {
  site = mkdtempSync(path.join(os.tmpdir(), 'mekong-bundles-'));
  cpSync(path.join(ROOT, 'dist'), site, { recursive: true });
  expect(await writeBundledIndex(site, 3)).toBe(3);
  leftBehind = childProcesses();
  server = await serveStatic(site, { base: '/intranet/lmc/' });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  page.on('requestfailed', (r) => failed.push(`${r.failure()?.errorText} ${r.url()}`));
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('bundles', () => {
  test('each Pagefind service has ended, and been waited for, when the index is written: none is left running or defunct', () => {
    expect(leftBehind.filter((p) => /pagefind/iu.test(p))).toEqual([]);
  });

  test('the first is pagefind/ with the script and WebAssembly; the others hold only their index, named on the search pages', () => {
    const root = path.join(site, 'pagefind');
    for (const folder of ['2', '3']) {
      const files = readdirSync(path.join(root, folder)).sort();
      expect(files.filter((f) => !/^pagefind\.und_[0-9a-f]+\.pf_meta$/u.test(f))).toEqual(['filter', 'fragment', 'index', 'pagefind-entry.json']);
    }
    expect(existsSync(path.join(root, '4'))).toBe(false);
    for (const lang of ['zh', 'en']) {
      const html = readFileSync(path.join(site, lang, 'search', 'index.html'), 'utf8');
      const merged = [...html.matchAll(/<link rel="preload" href="([^"]*)"[^>]*data-pagefind-merge>/gu)].map((m) => m[1]!.replace(/\?ts=.*/u, ''));
      expect(merged).toEqual(['../../pagefind/2/pagefind-entry.json', '../../pagefind/3/pagefind-entry.json']);
      // Each bundle's metadata is preloaded: a query waits for none of Pagefind's own requests.
      expect(html.match(/pagefind\/(?:[23]\/)?pagefind\.und_[0-9a-f]+\.pf_meta"/gu)).toHaveLength(3);
    }
  });
});

describe('the search page merges them', () => {
  for (const lang of ['zh', 'en']) {
    test(`from the ${lang} interface, each query of the table returns its clauses in the top 5, every request answered`, async () => {
      const missed: string[] = [];
      await page.goto(`${server.url}${lang}/search/`);
      const found = await answers(page, table.map((q) => q.query));
      for (const [i, q] of table.entries()) {
        const top = found[i]!.results.slice(0, 5).map(clauseOf);
        for (const want of q.expect) if (!top.includes(want)) missed.push(`${q.query}: ${want} not in ${top.join(', ')}`);
      }
      expect(missed).toEqual([]);
      expect(failed).toEqual([]);
    }, 120_000);
  }
});
