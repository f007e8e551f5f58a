/** The search's tokens (issue 25): the index and the query cut text at the same places, over the whole corpus. */
import { beforeAll, describe, expect, test } from 'vitest';
import { readGeneratedDocuments } from '../../scripts/lib/generate/emit';
import { projectPaths } from '../../scripts/lib/core/paths';
import { parseQuery, phraseTokens } from '../../src/lib/search/search-query';
import { bigramPrefix, indexTokens, normalise, units, wordToken } from '../../src/lib/search/search-tokens';
import type { DocumentData } from '../../src/schemas/document';

let documents: DocumentData[];
beforeAll(async () => {
  documents = await readGeneratedDocuments(projectPaths());
});

/** Whether `tokens` stand in `index` one after another; the last may be a prefix (a lone Han character). */
function standsIn(tokens: string[], index: string[]): boolean {
  const last = tokens.length - 1;
  for (let s = 0; s + tokens.length <= index.length; s++) {
    if (tokens.every((t, k) => (k === last && t.length === 5 && t.startsWith('h') ? index[s + k]!.startsWith(t) || index[s + k] === `u${t.slice(1)}` : index[s + k] === t))) return true;
  }
  return false;
}

describe('indexTokens', () => {
  test('Chinese after Latin letters or digits is a run of its own, indexed like any other', () => {
    const tokens = indexTokens('于2019年12月在中国北京成功举行的首次澜湄水资源合作部长级会议', 'zh');
    expect(tokens).toContain(wordToken({ kind: 'word', text: '2019' }, 'zh'));
    expect(tokens).toContain(wordToken({ kind: 'word', text: '12' }, 'zh'));
    for (const pair of ['月在', '首次', '澜湄', '会议']) expect(tokens.join(' ')).toContain(parseQuery(pair).parts[0]!.alternatives[0]!.tokens[0]);
    expect(units(normalise('RCEP协定5G网络')).map((u) => u.text)).toEqual(['RCEP', '协定', '5G', '网络']);
  });

  test('a number keeps its points: 3.0 is neither 3 nor 30', () => {
    const three = wordToken({ kind: 'number', text: '3.0' }, 'en');
    expect(three).not.toBe(wordToken({ kind: 'word', text: '3' }, 'en'));
    expect(three).not.toBe(wordToken({ kind: 'word', text: '30' }, 'en'));
    expect(indexTokens('Industry 3.0 and clause 3', 'en')).toContain(three);
  });

  test('reads full-width forms, case and diacritics as the ordinary word; English words by stem', () => {
    expect(indexTokens('ＲＣＥＰ ２０３０', 'zh')).toEqual(indexTokens('rcep 2030', 'zh'));
    expect(indexTokens('Hà Nội', 'en')).toEqual(indexTokens('ha noi', 'en'));
    expect(indexTokens('resources', 'en')).toEqual(indexTokens('resource', 'en'));
    expect(indexTokens("People's", 'en')).toEqual(indexTokens('people', 'en'));
  });
});

describe('the corpus', () => {
  test('no token is the beginning of another, so Pagefind can neither widen a word nor put a shorter one in its place', () => {
    const all = new Set<string>();
    for (const d of documents) for (const c of d.clauses) for (const l of ['zh', 'en'] as const) for (const t of [...indexTokens(c.heading?.[l] ?? '', l), ...indexTokens(c.text[l], l)]) all.add(t);
    const sorted = [...all].sort();
    expect(sorted.length).toBeGreaterThan(5_000);
    const beginning = sorted.flatMap((t, i) => (sorted[i + 1]?.startsWith(t) ? [`${t} begins ${sorted[i + 1]}`] : []));
    expect(beginning).toEqual([]);
    // A lone character's search is the one prefix: the five characters no token is.
    expect(sorted.filter((t) => t.startsWith('h') && all.has(bigramPrefix(String.fromCodePoint(parseInt(t.slice(1, 5), 36)))))).toEqual([]);
  });

  test('every stretch of 2 to 8 characters of every clause\'s Chinese, cut at any character, stands in that clause\'s index as the query reads it', () => {
    let checked = 0;
    const lost: string[] = [];
    for (const d of documents) {
      for (const c of d.clauses) {
        for (const text of [c.heading?.zh ?? '', c.text.zh]) {
          const index = indexTokens(text, 'zh');
          const norm = normalise(text);
          // Whole Latin words and numbers only (a reader types 2019年, not 019年).
          const starts = units(norm).flatMap((u) => (u.kind === 'han' ? [...u.text].map((_, k) => u.start + k) : [u.start]));
          const ends = new Set(units(norm).flatMap((u) => (u.kind === 'han' ? [...u.text].map((_, k) => u.start + k + 1) : [u.end])));
          for (const from of starts) {
            for (let to = from + 2; to <= Math.min(norm.length, from + 8); to++) {
              if (!ends.has(to)) continue;
              const query = norm.slice(from, to);
              const tokens = phraseTokens(parseQuery(query), 'zh');
              if (!tokens?.length) continue;
              checked++;
              if (!standsIn(tokens, index)) lost.push(`${d.id}#${c.id}: ${query} → ${tokens.join(' ')}`);
            }
          }
        }
      }
    }
    expect(lost).toEqual([]);
    expect(checked).toBeGreaterThan(100_000);
  });

  test('every word of every clause\'s English is in that clause\'s index as the query reads it', () => {
    const lost: string[] = [];
    for (const d of documents) {
      for (const c of d.clauses) {
        const index = new Set([...indexTokens(c.heading?.en ?? '', 'en'), ...indexTokens(c.text.en, 'en')]);
        for (const word of `${c.heading?.en ?? ''} ${c.text.en}`.split(/\s+/u).filter(Boolean)) {
          for (const part of parseQuery(word).parts) {
            const en = part.alternatives.find((a) => a.language === 'en');
            if (en && !en.tokens.every((t) => index.has(t))) lost.push(`${d.id}#${c.id}: ${word}`);
          }
        }
      }
    }
    expect(lost).toEqual([]);
  });
});
