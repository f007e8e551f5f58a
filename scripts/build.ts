/**
 * The whole build: content pipeline, Astro site, downloads, Pagefind index, and the
 * portable finish (relative links, CSP, server configs). `npm run build`.
 * Prints one progress line per stage and a summary of warnings.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildContent, report } from './build-content';
import { Diagnostics } from './lib/diagnostics';
import { writeDownloads, writeRedirectPages } from './lib/downloads';
import { contentSecurityPolicy, finaliseSite, writeServerConfigs } from './lib/finalise';
import { projectPaths } from './lib/paths';
import { progressHooks } from './lib/progress';
import { writeSearchIndex } from './lib/search-index';
import { astroBuild } from './lib/site';

const paths = projectPaths();
const outDir = path.join(paths.root, 'dist');
const hooks = progressHooks();
const diagnostics = new Diagnostics();
try {
  const { model, diagnostics: warnings } = await buildContent(paths.root);
  // The published base: SITE_URL for a deployment, else content/edition.yaml (astro.config.mjs agrees).
  const site = process.env.SITE_URL || model.edition.site;
  const { version } = JSON.parse(await readFile(path.join(paths.root, 'package.json'), 'utf8')) as { version: string };
  await hooks.stage('site', () => astroBuild(paths.root, outDir), (n) => `${n} HTML pages in dist/`);
  await hooks.stage('downloads', async () => (await writeDownloads(model, outDir, site, version)) + (await writeRedirectPages(model, outDir, site)), (n) => `${n} files: CSV, Akoma Ntoso, redirect pages`);
  await hooks.stage('search', () => writeSearchIndex(model.documents, outDir), (r) => `${r.records} clause records in 2 bundles, ${Math.round(r.bytes / 1024)} KB`);
  await hooks.stage('finalise', async () => {
    const finished = await finaliseSite(outDir);
    await writeServerConfigs(paths.root, outDir, contentSecurityPolicy(finished.hashes));
    return finished;
  }, (r) => `${r.pages} pages: relative links, CSP; .htaccess, web.config`);
  report(warnings);
} catch (error) {
  report(diagnostics, error);
}
