/**
 * The search page. Runs one independent Pagefind instance per language bundle (each with
 * its own analyser), only those a query needs: Chinese queries (converted from Traditional
 * first) search the Chinese records, Latin-script queries search both. A query is read as
 * typed: NFKC folds full-width letters, digits and punctuation; a glossary term's other
 * forms are searched with it. Results are clauses, merged by rank and deduplicated, each
 * shown in both languages with the match marked.
 */
import { EXCERPT, hasHan, queryTokens, reveal, toSimplified, type TraditionalMap } from '../lib/search-tokens';

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{ url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]> }>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string, o?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

type Language = 'zh' | 'en';
const root = document.getElementById('search-app')!;
const siteRoot = new URL(root.dataset.root!, location.href);
const lang = root.dataset.lang as Language;
const labels = JSON.parse(root.dataset.labels!) as Record<string, string>;
/** Document titles in the interface's language. */
const titles = JSON.parse(root.dataset.titles!) as Record<string, string>;
/** Each glossary term's forms in one script (built from the glossary): any of them finds the others. */
const synonyms = JSON.parse(root.dataset.synonyms!) as string[][];
const form = root.querySelector<HTMLFormElement>('form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const list = root.querySelector<HTMLOListElement>('.results')!;
const status = root.querySelector<HTMLElement>('.search-status')!;
// Every select[data-filter] filters on the records' filter of that name and is kept in the
// address under its own name: a new filter needs only its <select> and its records' values.
const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];

const instances = new Map<Language, Promise<Pagefind>>();
function instance(language: Language): Promise<Pagefind> {
  let p = instances.get(language);
  if (!p) {
    const bundle = new URL(`pagefind/${language}/`, siteRoot).href;
    p = import(/* @vite-ignore */ `${bundle}pagefind.js`).then(async (pf: Pagefind) => {
      await pf.options({ bundlePath: bundle, excerptLength: 24 });
      await pf.init();
      return pf;
    });
    instances.set(language, p);
  }
  return p;
}

let traditional: Promise<TraditionalMap> | undefined;
const traditionalMap = () => (traditional ??= fetch(new URL('pagefind/t2s.json', siteRoot)).then((r) => r.json()));

interface Hit {
  language: Language;
  rank: number;
  result: PagefindResult;
}

