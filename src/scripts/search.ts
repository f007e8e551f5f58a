/**
 * The search page. One Pagefind index holds every clause's Chinese and English as tokens
 * (src/lib/search/search-tokens.ts); a query is read into parts (search-query.ts), each searched and
 * the clauses ranked by src/lib/search/search-engine.ts. A query that is a clause reference (P23 4.2.5,
 * 第4.2.5条) offers that clause instead (search-references.ts). The answer says what it did:
 * words that matched nothing, spelling it corrected. Results are clauses, each shown in both
 * languages with the match marked.
 */
import { answer, type Answer, type Hit, type Lexicon, type PagefindLike } from '../lib/search/search-engine';
import { readQuery, synonymForms, type Alternative } from '../lib/search/search-query';
import { findReference, type CatalogueDocument, type ClauseReference } from '../lib/search/search-references';
import { referenceLabel } from '../lib/citation/reference-labels';
import { bundlesToMerge, mergeBundles, type Mergeable } from '../lib/search/search-bundles';
import { EXCERPT, hasHan, normalise, units, wordToken, type Language, type TraditionalMap } from '../lib/search/search-tokens';

interface Pagefind extends PagefindLike, Mergeable {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
}
interface CatalogueEntry extends CatalogueDocument {
  type: 'plan' | 'declaration' | 'initiative';
  title: { zh: string; en: string };
}

const root = document.getElementById('search-app')!;
const siteRoot = new URL(root.dataset.root!, location.href);
const bundle = new URL('pagefind/', siteRoot).href;
/** The documents, the names a reader may give them, and their clause IDs (space-separated). */
const catalogue = (JSON.parse(root.dataset.catalogue!) as (Omit<CatalogueEntry, 'clauses'> & { clauses: string })[]).map((d) => ({ ...d, clauses: d.clauses.split(' ') }));
let pagefind: Promise<Pagefind> | undefined;
/**
 * The index, loaded once, its bundles merged (src/lib/search/search-bundles.ts). The search runs
 * on the page's thread: a Web Worker would cost a cold query a script and a start-up. The
 * metadata's cache tag is the page's (data-tag), so the file the page preloads is the one
 * Pagefind asks for.
 */
function instance(): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ `${bundle}pagefind.js`).then(async (pf: Pagefind) => {
    await pf.options({ basePath: bundle, noWorker: true, metaCacheTag: root.dataset.tag });
    await pf.init();
    await mergeBundles(pf, bundlesToMerge(document), root.dataset.tag);
    await ready(pf);
    return pf;
  });
  return pagefind;
}

/**
 * Resolves when Pagefind has its index. Until then each of its calls sleeps in steps of 50 ms
 * (getPtr in its coupled_search.ts), so a search started before would wait up to 50 ms too
 * long; an empty search started every 10 ms returns, without a request, within 10 ms of it.
 */
function ready(pf: Pagefind): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const probe = () => {
      if (done) return;
      pf.search('').then(() => {
        done = true;
        resolve();
      }, (error: unknown) => {
        done = true;
        reject(error);
      });
      setTimeout(probe, 10);
    };
    probe();
  });
}

let traditional: Promise<TraditionalMap> | undefined;
const traditionalMap = () => (traditional ??= fetch(new URL('t2s.json', bundle)).then((r) => r.json()));
let lexicon: Promise<Lexicon> | undefined;
const loadLexicon = () => (lexicon ??= fetch(new URL('lexicon.json', bundle)).then((r) => r.json()));

// A query in the address (the header's search box) starts Pagefind before anything else here.
const initial = new URLSearchParams(location.search).get('q');
if (initial?.trim() && !findReference(normalise(initial).trim(), catalogue)) {
  instance().catch(() => undefined);
  if (hasHan(initial)) traditionalMap().catch(() => undefined);
}
const lang = root.dataset.lang as Language;
const labels = JSON.parse(root.dataset.labels!) as Record<string, string>;
/** Document titles in the interface's language. */
const titles = JSON.parse(root.dataset.titles!) as Record<string, string>;
/** Synonym groups: each glossary term's forms in one script, and the editors' search synonyms. */
const forms = synonymForms(JSON.parse(root.dataset.synonyms!) as string[][]);
const form = root.querySelector<HTMLFormElement>('form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const list = root.querySelector<HTMLOListElement>('.results')!;
const status = root.querySelector<HTMLElement>('.search-status')!;
const offer = root.querySelector<HTMLElement>('.search-offer')!;
// Every select[data-filter] filters on the records' filter of that name and is kept in the
// address under its own name: a new filter needs only its <select> and its records' values.
// `language` is the language of the match, which the engine decides.
const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];

