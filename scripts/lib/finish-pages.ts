/**
 * An Astro integration (astro.config.mjs): every HTML page Astro prerenders is finished as it
 * is rendered, with the finalise stage's own function (scripts/lib/finalise.ts, `finishPage`):
 * relative links, the Content-Security-Policy, and the check that it holds no inline script the
 * build does not emit. Astro then writes each page once, finished. Finishing the written site
 * afterwards read and rewrote every page (1.5 GB at 100 times the corpus, about 49 s).
 *
 * It wraps Astro's own prerenderer (the `astro:build:start` hook's `setPrerenderer`), so it
 * changes nothing in `npm run dev` and nothing but the bytes of each HTML page in a build.
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { Diagnostics } from './diagnostics';
import { contentSecurityPolicy, finishPage, knownScriptHashes } from './finalise';

/** The page's path in the built site, as Astro's `directory` build format names its file. */
export function pageFile(pathname: string, route: string): string {
  // Status pages are files of their own (404.html); every other page is its folder's index.html.
  if (route === '/404' || route === '/500') return `${route.slice(1)}.html`;
  const dir = decodeURI(pathname).replace(/^\/+|\/+$/gu, '');
  return dir ? `${dir}/index.html` : 'index.html';
}

/** Wraps a prerenderer so that each HTML page it renders leaves it finished. */
export function finishingPrerenderer(base: AstroPrerenderer): AstroPrerenderer {
  const knownHashes = knownScriptHashes();
  const known = new Set(knownHashes);
  const policy = contentSecurityPolicy(knownHashes);
  return {
    name: `mekong:finish-pages(${base.name})`,
    setup: base.setup && (() => base.setup!()),
    getStaticPaths: () => base.getStaticPaths(),
    collectStaticImages: base.collectStaticImages && (() => base.collectStaticImages!()),
    teardown: base.teardown && (() => base.teardown!()),
    async render(request, options) {
      const result = await base.render(request, options);
      const { response, metadata } = result instanceof Response ? { response: result, metadata: undefined } : result;
      // Endpoints (data files, sources, the sitemap) and redirects pass as they are; the 404 page is a page (status 404).
      if ((response.status >= 300 && response.status < 400) || !response.body || !/^text\/html\b/iu.test(response.headers.get('content-type') ?? '')) return result;
      const rel = pageFile(new URL(request.url).pathname, options.routeData.route);
      // As bytes: latin1 keeps every byte as one character, so nothing is decoded and encoded again.
      // A faulty page fails the build with its located errors (as dist/…: Astro's output shows them).
      const diagnostics = new Diagnostics();
      const page = finishPage(rel, Buffer.from(await response.arrayBuffer()).toString('latin1'), known, policy, diagnostics, (r) => `dist/${r}`);
      diagnostics.throwIfFatal();
      const { html } = page!;
      const finished = new Response(Buffer.from(html, 'latin1'), { status: response.status, statusText: response.statusText, headers: response.headers });
      return result instanceof Response ? finished : { response: finished, metadata };
    },
  };
}

export function finishPages(): AstroIntegration {
  return {
    name: 'mekong:finish-pages',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => setPrerenderer((base) => finishingPrerenderer(base)),
    },
  };
}
