/** Stage: per-document downloads and redirect pages, written into the built site. */
import { existsSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentData } from '../../../src/schemas/document';
import type { Redirects } from '../../../src/schemas/registry';
import { changesCsvRowSchema } from '../../../src/schemas/data-dictionary';
import { csvField, toAkomaNtoso, toCsv } from '../generate/exports';
import type { ChangesData } from '../../../src/schemas/changes';
import { bibtex, citationModel, cslJson } from '../../../src/lib/citation/citation';
import { citedUrl } from '../../../src/lib/citation/site-address';

/** The edition being built: its version, publication date and name. */
export interface EditionFacts {
  version: string;
  /** The day this edition is published (content/edition.yaml's last entry). */
  date: string;
  name: { zh: string; en: string };
  /** Who made the English, as English citations name the translator. */
  translator: string;
}

/**
 * Writes data/{document}.csv, data/{document}.{zh,en}.akn.xml and the citations (see
 * writeCitations). `site` is the published address, or undefined for a build without one.
 * Returns the number of files.
 */
export async function writeDownloads(documents: DocumentData[], outDir: string, site: string | undefined, edition: EditionFacts): Promise<number> {
  const data = path.join(outDir, 'data');
  await mkdir(data, { recursive: true });
  let n = 0;
  for (const doc of documents) {
    await writeFile(path.join(data, `${doc.id}.csv`), toCsv(doc));
    for (const lang of ['zh', 'en'] as const) {
      // The expression and the file are the edition's, dated by its publication (never the build's clock, so rebuilding gives the same bytes).
      await writeFile(path.join(data, `${doc.id}.${lang}.akn.xml`), toAkomaNtoso(doc, lang, { version: edition.version, edition: edition.date }));
    }
    n += 3;
  }
  // issue 15: the changes for analysts, beside /data/changes.json (written by Astro before this stage)
  const changes = path.join(data, 'changes.json');
  if (existsSync(changes)) {
    await writeFile(path.join(data, 'changes.csv'), changesCsv(JSON.parse(await readFile(changes, 'utf8')) as ChangesData, documents));
    n++;
  }
  return n + (await writeCitations(documents, outDir, site, edition));
}

/**
 * The citation downloads, in each interface language, from the same model as the clause pages'
 * citation blocks (src/lib/citation/citation.ts), without an access date (the page adds it to what it
 * offers): data/citations/{document}/{clause}.{zh,en}.{bib,json} for each clause, and
 * data/citations/{document}.{zh,en}.bib with the whole document's entry and every clause's.
 * Without a published address (`site` undefined) their URLs start with the labelled blank,
 * which the pages replace with the address they are served from (src/lib/citation/site-address.ts).
 */
export async function writeCitations(documents: DocumentData[], outDir: string, site: string | undefined, { version, name: edition, translator }: EditionFacts): Promise<number> {
  let n = 0;
  for (const doc of documents) {
    const dir = path.join(outDir, 'data', 'citations', doc.id);
    await mkdir(dir, { recursive: true });
    for (const lang of ['zh', 'en'] as const) {
      const whole = citationModel({ lang, doc, url: citedUrl(site, `${lang}/${doc.id}/`, lang), edition, translator, version });
      const entries = [bibtex(whole)];
      for (const clause of doc.clauses) {
        const model = citationModel({ lang, doc, clause, url: citedUrl(site, `${lang}/${doc.id}/${clause.id}/`, lang), edition, translator, version });
        const entry = bibtex(model);
        entries.push(entry);
        // Written synchronously: two small files a clause, 197,600 on the 100× benchmark's site,
        // where an awaited writeFile each (open, write, close through libuv's queue) took about
        // 145 µs a file against 17 µs.
        writeFileSync(path.join(dir, `${clause.id}.${lang}.bib`), `${entry}\n`);
        writeFileSync(path.join(dir, `${clause.id}.${lang}.json`), `${cslJson(model)}\n`);
        n += 2;
      }
      // A turn for the timers (the build's memory sampler) after each document and language.
      await new Promise((resolve) => setImmediate(resolve));
      await writeFile(path.join(outDir, 'data', 'citations', `${doc.id}.${lang}.bib`), `${entries.join('\n\n')}\n`);
      n++;
    }
  }
  return n;
}

