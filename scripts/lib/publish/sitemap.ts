/**
 * The sitemap and the notes for administrators, written into the built site (issue 28).
 *
 * The sitemap lists every page the build wrote, read from dist/ itself, so no page can be left
 * out of it (the data dictionary once was): every .html file but the 404 page and the pages that
 * ask not to be indexed (a retired clause) or send the reader on (a moved clause). A sitemap's
 * addresses must be absolute, so only a build with a published address has one.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { relativeFiles } from '../core/files';

const escape = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');
const NOT_LISTED = /<meta name="robots" content="noindex"|<meta http-equiv="refresh"/u;

/** The site path of every page to list, sorted: `` for the root, `en/doc/4.2.5/` for a clause. */
export async function sitemapPaths(outDir: string): Promise<string[]> {
  const paths: string[] = [];
  for (const rel of relativeFiles(outDir)) {
    if (!rel.endsWith('.html') || rel === '404.html') continue;
    if (NOT_LISTED.test(await readFile(path.join(outDir, rel), 'utf8'))) continue;
    paths.push(rel.replace(/(^|\/)index\.html$/u, '$1'));
  }
  return paths.sort();
}

/** Writes sitemap.xml for the published address `site`; returns the number of pages listed. */
export async function writeSitemap(outDir: string, site: string): Promise<number> {
  const paths = await sitemapPaths(outDir);
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${paths.map((p) => `  <url><loc>${escape(new URL(p, site).href)}</loc></url>`).join('\n')}\n</urlset>\n`;
  await writeFile(path.join(outDir, 'sitemap.xml'), body);
  return paths.length;
}

/** The file in dist/ that tells administrators what this build is and where it may go. */
export const NOTES_FILE = 'README.txt';

/**
 * The build's notes for administrators, in the site folder: the edition, the published address
 * or plainly the lack of one, and what follows for citations, the sitemap and deployment.
 */
export function administratorNotes(facts: { version: string; date: string; site: string | undefined }): string {
  const head = `Mekong Plans ${facts.version} (edition of ${facts.date}): the built site\n${'='.repeat(40)}\n\n`;
  const common = `This folder is the whole website: static files only. Copy it as it is to a web server,
at the root or under any sub-path; every link inside it is relative, and it can also be opened
from a disk (search then says it needs a web server). npm run package -- --site-url URL makes
an archive for a server, with checksums and the server configurations (INSTALL.txt).
`;
  if (facts.site) {
    return `${head}Published address: ${facts.site}
Canonical links, citations (the citation blocks, their copy buttons and the .bib and .json files
under data/citations/), the pages' citation metadata and sitemap.xml all name this address. Serve
the folder there; for another address, build again with SITE_URL=URL npm run build.

${common}`;
  }
  return `${head}NO PUBLISHED ADDRESS: this build was made without SITE_URL and without \`site\` in
content/edition.yaml, so it does not know where it will be served.
- Pages cite the address they are actually served from: their script puts it into the citation
  block, the copy buttons, the citation downloads and the citation metadata, sub-path included.
- Without JavaScript, and in the files under data/citations/ fetched directly, a labelled blank
  ([address of this site]/…, [本站网址]/…) stands where the address goes.
- Canonical and alternate links are relative, and there is no sitemap.xml (a sitemap needs
  absolute addresses).
For a server with a known address, build for it: SITE_URL=https://intranet.example/lmc/ npm run
build (or npm run package -- --site-url https://intranet.example/lmc/).

${common}`;
}

/** Writes the notes into the site folder. */
export async function writeAdministratorNotes(outDir: string, facts: { version: string; date: string; site: string | undefined }): Promise<void> {
  await writeFile(path.join(outDir, NOTES_FILE), administratorNotes(facts));
}
