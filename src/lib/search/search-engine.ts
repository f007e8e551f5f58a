/**
 * Runs a parsed query on the Pagefind index and ranks the clauses (issue 25). Each alternative
 * of each part is its own Pagefind search (the index is ours, so an alternative either matches
 * its tokens exactly or not at all), and the clauses are ranked here:
 *
 * 1. by the number of parts they match: with no clause matching every part, the clauses that
 *    match the most are the answer, and the parts that match nothing are named;
 * 2. by how the query stands together in them: first the clauses that have it whole as typed,
 *    then by the parts next to each other in the query that are next to each other in the clause
 *    and the runs of Chinese found whole rather than piecemeal;
 * 3. by the parts matched as typed rather than through a synonym or a correction;
 * 4. by Pagefind's own score (BM25 over the tokens).
 *
 * A run of Chinese that matches nothing whole is cut into words, which match or are named.
 * A Latin word of five letters or more that matches nothing and is not in the index's lexicon
 * is replaced by the lexicon's nearest word (one edit, two from nine letters; a transposition is
 * one edit), and the answer says so. The module has no DOM: the search page and the tests in
 * Node run the same code.
 */
import distance from 'damerau-levenshtein';
import { correctPart, phraseTokens, splitRun, type Alternative, type ParsedQuery, type Part } from './search-query';
import { fold, wordKey, type Language } from './search-tokens';