/** /data/changes.csv: one row per change, with both documents' section headings (or opening words) and the level changes. */
export function changesCsv(data: ChangesData, documents: DocumentData[]): string {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const heading = (doc: string, ids: string[], lang: 'zh' | 'en') => {
    const clauses = new Map(byId.get(doc)?.clauses.map((c) => [c.id, c]) ?? []);
    // A declaration's paragraphs have no heading: their opening words stand for one.
    const label = (id: string) => {
      const c = clauses.get(id);
      const text = c?.heading?.[lang] || c?.text[lang] || '';
      const max = lang === 'zh' ? 30 : 80;
      return text.length > max ? `${text.slice(0, max)}…` : text;
    };
    return ids.map(label).filter(Boolean).join('; ');
  };
  const header = Object.keys(changesCsvRowSchema.shape);
  const rows = data.comparisons.flatMap((c) => c.changes.map((x) => [
    c.from, c.to, x.from.join(' '), x.to.join(' '), x.status, x.origin, x.commitment,
    heading(c.from, x.from, 'zh'), heading(c.to, x.to, 'zh'), heading(c.from, x.from, 'en'), heading(c.to, x.to, 'en'),
    x.levels.map((l) => `${l.from.clause} ${l.from.chain} (${l.from.level}) -> ${l.to.clause} ${l.to.chain} (${l.to.level})`).join('; '),
  ]));
  return `\ufeff${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

const escape = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/"/gu, '&quot;');

/**
 * A page the build writes itself, outside Astro, at a clause's old address: a heading, the
 * reason in both languages, and what `parts` add to the head and around the reason.
 */
function clauseAddressPage(lang: 'zh' | 'en', title: string, reason: { zh: string; en: string }, parts: { head?: string; before?: string; after?: string }): string {
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${parts.head ?? ''}<title>${escape(title)}</title>
</head>
<body>
<main>
<h1>${escape(title)}</h1>
${parts.before ?? ''}<p lang="zh-CN">${escape(reason.zh)}</p>
<p lang="en">${escape(reason.en)}</p>
${parts.after ?? ''}</main>
</body>
</html>
`;
}

/**
 * A static page at the address of each retired clause (issue 17), in both interface languages:
 * it says the clause was withdrawn, in which edition and why, and links the document. The
 * files written are added to `written` (the finalise stage finishes them).
 */
export async function writeRetiredPages(retired: Redirects['retired'], outDir: string, written: string[] = []): Promise<number> {
  let n = 0;
  for (const r of retired) {
    const [doc, clause] = r.clause.split('#') as [string, string];
    for (const lang of ['zh', 'en'] as const) {
      const dir = path.join(outDir, lang, doc, clause);
      await mkdir(dir, { recursive: true });
      const zh = lang === 'zh';
      const title = zh ? `本条已停用（${r.edition}版）` : `This clause was retired in edition ${r.edition}`;
      written.push(path.join(dir, 'index.html'));
      await writeFile(path.join(dir, 'index.html'), clauseAddressPage(lang, title, r.reason, {
        head: '<meta name="robots" content="noindex">\n',
        after: `<p><a href="../index.html">${zh ? '全文' : 'Whole document'}</a></p>\n`,
      }));
      n++;
    }
  }
  return n;
}

/**
 * A static redirect page for each moved clause, in both interface languages: meta refresh,
 * canonical link to the new address and a visible link, so it works without a server. Without a
 * published address (`site` undefined) the canonical link is relative, as the visible one.
 * The files written are added to `written` (the finalise stage finishes them).
 */
export async function writeRedirectPages(redirects: Redirects['redirects'], outDir: string, site: string | undefined, written: string[] = []): Promise<number> {
  let n = 0;
  for (const r of redirects) {
    const [doc, from] = r.from.split('#') as [string, string];
    const [toDoc, to] = r.to.split('#') as [string, string];
    for (const lang of ['zh', 'en'] as const) {
      const dir = path.join(outDir, lang, doc, from);
      await mkdir(dir, { recursive: true });
      const target = path.posix.relative(`${lang}/${doc}/${from}`, `${lang}/${toDoc}/${to}`) + '/index.html';
      const canonical = site ? new URL(`${lang}/${toDoc}/${to}/`, site).href : target.replace(/index\.html$/u, '');
      const zh = lang === 'zh';
      written.push(path.join(dir, 'index.html'));
      await writeFile(path.join(dir, 'index.html'), clauseAddressPage(lang, zh ? '本条已移动' : 'This clause has moved', r.reason, {
        head: `<meta http-equiv="refresh" content="0; url=${escape(target)}">\n<link rel="canonical" href="${escape(canonical)}">\n`,
        before: `<p>${zh ? '现地址：' : 'Its current address:'} <a href="${escape(target)}">${escape(canonical)}</a></p>\n`,
      }));
      n++;
    }
  }
  return n;
}
