/**
 * Stage 9: makes the built site portable. Every internal link becomes relative and names
 * its index.html, so one build works at the server root, under any sub-path, and opened
 * from a folder (file://). Every page gets a Content-Security-Policy that allows only the
 * site itself (plus WebAssembly for Pagefind). The 404 page, served at any depth, finds
 * the site root with one inline script whose hash the policy names: the policy is computed
 * from the inline scripts the build emits (src/lib/inline-scripts.ts), never from what a
 * page contains, and a page with any other inline script, or without a policy, fails.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { INLINE_SCRIPTS } from '../../src/lib/inline-scripts';

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

/** The relative form of a root-absolute site path, as seen from `pageDir` (both without leading slash). */
export function relativeHref(pageDir: string, target: string): string {
  const [pathPart, suffix = ''] = target.replace(/^\//u, '').split(/(?=[?#])/u, 2) as [string, string?];
  const file = pathPart === '' || pathPart.endsWith('/') ? `${pathPart}index.html` : pathPart;
  const rel = path.posix.relative(pageDir || '.', file) || 'index.html';
  return `${rel}${suffix}`;
}

// HTML's JavaScript MIME types (and `module`, `importmap`): a script element of any other type is
// a data block, such as the pages' JSON-LD, which the browser never runs and the policy need not allow.
const RUNS = /^(?:|module|importmap|(?:text|application)\/(?:x-)?(?:java|ecma)script|text\/javascript1\.[0-5]|text\/(?:jscript|livescript))$/u;
const runs = (attributes: string) => {
  const type = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/iu.exec(attributes);
  return !type || RUNS.test((type[1] ?? type[2] ?? type[3] ?? '').trim().toLowerCase());
};
const inlineScripts = (html: string) => [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/gu)].filter((m) => runs(m[1]!)).map((m) => m[2]!);
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

/** Rewrites one page; returns the hashes of its inline scripts. Throws if the page cannot carry the policy. */
async function finalisePage(outDir: string, file: string, known: Set<string>, policy: string): Promise<string[]> {
  const rel = path.relative(outDir, file).split(path.sep).join('/');
  let html = await readFile(file, 'latin1');
  // The 404 page is served at any address: its links are relative to the site root, which its script makes the base.
  const pageDir = rel === '404.html' || path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel);
  html = html.replace(ATTRIBUTE, (_m, attr: string, value: string) => `${attr}="${relativeHref(pageDir, value)}"`);
  const hashes = inlineScripts(html).map(sha256);
  const unknown = hashes.find((h) => !known.has(h));
  if (unknown) throw new Error(`${rel}: an inline script the build does not emit ('${unknown}'), expected only the scripts of src/lib/inline-scripts.ts`);
  if (!CHARSET.test(html)) throw new Error(`${rel}: no <meta charset="utf-8"> to put the Content-Security-Policy after, expected one in the head of every page`);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  await writeFile(file, html.replace(CHARSET, (m) => `${m}${meta}`), 'latin1');
  return hashes;
}

/**
 * Rewrites every HTML file in `outDir`. `inlineScripts` are the only inline scripts a page may
 * hold (by default the build's own); the policy names their hashes. Returns the number of pages
 * and the hashes of the scripts found.
 */
export async function finaliseSite(outDir: string, options: { inlineScripts?: readonly string[] } = {}): Promise<{ pages: number; hashes: string[] }> {
  const knownHashes = knownScriptHashes(options.inlineScripts);
  const known = new Set(knownHashes);
  const policy = contentSecurityPolicy(knownHashes);
  const files = (await readdir(outDir, { recursive: true, withFileTypes: true })).filter((f) => f.isFile() && f.name.endsWith('.html')).map((f) => path.join(f.parentPath, f.name));
  const allHashes = new Set<string>();
  // Several pages in flight: the file system works in libuv's threads while this one rewrites.
  let next = 0;
  let failed = false;
  const worker = async () => {
    try {
      while (!failed && next < files.length) for (const h of await finalisePage(outDir, files[next++]!, known, policy)) allHashes.add(h);
    } catch (error) {
      failed = true; // the others stop after their current page
      throw error;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return { pages: files.length, hashes: [...allHashes].sort() };
}
