/**
 * An Astro integration (astro.config.mjs): every HTML page Astro prerenders is finished as it
 * is rendered, with the finalise stage's own functions (scripts/lib/publish/finalise.ts): relative
 * links, the Content-Security-Policy, no line break at a connector (connectors.ts), and the check
 * that it holds no inline script the build does not emit, no event-handler attribute and no
 * script URL. Astro then writes each page
 * once, finished. Finishing the written site afterwards read and rewrote every page (1.5 GB at
 * 100 times the corpus, about 49 s).
 *
 * The check parses each page (parse5), about a third of the CPU time of rendering it, so it
 * runs in a worker thread (scripts/lib/publish/finish-pages-worker.ts) while Astro's thread renders
 * the next pages: on 2 cores the two work at once. At most CHECKS_IN_FLIGHT pages wait for
 * their check; a faulty page fails the build with its located errors once the pages in flight
 * are checked, or at the end (the prerenderer's teardown), before Astro's build completes.
 *
 * It wraps Astro's own prerenderer (the `astro:build:start` hook's `setPrerenderer`), so it
 * changes nothing in `npm run dev` and nothing but the bytes of each HTML page in a build.
 */
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { contentSecurityPolicy, finishedMarkup, knownScriptHashes, linkPage } from './finalise';
import { pageBatch, pagesOfBatch } from '../../../src/lib/page-batch';

/** The page's path in the built site, as Astro's `directory` build format names its file. */
export function pageFile(pathname: string, route: string): string {
  // Status pages are files of their own (404.html); every other page is its folder's index.html.
  if (route === '/404' || route === '/500') return `${route.slice(1)}.html`;
  const dir = decodeURI(pathname).replace(/^\/+|\/+$/gu, '');
  return dir ? `${dir}/index.html` : 'index.html';
}

/** Pages rendered but not yet checked: bounds the memory the worker's queue holds (about 20 KB a page). */
const CHECKS_IN_FLIGHT = 64;
/** Faulty pages reported before the build stops: one broken input usually breaks many pages alike. */
const MAX_FAULTY_PAGES = 20;

/** The checks of rendered pages, in a worker thread; the located errors of the faulty ones. */
export class PageChecks {
  readonly errors: string[][] = [];
  #worker: Worker | undefined;
  #waiting = new Map<number, { rel: string; resolve: () => void; reject: (error: unknown) => void }>();
  #inFlight: Promise<void>[] = [];
  #next = 0;
  #ending = false;

  readonly #workerUrl: URL;

  /** `workerUrl`: the checker's module (tests give one that fails). */
  constructor(workerUrl = new URL('./finish-pages-worker.ts', import.meta.url)) {
    this.#workerUrl = workerUrl;
  }

  #start(): Worker {
    // tsx's loader, as the build's other processes run (scripts/lib/publish/site.ts, spawnScript): the worker is TypeScript.
    const worker = new Worker(this.#workerUrl, { execArgv: ['--import', 'tsx'] });
    worker.on('message', ({ id, errors }: { id: number; errors: string[] }) => {
      if (errors.length) this.errors.push(errors);
      this.#waiting.get(id)?.resolve();
      this.#waiting.delete(id);
    });
    worker.on('error', (error) => this.#rejectAll(error));
    // A worker can also stop with no error event (killed for memory, a stray exit): the pages
    // it held would be awaited for ever, and the build would hang instead of failing.
    worker.on('exit', (code) => {
      if (this.#worker === worker) this.#worker = undefined;
      if (this.#ending || this.#waiting.size === 0) return;
      const pages = [...this.#waiting.values()].map((w) => w.rel);
      this.#rejectAll(new Error(`Unexpected end of the page checks: they stopped with exit code ${code} while checking ${pages.length} page(s) (${pages.slice(0, 3).join(', ')}${pages.length > 3 ? ', …' : ''}), expected an answer for each page (scripts/lib/publish/finish-pages-worker.ts)`));
    });
    // Kept referenced: while Astro's thread awaits a check, the worker is all that keeps the
    // process alive (unreferenced, Node ended the build there, with exit code 0). The
    // prerenderer's teardown, which Astro always calls, ends it.
    return worker;
  }

  /**
   * Sends a page as rendered (its bytes, handed over to the worker, not copied) to be checked;
   * waits only when too many are in flight, and throws once too many are faulty.
   */
  async add(rel: string, bytes: ArrayBuffer): Promise<void> {
    this.#worker ??= this.#start();
    const id = this.#next++;
    this.#inFlight.push(new Promise<void>((resolve, reject) => this.#waiting.set(id, { rel, resolve, reject })));
    this.#worker.postMessage({ id, rel, bytes }, [bytes]);
    while (this.#inFlight.length > CHECKS_IN_FLIGHT) await this.#inFlight.shift();
    if (this.errors.length >= MAX_FAULTY_PAGES) this.#fail();
  }

  /** Waits for every check; throws with the faulty pages' errors; ends the worker. */
  async finish(): Promise<void> {
    try {
      await Promise.all(this.#inFlight.splice(0));
      if (this.errors.length) this.#fail();
    } finally {
      this.#ending = true;
      await this.#worker?.terminate();
      this.#worker = undefined;
    }
  }

  #rejectAll(error: unknown): void {
    for (const { reject } of this.#waiting.values()) reject(error);
    this.#waiting.clear();
  }

  #fail(): never {
    const shown = this.errors.slice(0, MAX_FAULTY_PAGES);
    const more = this.errors.length > shown.length ? `\n(and ${this.errors.length - shown.length} more faulty pages)` : '';
    throw new Error(`${shown.flat().join('\n')}${more}`);
  }
}

/** Wraps a prerenderer so that each HTML page it renders leaves it finished. */
export function finishingPrerenderer(base: AstroPrerenderer, batch = pageBatch()): AstroPrerenderer {
  const policy = contentSecurityPolicy(knownScriptHashes());
  const checks = new PageChecks();
  return {
    name: `mekong:finish-pages(${base.name})`,
    setup: base.setup && (() => base.setup!()),
    // In a batch (MEKONG_BATCH_CLAUSES), only its pages (src/lib/page-batch.ts).
    getStaticPaths: async () => (batch ? pagesOfBatch(await base.getStaticPaths(), batch) : base.getStaticPaths()),
    collectStaticImages: base.collectStaticImages && (() => base.collectStaticImages!()),
    async teardown() {
      try {
        await checks.finish();
      } finally {
        await base.teardown?.();
      }
    },
    async render(request, options) {
      const result = await base.render(request, options);
      const { response, metadata } = result instanceof Response ? { response: result, metadata: undefined } : result;
      // Endpoints (data files, sources, the sitemap) and redirects pass as they are; the 404 page is a page (status 404).
      if ((response.status >= 300 && response.status < 400) || !response.body || !/^text\/html\b/iu.test(response.headers.get('content-type') ?? '')) return result;
      const rel = pageFile(new URL(request.url).pathname, options.routeData.route);
      // As bytes: latin1 keeps every byte as one character, so nothing is decoded and encoded again.
      const bytes = await response.arrayBuffer();
      const linked = linkPage(rel, Buffer.from(bytes).toString('latin1'));
      // The worker links the page again (the same function, a small part of the check's time)
      // rather than receive a copy of this one: the rendered bytes are handed over whole.
      await checks.add(rel, bytes);
      const finished = new Response(Buffer.from(finishedMarkup(linked, policy), 'latin1'), { status: response.status, statusText: response.statusText, headers: response.headers });
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
