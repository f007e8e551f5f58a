// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
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
