/**
 * Issue 25's acceptance over the whole corpus: every clause of every document is found, in the
 * top 10, by three substrings of its Chinese (one across Chinese and Latin letters or digits
 * where the clause has them: 2019年12月, RCEP协定) and by three of its English words or short runs
 * of words (tests/helpers/search-probes.ts says how they are chosen).
 *
 * The queries run as the search page runs them, on the built site: Pagefind's own script and
 * index from dist/pagefind/ (over HTTP on loopback), the synonyms and documents the search page
 * carries, and the page's modules (src/lib/search/search-*.ts), in Node: about 2,800 queries take
 * seconds here, where the page's form takes minutes. The page's own wiring is what the other
 * search tests drive in Chromium. The same queries run again on the corpus's index in three
 * bundles, merged as the search page merges a large corpus's (src/lib/search/search-bundles.ts).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';
import { serveStatic, type RunningServer } from '../../scripts/lib/tools/static-server';
import { answer, type Lexicon, type PagefindLike } from '../../src/lib/search/search-engine';
import { readQuery, synonymForms } from '../../src/lib/search/search-query';
import { findReference, type CatalogueDocument } from '../../src/lib/search/search-references';
import { mergeBundles, type Mergeable } from '../../src/lib/search/search-bundles';
import type { TraditionalMap } from '../../src/lib/search/search-tokens';
import { writeBundledIndex } from '../helpers/bundled-index';
import { clauseProbes } from '../helpers/search-probes';

const dist = path.join(ROOT, 'dist');
const probes = clauseProbes();
const documents = [...new Set(probes.map((p) => p.key.split('#')[0]!))];

/** A data-* attribute of the built search page, as the page's script reads it. */
function pageData(name: string): unknown {
  const html = readFileSync(path.join(dist, 'en', 'search', 'index.html'), 'utf8');
  const raw = new RegExp(`data-${name}="([^"]*)"`, 'u').exec(html)![1]!;
  const entities: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
  return JSON.parse(raw.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/giu, (m, dec?: string, hex?: string, name?: string) => (dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : entities[name!] ?? m)));
}

const forms = synonymForms(pageData('synonyms') as string[][]);
const catalogue = (pageData('catalogue') as (Omit<CatalogueDocument, 'clauses'> & { clauses: string })[]).map((d) => ({ ...d, clauses: d.clauses.split(' ') }));
const traditional = JSON.parse(readFileSync(path.join(dist, 'pagefind', 't2s.json'), 'utf8')) as TraditionalMap;
const lexicon = JSON.parse(readFileSync(path.join(dist, 'pagefind', 'lexicon.json'), 'utf8')) as Lexicon;

type Pagefind = PagefindLike & Mergeable & { options(o: object): Promise<void>; init(): Promise<void>; destroy(): Promise<void> };

/** Pagefind's script from a site's pagefind/, its bundles merged: each site its own instance of the module. */
function useIndex(site: () => Promise<{ folder: string; bundles: number }>): { pagefind: Pagefind } {
  const index = {} as { pagefind: Pagefind };
  let server: RunningServer;
  beforeAll(async () => {
    const { folder, bundles } = await site();
    server = await serveStatic(folder);
    index.pagefind = await import(/* @vite-ignore */ path.join(folder, 'pagefind', 'pagefind.js'));
    await index.pagefind.options({ basePath: `${server.url}pagefind/`, noWorker: true });
    await index.pagefind.init();
    await mergeBundles(index.pagefind, Array.from({ length: bundles - 1 }, (_, n) => `${server.url}pagefind/${n + 2}/`), undefined);
  }, 120_000);
  afterAll(async () => {
    await index.pagefind?.destroy();
    await server?.close();
  });
  return index;
}

/** The clauses a query finds first, as document#clause. */
async function top10(pagefind: PagefindLike, query: string): Promise<string[]> {
  expect(findReference(query, catalogue), `${query} is not a clause reference`).toBeUndefined();
  const found = await answer(readQuery(query, forms, traditional), { pagefind, lexicon: async () => lexicon });
  return Promise.all(found.hits.slice(0, 10).map(async (h) => {
    const { meta } = await h.result.data();
    return `${meta.document}#${meta.clause}`;
  }));
}

describe.each([
  ['the built site’s index', async () => ({ folder: dist, bundles: 1 })],
  ['the same records in three bundles', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'mekong-bundles-'));
    const bundles = await writeBundledIndex(folder, 3);
    expect(bundles).toBe(3);
    return { folder, bundles };
  }],
] as const)('%s', (_index, site) => {
  const index = useIndex(site);
  describe.each([['zh', 'Chinese substrings'], ['en', 'English words']] as const)('%s: %s', (lang, _what) => {
    test('cover every clause with at least one query, three where the clause is long enough', () => {
      expect(probes.length).toBeGreaterThan(400);
      for (const p of probes) expect(p[lang].length, p.key).toBeGreaterThan(0);
      expect(probes.filter((p) => p[lang].length === 3).length / probes.length).toBeGreaterThan(0.85);
      if (lang === 'zh') {
        // The clauses with Chinese right after Latin letters or digits (or before them) are probed across the boundary.
        const crossing = probes.filter((p) => /[\p{L}\p{N}](?<!\p{Script=Han})\p{Script=Han}|\p{Script=Han}[\p{L}\p{N}](?<!\p{Script=Han})/u.test(p.zh[0]!));
        expect(crossing.length).toBeGreaterThan(25);
      }
    });

    test.each(documents)('find each clause of %s in the top 10', async (document) => {
      const queries = probes.filter((p) => p.key.startsWith(`${document}#`)).flatMap((p) => p[lang].map((q) => ({ key: p.key, q })));
      const missed: string[] = [];
      for (const { key, q } of queries) if (!(await top10(index.pagefind, q)).includes(key)) missed.push(`${key} ← ${q}`);
      expect(missed, `${missed.length} of ${queries.length} queries miss their clause`).toEqual([]);
    });
  });
});
