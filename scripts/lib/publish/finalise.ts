/**
 * Stage 9: makes the built site portable. Every internal link becomes relative and names
 * its index.html, so one build works at the server root, under any sub-path, and opened
 * from a folder (file://). Every page gets a Content-Security-Policy that allows only the
 * site itself (plus WebAssembly for Pagefind). The 404 page, served at any depth, finds
 * the site root with one inline script whose hash the policy names: the policy is computed
 * from the inline scripts the build emits (src/lib/inline-scripts.ts), never from what a
 * page contains, and a page with any other inline script, an event-handler attribute or a
 * script URL, or without a policy, fails with a located error. Pages are read with an HTML
 * parser (parse5, as browsers tokenize), so `<script` inside an attribute value is text, and
 * `<SCRIPT>` or a script left open is a script. Astro's pages are finished as Astro renders them
 * (scripts/lib/publish/finish-pages.ts); this stage finishes the few pages written after Astro and
 * writes the servers' configurations.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { INLINE_SCRIPTS } from '../../../src/lib/inline-scripts';
import { Diagnostics, type Place } from '../core/diagnostics';
import { markClosingBrackets } from './closing-brackets';
import { joinConnectors } from './connectors';
import { listFiles } from '../core/files';

const ATTRIBUTE = /\b(href|src|action)="(\/(?!\/)[^"]*)"/gu;

/** The policy; `hashes` are sha256 sources for the few inline scripts. */
export function contentSecurityPolicy(hashes: string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${hashes.map((h) => ` '${h}'`).join('')}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The policy as a response header: the page's policy plus `frame-ancestors`, which browsers
 * ignore in a meta element (no page of the edition is meant to be framed).
 */
export function headerPolicy(policy: string): string {
  return `${policy}; frame-ancestors 'none'`;
}

/** The SHA-256 sources of the inline scripts the build emits, sorted. */
export function knownScriptHashes(scripts: readonly string[] = INLINE_SCRIPTS): string[] {
  return scripts.map((s) => `sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}`).sort();
}

/**
 * The relative form of a root-absolute site path, as seen from `pageDir` (both without leading
 * slash): up to the folders they share, then down, as path.posix.relative gives it for such
 * paths (no `.` or `..` in them), without its normalising; every link of every page goes through
 * here on Astro's thread.
 */
export function relativeHref(pageDir: string, target: string): string {
  const cut = target.search(/[?#]/u);
  const pathPart = (cut < 0 ? target : target.slice(0, cut)).replace(/^\//u, '');
  const suffix = cut < 0 ? '' : target.slice(cut);
  const file = pathPart === '' || pathPart.endsWith('/') ? `${pathPart}index.html` : pathPart;
  const from = pageDir === '' ? [] : pageDir.split('/');
  const to = file.split('/');
  let shared = 0;
  while (shared < from.length && shared < to.length && from[shared] === to[shared]) shared++;
  const rel = [...Array<string>(from.length - shared).fill('..'), ...to.slice(shared)].join('/') || 'index.html';
  return `${rel}${suffix}`;
}

// Pages are handled as latin1 strings (one character per byte): the bytes pass through
// unchanged, with no UTF-8 decoding and encoding, and every pattern here is ASCII.
const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'latin1').digest('base64')}`;

/** Writes the Apache and IIS configurations into the site folder, with the policy filled in. */
export async function writeServerConfigs(root: string, outDir: string, csp: string): Promise<void> {
  for (const [template, target] of [['htaccess', '.htaccess'], ['web.config', 'web.config']] as const) {
    const text = await readFile(path.join(root, 'server', template), 'utf8');
    await writeFile(path.join(outDir, target), text.replaceAll('{{CSP}}', csp));
  }
}

const CHARSET = /<meta\s+charset\s*=\s*["']?utf-8["']?\s*\/?>/iu;

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'];
type Element = DefaultTreeAdapterMap['element'];

/** A script the page holds, or something that would run as one, with its place in the page. */
export interface PageScripts {
  /** The text of each inline `<script>` (as the browser hashes it), in order. */
  inline: { text: string; place: Place }[];
  /** Event-handler attributes and script URLs: never emitted by the build, so always a fault. */
  faults: { reason: string; ruleId: string; place: Place }[];
}

// Attributes whose value the browser follows as a URL (navigation, form submission, embedding).
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping', 'cite']);
// Where a data: URL would be a document: navigations and submissions (images may be data:).
const NAVIGATING = new Set(['href', 'action', 'formaction', 'xlink:href']);
/** The scheme of a URL as the browser reads it: leading spaces and controls trimmed, tabs and line breaks removed. */
const scheme = (value: string) => /^([a-z][a-z0-9+.-]*):/iu.exec(value.replace(/^[\u0000-\u0020]+/u, '').replace(/[\t\n\r]/gu, ''))?.[1]?.toLowerCase();

// HTML's JavaScript MIME types (and `module`, `importmap`): a script element of any other type is
// a data block, such as the pages' JSON-LD, which the browser never runs and the policy need not allow.
const RUNS = /^(?:|module|importmap|(?:text|application)\/(?:x-)?(?:java|ecma)script|text\/javascript1\.[0-5]|text\/(?:jscript|livescript))$/u;
const runs = (el: Element) => {
  const type = el.attrs.find((a) => a.name === 'type');
  return !type || RUNS.test(type.value.trim().toLowerCase());
};

/**
 * Every script in an HTML page, found by parsing it as a browser does. Without `places` the
 * parser does not track where each node is (every place is 1:1), a third cheaper: pages are
 * checked without, and a faulty one parsed again with them for its messages.
 */
export function pageScripts(html: string, places = true): PageScripts {
  const result: PageScripts = { inline: [], faults: [] };
  const at = (el: Element): Place => ({ line: el.sourceCodeLocation?.startLine ?? 1, column: el.sourceCodeLocation?.startCol ?? 1 });
  const visit = (node: Node) => {
    if ('tagName' in node) {
      const el = node as Element;
      for (const { name, value } of el.attrs) {
        if (/^on/iu.test(name)) result.faults.push({ reason: `Unexpected event-handler attribute \`${name}\` on <${el.tagName}>, expected no script in a page but its own files (an input carried markup into the page)`, ruleId: 'event-handler', place: at(el) });
        const s = URL_ATTRIBUTES.has(name) ? scheme(value) : undefined;
        if (s === 'javascript' || s === 'vbscript' || (s === 'data' && NAVIGATING.has(name))) result.faults.push({ reason: `Unexpected ${s}: URL in \`${name}\` of <${el.tagName}>, expected an http(s) or relative address (an input carried it into the page)`, ruleId: 'script-url', place: at(el) });
      }
      const refresh = el.tagName === 'meta' && el.attrs.find((a) => a.name === 'http-equiv')?.value.toLowerCase() === 'refresh' ? /url\s*=\s*['"]?([^'"]*)/iu.exec(el.attrs.find((a) => a.name === 'content')?.value ?? '')?.[1] : undefined;
      if (refresh !== undefined && ['javascript', 'vbscript', 'data'].includes(scheme(refresh) ?? '')) result.faults.push({ reason: `Unexpected ${scheme(refresh)}: URL in a refresh, expected an http(s) or relative address`, ruleId: 'script-url', place: at(el) });
      // <script> in HTML and in SVG alike; one with src is a file of the site (script-src 'self'),
      // one of a type that is not JavaScript a data block the browser never runs.
      if (el.tagName === 'script' && runs(el) && !el.attrs.some((a) => a.name === 'src' || a.name === 'href' || a.name === 'xlink:href')) {
        const text = el.childNodes.map((c) => ('value' in c && c.nodeName === '#text' ? c.value : '')).join('');
        result.inline.push({ text, place: at(el) });
      }
      if (el.tagName === 'template') visit((el as unknown as { content: Node }).content);
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child as Node);
  };
  visit(parse(html, { sourceCodeLocationInfo: places }));
  return result;
}

