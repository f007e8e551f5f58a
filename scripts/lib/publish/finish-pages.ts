/**
 * An Astro integration (astro.config.mjs): every HTML page Astro prerenders is finished as it
 * is rendered, with the finalise stage's own functions (scripts/lib/publish/finalise.ts): relative
 * links, the Content-Security-Policy, no line break at a connector (connectors.ts), and the check
 * that it holds no inline script the build does not emit, no event-handler attribute and no
 * script URL. Astro then writes each page
 * once, finished. Finishing the written site afterwards read and rewrote every page (1.5 GB at
 * 100 times the corpus, about 49 s).
 *
 * All of that runs in a worker thread (scripts/lib/publish/finish-pages-worker.ts): Astro's
 * thread hands each page's bytes over as rendered, renders the next page (it renders two at a
 * time, astro.config.mjs) and gets the finished bytes back. On 2 cores the two threads work at
 * once; on Astro's thread, finishing took a tenth of its time. Where Astro renders one page at a
 * time (a batch, MEKONG_BATCH_CLAUSES), its thread would wait idle for each page: there it
 * finishes the page itself and the worker only checks it (the check parses each page with
 * parse5, a third of the CPU time of rendering it), at most CHECKS_IN_FLIGHT pages behind. A
 * faulty page fails the build with its located errors once MAX_FAULTY_PAGES are found, or at
 * the end (the prerenderer's teardown), before Astro's build completes.
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

/** Faulty pages reported before the build stops: one broken input usually breaks many pages alike. */
const MAX_FAULTY_PAGES = 20;
/** Pages finished on Astro's thread but not yet checked: bounds the memory the worker's queue holds (about 20 KB a page). */
const CHECKS_IN_FLIGHT = 64;

/** The finishing of rendered pages, in a worker thread; the located errors of the faulty ones. */
export class PageFinisher {
  readonly errors: string[][] = [];
  #worker: Worker | undefined;
  #waiting = new Map<number, { rel: string; resolve: (finished: ArrayBuffer | undefined) => void; reject: (error: unknown) => void }>();
  #inFlight: Promise<unknown>[] = [];
  #next = 0;
  #ending = false;

  readonly #workerUrl: URL;

  /** `workerUrl`: the finisher's module (tests give one that fails). */
  constructor(workerUrl = new URL('./finish-pages-worker.ts', import.meta.url)) {
    this.#workerUrl = workerUrl;
  }

  #start(): Worker {
    // tsx's loader, as the build's other processes run (scripts/lib/publish/site.ts, spawnScript): the worker is TypeScript.
    const worker = new Worker(this.#workerUrl, { execArgv: ['--import', 'tsx'] });
    worker.on('message', ({ id, errors, bytes }: { id: number; errors: string[]; bytes?: ArrayBuffer }) => {
      if (errors.length) this.errors.push(errors);
      this.#waiting.get(id)?.resolve(bytes);
      this.#waiting.delete(id);
    });
    worker.on('error', (error) => this.#rejectAll(error));
    // A worker can also stop with no error event (killed for memory, a stray exit): the pages
    // it held would be awaited for ever, and the build would hang instead of failing.
    worker.on('exit', (code) => {
      if (this.#worker === worker) this.#worker = undefined;
      if (this.#ending || this.#waiting.size === 0) return;
      const pages = [...this.#waiting.values()].map((w) => w.rel);
      this.#rejectAll(new Error(`Unexpected end of the page finishing: it stopped with exit code ${code} while finishing ${pages.length} page(s) (${pages.slice(0, 3).join(', ')}${pages.length > 3 ? ', …' : ''}), expected an answer for each page (scripts/lib/publish/finish-pages-worker.ts)`));
    });
    // Kept referenced: while Astro's thread awaits a page, the worker is all that keeps the
    // process alive (unreferenced, Node ended the build there, with exit code 0). The
    // prerenderer's teardown, which Astro always calls, ends it.
    return worker;
  }

  /**
   * A page as rendered (its bytes, handed over to the worker, not copied), finished; throws once
   * too many pages are faulty. Astro's thread renders other pages while it waits.
   */
  async finished(rel: string, bytes: ArrayBuffer): Promise<ArrayBuffer> {
    const finished = await this.#send(rel, bytes, true);
    if (this.errors.length >= MAX_FAULTY_PAGES) this.#fail();
    return finished!;
  }

  /**
   * Where Astro renders one page at a time, it would wait idle for each page finished in the
   * worker: the page is finished on Astro's thread (`finishHere`), and only checked in the
   * worker, whose answers it waits for only when too many are in flight.
   */
  async finishHere(rel: string, bytes: ArrayBuffer, policy: string): Promise<Buffer<ArrayBuffer>> {
    const linked = linkPage(rel, Buffer.from(bytes).toString('latin1'));
    this.#inFlight.push(this.#send(rel, bytes, false));
    while (this.#inFlight.length > CHECKS_IN_FLIGHT) await this.#inFlight.shift();
    if (this.errors.length >= MAX_FAULTY_PAGES) this.#fail();
    return Buffer.from(finishedMarkup(linked, policy), 'latin1');
  }

  #send(rel: string, bytes: ArrayBuffer, finish: boolean): Promise<ArrayBuffer | undefined> {
    this.#worker ??= this.#start();
    const id = this.#next++;
    const answer = new Promise<ArrayBuffer | undefined>((resolve, reject) => this.#waiting.set(id, { rel, resolve, reject }));
    this.#worker.postMessage({ id, rel, bytes, finish }, [bytes]);
    return answer;
  }

  /** Waits for every check; throws with the faulty pages' errors, if any; ends the worker. */
  async end(): Promise<void> {
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

/**
 * Wraps a prerenderer so that each HTML page it renders leaves it finished. `concurrency`: how
 * many pages Astro renders at once (its `build.concurrency`); with one, pages are finished on
 * its thread (PageFinisher.finishHere).
 */
export function finishingPrerenderer(base: AstroPrerenderer, concurrency: number, batch = pageBatch()): AstroPrerenderer {
  const finisher = new PageFinisher();
  const policy = contentSecurityPolicy(knownScriptHashes());
  return {
    name: `mekong:finish-pages(${base.name})`,
    setup: base.setup && (() => base.setup!()),
    // In a batch (MEKONG_BATCH_CLAUSES), only its pages (src/lib/page-batch.ts).
    getStaticPaths: async () => (batch ? pagesOfBatch(await base.getStaticPaths(), batch) : base.getStaticPaths()),
    collectStaticImages: base.collectStaticImages && (() => base.collectStaticImages!()),
    async teardown() {
      try {
        await finisher.end();
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
      const rendered = await response.arrayBuffer();
      const page = concurrency > 1 ? await finisher.finished(rel, rendered) : await finisher.finishHere(rel, rendered, policy);
      const finished = new Response(page, { status: response.status, statusText: response.statusText, headers: response.headers });
      return result instanceof Response ? finished : { response: finished, metadata };
    },
  };
}

export function finishPages(): AstroIntegration {
  let concurrency = 1;
  return {
    name: 'mekong:finish-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        concurrency = config.build.concurrency;
      },
      'astro:build:start': ({ setPrerenderer }) => setPrerenderer((base) => finishingPrerenderer(base, concurrency)),
    },
  };
}
