/**
 * Stage 8: the search index. Pagefind indexes one record per clause, in one bundle
 * (dist/pagefind/): the record's words are the tokens of the clause's Chinese and English
 * (src/lib/search/search-tokens.ts), so the browser needs one index, one WebAssembly module and one
 * request per result whatever the query's language, and a query in both languages matches the
 * clause that has both. Beside the bundle: a corpus-specific Traditional→Simplified map and the
 * lexicon of the texts' words, which spelling correction reads.
 *
 * A corpus larger than one bundle's bound (BUNDLE_CHARS; about eleven times the real corpus) is
 * indexed as several, two at a time, each by a Pagefind service of its own (search-bundle.ts):
 * the first in dist/pagefind/, the others in dist/pagefind/2/, 3/, …, and the search page merges
 * them (Pagefind's mergeIndex; src/lib/search/search-bundles.ts). Pagefind's memory then stays
 * that of two bundles, whatever the corpus (issue 23: 4.2 GB for the 100× corpus in one bundle).
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import pLimit from 'p-limit';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWPhrasesRev from 'opencc-js/dict/TWPhrasesRev';
import type { DocumentData } from '../../../src/schemas/document';
import { fold, HAN, indexTokens, normalise, units } from '../../../src/lib/search/search-tokens';
import { MERGE_ATTRIBUTE } from '../../../src/lib/search/search-bundles';
import { listFiles } from '../core/files';
import { writeBundle, writeBundleInWorker } from './search-bundle';

/**
 * The index's language. Pagefind keys its analysis on it: a language it does not know means no
 * stemming and no word segmentation, which our tokens need (they are already cut and stemmed).
 */
export const INDEX_LANGUAGE = 'und';
/** Locations per index chunk (see writeSearchIndex). */
const INDEX_CHUNK_SIZE = 2500;
/**
 * A bundle's bound, in characters of its records' content: Pagefind needs about 100 bytes for
 * each while it writes (0.4 GB for 4 million; the 10× corpus is 4.0 million, the real one 0.4).
 */
export const BUNDLE_CHARS = 4_500_000;
/** Bundles indexed at once, each by its own Pagefind service: the build servers have 2 cores. */
const BUNDLES_AT_ONCE = 2;
/** Pagefind's WebAssembly module for an index without a stemmer, which the search page preloads. */
export const PRELOADED_WASM = 'wasm.unknown.pagefind';

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/**
 * One record per clause: its content is the tokens of its heading and text in Chinese, then in
 * English. Its meta is what a result shows: the document, the clause and its printed number,
 * and the heading and text in both languages.
 */
export function searchRecords(documents: DocumentData[]): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const doc of documents) {
    for (const clause of doc.clauses) {
      const tokens = (['zh', 'en'] as const).flatMap((l) => [...indexTokens(clause.heading?.[l] ?? '', l), ...indexTokens(clause.text[l], l)]);
      if (!tokens.length) continue;
      records.push({
        // Language-neutral: the page adds the interface language (and the site's base).
        url: `${doc.id}/${clause.id}/`,
        content: tokens.join(' '),
        language: INDEX_LANGUAGE,
        meta: {
          document: doc.id,
          clause: clause.id,
          number: clause.number ?? clause.id,
          hzh: clause.heading?.zh ?? '',
          hen: clause.heading?.en ?? '',
          zh: clause.text.zh,
          en: clause.text.en,
        },
        filters: {
          document: [doc.id],
          type: [doc.type],
          year: [doc.date ? doc.date.slice(0, 4) : 'undated'],
          topic: clause.topics.length ? clause.topics : ['none'],
          // issue 15: every level the clause commits at, so `commitment=2` finds each clause with a level-2 verb
          commitment: clause.commitments?.length ? [...new Set(clause.commitments.map((c) => String(c.level)))].sort() : ['none'],
        },
      });
    }
  }
  return records;
}

/**
 * The words of the texts as they are written (folded: lower case, no diacritics) with the
 * number of clauses each is in: what spelling correction offers. Words of letters only, from
 * the English texts and the Latin words of the Chinese ones.
 */
