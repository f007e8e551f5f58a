/**
 * Stage 8: the search index. Pagefind indexes one record per clause, in one bundle
 * (dist/pagefind/): the record's words are the tokens of the clause's Chinese and English
 * (src/lib/search/search-tokens.ts), so the browser needs one index, one WebAssembly module and one
 * request per result whatever the query's language, and a query in both languages matches the
 * clause that has both. Beside the bundle: a corpus-specific Traditional→Simplified map and the
 * lexicon of the texts' words, which spelling correction reads.
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import * as pagefind from 'pagefind';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWPhrasesRev from 'opencc-js/dict/TWPhrasesRev';
import type { DocumentData } from '../../../src/schemas/document';
import { fold, HAN, indexTokens, normalise, units } from '../../../src/lib/search/search-tokens';
import { listFiles } from '../core/files';

/**
 * The index's language. Pagefind keys its analysis on it: a language it does not know means no
 * stemming and no word segmentation, which our tokens need (they are already cut and stemmed).
 */
export const INDEX_LANGUAGE = 'und';
/** Locations per index chunk (see writeSearchIndex). */
const INDEX_CHUNK_SIZE = 2500;
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
 * Adds the index's metadata file, whose name only Pagefind knows, to the search pages' preloads,
 * beside the entry file the page preloads (src/pages/[lang]/search.astro): a query arriving
 * with the page then waits for no request of Pagefind's own before its index's words.
 */
async function preloadMetadata(outDir: string, file: string): Promise<void> {
  for (const entry of await readdir(outDir, { withFileTypes: true })) {
    const page = path.join(outDir, entry.name, 'search', 'index.html');
    if (!entry.isDirectory() || !(await stat(page).catch(() => undefined))) continue;
    const html = await readFile(page, 'utf8');
    const link = /<link rel="preload" href="([^"]*)pagefind\/pagefind-entry\.json\?ts=[^"]*"[^>]*>/u.exec(html);
    if (!link) throw new Error(`${path.relative(outDir, page)}: expected the preload of pagefind/pagefind-entry.json that src/pages/[lang]/search.astro writes`);
    const preload = `<link rel="preload" href="${link[1]}pagefind/${file}" as="fetch" crossorigin="anonymous">`;
    await writeFile(page, html.replace(link[0], `${link[0]}${preload}`));
  }
}

const sortKeys = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

const WINDOW = 500;

/** Writes the bundle, the map and the lexicon into `outDir/pagefind/`. */
export async function writeSearchIndex(documents: DocumentData[], outDir: string): Promise<{ records: number; bytes: number }> {
  const root = path.join(outDir, 'pagefind');
  await rm(root, { recursive: true, force: true });
  // Smaller index chunks than Pagefind's default (20,000 locations): a query reads only the
  // chunks its tokens fall in, and a cold one transfers a third less (npm run bench). Pagefind
  // reads this setting from its environment and calls it unstable; without it the index is the
  // same, in larger chunks.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(INDEX_CHUNK_SIZE);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Pagefind's service handles requests one at a time, in the order sent: sending a window
  // of records before awaiting them saves a round trip per record and keeps the output the same.
  const all = searchRecords(documents);
  for (let i = 0; i < all.length; i += WINDOW) {
    for (const added of await Promise.all(all.slice(i, i + WINDOW).map((record) => index.addCustomRecord(record)))) {
      if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    }
  }
  const written = await index.writeFiles({ outputPath: root });
  if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  // Pagefind writes its UI bundles and its Web Worker beside its script; the search page runs
  // pagefind.js alone, on its own thread (noWorker), so none of them ships (security review I11).
  for (const file of await readdir(root)) if (/^pagefind-.*\.(js|css)$/u.test(file)) await rm(path.join(root, file));
  // The search page preloads the WebAssembly module by name (src/pages/[lang]/search.astro).
  const entry = JSON.parse(await readFile(path.join(root, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { wasm: string | null }> };
  const wasm = `wasm.${entry.languages[INDEX_LANGUAGE]?.wasm ?? 'unknown'}.pagefind`;
  if (wasm !== PRELOADED_WASM) throw new Error(`Pagefind wrote ${wasm}, but the search page preloads ${PRELOADED_WASM}: update both`);
  await preloadMetadata(outDir, `pagefind.${(entry.languages[INDEX_LANGUAGE] as unknown as { hash: string }).hash}.pf_meta`);
  await index.deleteIndex();
  await pagefind.close();
  const records = all.length;
  await mkdir(root, { recursive: true });
  await writeFile(path.join(root, 't2s.json'), JSON.stringify(traditionalMap(documents)));
  await writeFile(path.join(root, 'lexicon.json'), JSON.stringify(lexicon(documents)));
  // One fragment file a clause (49,400 at 100×): sizes read synchronously, as listFiles lists them.
  let bytes = 0;
  for (const f of listFiles(root)) bytes += statSync(f).size;
  return { records, bytes };
}
