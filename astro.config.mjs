// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

// The published address of the edition: SITE_URL for a deployment, else content/edition.yaml's
// `site`, else none: pages then carry a blank the browser fills in (src/lib/site-address.ts).
const edition = parse(readFileSync(new URL('./content/edition.yaml', import.meta.url), 'utf8'));
const site = process.env.SITE_URL || edition.site || undefined;

export default defineConfig({
  site,
  integrations: [mdx()],
  // Clause URLs end in a slash (/zh/lmc-poa-2018-2022/4.2.5/); one form, so citations never split.
  trailingSlash: 'always',
  // Stylesheets and scripts stay separate files, so the Content-Security-Policy can be 'self' only.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  // Nothing is fetched from another host at build time or in the browser.
  devToolbar: { enabled: false },
  prefetch: false,
});