/** Fills a label's {placeholders}. */
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/gu, (_, k: string) => String(values[k] ?? ''));
const quote = (text: string) => fill(labels.quoted!, { text });
const joinList = (items: string[]) => items.join(labels.listSeparator!);

/** Each run takes a ticket; a run whose ticket is no longer the latest drops its results. */
let latest = 0;
/** Results shown at first, and added by "More results": each result is a request for its clause's text. */
const PAGE = 10;
const moreButton = root.querySelector<HTMLButtonElement>('.search-more')!;
/** The hits of the answer shown, and still to show. */
let pending: { result: Answer; q: string; ticket: number } | undefined;

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
  offer.replaceChildren();
  offer.hidden = true;
  moreButton.hidden = true;
  const q = normalise(typed).trim();
  if (!q) {
    status.textContent = '';
    return;
  }
  const filters: Record<string, string> = {};
  for (const s of selects) if (s.value) filters[s.dataset.filter!] = s.value;
  const only = filters.language as Language | undefined;
  delete filters.language;

  const references = findReference(q, catalogue);
  if (references) {
    showReferences(references);
    return;
  }
  status.textContent = labels.searching!;
  const pf = instance();
  const parsed = readQuery(q, forms, hasHan(q) ? await traditionalMap() : undefined);
  const result = await answer(parsed, { pagefind: await pf, lexicon: loadLexicon, filters, only });
  if (ticket !== latest) return; // a newer search has started
  pending = { result, q, ticket };
  if (!(await showMore())) return;
  status.textContent = summary(result, q, list.children.length);
}

/** Shows the next results (each as soon as those ranked above it are); false if a newer search started. */
async function showMore(): Promise<boolean> {
  const { result: { hits }, ticket } = pending!;
  const next = hits.slice(list.children.length, list.children.length + PAGE);
  moreButton.hidden = true;
  const data = next.map((h) => h.result.data());
  const added: HTMLLIElement[] = [];
  for (const [i, hit] of next.entries()) {
    const { meta } = await data[i]!;
    if (ticket !== latest) return false;
    added.push(list.appendChild(renderResult(meta, hit)));
  }
  moreButton.hidden = list.children.length >= hits.length;
  return added.length > 0 || hits.length === 0;
}

/** What the answer is: how many clauses, for what, and what it could not find or corrected. */
function summary(result: Answer, q: string, shown: number): string {
  const total = result.hits.length;
  // What the count is for: the words searched, corrected, without those that matched nothing.
  const searched = result.corrections.length || result.unmatched.length
    ? result.query.parts.flatMap((p, i) => (result.unmatched.includes(i) ? [] : [result.corrections.find((c) => c.part === i)?.to ?? p.text])).join(' ')
    : q;
  if (total === 0) return `${labels.noResults}: ${q}`;
  const sentences: string[] = [];
  for (const c of result.corrections) sentences.push(fill(labels.corrected!, { from: quote(c.from), to: quote(c.to) }));
  const unknown = result.unmatched.map((i) => quote(result.query.parts[i]!.text));
  if (unknown.length) sentences.push(fill(labels.unmatched!, { words: joinList(unknown) }));
  else if (!result.complete) sentences.push(labels.partial!);
  const more = total > shown ? fill(labels.firstShown!, { n: shown }) : '';
  sentences.push(fill(total === 1 ? labels.oneResult! : labels.results!, { n: total, q: searched, more }));
  return sentences.join(labels.sentenceSeparator!);
}