/** What the engine needs of a Pagefind instance. */
export interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data(): Promise<{ meta: Record<string, string> }>;
}
export interface PagefindLike {
  search(term: string, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

/** Every word of the texts (folded, as typed in them) and the number of clauses it is in. */
export type Lexicon = Record<string, number>;

export interface SearchOptions {
  pagefind: PagefindLike;
  /** Loaded only when a word may need correcting. */
  lexicon: () => Promise<Lexicon>;
  filters?: Record<string, string>;
  /** Only matches in this language's text count. */
  only?: Language;
}

export interface Hit {
  result: PagefindResult;
  /** Which parts the clause matches. */
  parts: Set<number>;
  /** The languages whose text matched. */
  languages: Set<Language>;
  /** The alternatives that matched, for marking. */
  matched: Alternative[];
  /** The whole query stands in the clause as typed. */
  whole: boolean;
  /** Query neighbours that are neighbours in the clause, plus parts found whole (a run of Chinese, a phrase). */
  together: number;
  /** Parts matched as typed. */
  typed: number;
  score: number;
}

export interface Correction {
  part: number;
  from: string;
  to: string;
}

export interface Answer {
  query: ParsedQuery;
  /** Ranked: every part first (when `complete`), else the clauses matching the most parts. */
  hits: Hit[];
  /** Every part is matched by each hit. */
  complete: boolean;
  /** Parts that match no clause (with the filters), by index. */
  unmatched: number[];
  corrections: Correction[];
}

interface Found { result: PagefindResult; locations: number[]; score: number }

/** Searches for parts and their alternatives, each Pagefind term once per answer. */
class Searcher {
  private cache = new Map<string, Promise<Map<string, Found>>>();
  constructor(private options: SearchOptions) {}

  run(t: string): Promise<Map<string, Found>> {
    let p = this.cache.get(t);
    if (!p) {
      p = this.options.pagefind.search(t, { filters: this.options.filters ?? {} }).then((r) => new Map((r?.results ?? []).map((result) => [result.id, { result, locations: result.words, score: result.score }])));
      this.cache.set(t, p);
    }
    return p;
  }

  /**
   * The clauses an alternative matches, and those where its tokens stand together. Pagefind
   * leaves out of a many-word search any word it lacks, so each token is searched alone and the
   * clauses intersected (which also gives every clause Pagefind's score, which a quoted search
   * does not); a quoted search then says where the tokens stand together, and for an exact
   * alternative only those clauses match.
   */
  async alternative(a: Alternative): Promise<{ all: Map<string, Found>; together?: Set<string> }> {
    if (a.tokens.length < 2) return { all: await this.run(a.tokens[0]!) };
    const each = await Promise.all(a.tokens.map((t) => this.run(t)));
    const all = new Map<string, Found>();
    for (const [id, found] of each[0]!) {
      if (!each.every((m) => m.has(id))) continue;
      all.set(id, { result: found.result, locations: each.flatMap((m) => m.get(id)!.locations), score: each.reduce((n, m) => n + m.get(id)!.score, 0) });
    }
    if (all.size === 0) return { all };
    const together = new Set((await this.run(`"${a.tokens.join(' ')}"`)).keys());
    if (a.exact) for (const id of all.keys()) if (!together.has(id)) all.delete(id);
    return { all, together };
  }

  /** Per clause, the locations of a token (a prefix: of every token it begins). */
  async locations(token: string): Promise<Map<string, Set<number>>> {
    return new Map([...(await this.run(token))].map(([id, f]) => [id, new Set(f.locations)]));
  }
}

/** Per part: per clause id, what matched it. */
type PartMatches = Map<string, { found: Found; alternative: Alternative; together: boolean }[]>;

async function matchPart(part: Part, searcher: Searcher, only: Language | undefined): Promise<PartMatches> {
  const out: PartMatches = new Map();
  const alternatives = part.alternatives.filter((a) => !only || a.language === only);
  const searched = await Promise.all(alternatives.map((a) => searcher.alternative(a)));
  alternatives.forEach((alternative, k) => {
    const { all, together } = searched[k]!;
    for (const [id, found] of all) {
      const list = out.get(id) ?? [];
      list.push({ found, alternative, together: together?.has(id) ?? false });
      out.set(id, list);
    }
  });
  return out;
}

/**
 * Whether some location of `a` is followed by one of `b`: next to it, or one token later after a
 * run of Chinese (whose last character the index has between them).
 */
function neighbours(a: number[], b: number[], afterHan: boolean): boolean {
  const after = new Set(b);
  return a.some((x) => after.has(x + 1) || (afterHan && after.has(x + 2)));
}

/** The nearest words of the lexicon to an unknown word, best first: fewest edits, then most used. */
export function nearestWords(word: string, lexicon: Lexicon): string[] {
  const w = fold(word);
  const limit = [...w].length >= 9 ? 2 : 1;
  const candidates: { word: string; steps: number; uses: number }[] = [];
  for (const [candidate, uses] of Object.entries(lexicon)) {
    if (Math.abs(candidate.length - w.length) > limit || candidate === w) continue;
    const { steps } = distance(w, candidate);
    if (steps <= limit) candidates.push({ word: candidate, steps, uses });
  }
  return candidates.sort((a, b) => a.steps - b.steps || b.uses - a.uses || a.word.localeCompare(b.word)).map((c) => c.word);
}

/** Whether the lexicon has the word, as search compares words (by stem). */
function known(word: string, lexicon: Lexicon): boolean {
  const key = wordKey(word, 'en');
  return fold(word) in lexicon || Object.keys(lexicon).some((k) => wordKey(k, 'en') === key);
}

/** Runs a query: every part, spelling corrections where needed, and the ranked clauses. */
export async function answer(parsed: ParsedQuery, options: SearchOptions): Promise<Answer> {
  const searcher = new Searcher(options);
  let query = parsed;
  let matches = await Promise.all(query.parts.map((p) => matchPart(p, searcher, options.only)));
  // A run of Chinese that matches nothing whole is read word by word (last first, so indices hold).
  for (let i = query.parts.length - 1; i >= 0; i--) {
    if (matches[i]!.size) continue;
    const split = splitRun(query, i);
    if (!split) continue;
    const added = split.parts.length - query.parts.length + 1;
    const pieces = await Promise.all(split.parts.slice(i, i + added).map((p) => matchPart(p, searcher, options.only)));
    matches = [...matches.slice(0, i), ...pieces, ...matches.slice(i + 1)];
    query = split;
  }
  const corrections: Correction[] = [];
  const unknown = query.parts.flatMap((p, i) => (p.correctable && matches[i]!.size === 0 ? [i] : []));
  if (unknown.length) {
    const lexicon = await options.lexicon();
    for (const i of unknown) {
      const from = query.parts[i]!.text;
      if (known(from, lexicon)) continue;
      for (const to of nearestWords(from, lexicon)) {
        const corrected = correctPart(query, i, to);
        const m = await matchPart(corrected.parts[i]!, searcher, options.only);
        if (m.size === 0) continue;
        query = corrected;
        matches[i] = m;
        corrections.push({ part: i, from, to });
        break;
      }
    }
  }

  const unmatched = query.parts.flatMap((_, i) => (matches[i]!.size === 0 ? [i] : []));
  const hits = new Map<string, Hit>();
  matches.forEach((m, i) => {
    for (const [id, list] of m) {
      const hit = hits.get(id) ?? { result: list[0]!.found.result, parts: new Set<number>(), languages: new Set<Language>(), matched: [], whole: false, together: 0, typed: 0, score: 0 };
      hit.parts.add(i);
      for (const x of list) {
        hit.languages.add(x.alternative.language);
        hit.matched.push(x.alternative);
      }
      if (list.some((x) => x.together && x.alternative.source === 'typed')) hit.together++;
      if (list.some((x) => x.alternative.source === 'typed')) hit.typed++;
      hit.score += Math.max(...list.map((x) => x.found.score));
      hits.set(id, hit);
    }
  });
  // Neighbours in the query that are neighbours in the clause.
  for (const [id, hit] of hits) {
    for (let i = 0; i + 1 < query.parts.length; i++) {
      const a = matches[i]!.get(id);
      const b = matches[i + 1]!.get(id);
      const afterHan = query.parts[i]!.units.at(-1)?.kind === 'han';
      if (a && b && neighbours(a.flatMap((x) => x.found.locations), b.flatMap((x) => x.found.locations), afterHan)) hit.together++;
    }
  }
  const most = Math.max(0, ...[...hits.values()].map((h) => h.parts.size));
  const best = [...hits.values()].filter((h) => h.parts.size === most);
  // The query as typed, whole: each token where the one before it ends (a clause quoted or pasted).
  if (most === query.parts.length) {
    for (const language of ['zh', 'en'] as const) {
      if (options.only && options.only !== language) continue;
      const tokens = phraseTokens(query, language);
      if (!tokens || tokens.length < 2) continue;
      const where = await Promise.all(tokens.map((t) => searcher.locations(t)));
      for (const hit of best) {
        const sets = where.map((w) => w.get(hit.result.id));
        if (sets.some((x) => !x)) continue;
        if ([...sets[0]!].some((s) => sets.every((x, k) => x!.has(s + k)))) hit.whole = true;
      }
    }
  }
  const ranked = best.sort((a, b) => Number(b.whole) - Number(a.whole) || b.together - a.together || b.typed - a.typed || b.score - a.score || a.result.id.localeCompare(b.result.id));
  return { query, hits: ranked, complete: most > 0 && most === query.parts.length, unmatched, corrections };
}