/** A query as searched: NFKC reads full-width Latin and digits (ＲＣＥＰ, ２０３０) and punctuation as their ordinary forms. */
const normalise = (q: string) => q.normalize('NFKC').replace(/\s+/gu, ' ').trim();
const latinPart = (q: string) => q.replace(/\p{Script=Han}+/gu, ' ').trim();
const hanRuns = (q: string) => q.match(/\p{Script=Han}+/gu) ?? [];
const latinWords = (q: string) => latinPart(q).split(/[^\p{L}\p{N}'’]+/u).filter((w) => w.length > 1);

/** The bundles a query is searched in, in merge order; `only` is the language filter. */
function languagesFor(q: string, only: Language | undefined): Language[] {
  const languages: Language[] = [];
  if (hasHan(q)) {
    if (only !== 'en') languages.push('zh');
    if (latinPart(q) && only !== 'zh') languages.push('en');
  } else {
    if (only !== 'zh') languages.push('en');
    // Latin script in the Chinese texts is acronyms and numbers (RCEP, COP28, 2030): only
    // such queries need the Chinese bundle too, which keeps a plain English query's download small.
    if (only === 'zh' || (only !== 'en' && /\p{N}|\b\p{Lu}{2,}\b/u.test(q))) languages.push('zh');
  }
  return languages;
}

/**
 * The query and its variants: each glossary form found in it (longest first, whole words
 * in Latin script) replaced by each of its term's other forms in the same script.
 */
function variants(q: string): string[] {
  const lower = q.toLowerCase();
  const found: { at: number; end: number; group: string[]; form: string }[] = [];
  for (const group of synonyms) {
    for (const form of group) {
      const needle = form.toLowerCase();
      for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
        const end = at + needle.length;
        if (!hasHan(form) && (/[\p{L}\p{N}]/u.test(lower[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(lower[end] ?? ''))) continue;
        found.push({ at, end, group, form });
      }
    }
  }
  const out = [q];
  const taken: [number, number][] = [];
  for (const f of found.sort((a, b) => b.form.length - a.form.length)) {
    if (taken.some(([a, e]) => f.at < e && a < f.end)) continue;
    taken.push([f.at, f.end]);
    for (const other of f.group) if (other !== f.form) out.push(q.slice(0, f.at) + other + q.slice(f.end));
  }
  return [...new Set(out)].slice(0, 8);
}

/** Each run takes a ticket; a run whose ticket is no longer the latest drops its results. */
let latest = 0;

async function run(query: string): Promise<void> {
  const ticket = ++latest;
  const typed = query.trim();
  // The address holds the query and filters, so a search can be bookmarked or shared.
  const url = new URL(location.href);
  if (typed) url.searchParams.set('q', typed);
  else url.searchParams.delete('q');
  for (const s of selects) {
    if (s.value) url.searchParams.set(s.name, s.value);
    else url.searchParams.delete(s.name);
  }
  history.replaceState(null, '', url);
  list.replaceChildren();
  const q = normalise(typed);
  if (!q) {
    status.textContent = '';
    return;
  }
  status.textContent = labels.searching!;
  const filters: Record<string, string> = {};
  for (const s of selects) if (s.value) filters[s.dataset.filter!] = s.value;
  const only = filters.language as Language | undefined;
  delete filters.language;

  const map = hasHan(q) ? await traditionalMap() : undefined;
  const forms = variants(map ? toSimplified(q, map) : q);
  const languages = languagesFor(q, only);
  // A variant searches only the bundles the query itself needs ("Lao PDR" for Laos is not a reason to load the Chinese one).
  const searches = forms.flatMap((v) => languagesFor(v, only).filter((l) => languages.includes(l)).map((language) => ({
    language,
    terms: language === 'zh' ? queryTokens(v).join(' ') : latinPart(v),
  }))).filter((w) => w.terms);
  const lists = await Promise.all(searches.map(async (w) => {
    const response = await (await instance(w.language)).search(w.terms, { filters });
    return (response?.results ?? []).map((result, rank): Hit => ({ language: w.language, rank, result }));
  }));
  if (ticket !== latest) return; // a newer search has started
  // Merge by rank (the indexes' scores are not comparable), each record once.
  const interleaved: Hit[] = [];
  const ids = new Set<string>();
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) {
    for (const l of lists) {
      const hit = l[i];
      if (hit && !ids.has(`${hit.language}/${hit.result.id}`)) {
        ids.add(`${hit.language}/${hit.result.id}`);
        interleaved.push(hit);
      }
    }
  }
  // Fragments are fetched per result: the first 20 are plenty to rank and show.
  const top = interleaved.slice(0, 20);
  const data = await Promise.all(top.map((h) => h.result.data()));
  if (ticket !== latest) return;
  const byClause = new Map<string, { meta: Record<string, string>; matched: Set<Language>; coverage: number }>();
  top.forEach((hit, i) => {
    const raw = data[i]!.meta;
    const own = hit.language === 'en' ? data[i]!.content : reveal(raw.text ?? '');
    const key = `${raw.document}#${raw.clause}`;
    const entry = byClause.get(key) ?? { meta: { ...raw, heading: reveal(raw.heading ?? '') }, matched: new Set<Language>(), coverage: 0 };
    const other = hit.language === 'zh' ? 'en' : 'zh';
    // A record has its own language's text whole and the other's opening.
    entry.meta[hit.language] = own;
    if (!entry.matched.has(other)) entry.meta[other] = reveal(raw.other ?? '');
    entry.matched.add(hit.language);
    entry.coverage = Math.max(entry.coverage, ...forms.map((f) => coverage(entry.meta[hit.language]!, f, hit.language)));
    byClause.set(key, entry);
  });
  // Pagefind ranks any-word matches; clauses that contain the whole query come first (stable).
  const entries = [...byClause.values()].sort((a, b) => b.coverage - a.coverage);
  // Searched in one bundle, every record is a different clause, so the count is exact even
  // beyond the results shown; across two, only the clauses shown are known to be different.
  const shown = entries.length;
  const total = new Set(searches.map((w) => w.language)).size === 1 ? interleaved.length : shown;
  const more = total > shown ? (lang === 'zh' ? `（${labels.firstShown}${shown}条）` : ` (${labels.firstShown} ${shown})`) : '';
  // The query as searched (ＲＣＥＰ reads RCEP).
  status.textContent = total === 0 ? `${labels.noResults}: ${q}` : lang === 'zh' ? `${total}${labels.resultsFor}${q}${more}` : `${total} ${total === 1 ? labels.oneResultFor : labels.resultsFor} ${q}${more}`;
  const marks = markPattern(forms);
  for (const entry of entries) list.append(renderResult(entry.meta, entry.matched, marks));
}

/** Share of a query form found in a text: its Chinese bigrams and single characters, and its words stem-insensitively. */
function coverage(text: string, form: string, language: Language): number {
  const lower = text.toLowerCase();
  const units = language === 'zh'
    ? hanRuns(form).flatMap((run) => {
      const chars = [...run];
      return chars.length === 1 ? chars : chars.slice(1).map((c, i) => chars[i]! + c);
    })
    : latinWords(form).map((w) => w.toLowerCase().replace(/(es|s)$/u, ''));
  if (!units.length) return 0;
  return units.filter((u) => lower.includes(u)).length / units.length;
}

/**
 * What to mark in either language's text, longest first: each form whole (its Chinese, its
 * Latin phrase), then the typed query's Chinese runs and its Latin words with any ending (stems).
 */
function markPattern(forms: string[]): RegExp | undefined {
  const phrases = new Set<string>();
  const words = new Set<string>();
  for (const [i, f] of forms.entries()) {
    // A Chinese form whole (澜沧江-湄公河商务理事会), then its runs.
    if (hasHan(f)) phrases.add(escape(f));
    if (i === 0) for (const run of hanRuns(f)) phrases.add(escape(run));
    const latin = latinWords(f);
    if (latin.length > 1) phrases.add(latin.map(escape).join('[^\\p{L}\\p{N}]+'));
    // A synonym is marked whole: its words alone ("Republic") would be marked everywhere.
    if (i === 0) for (const w of latin) words.add(`${escape(w.replace(/s$/iu, ''))}[\\p{L}\\p{N}]*`);
  }
  const all = [...phrases].sort((a, b) => b.length - a.length).concat([...words]);
  return all.length ? new RegExp(all.join('|'), 'giu') : undefined;
}

const LANG_ATTR: Record<Language, string> = { zh: 'zh-CN', en: 'en' };
/** How a record joins a clause's heading to its text (scripts/lib/search-index.ts). */
const JOIN: Record<Language, string> = { zh: '　', en: ' — ' };

/**
 * A result: document title and clause number (the interface's language), then the clause in
 * Chinese and in English, each with its heading, the match marked, and the language that
 * matched set apart; links to the clause's page and its place in the document.
 */
function renderResult(meta: Record<string, string>, matched: Set<Language>, marks: RegExp | undefined): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'result';
  const link = document.createElement('a');
  link.href = new URL(`${lang}/${meta.document}/${meta.clause}/`, siteRoot).href;
  link.className = 'result-link';
  const title = document.createElement('span');
  title.className = 'result-title';
  // The printed number (（六）, 十二、) reads in Chinese; English readers get the clause ID.
  title.textContent = `${titles[meta.document!] ?? meta.document} ${lang === 'zh' ? meta.number : meta.clause}`;
  link.append(title);
  const texts = document.createElement('div');
  texts.className = 'result-texts';
  for (const language of ['zh', 'en'] as const) {
    const body = meta[language];
    if (!body) continue;
    const excerpt = document.createElement('p');
    excerpt.className = matched.has(language) ? 'result-excerpt matched' : 'result-excerpt';
    excerpt.lang = LANG_ATTR[language];
    // The heading, when the clause has one, leads its text: shown whole, then the text's excerpt.
    const at = meta.heading ? body.indexOf(JOIN[language]) : -1;
    if (at > 0 || (meta.heading && at < 0)) {
      const heading = document.createElement('strong');
      // The heading in the language that matched is the result's heading.
      if (language === [...matched][0]) heading.className = 'result-heading';
      heading.append(...highlight(at > 0 ? body.slice(0, at) : body, marks, language, Infinity));
      excerpt.append(heading);
      if (at > 0) excerpt.append(' ', ...highlight(body.slice(at + JOIN[language].length), marks, language));
    } else {
      excerpt.append(...highlight(body, marks, language));
    }
    texts.append(excerpt);
  }
  const where = document.createElement('p');
  where.className = 'result-where';
  const inDocument = document.createElement('a');
  inDocument.href = new URL(`${lang}/${meta.document}/#${meta.clause}`, siteRoot).href;
  inDocument.textContent = `#${meta.clause}`;
  inDocument.tabIndex = -1;
  where.append(inDocument, ` · ${labels.matchedIn} ${[...matched].map((l) => labels[`lang-${l}`]).join(lang === 'zh' ? '、' : ', ')}`);
  li.append(link, texts, where);
  return li;
}

/** The text around the first match (`span` characters), with every match in <mark>. */
function highlight(text: string, pattern: RegExp | undefined, language: Language, span = EXCERPT[language]): Node[] {
  let start = 0;
  const first = pattern ? text.search(pattern) : -1;
  if (first > span / 3) start = first - Math.floor(span / 3);
  const slice = (start > 0 ? '…' : '') + text.slice(start, start + span) + (start + span < text.length ? '…' : '');
  if (!pattern) return [document.createTextNode(slice)];
  const nodes: Node[] = [];
  let at = 0;
  for (const m of slice.matchAll(pattern)) {
    nodes.push(document.createTextNode(slice.slice(at, m.index)));
    const mark = document.createElement('mark');
    mark.textContent = m[0];
    nodes.push(mark);
    at = m.index! + m[0].length;
  }
  nodes.push(document.createTextNode(slice.slice(at)));
  return nodes;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

let timer: ReturnType<typeof setTimeout> | undefined;
form.addEventListener('submit', (event) => {
  event.preventDefault();
  // Enter searches now: the search pending from the last keystroke would only repeat it.
  clearTimeout(timer);
  void run(input.value);
});
input.addEventListener('input', (event) => {
  // Start loading what the query needs while it is typed, not after the last keystroke; an
  // input method's composition (Latin letters on the way to Chinese) is not the query yet.
  const typed = normalise(input.value);
  if (typed && !(event as InputEvent).isComposing) {
    const only = (selects.find((s) => s.dataset.filter === 'language')?.value || undefined) as Language | undefined;
    if (hasHan(typed)) traditionalMap().catch(() => undefined);
    // A failure here shows when the search itself runs.
    for (const language of languagesFor(typed, only)) instance(language).catch(() => undefined);
  }
  clearTimeout(timer);
  timer = setTimeout(() => void run(input.value), 250);
});
for (const s of selects) s.addEventListener('change', () => void run(input.value));

// Arrow keys move through the results; Enter follows the focused link.
root.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...list.querySelectorAll<HTMLAnchorElement>('.result-link')];
  if (!links.length) return;
  const current = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = event.key === 'ArrowDown' ? Math.min(current + 1, links.length - 1) : current - 1;
  event.preventDefault();
  if (next < 0) input.focus();
  else links[next]!.focus();
});

const params = new URLSearchParams(location.search);
for (const s of selects) {
  const value = params.get(s.name);
  if (value && [...s.options].some((o) => o.value === value)) s.value = value;
}
const initial = params.get('q');
if (initial) {
  input.value = initial;
  void run(initial);
}