/** A page with its site links made relative: `rel` is its path in the site (`en/lmc-poa-2018-2022/4.2.5/index.html`, `404.html`). */
export function linkPage(rel: string, html: string): string {
  // The 404 page is served at any address: its links are relative to the site root, which its script makes the base.
  const pageDir = rel === '404.html' || path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel);
  return html.replace(ATTRIBUTE, (_m, attr: string, value: string) => `${attr}="${relativeHref(pageDir, value)}"`);
}

/**
 * Checks a linked page (linkPage): returns the hashes of its inline scripts, or reports (with
 * the page's line and column) why it cannot carry the policy and returns undefined. `shown`
 * is the page's path in messages.
 */
export function checkPage(rel: string, linked: string, known: Set<string>, diagnostics: Diagnostics, shown: (rel: string) => string = (r) => r): string[] | undefined {
  let scripts = pageScripts(linked, false);
  let hashes = scripts.inline.map((s) => sha256(s.text));
  if (scripts.faults.length || hashes.some((h) => !known.has(h))) {
    scripts = pageScripts(linked);
    hashes = scripts.inline.map((s) => sha256(s.text));
  }
  let ok = true;
  scripts.inline.forEach((s, i) => {
    if (known.has(hashes[i]!)) return;
    diagnostics.error(`Unexpected inline script ('${hashes[i]}'), expected only the scripts of src/lib/inline-scripts.ts (an input carried markup into the page)`, { file: shown(rel), place: s.place, ruleId: 'inline-script' });
    ok = false;
  });
  for (const fault of scripts.faults) {
    diagnostics.error(fault.reason, { file: shown(rel), place: fault.place, ruleId: fault.ruleId });
    ok = false;
  }
  if (!CHARSET.test(linked)) {
    diagnostics.error('Unexpected page without <meta charset="utf-8">, expected one in the head of every page to put the Content-Security-Policy after', { file: shown(rel), ruleId: 'missing-charset' });
    ok = false;
  }
  return ok ? hashes : undefined;
}

