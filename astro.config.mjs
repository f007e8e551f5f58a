// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

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

export default defineConfig({
  site,
  integrations: [mdx()],
  // Clause URLs end in a slash (/zh/lmc-poa-2018-2022/4.2.5/); one form, so citations never split.
  trailingSlash: 'always',
  // Stylesheets and scripts stay separate files, so the Content-Security-Policy can be 'self' only.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 }, plugins: [noModulePreload] },
  // Nothing is fetched from another host at build time or in the browser.
  devToolbar: { enabled: false },
  prefetch: false,
});
