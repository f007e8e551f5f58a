/**
 * Issue 24's budgets as the benchmark applies them (scripts/lib/tools/page-weight.ts): what a page's
 * transfer counts, and which figures miss.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUDGETS, budgetMisses, PageWeigher, type PageWeight } from '../../scripts/lib/tools/page-weight';

describe('PageWeigher', () => {
  let dist: string;
  const files: Record<string, string> = {
    'en/doc/index.html': '<!doctype html><html lang="en"><head><link rel="stylesheet" href="../../_astro/a.css"><script type="module" src="../../_astro/entry.js"></script></head><body><p>Text</p><script type="module" src="../../_astro/entry.js"></script></body></html>',
    '_astro/a.css': 'p { color: red; }',
    '_astro/entry.js': 'import{n as x}from"./shared.js";export{y}from"./reexported.js";document.body.onclick=()=>import("./later.js");x();',
    '_astro/shared.js': 'import"./entry.js";export const n=()=>1;',
    '_astro/reexported.js': 'export const y=2;',
    '_astro/later.js': 'export const z=3;',
  };
  const gz = (name: string) => gzipSync(Buffer.from(files[name]!)).length;
  beforeAll(async () => {
    dist = await mkdtemp(path.join(os.tmpdir(), 'mekong-page-weight-'));
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dist, name)), { recursive: true });
      await writeFile(path.join(dist, name), text);
    }
  });
  afterAll(() => rm(dist, { recursive: true, force: true }));

  test('counts the HTML, its stylesheets, its scripts and their static imports, each once; not what loads on first use', async () => {
    const weight = await new PageWeigher(dist).weigh(path.join(dist, 'en/doc/index.html'));
    expect(weight.assets).toEqual(['_astro/a.css', '_astro/entry.js', '_astro/reexported.js', '_astro/shared.js']);
    expect(weight.html).toBe(gz('en/doc/index.html'));
    expect(weight.css).toBe(gz('_astro/a.css'));
    expect(weight.js).toBe(gz('_astro/entry.js') + gz('_astro/shared.js') + gz('_astro/reexported.js'));
    expect(weight.total).toBe(weight.html + weight.css + weight.js);
  });
});

describe('budgetMisses', () => {
  const weight = (total: number): PageWeight => ({ html: total, css: 0, js: 0, total, assets: [] });

  test('passes pages within every budget', () => {
    expect(budgetMisses({
      documents: [{ url: 'en/a/', document: 'a', weight: weight(16_000), textGzip: 10_000 }],
      clausePages: [{ url: 'en/a/1/', bytes: BUDGETS.clausePageBytes - 1 }],
      lighthouse: [{ url: 'en/a/', median: { performance: 95, accessibility: 100 } }],
    })).toEqual([]);
  });

  test('names a document page over 1.6 × its text, a clause page of 12 KB or more, and a Lighthouse score under 95', () => {
    const misses = budgetMisses({
      documents: [{ url: 'en/a/', document: 'a', weight: weight(16_010), textGzip: 10_000 }],
      clausePages: [{ url: 'en/a/1/', bytes: BUDGETS.clausePageBytes }],
      lighthouse: [{ url: 'zh/a/', median: { performance: 94, seo: 100 } }],
    });
    expect(misses).toHaveLength(3);
    expect(misses[0]).toMatch(/^en\/a\/: 16010 B is 1\.601 × its text/u);
    expect(misses[1]).toMatch(/^en\/a\/1\/: 12288 B, not under 12288 B/u);
    expect(misses[2]).toBe('zh/a/: Lighthouse performance 94, under 95');
  });

  test('leaves out the Innovation Corridor from the ratio, and only it', () => {
    const misses = budgetMisses({
      documents: ['lmc-innovation-corridor-initiative', 'lmc-poa-2023-2027'].map((d) => ({ url: `zh/${d}/`, document: d, weight: weight(30_000), textGzip: 4_000 })),
    });
    expect(misses).toHaveLength(1);
    expect(misses[0]).toMatch(/^zh\/lmc-poa-2023-2027\//u);
  });
});