/** A clause reference: the clause (or the clauses of that number) offered first, nothing searched. */
function showReferences(references: ClauseReference[]): void {
  const names = references.map((r) => ({ ...r, label: clauseLabel(r.document, r.clause) }));
  const p = document.createElement('p');
  p.className = 'search-offer-label';
  p.textContent = labels.goTo!;
  const ul = document.createElement('ul');
  for (const r of names) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.className = 'result-link';
    a.href = new URL(`${lang}/${r.document}/${r.clause}/`, siteRoot).href;
    a.textContent = r.label;
    li.append(a);
    ul.append(li);
  }
  offer.append(p, ul);
  offer.hidden = false;
  status.textContent = fill(labels.reference!, { n: names.length });
}

/** A clause as citations name it: "Plan of Action 2023–2027, clause 4.2.12", 《内比都宣言》第十四段. */
function clauseLabel(document: string, clause: string): string {
  const doc = catalogue.find((d) => d.id === document);
  if (!doc) return `${titles[document] ?? document} ${clause}`;
  return referenceLabel(lang, { ...doc, clauses: doc.clauses.map((id) => ({ id, parent: parentOf(id) })) }, clause);
}

/** A clause's parent as the contract derives it (4.2.5 → 4.2, 4.1.1.p2 → 4.1.1; top level and preamble: none). */
const parentOf = (id: string) => {
  const parent = id.split('.').slice(0, -1).join('.');
  return parent && parent !== 'preamble' ? parent : null;
};

const LANG_ATTR: Record<Language, string> = { zh: 'zh-CN', en: 'en' };

/**
 * A result: document title and clause number (the interface's language), then the clause in
 * Chinese and in English, each with its heading, the match marked, and the language that
 * matched set apart; links to the clause's page and its place in the document.
 */
function renderResult(meta: Record<string, string>, hit: Hit): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'result';
  const link = document.createElement('a');
  link.href = new URL(`${lang}/${meta.document}/${meta.clause}/`, siteRoot).href;
  link.className = 'result-link';
  const title = document.createElement('span');
  title.className = 'result-title';
  title.textContent = clauseLabel(meta.document!, meta.clause!);
  link.append(title);
  const texts = document.createElement('div');
  texts.className = 'result-texts';
  // The language that matched first; the other follows, set apart.
  const matched = (['zh', 'en'] as const).filter((l) => hit.languages.has(l));
  for (const language of ['zh', 'en'] as const) {
    const heading = meta[`h${language}`] ?? '';
    const body = meta[language] ?? '';
    if (!heading && !body) continue;
    const excerpt = document.createElement('p');
    excerpt.className = hit.languages.has(language) ? 'result-excerpt matched' : 'result-excerpt';
    excerpt.lang = LANG_ATTR[language];
    const alternatives = hit.matched.filter((a) => a.language === language);
    if (heading) {
      const strong = document.createElement('strong');
      // The heading in the language that matched is the result's heading.
      if (language === matched[0]) strong.className = 'result-heading';
      strong.append(...highlight(heading, alternatives, language, Infinity));
      excerpt.append(strong);
      if (body) excerpt.append(' ');
    }
    if (body) excerpt.append(...highlight(body, alternatives, language));
    texts.append(excerpt);
  }
  const where = document.createElement('p');
  where.className = 'result-where';
  const inDocument = document.createElement('a');
  inDocument.href = new URL(`${lang}/${meta.document}/#${meta.clause}`, siteRoot).href;
  inDocument.textContent = labels.inDocument!;
  inDocument.tabIndex = -1;
  where.append(inDocument, ` · ${labels.matchedIn} ${matched.map((l) => labels[`lang-${l}`]).join(lang === 'zh' ? '、' : ', ')}`);
  li.append(link, texts, where);
  return li;
}

/**
 * Where the matched alternatives stand in a text: Chinese by its characters, words and numbers
 * as the index reads them (resources for resource, 3.0 and not 3), a phrase only whole.
 */
