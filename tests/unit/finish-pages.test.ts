/** Astro's pages leave the prerenderer finished, byte for byte as the finalise stage finishes a written page. */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AstroPrerenderer } from 'astro';
import { describe, expect, test } from 'vitest';
import { finaliseSite } from '../../scripts/lib/publish/finalise';
import { finishingPrerenderer, PageFinisher, pageFile } from '../../scripts/lib/publish/finish-pages';
import { NOT_FOUND_SCRIPT } from '../../src/lib/inline-scripts';

const page = (body: string, head = '') => `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>澜湄合作</title>${head}</head><body>${body}</body></html>`;
const html = (text: string, status = 200) => new Response(text, { status, headers: { 'Content-Type': 'text/html' } });

/** A prerenderer that answers each path with a fixed response, as Astro's would. */
function fake(responses: Record<string, () => Response>): AstroPrerenderer {
  return {
    name: 'fake',
    getStaticPaths: async () => [],
    render: async (request) => responses[new URL(request.url).pathname]!(),
  };
}

const route = (r: string, type = 'page') => ({ routeData: { route: r, type } }) as never;

describe('pageFile', () => {
  test('names the file Astro writes in the directory format', () => {
    expect(pageFile('/en/lmc-poa-2018-2022/4.2.5/', '/[lang]/[document]/[clause]')).toBe('en/lmc-poa-2018-2022/4.2.5/index.html');
    expect(pageFile('/', '/')).toBe('index.html');
    expect(pageFile('/404/', '/404')).toBe('404.html');
  });
});

// One page at a time (a batch), Astro's thread finishes each page and the worker checks it; two at a time, the worker finishes it too.
describe.each([1, 2])('finishingPrerenderer, %i page(s) at a time', (concurrency) => {
  const clause = page('<p lang="zh-CN">推进<a href="/zh/glossary/#water">水资源</a>合作</p><a href="/zh/plan/#4.2.5">4.2.5</a><img src="/favicon.svg" alt="">');
  const notFound = page('<a href="/zh/">首页</a>', `<script>${NOT_FOUND_SCRIPT}</script>`);

  test('finishes a page and the 404 page exactly as the finalise stage finishes them on disk', async () => {
    const prerenderer = finishingPrerenderer(fake({ '/zh/plan/4.2.5/': () => html(clause), '/404/': () => html(notFound, 404) }), concurrency);
    const rendered = await prerenderer.render(new Request('http://localhost/zh/plan/4.2.5/'), route('/[lang]/[document]/[clause]'));
    const missing = await prerenderer.render(new Request('http://localhost/404/'), route('/404'));
    // Both pages pass the check (in the worker thread): the end of the build does not throw.
    await prerenderer.teardown!();

    const dist = await mkdtemp(path.join(os.tmpdir(), 'mekong-finish-'));
    await mkdir(path.join(dist, 'zh', 'plan', '4.2.5'), { recursive: true });
    await writeFile(path.join(dist, 'zh', 'plan', '4.2.5', 'index.html'), clause);
    await writeFile(path.join(dist, '404.html'), notFound);
    await finaliseSite(dist);

    expect(Buffer.from(await (rendered as Response).arrayBuffer())).toEqual(await readFile(path.join(dist, 'zh', 'plan', '4.2.5', 'index.html')));
    expect((missing as Response).status).toBe(404);
    expect(Buffer.from(await (missing as Response).arrayBuffer())).toEqual(await readFile(path.join(dist, '404.html')));
    expect(await readFile(path.join(dist, 'zh', 'plan', '4.2.5', 'index.html'), 'utf8')).toContain('<a href="../../glossary/index.html#water">水资源</a>');
  });

  test('leaves endpoints and redirects as they are', async () => {
    const json = '{"href":"/zh/plan/"}';
    const prerenderer = finishingPrerenderer(fake({
      '/data/index.json': () => new Response(json, { headers: { 'Content-Type': 'application/json; charset=utf-8' } }),
      '/old/': () => new Response(null, { status: 301, headers: { Location: '/zh/' } }),
    }), concurrency);
    expect(await ((await prerenderer.render(new Request('http://localhost/data/index.json'), route('/data/[document].json', 'endpoint'))) as Response).text()).toBe(json);
    expect(((await prerenderer.render(new Request('http://localhost/old/'), route('/old'))) as Response).status).toBe(301);
  });

  test('a page with an inline script the build does not emit fails the build at its end, naming the page, line and column', async () => {
    const prerenderer = finishingPrerenderer(fake({ '/zh/': () => html(page('<script>alert(1)</script>')) }), concurrency);
    await prerenderer.render(new Request('http://localhost/zh/'), route('/[lang]'));
    await expect(prerenderer.teardown!()).rejects.toThrow(/^dist\/zh\/index\.html:1:\d+: error: Unexpected inline script/u);
  });

  test('an event handler in any page fails the build, with every faulty page named', async () => {
    const prerenderer = finishingPrerenderer(fake({
      '/zh/': () => html(page('<p>水资源</p>')),
      '/en/': () => html(page('<a href="/zh/" onclick="x()">中文</a>')),
      '/en/plan/': () => html(page('<a href="javascript:x()">x</a>')),
    }), concurrency);
    for (const p of ['/zh/', '/en/', '/en/plan/']) await prerenderer.render(new Request(`http://localhost${p}`), route('/[lang]'));
    const failure = prerenderer.teardown!();
    await expect(failure).rejects.toThrow(/^dist\/en\/index\.html:1:\d+: error: Unexpected event-handler attribute `onclick`/u);
    await expect(failure).rejects.toThrow(/\ndist\/en\/plan\/index\.html:1:\d+: error: Unexpected javascript: URL/u);
  });

  test('stops the build once 20 pages are faulty, without waiting for the end', async () => {
    const prerenderer = finishingPrerenderer(fake({ '/zh/': () => html(page('<p onmouseover="x()">水</p>')) }), concurrency);
    const rendering = (async () => {
      for (let i = 0; i < 200; i++) await prerenderer.render(new Request('http://localhost/zh/'), route('/[lang]'));
    })();
    await expect(rendering).rejects.toThrow(/\(and \d+ more faulty pages\)$|onmouseover/u);
    await prerenderer.teardown!().catch(() => undefined);
  });
});

describe('PageFinisher', () => {
  test('fails the build, naming the exit code, when its worker stops without an error event (it waited for ever)', async () => {
    const finisher = new PageFinisher(new URL('../fixtures/workers/exits-on-first-page.ts', import.meta.url));
    const bytes = new TextEncoder().encode('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body></body></html>');
    await expect(finisher.finished('en/index.html', bytes.buffer.slice(0))).rejects.toThrow(/page finishing: it stopped with exit code 3 while finishing 1 page\(s\) \(en\/index\.html\)/u);
    await finisher.end();
  }, 20_000);

  test('the same when pages are finished on Astro\'s thread and only checked in the worker (one page at a time)', async () => {
    const finisher = new PageFinisher(new URL('../fixtures/workers/exits-on-first-page.ts', import.meta.url));
    const bytes = new TextEncoder().encode('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body></body></html>');
    await finisher.finishHere('en/index.html', bytes.buffer.slice(0), 'default-src \'self\'');
    await expect(finisher.end()).rejects.toThrow(/page finishing: it stopped with exit code 3 while finishing 1 page\(s\) \(en\/index\.html\)/u);
  }, 20_000);
});
