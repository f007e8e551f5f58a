/**
 * The whole build: content pipeline, Astro site, Pagefind index. `npm run build`.
 * Prints one progress line per stage and a summary of warnings.
 */
import path from 'node:path';
import { buildContent, report } from './build-content';
import { Diagnostics } from './lib/diagnostics';
import { projectPaths } from './lib/paths';
import { progressHooks } from './lib/progress';
import { astroBuild } from './lib/site';
import { writeSearchIndex } from './lib/search-index';
import { contentSecurityPolicy, finaliseSite, writeServerConfigs } from './lib/finalise';

const paths = projectPaths();
const outDir = path.join(paths.root, 'dist');
const hooks = progressHooks();
const diagnostics = new Diagnostics();
try {
  const result = await buildContent(paths.root);
  await hooks.stage('site', () => astroBuild(paths.root, outDir), (n) => `${n} HTML pages in dist/`);
  await hooks.stage('search', () => writeSearchIndex(result.model.documents, outDir), (r) => `${r.records} clause records in 2 bundles, ${Math.round(r.bytes / 1024)} KB`);
  await hooks.stage('finalise', async () => {
    const result = await finaliseSite(outDir);
    await writeServerConfigs(paths.root, outDir, contentSecurityPolicy(result.hashes));
    return result;
  }, (r) => `${r.pages} pages: relative links, CSP; .htaccess, web.config`);
  report(result.diagnostics);
} catch (error) {
  report(diagnostics, error);
}
