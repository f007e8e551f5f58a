/**
 * Stage 8: the search index. Pagefind indexes one record per clause and language, in two
 * bundles (dist/pagefind/zh/, dist/pagefind/en/), so a query in either language works from
 * either interface: the browser runs the bundle(s) the query needs, each with its own
 * analyser. English records are English text (Pagefind stems it). Chinese records are
 * encoded as overlapping character bigrams, so a two-character query matches inside a
 * longer word (资源 in 水资源) and word segmentation cannot hide a match. A corpus-specific
 * Traditional→Simplified map lets Traditional queries find the Simplified text.
 */
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import * as pagefind from 'pagefind';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWPhrasesRev from 'opencc-js/dict/TWPhrasesRev';
import type { DocumentData } from '../../src/schemas/document';
import { bigramTokens, HAN } from '../../src/lib/search-tokens';

export interface SearchRecord {
  url: string;
  content: string;
  language: 'zh' | 'en';
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** One record per clause with text in that language. */
export function searchRecords(documents: DocumentData[], language: 'zh' | 'en'): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const doc of documents) {
    for (const clause of doc.clauses) {
      const heading = clause.heading?.[language] ?? '';
      const text = clause.text[language];
      if (!heading && !text) continue;
      const body = [heading, text].filter(Boolean).join(language === 'zh' ? '　' : ' — ');
      records.push({
        // Language-neutral: the page adds the interface language (and the site's base).
        url: `${doc.id}/${clause.id}/`,
        content: language === 'zh' ? bigramTokens(body).join(' ') : body,
        language,
        meta: {
          title: `${doc.title[language] || doc.title.zh} ${clause.number ?? clause.id}`,
          document: doc.id,
          clause: clause.id,
          number: clause.number ?? clause.id,
          heading,
          text: body,
        },
        filters: {
          document: [doc.id],
          type: [doc.type],
          year: [doc.date ? doc.date.slice(0, 4) : 'undated'],
          topic: clause.topics.length ? clause.topics : ['none'],
          language: [language],
          // issue 15: every level the clause commits at, so `commitment=2` finds each clause with a level-2 verb
          commitment: clause.commitments?.length ? [...new Set(clause.commitments.map((c) => String(c.level)))].sort() : ['none'],
        },
      });
    }
  }
  return records;
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

const sortKeys = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

const WINDOW = 500;

/** Writes both bundles and the map into `outDir/pagefind/`. */
export async function writeSearchIndex(documents: DocumentData[], outDir: string): Promise<{ records: number; bytes: number }> {
  const root = path.join(outDir, 'pagefind');
  await rm(root, { recursive: true, force: true });
  let records = 0;
  for (const language of ['zh', 'en'] as const) {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // Pagefind's service handles requests one at a time, in the order sent: sending a window
    // of records before awaiting them saves a round trip per record and keeps the output the same.
    const all = searchRecords(documents, language);
    for (let i = 0; i < all.length; i += WINDOW) {
      for (const added of await Promise.all(all.slice(i, i + WINDOW).map((record) => index.addCustomRecord(record)))) {
        if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
      }
    }
    records += all.length;
    const written = await index.writeFiles({ outputPath: path.join(root, language) });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    await index.deleteIndex();
  }
  await pagefind.close();
  await mkdir(root, { recursive: true });
  await writeFile(path.join(root, 't2s.json'), JSON.stringify(traditionalMap(documents)));
  const files = await readdir(root, { recursive: true, withFileTypes: true });
  let bytes = 0;
  for (const f of files) if (f.isFile()) bytes += (await stat(path.join(f.parentPath, f.name))).size;
  return { records, bytes };
}