function matches(text: string, alternatives: Alternative[], language: Language): [number, number][] {
  const ranges: [number, number][] = [];
  const norm = text.normalize('NFKC');
  // NFKC can change lengths (full-width forms keep theirs): mark by the original only when lengths agree.
  if (norm.length !== text.length) return ranges;
  const us = units(norm);
  const keyOf = (u: (typeof us)[number]) => (u.kind === 'han' ? u.text : wordToken(u, language));
  for (const a of alternatives) {
    const wanted = units(normalise(a.text));
    if (!wanted.length) continue;
    if (wanted.every((u) => u.kind === 'han')) {
      // Chinese: the form whole wherever it stands, whatever punctuation parts its runs
      // (澜沧江-湄公河 as 澜沧江—湄公河); a run found only piecemeal, by its pairs of characters.
      const whole = new RegExp(wanted.map((u) => escape(u.text)).join('[^\\p{L}\\p{N}]*'), 'gu');
      const before = ranges.length;
      for (const m of norm.matchAll(whole)) ranges.push([m.index!, m.index! + m[0].length]);
      if (ranges.length === before && wanted.length === 1) {
        const chars = [...wanted[0]!.text];
        for (let k = 0; k + 1 < chars.length; k++) {
          const pair = chars[k]! + chars[k + 1]!;
          for (let at = norm.indexOf(pair); at >= 0; at = norm.indexOf(pair, at + 1)) ranges.push([at, at + pair.length]);
        }
      }
      continue;
    }
    const keys = wanted.map((u) => (u.kind === 'han' ? u.text : wordToken(u, language)));
    for (let i = 0; i + keys.length <= us.length; i++) {
      if (keys.every((k, j) => keyOf(us[i + j]!) === k)) ranges.push([us[i]!.start, us[i + keys.length - 1]!.end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/** The text around the first match (`span` characters), with every match in <mark>. */
function highlight(text: string, alternatives: Alternative[], language: Language, span = EXCERPT[language]): Node[] {
  const ranges = matches(text, alternatives, language);
  // A text longer than the excerpt shows the first match a third of the way in, and its end
  // whole; English starts and ends at a word.
  let start = 0;
  const first = ranges[0]?.[0] ?? 0;
  if (text.length > span && first > span / 3) {
    start = Math.min(first - Math.floor(span / 3), text.length - span);
    if (language === 'en') {
      const space = text.slice(start, first).search(/\s/u);
      if (space >= 0) start += space + 1;
    }
  }
  let end = Math.min(text.length, start + span);
  if (language === 'en' && end < text.length && /\S/u.test(text[end]!)) {
    // Back to the last space, unless that would cut the first match.
    const space = text.lastIndexOf(' ', end);
    if (space > Math.max(start, ranges[0]?.[1] ?? 0)) end = space;
  }
  const nodes: Node[] = [];
  if (start > 0) nodes.push(document.createTextNode('…'));
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    nodes.push(document.createTextNode(text.slice(at, a)));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(a, b);
    nodes.push(mark);
    at = b;
  }
  nodes.push(document.createTextNode(text.slice(at, end) + (end < text.length ? '…' : '')));
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
  if (typed.trim() && !(event as InputEvent).isComposing) {
    if (hasHan(typed)) traditionalMap().catch(() => undefined);
    // A failure here shows when the search itself runs.
    instance().catch(() => undefined);
  }
  clearTimeout(timer);
  timer = setTimeout(() => void run(input.value), 250);
});
for (const s of selects) s.addEventListener('change', () => void run(input.value));
moreButton.addEventListener('click', async () => {
  const from = list.children.length;
  if (!(await showMore())) return;
  list.querySelectorAll<HTMLAnchorElement>('.result-link')[from]?.focus();
  status.textContent = summary(pending!.result, pending!.q, list.children.length);
});

// Arrow keys move through the offered clauses and the results; Enter follows the focused link.
root.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...root.querySelectorAll<HTMLAnchorElement>('.search-offer a, .results .result-link')];
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
// A filter the address sets is shown, not left in the closed box (a phone's; src/styles/search.css).
if (selects.some((s) => s.value)) form.querySelector('details')!.open = true;
if (initial) {
  input.value = initial;
  void run(initial);
}
