/**
 * Issue 24, over every built page (parsed, not rendered): readers meet human labels, never the
 * edition's machine names, and every run of Han characters is marked as Chinese.
 *
 * - No link's text is a bare clause ID ("1.p1", "4.2.2.p3"), names a document by its ID
 *   ("asean-china-poa-2021-2025 4.1") or a source by its file name ("000_247d331bafc353cf.txt",
 *   "000").
 * - No Han text sits under an element whose language is English: an English paragraph that
 *   quotes Chinese marks the quotation `lang="zh-CN"`, or the browser draws it with a Japanese
 *   font (the English font stack has no Chinese face).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const dist = path.join(ROOT, 'dist');
let pages: string[] = [];
const clauseIds = new Set<string>();
const documentIds: string[] = [];
const sourceNames = new Set<string>();

beforeAll(async () => {
  pages = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
  const index = JSON.parse(await readFile(path.join(dist, 'data', 'index.json'), 'utf8')) as { documents: { id: string }[] };
  for (const { id } of index.documents) {
    documentIds.push(id);
    const doc = JSON.parse(await readFile(path.join(dist, 'data', `${id}.json`), 'utf8')) as { clauses: { id: string }[]; witnesses: { file: string }[] };
    for (const c of doc.clauses) clauseIds.add(c.id);
    for (const w of doc.witnesses) {
      sourceNames.add(w.file);
      sourceNames.add(w.file.replace(/\.txt$/u, ''));
      sourceNames.add(w.file.slice(0, 3));
    }
  }
});

const isElement = (n: Node): n is Element => 'tagName' in n;
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;

function textOf(n: Node): string {
  if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in n ? n.childNodes.map(textOf).join('') : '';
}

/** Every element of the body, with the language in force on it (the nearest lang attribute). */
function* walk(n: Node, lang: string): Generator<{ node: Node; lang: string }> {
  if (isElement(n)) {
    if (['script', 'style', 'template', 'head'].includes(n.tagName)) return;
    lang = attr(n, 'lang') ?? lang;
  }
  yield { node: n, lang };
  if ('childNodes' in n) for (const c of n.childNodes) yield* walk(c, lang);
}

async function load(file: string) {
  return parse(await readFile(path.join(dist, file), 'utf8'));
}

/** Why a link's text is a machine name, or null. */
function machineName(text: string): string | null {
  if (clauseIds.has(text) || /^(?:preamble|\d+(?:\.\d+)*)\.p\d+$/u.test(text)) return 'a bare clause ID';
  for (const id of documentIds) if (text.includes(id)) return `the document ID ${id}`;
  if (sourceNames.has(text) || /\d{3}_[0-9a-f]{16}/u.test(text)) return 'a source file name';
  return null;
}

describe('every built page', () => {
  test('names clauses, documents and sources by label, never by ID or file name, in link text', async () => {
    expect(pages.length).toBeGreaterThan(1000);
    const found: string[] = [];
    for (const file of pages) {
      const doc = await load(file);
      for (const { node } of walk(doc, '')) {
        if (!isElement(node) || node.tagName !== 'a') continue;
        const text = textOf(node).replace(/\s+/gu, ' ').trim();
        const why = machineName(text);
        if (why) found.push(`${file}: “${text}” is ${why}`);
      }
    }
    expect(found.length, found.slice(0, 30).join('\n')).toBe(0);
  }, 240_000);

  test('has no Han text under an element whose language is English', async () => {
    const found: string[] = [];
    for (const file of pages) {
      const doc = await load(file);
      const html = doc.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'html');
      for (const { node, lang } of walk(html!, '')) {
        if (node.nodeName !== '#text' || !lang.startsWith('en')) continue;
        const text = (node as DefaultTreeAdapterMap['textNode']).value;
        if (/\p{Script=Han}/u.test(text)) found.push(`${file}: ${text.trim().slice(0, 50)}`);
      }
    }
    expect(found.length, found.slice(0, 30).join('\n')).toBe(0);
  }, 240_000);
});
