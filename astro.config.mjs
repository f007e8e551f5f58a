// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { finishPages } from './scripts/lib/publish/finish-pages.ts';
import { generatedData } from './scripts/lib/publish/generated-data.ts';
import { pageBatch } from './src/lib/page-batch.ts';

// The published address of the edition: SITE_URL for a deployment, else content/edition.yaml's
// `site`, else none: pages then carry a blank the browser fills in (src/lib/citation/site-address.ts).
const edition = parse(readFileSync(new URL('./content/edition.yaml', import.meta.url), 'utf8'));
const site = process.env.SITE_URL || edition.site || undefined;

/**
 * No modulepreload links for the pages' scripts: Vite writes them root-absolute (/_astro/…), a
 * request outside the site when it is served under a sub-path (the offline copy's script is
 * loaded on demand). Astro sets the option for every build, so it is changed per environment.
 * @type {import('vite').Plugin}
 */
const noModulePreload = {
  name: 'mekong-no-modulepreload',
  configEnvironment: (name) => (name === 'client' ? { build: { modulePreload: false } } : undefined),
};

/**
 * The reading pages load their code on first use (dynamic import). Vite wraps each such import
 * in a 1.8 KB helper that preloads a chunk's dependencies; with module preloading off it only
 * needs to load the chunk's stylesheets first. This is that helper, in a few lines.
 * @type {import('vite').Plugin}
 */
const smallPreloadHelper = {
  name: 'mekong-small-preload-helper',
  enforce: 'pre',
  resolveId: (id) => (id === '\0vite/preload-helper.js' ? id : undefined),
  load: (id) => (id === '\0vite/preload-helper.js' ? `export const __vitePreload = (load, deps, importer) => Promise.all((deps || []).filter((d) => d.endsWith('.css')).map((d) => new Promise((resolve, reject) => { const href = new URL(d, importer).href; if ([...document.styleSheets].some((s) => s.href === href)) return resolve(); const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href, onload: resolve, onerror: reject }); document.head.append(link); }))).then(load);` : undefined),
};

export default defineConfig({
  site,
  // The pipeline's data is read from disk, not bundled (scripts/lib/publish/generated-data.ts); each page
  // is written once, finished (relative links, CSP: scripts/lib/publish/finish-pages.ts).
  integrations: [mdx(), generatedData(), finishPages()],
  // Clause URLs end in a slash (/zh/lmc-poa-2018-2022/4.2.5/); one form, so citations never split.
  trailingSlash: 'always',
  // Stylesheets and scripts stay separate files, so the Content-Security-Policy can be 'self' only.
  // Two pages in progress at once: while one page's file is written (and its folder made), Astro's
  // thread renders the next, instead of waiting. The pages are the same bytes, in a sixth less
  // time at 100 times the corpus, for a little more memory (docs/benchmark.md); so a batch
  // (MEKONG_BATCH_CLAUSES, for a server short of memory) renders one page at a time.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: pageBatch() ? 1 : 2 },
  vite: { build: { assetsInlineLimit: 0 }, plugins: [noModulePreload, smallPreloadHelper] },
  // Nothing is fetched from another host at build time or in the browser.
  devToolbar: { enabled: false },
  prefetch: false,
});
