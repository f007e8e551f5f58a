/**
 * The whole build: content pipeline, Astro site, downloads, Pagefind index, and the
 * portable finish (relative links, CSP, server configs). `npm run build`
 * (`-- --root DIR` builds another project with this code; the benchmark does).
 * Prints one progress line per stage, and a summary of warnings after the content stages.
 *
 * Everything after the content stages is written into a staging folder that replaces dist/
 * only once every stage has passed (the XML check and the offline list last): a build that
 * fails leaves the previous dist/ as it was, never a half-finished one. Its last act is the
 * stamp of what dist/ was built from (scripts/lib/publish/build-stamp.ts), which `npm run package` reads.
 *
 * The content pipeline runs in a process of its own, and the stages after Astro read the
 * data files it wrote: its model (about 1 GB at 100 times the corpus) is gone before
 * Astro starts, so the two never share the machine's memory.
 */
import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { editionSchema } from '../src/schemas/edition';
import { report, rootArgument } from './build-content';
import { clearStamp, writeStamp } from './lib/publish/build-stamp';
import { readDataFile } from './lib/core/data-file';
import { Diagnostics } from './lib/core/diagnostics';
import { writeDownloads, writeRedirectPages, writeRetiredPages } from './lib/publish/downloads';
import { readGeneratedDocuments } from './lib/generate/emit';
import { finaliseSite, writeServerConfigs } from './lib/publish/finalise';
import { sitePolicy } from './lib/publish/server-config';
import { display, projectPaths } from './lib/core/paths';
import { progressHooks } from './lib/tools/progress';
import { readRedirects, readRetired } from './lib/model/registry';
import { writeSearchIndex } from './lib/publish/search-index';
import { NOTES_FILE, writeAdministratorNotes, writeSitemap } from './lib/publish/sitemap';
import { publishedBase } from '../src/lib/citation/site-address';
import { astroBuild, exitCode, planBatches, spawnScript } from './lib/publish/site';
import { megabytes, writeOfflineManifest } from './lib/publish/offline';
import { checkXmlFiles } from './lib/publish/xml-check';

/** Runs scripts/build-content.ts on `root` in a child process; it prints its own progress and warnings. */
async function contentProcess(root: string): Promise<void> {
  const script = fileURLToPath(new URL('build-content.ts', import.meta.url));
  // The stage log (MEKONG_STAGE_LOG) must name the same file from the child's folder.
  const log = process.env.MEKONG_STAGE_LOG;
  const env = { ...process.env, ...(log ? { MEKONG_STAGE_LOG: path.resolve(log) } : {}) };
  const code = await exitCode(spawnScript(script, ['--root', root], { cwd: root, env, stdio: 'inherit' }));
  // Its errors are printed already: stop with its exit code.
  if (code !== 0) process.exit(code);
}

/** Puts the finished site in place of dist/ (a rename: a server reading dist/ sees one or the other). */
async function publish(staging: string, dist: string): Promise<void> {
  const old = `${dist}.old`;
  await rm(old, { recursive: true, force: true });
  await rename(dist, old).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(staging, dist);
  await rm(old, { recursive: true, force: true });
}

const paths = projectPaths(rootArgument());
const dist = path.join(paths.root, 'dist');
const outDir = `${dist}.partial`;
const hooks = progressHooks();
const diagnostics = new Diagnostics();
try {
  await clearStamp(paths.root);
  await rm(outDir, { recursive: true, force: true });
  await hooks.stage('content', () => contentProcess(paths.root), () => 'content/generated/');
  const edition = await readDataFile(editionSchema, paths.edition, display(paths.root, paths.edition), diagnostics);
  const redirects = await readRedirects(paths, diagnostics);
  const retired = await readRetired(paths, diagnostics);
  diagnostics.throwIfFatal();
  // The published address: SITE_URL for a deployment, else content/edition.yaml's `site`, else
  // none (astro.config.mjs agrees): the pages then cite the address they are served from.
  const site = publishedBase(process.env.SITE_URL || edition!.data.site);
  const { version } = JSON.parse(await readFile(path.join(paths.root, 'package.json'), 'utf8')) as { version: string };
  // The edition being built is the last entry (its version is package.json's: the content stage checks it).
  const date = edition!.data.editions.at(-1)?.date;
  if (!date) throw new Error(`${display(paths.root, paths.edition)}: no edition under \`editions\`, expected one with the version ${version} and its date (it dates the Akoma Ntoso files)`);
  // Asked for batches (MEKONG_BATCH_CLAUSES, for less memory), Astro renders the documents a batch at a time (scripts/lib/publish/site.ts).
  const batches = planBatches(JSON.parse(await readFile(path.join(paths.generatedData, 'index.json'), 'utf8')).documents);
  const astroPages = await hooks.stage('site', () => astroBuild(paths.root, outDir, batches), (n) => `${n} HTML pages in dist/${batches ? ` (${batches.length} batches)` : ''}`);
  const documents = await readGeneratedDocuments(paths);
  // Astro's pages are finished as it writes them (scripts/lib/publish/finish-pages.ts); these, written after it, by the finalise stage.
  const addressPages: string[] = [];
  await hooks.stage('downloads', async () => {
    let n = (await writeDownloads(documents, outDir, site, { version, date, name: edition!.data.name, translator: edition!.data.translator })) + (await writeRedirectPages(redirects, outDir, site, addressPages)) + (await writeRetiredPages(retired, outDir, addressPages));
    if (site) n += (await writeSitemap(outDir, site)) > 0 ? 1 : 0;
    await writeAdministratorNotes(outDir, { version, date, site });
    return n + 1;
  }, (n) => `${n} files: CSV, Akoma Ntoso, citations, redirect pages, ${site ? 'sitemap, ' : ''}${NOTES_FILE}`);
  await hooks.stage('search', () => writeSearchIndex(documents, outDir), (r) => `${r.records} clause records${r.bundles > 1 ? ` in ${r.bundles} bundles` : ''}, ${Math.round(r.bytes / 1024)} KB`);
  await hooks.stage('finalise', async () => {
    const finished = await finaliseSite(outDir, { shownAs: 'dist', files: addressPages });
    await writeServerConfigs(paths.root, outDir, sitePolicy());
    return finished;
  }, (r) => `${astroPages + r.pages} pages (${astroPages} as Astro wrote them): relative links, CSP; .htaccess, web.config`);
  await hooks.stage('xml', () => checkXmlFiles(outDir, (f) => display(paths.root, f).replace(/^dist\.partial\//u, 'dist/')), (n) => `${n} XML files well-formed`);
  await hooks.stage('offline', () => writeOfflineManifest(outDir), (m) => `${m.files.length} files, ${megabytes(m.bytes)} in offline.json`);
  await publish(outDir, dist);
  await writeStamp(paths.root, site);
  // The content process printed its own; these are from this process's reading of edition.yaml and redirects.yaml.
  if (diagnostics.warnings.length) report(diagnostics);
  // Said plainly, last: where this build's citations point (issue 28).
  process.stdout.write(site
    ? `  address     ${site} (canonical links, citations, sitemap)
`
    : `  address     none: no SITE_URL and no site in content/edition.yaml. Pages cite the address they
              are served from; no sitemap.xml. For a server: SITE_URL=https://…/ npm run build (see dist/${NOTES_FILE})
`);
} catch (error) {
  await rm(outDir, { recursive: true, force: true });
  report(diagnostics, error);
}
