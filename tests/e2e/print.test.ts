/**
 * Print: document pages and a clause page printed by Chromium to A4 PDF with the site's own
 * print stylesheet, checked on the PDF's text as poppler's pdftotext reads it (words and
 * their boxes): the first page, running headers and page numbers, absolute citation URLs,
 * no interface chrome, and page margins.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';
import { ui, type Lang } from '../../src/i18n/ui';
import { PDFTOTEXT } from '../helpers/print';
import { useSite } from '../helpers/site';


const site = useSite();
let scratch: string;
beforeAll(async () => (scratch = await mkdtemp(path.join(os.tmpdir(), 'mekong-print-'))));
afterAll(async () => rm(scratch, { recursive: true, force: true }));

interface Word { text: string; xMin: number; yMin: number; xMax: number; yMax: number }
interface PdfPage { width: number; height: number; words: Word[]; text: string }

const MM = 72 / 25.4;
const squeeze = (s: string) => s.replace(/\s+/gu, '');
const decode = (s: string) => s.replace(/&amp;/gu, '&').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&#39;/gu, "'");

/** Prints a page of the site to an A4 PDF (in the reading view `view`, if given) and reads back each page's words and boxes. */
async function printToPdf(url: string, view?: string): Promise<PdfPage[]> {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}${url}`, { waitUntil: 'networkidle' });
  if (view) await page.check(`.view-switch input[value="${view}"]`);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await page.close();
  const file = path.join(scratch, `${url.replace(/[^a-z0-9]+/giu, '-')}${view ?? ''}.pdf`);
  await writeFile(file, pdf);
  const html = execFileSync(PDFTOTEXT, ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/gu)].map((m) => {
    const words = [...m[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/gu)]
      .map((w) => ({ xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), text: decode(w[5]!) }));
    return { width: Number(m[1]), height: Number(m[2]), words, text: words.map((w) => w.text).join(' ') };
  });
}

interface ClauseData { id: string; text: { zh: string; en: string } }
interface DocumentData { id: string; title: { zh: string; en: string }; clauses: ClauseData[] }
const readDocument = async (id: string) => JSON.parse(await readFile(path.join(ROOT, 'dist', 'data', `${id}.json`), 'utf8')) as DocumentData;

/**
 * The address printed URLs start with: the published address the build used, or, in a build
 * without one (issue 28), the address the page is served from, which its script puts in.
 */
async function publishedBase(): Promise<string> {
  const html = await readFile(path.join(ROOT, 'dist', 'en', 'index.html'), 'utf8');
  const canonical = /<link rel="canonical" href="(https?:[^"]+)\/en\/"/u.exec(html);
  return canonical ? `${canonical[1]}/` : site.server.url;
}

/** Interface strings that must never print: navigation, buttons, search, downloads. */
function chrome(lang: Lang): string[] {
  const t = ui[lang];
  return [t.skipToContent, t.searchPlaceholder, t.copyLink, t.downloadFormats.csv, t.downloadFormats.aknZh, t.downloadFormats.json, t.chooseLanguage, t.otherLanguage];
}

function expectMargins(pages: PdfPage[]): void {
  for (const [i, p] of pages.entries()) {
    for (const w of p.words) {
      const inside = w.xMin >= 15 * MM && w.yMin >= 15 * MM && w.xMax <= p.width - 15 * MM && w.yMax <= p.height - 15 * MM;
      expect(inside, `page ${i + 1}: "${w.text}" at (${w.xMin.toFixed(0)}, ${w.yMin.toFixed(0)})–(${w.xMax.toFixed(0)}, ${w.yMax.toFixed(0)}) pt is within 15 mm of the edge`).toBe(true);
    }
  }
}

describe.each([
  { lang: 'zh' as const, document: 'lmc-poa-2023-2027' },
  { lang: 'en' as const, document: 'asean-china-poa-2021-2025' },
])('printing the document page /$lang/$document/ to A4', ({ lang, document }) => {
  let pages: PdfPage[];
  let doc: DocumentData;
  beforeAll(async () => {
    doc = await readDocument(document);
    pages = await printToPdf(`${lang}/${document}/`);
  }, 120_000);

  test('puts the title and the first clause on page 1', () => {
    expect(pages.length).toBeGreaterThan(1);
    const first = squeeze(pages[0]!.text);
    expect(first).toContain(squeeze(doc.title[lang]));
    const opening = doc.clauses.find((c) => c.text[lang])!;
    expect(first).toContain(squeeze(opening.text[lang]).slice(0, 24));
  });

  test('gives every page a running header with the document and a page number', () => {
    const header = squeeze(pages[1]!.words.filter((w) => w.yMax < 30 * MM).map((w) => w.text).join(''));
    expect(header.length).toBeGreaterThan(3);
    for (const [i, p] of pages.entries()) {
      const top = squeeze(p.words.filter((w) => w.yMax < 30 * MM).map((w) => w.text).join(''));
      const bottom = p.words.filter((w) => w.yMin > p.height - 30 * MM).map((w) => w.text).join(' ');
      if (i > 0) expect(top, `page ${i + 1} header`).toBe(header);
      expect(bottom, `page ${i + 1} footer`).toMatch(new RegExp(`(^|\\D)${i + 1}(\\D|$)`, 'u'));
    }
  });

  // Issue 24 changed this on purpose: one URL per document, not one per clause (246 URLs filled
  // the ASEAN-China printout); each clause's own address is its number's link on screen.
  test('prints the document’s absolute URL once, on page 1, and no clause’s URL', async () => {
    const base = await publishedBase();
    const text = squeeze(pages.map((p) => p.text).join(''));
    const url = `${base}${lang}/${document}/`;
    expect(text.split(url).length - 1, url).toBe(1);
    expect(squeeze(pages[0]!.text)).toContain(url);
    for (const clause of doc.clauses.slice(0, 5)) expect(text).not.toContain(`${url}${clause.id}/`);
  });

  test('prints no navigation, buttons, search or download links', () => {
    const text = pages.map((p) => p.text).join(' ');
    for (const s of chrome(lang)) expect(text).not.toContain(s);
  });

  test('keeps text at least 15 mm from the edge of the paper', () => expectMargins(pages));
});

// The English Vientiane Declaration put its ¶1, with its two long notes, whole on page 2:
// Chromium did not break a clause's grid across pages while its notes' bodies were inline.
describe.each(['lmc-vientiane-declaration-2020', 'lmc-naypyitaw-declaration-2023', 'lmc-poa-2018-2022', 'lmc-poa-2023-2027', 'asean-china-poa-2021-2025', 'lmc-innovation-corridor-initiative'])('printing the document page %s', (document) => {
  test.each(['en', 'zh'] as const)('in the %s interface starts the first clause on page 1', async (lang) => {
    const doc = await readDocument(document);
    const pages = await printToPdf(`${lang}/${document}/`);
    const opening = doc.clauses.find((c) => c.text[lang])!;
    expect(squeeze(pages[0]!.text)).toContain(squeeze(opening.text[lang]).slice(0, 24));
  }, 120_000);
});

describe('printing a clause page to A4', () => {
  let pages: PdfPage[];
  beforeAll(async () => (pages = await printToPdf('en/lmc-poa-2018-2022/4.2.5.p1/')), 120_000);

  test('is a one-page citation sheet: the clause in both languages and its citation', async () => {
    const doc = await readDocument('lmc-poa-2018-2022');
    const clause = doc.clauses.find((c) => c.id === '4.2.5.p1')!;
    expect(pages).toHaveLength(1);
    const text = squeeze(pages[0]!.text);
    if (clause.text.zh) expect(text).toContain(squeeze(clause.text.zh).slice(0, 16));
    expect(text).toContain(`${await publishedBase()}en/lmc-poa-2018-2022/4.2.5.p1/`);
    // Both styles print (issue 24: BibTeX, CSL-JSON and the download links are for screens).
    expect(text).toContain('[EB/OL]');
    // GB/T 7714, Chicago and the URL form each carry the URL.
    expect(text.split(`${await publishedBase()}en/lmc-poa-2018-2022/4.2.5.p1/`).length - 1).toBeGreaterThanOrEqual(3);
    expect(text).not.toContain('BibTeX');
  });

  test('prints no interface chrome and keeps the margins', () => {
    for (const s of chrome('en')) expect(pages[0]!.text).not.toContain(s);
    expectMargins(pages);
  });
});

describe('printing in the reader\'s chosen view', () => {
  test.each(['zh', 'en'] as const)('with only the %s text chosen, only that language\'s texts print', async (view) => {
    const doc = await readDocument('lmc-poa-2023-2027');
    const pages = await printToPdf('en/lmc-poa-2023-2027/', view);
    const text = squeeze(pages.map((p) => p.text).join(''));
    const other = view === 'zh' ? 'en' : 'zh';
    const shown = doc.clauses.filter((c) => c.text[view] && c.text[other]).slice(0, 5);
    for (const clause of shown) {
      expect(text).toContain(squeeze(clause.text[view]).slice(0, 24));
      expect(text).not.toContain(squeeze(clause.text[other]).slice(0, 24));
    }
    expectMargins(pages);
  }, 120_000);
});

describe('the Print / Save as PDF button', () => {
  test('shows on a document page and opens the browser’s print dialog', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}zh/lmc-poa-2023-2027/`);
    await page.evaluate(() => {
      const w = window as unknown as { printed: number };
      w.printed = 0;
      window.print = () => void w.printed++;
    });
    // Issue 24: with the downloads, behind the one "Print and download" control.
    await page.locator('.doc-tools > summary').click();
    const button = page.getByRole('button', { name: ui.zh.print });
    expect(await button.isVisible()).toBe(true);
    await button.click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.close();
  });
});