export function lexicon(documents: DocumentData[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const doc of documents) {
    for (const clause of doc.clauses) {
      const text = normalise([clause.heading?.en, clause.text.en, clause.heading?.zh, clause.text.zh].filter(Boolean).join(' '));
      const words = new Set(units(text).filter((u) => u.kind === 'word' && /^\p{L}+$/u.test(u.text)).map((u) => fold(u.text).replace(/['’].*$/u, '')));
      for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Traditional → Simplified for the characters and phrases of this corpus: every Han
 * character of the corpus with its Traditional forms (OpenCC t, tw, hk), and every
 * Traditional or Taiwan-usage phrase in OpenCC's dictionaries whose Simplified form occurs
 * in the corpus and differs from a character-by-character conversion (資訊 → 信息,
 * 計畫 → 计划, 數位化 → 数字化).
 */
export function traditionalMap(documents: DocumentData[]): { chars: Record<string, string>; phrases: Record<string, string> } {
  const text = documents.flatMap((d) => d.clauses.flatMap((c) => [c.heading?.zh ?? '', c.text.zh])).join('\n');
  const chars: Record<string, string> = {};
  const converters = (['t', 'tw', 'hk'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }));
  for (const ch of new Set(text.match(new RegExp(HAN, 'gu')) ?? [])) {
    for (const convert of converters) {
      const trad = convert(ch);
      // A form that the corpus itself uses as Simplified is left alone.
      if (trad !== ch && [...trad].length === 1 && !text.includes(trad)) chars[trad] = ch;
    }
  }
  const twpToCn = OpenCC.Converter({ from: 'twp', to: 'cn' });
  const tToCn = OpenCC.Converter({ from: 't', to: 'cn' });
  const charwise = (word: string) => [...word].map((ch) => tToCn(ch)).join('');
  const phrases: Record<string, string> = {};
  for (const dictionary of [TWPhrasesRev, TSPhrases]) {
    for (const entry of dictionary.split('|')) {
      const key = entry.split(' ')[0]!;
      if (!key || [...key].length > 6) continue;
      // Cheap tests on the phrase first: scanning the corpus text for each of the
      // dictionaries' entries would grow with the corpus times the dictionaries.
      const simplified = twpToCn(key);
      if (simplified === charwise(key) || !text.includes(simplified) || text.includes(key)) continue;
      phrases[key] = simplified;
    }
  }
  return { chars: sortKeys(chars), phrases: sortKeys(phrases) };
}

/**
 * Splits the records, in order, into bundles of at most `limit` characters of content, each
 * filled before the next starts. A record is never split: one larger than `limit` has a bundle
 * to itself.
 */
export function bundleRecords(records: SearchRecord[], limit: number): SearchRecord[][] {
  const bundles: SearchRecord[][] = [[]];
  let filled = 0;
  for (const record of records) {
    if (filled + record.content.length > limit && bundles.at(-1)!.length) {
      bundles.push([]);
      filled = 0;
    }
    bundles.at(-1)!.push(record);
    filled += record.content.length;
  }
  return bundles;
}

/** A bundle's folder under dist/pagefind/: the first is the folder itself, the others 2/, 3/, … */
export const bundleFolder = (n: number) => (n === 0 ? '' : `${n + 1}/`);

/**
 * Adds each bundle's metadata file, whose name only Pagefind knows, to the search pages'
 * preloads, beside the entry file the page preloads (src/pages/[lang]/search.astro); and, for
 * the bundles after the first, their entry files, marked with MERGE_ATTRIBUTE: the page's
 * script merges the bundles so marked (src/lib/search/search-bundles.ts). A query arriving
 * with the page then waits for no request of Pagefind's own before its index's words.
 */
async function preloadBundles(outDir: string, metadata: string[]): Promise<void> {
  for (const entry of await readdir(outDir, { withFileTypes: true })) {
    const page = path.join(outDir, entry.name, 'search', 'index.html');
    if (!entry.isDirectory() || !(await stat(page).catch(() => undefined))) continue;
    let html = await readFile(page, 'utf8');
    const link = /<link rel="preload" href="([^"]*)pagefind\/pagefind-entry\.json(\?ts=[^"]*)"[^>]*>/u.exec(html);
    if (!link) throw new Error(`${path.relative(outDir, page)}: expected the preload of pagefind/pagefind-entry.json that src/pages/[lang]/search.astro writes`);
    const [, prefix, query] = link;
    // Written once; a page indexed again loses the preloads of the bundles before.
    html = html.replace(/<link rel="preload" href="[^"]*pagefind\/(?:\d+\/pagefind-entry\.json|(?:\d+\/)?pagefind\.[^"]*\.pf_meta)[^"]*"[^>]*>/gu, '');
    const preloads = metadata.map((file, n) => {
      const folder = `${prefix}pagefind/${bundleFolder(n)}`;
      const entryFile = n === 0 ? '' : `<link rel="preload" href="${folder}pagefind-entry.json${query}" as="fetch" crossorigin="anonymous" ${MERGE_ATTRIBUTE}>`;
      return `${entryFile}<link rel="preload" href="${folder}${file}" as="fetch" crossorigin="anonymous">`;
    });
    await writeFile(page, html.replace(link[0], `${link[0]}${preloads.join('')}`));
  }
}

const sortKeys = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

/** Writes the bundles, the map and the lexicon into `outDir/pagefind/`. */
export async function writeSearchIndex(documents: DocumentData[], outDir: string, options: { bundleChars?: number } = {}): Promise<{ records: number; bundles: number; bytes: number }> {
  const root = path.join(outDir, 'pagefind');
  await rm(root, { recursive: true, force: true });
  // Smaller index chunks than Pagefind's default (20,000 locations): a query reads only the
  // chunks its tokens fall in, and a cold one transfers a third less (npm run bench). Pagefind
  // reads this setting from its environment and calls it unstable; without it the index is the
  // same, in larger chunks. Its services, in this thread and in workers, inherit it.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(INDEX_CHUNK_SIZE);
  const all = searchRecords(documents);
  const bundles = bundleRecords(all, options.bundleChars ?? BUNDLE_CHARS);
  const folders = bundles.map((_, n) => path.join(root, bundleFolder(n)));
  if (bundles.length === 1) await writeBundle(bundles[0]!, root, INDEX_LANGUAGE);
  else {
    const limit = pLimit(BUNDLES_AT_ONCE);
    await Promise.all(bundles.map((records, n) => limit(() => writeBundleInWorker(records, folders[n]!, INDEX_LANGUAGE)))).catch((error: unknown) => {
      limit.clearQueue();
      throw error;
    });
  }
  // Pagefind writes its UI bundles and its Web Worker beside its script; the search page runs
  // pagefind.js alone, on its own thread (noWorker), so none of them ships (security review I11).
  // A merged bundle needs only its index: the first bundle's script and WebAssembly search it.
  for (const [n, folder] of folders.entries()) {
    for (const file of await readdir(folder)) if (/^pagefind-.*\.(js|css)$/u.test(file) || (n > 0 && /^(pagefind\.js|wasm\..*\.pagefind)$/u.test(file))) await rm(path.join(folder, file));
  }
  const metadata: string[] = [];
  for (const folder of folders) {
    // The search page preloads the WebAssembly module by name (src/pages/[lang]/search.astro).
    const entry = JSON.parse(await readFile(path.join(folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { wasm: string | null; hash: string }> };
    const wasm = `wasm.${entry.languages[INDEX_LANGUAGE]?.wasm ?? 'unknown'}.pagefind`;
    if (wasm !== PRELOADED_WASM) throw new Error(`Pagefind wrote ${wasm}, but the search page preloads ${PRELOADED_WASM}: update both`);
    metadata.push(`pagefind.${entry.languages[INDEX_LANGUAGE]!.hash}.pf_meta`);
  }
  await preloadBundles(outDir, metadata);
  await writeFile(path.join(root, 't2s.json'), JSON.stringify(traditionalMap(documents)));
  await writeFile(path.join(root, 'lexicon.json'), JSON.stringify(lexicon(documents)));
  // One fragment file a clause (49,400 at 100×): sizes read synchronously, as listFiles lists them.
  let bytes = 0;
  for (const f of listFiles(root)) bytes += statSync(f).size;
  return { records: all.length, bundles: bundles.length, bytes };
}
