/**
 * The search page. Runs one independent Pagefind instance per language bundle (each with
 * its own analyser), only those a query needs: Chinese queries (converted from Traditional
 * first) search the Chinese records, Latin-script queries search both. Results are
 * clauses, merged by rank and deduplicated, with an excerpt of the matching text.
 */
import { bigramTokens, hasHan, toSimplified, type TraditionalMap } from '../lib/search-tokens';

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string>; filters: Record<string, string[]> }>;
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
const form = root.querySelector<HTMLFormElement>('form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const list = root.querySelector<HTMLOListElement>('.results')!;
const status = root.querySelector<HTMLElement>('.search-status')!;
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

const latinPart = (q: string) => q.replace(/\p{Script=Han}+/gu, ' ').trim();

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

/** Each run takes a ticket; a run whose ticket is no longer the latest drops its results. */
let latest = 0;

async function run(query: string): Promise<void> {
  const ticket = ++latest;
  const q = query.trim();
  // The address holds the query and filters, so a search can be bookmarked or shared.
  const url = new URL(location.href);
  if (q) url.searchParams.set('q', q);
  else url.searchParams.delete('q');
  for (const s of selects) {
    if (s.value) url.searchParams.set(s.name, s.value);
    else url.searchParams.delete(s.name);
  }
  history.replaceState(null, '', url);
  list.replaceChildren();
  if (!q) {
    status.textContent = '';
    return;
  }
  status.textContent = labels.searching!;
  const filters: Record<string, string> = {};
  for (const s of selects) if (s.value) filters[s.dataset.filter!] = s.value;
  const only = filters.language as Language | undefined;
  delete filters.language;

  const han = hasHan(q);
  const simplified = han ? toSimplified(q, await traditionalMap()) : q;
  const wanted = languagesFor(q, only).map((language) => ({
    language,
    terms: language === 'zh' ? bigramTokens(simplified).join(' ') : han ? latinPart(q) : q,
  }));
  const lists = await Promise.all(
    wanted.filter((w) => w.terms).map(async (w) => {
      const response = await (await instance(w.language)).search(w.terms, { filters });
      return (response?.results ?? []).map((result, rank): Hit => ({ language: w.language, rank, result }));
    }),
  );
  if (ticket !== latest) return; // a newer search has started
  // Merge by rank (the two indexes' scores are not comparable), one entry per clause.
  const interleaved: Hit[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const l of lists) if (l[i]) interleaved.push(l[i]!);
  // Fragments are fetched per result: the first 20 are plenty to rank and show.
  const top = interleaved.slice(0, 20);
  const data = await Promise.all(top.map((h) => h.result.data()));
  if (ticket !== latest) return;
  const seen = new Set<string>();
  const needle = hasHan(q) ? toSimplified(q, await traditionalMap()) : q;
  if (ticket !== latest) return;
  const entries = top
    .map((hit, i) => ({ hit, meta: data[i]!.meta, coverage: coverage(data[i]!.meta.text!, needle, hit.language) }))
    .filter(({ meta }) => {
      const key = `${meta.document}#${meta.clause}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    // Pagefind ranks any-word matches; clauses that contain the whole query come first (stable).
    .sort((a, b) => b.coverage - a.coverage);
  const total = entries.length;
  status.textContent = total === 0 ? `${labels.noResults}: ${q}` : lang === 'zh' ? `${total}${labels.resultsFor}${q}` : `${total} ${total === 1 ? labels.oneResultFor : labels.resultsFor} ${q}`;
  for (const { hit, meta } of entries) list.append(renderResult(meta, hit.language, needle));
}

/** Share of the query found in a text: its bigrams (Chinese) or its words, stem-insensitively (English). */
function coverage(text: string, needle: string, language: Language): number {
  if (language === 'zh') {
    const wanted = bigramTokens(needle);
    if (!wanted.length) return 0;
    const have = new Set(bigramTokens(text));
    return wanted.filter((t) => have.has(t)).length / wanted.length;
  }
  const words = needle.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
  if (!words.length) return 0;
  const lower = text.toLowerCase();
  return words.filter((w) => lower.includes(w.replace(/(es|s)$/u, ''))).length / words.length;
}

/** A result: document title, clause number and heading, an excerpt with the match marked, links. */
function renderResult(meta: Record<string, string>, language: Language, needle: string): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'result';
  const clauseHref = new URL(`${lang}/${meta.document}/${meta.clause}/`, siteRoot).href;
  const anchorHref = new URL(`${lang}/${meta.document}/#${meta.clause}`, siteRoot).href;
  const link = document.createElement('a');
  link.href = clauseHref;
  link.className = 'result-link';
  const title = document.createElement('span');
  title.className = 'result-title';
  title.textContent = meta.title!;
  title.lang = language === 'zh' ? 'zh-CN' : 'en';
  link.append(title);
  if (meta.heading) {
    const heading = document.createElement('span');
    heading.className = 'result-heading';
    heading.lang = language === 'zh' ? 'zh-CN' : 'en';
    heading.textContent = meta.heading;
    link.append(' ', heading);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'result-excerpt';
  excerpt.lang = language === 'zh' ? 'zh-CN' : 'en';
  excerpt.append(...highlight(meta.text!, needle, language));
  const where = document.createElement('p');
  where.className = 'result-where';
  const inDocument = document.createElement('a');
  inDocument.href = anchorHref;
  inDocument.textContent = `#${meta.clause}`;
  inDocument.tabIndex = -1;
  where.append(inDocument, ` · ${labels[`lang-${language}`]}`);
  li.append(link, excerpt, where);
  return li;
}

/** The text around the first match, with every match of the query (or its words) in <mark>. */
function highlight(text: string, needle: string, language: Language): Node[] {
  const words = language === 'zh' && hasHan(needle) ? [needle.replace(/\s+/gu, '')] : needle.split(/\s+/u).filter((w) => w.length > 1);
  const pattern = words.length ? new RegExp(words.map((w) => (language === 'en' ? `${escape(w.replace(/s$/iu, ''))}\\w*` : escape(w))).join('|'), 'giu') : undefined;
  let start = 0;
  const first = pattern ? text.search(pattern) : -1;
  const span = language === 'zh' ? 90 : 220;
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
  const typed = input.value.trim();
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