/** A linked page with the policy in a meta element after its charset. */
function withPolicy(linked: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  return linked.replace(CHARSET, (m) => `${m}${meta}`);
}

/**
 * A linked page's finished markup: no line break at a connector (connectors.ts), no underline
 * under a link's closing bracket's blank half (closing-brackets.ts), then the policy. One
 * sequence for the pages Astro renders (finish-pages.ts) and those written after it (finishPage).
 */
export function finishedMarkup(linked: string, policy: string): string {
  return withPolicy(markClosingBrackets(joinConnectors(linked)), policy);
}

/**
 * One page finished (linkPage, checkPage, finishedMarkup): `html` is its bytes as a latin1 string.
 * Returns the page and the hashes of its inline scripts, or undefined if it is faulty (reported).
 */
export function finishPage(rel: string, html: string, known: Set<string>, policy: string, diagnostics: Diagnostics, shown: (rel: string) => string = (r) => r): { html: string; hashes: string[] } | undefined {
  const linked = linkPage(rel, html);
  const hashes = checkPage(rel, linked, known, diagnostics, shown);
  return hashes && { html: finishedMarkup(linked, policy), hashes };
}

/** Rewrites one page file in place; returns the hashes of its inline scripts (none if it is faulty, reported). */
async function finalisePage(outDir: string, file: string, known: Set<string>, policy: string, diagnostics: Diagnostics, shown: (rel: string) => string): Promise<string[]> {
  const rel = path.relative(outDir, file).split(path.sep).join('/');
  const finished = finishPage(rel, await readFile(file, 'latin1'), known, policy, diagnostics, shown);
  if (!finished) return [];
  await writeFile(file, finished.html, 'latin1');
  return finished.hashes;
}

/** Pages with faults reported before the stage gives up: one broken input usually breaks many pages alike. */
const MAX_FAULTY_PAGES = 20;

/**
 * Rewrites every HTML file in `outDir` (or, with `files`, those files of it). `inlineScripts` are
 * the only inline scripts a page may hold (by default the build's own); the policy names their
 * hashes. Returns the number of pages and the hashes of the scripts found; throws a BuildError
 * naming each faulty page with line and column (`shownAs` is the folder's name in messages: the
 * build writes into a staging folder). The build finishes Astro's pages as Astro renders them
 * (scripts/lib/publish/finish-pages.ts) and only the pages written after Astro here.
 */
export async function finaliseSite(outDir: string, options: { inlineScripts?: readonly string[]; shownAs?: string; files?: string[] } = {}): Promise<{ pages: number; hashes: string[] }> {
  const diagnostics = new Diagnostics();
  const shown = (rel: string) => (options.shownAs ? `${options.shownAs}/${rel}` : rel);
  const knownHashes = knownScriptHashes(options.inlineScripts);
  const known = new Set(knownHashes);
  const policy = contentSecurityPolicy(knownHashes);
  const files = options.files ?? listFiles(outDir).filter((f) => f.endsWith('.html')).sort();
  const allHashes = new Set<string>();
  // Several pages in flight: the file system works in libuv's threads while this one rewrites.
  let next = 0;
  const faultyPages = () => new Set(diagnostics.messages.map((m) => m.file)).size;
  const worker = async () => {
    while (faultyPages() < MAX_FAULTY_PAGES && next < files.length) for (const h of await finalisePage(outDir, files[next++]!, known, policy, diagnostics, shown)) allHashes.add(h);
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  diagnostics.throwIfFatal();
  return { pages: files.length, hashes: [...allHashes].sort() };
}
