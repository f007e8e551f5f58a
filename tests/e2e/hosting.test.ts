/** Offline and intranet hosting: a real nginx under a sub-path, file://, no other hosts, the package. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/paths';
import { launchBrowser, type Browser } from '../helpers/browser';
import { startNginx, type Nginx } from '../helpers/nginx';

let nginx: Nginx;
let browser: Browser;
const requests: string[] = [];

beforeAll(async () => {
  nginx = await startNginx('/intranet/lmc/');
  browser = await launchBrowser();
  browser.context.on('request', (r) => requests.push(r.url()));
});
afterAll(async () => {
  await browser?.close();
  await nginx?.close();
});

const results = async (page: import('playwright-core').Page) => {
  await page.waitForFunction(() => /\d|没有|No /u.test(document.querySelector('.search-status')?.textContent ?? ''), null, { timeout: 15_000 });
  return page.$$eval('.result-link', (els) => els.map((e) => e.getAttribute('href')!));
};

describe('nginx under a sub-path', () => {
  test('serves pages, clause anchors and data files', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${nginx.url}en/`);
    await page.click('text=Five-Year Plan of Action on Lancang-Mekong Cooperation (2018-2022)');
    await page.waitForURL(/\/intranet\/lmc\/en\/lmc-poa-2018-2022\/index\.html$/u);
    await page.click('[id="4.2.5"] .clause-number a');
    await page.waitForURL(/\/intranet\/lmc\/en\/lmc-poa-2018-2022\/4\.2\.5\/index\.html$/u);
    await page.goto(`${nginx.url}zh/lmc-poa-2018-2022/#4.2.5`);
    expect(await page.locator('[id="4.2.5"]').isVisible()).toBe(true);
    const data = await page.goto(`${nginx.url}data/lmc-poa-2018-2022.json`);
    expect(data!.headers()['content-type']).toContain('application/json');
    expect((await data!.json()).id).toBe('lmc-poa-2018-2022');
    await page.close();
  });

  test('sends the Content-Security-Policy, caching headers and Pagefind files as bytes', async () => {
    const page = await browser.context.newPage();
    const response = await page.goto(`${nginx.url}en/`);
    expect(response!.headers()['content-security-policy']).toContain("default-src 'self'");
    expect(response!.headers()['cache-control']).toBe('no-cache');
    const entry = JSON.parse(readFileSync(path.join(ROOT, 'dist/pagefind/zh/pagefind-entry.json'), 'utf8'));
    const meta = await fetch(`${nginx.url}pagefind/zh/pagefind.${entry.languages.zh.hash}.pf_meta`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(meta.status).toBe(200);
    expect(meta.headers.get('content-type')).toBe('application/octet-stream');
    expect(meta.headers.get('content-encoding')).toBeNull();
    const css = readFileSync(path.join(ROOT, 'dist/en/index.html'), 'utf8').match(/_astro\/[^"]+\.css/u)![0];
    const asset = await fetch(`${nginx.url}${css}`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const missing = await fetch(`${nginx.url}en/no-such-page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
    await page.close();
  });

  test('searches in Chinese and English', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${nginx.url}zh/search/?q=${encodeURIComponent('水资源')}`);
    expect((await results(page)).slice(0, 5).some((h) => h.includes('lmc-poa-2023-2027/4.2.12/'))).toBe(true);
    await page.goto(`${nginx.url}en/search/?q=dengue`);
    expect((await results(page))[0]).toContain('lmc-poa-2018-2022/4.3.4.p1/');
    await page.close();
  });

  test('the 404 page links back into the site under its sub-path', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${nginx.url}en/missing/page/`);
    const href = await page.locator('section:lang(en) a', { hasText: 'Home' }).getAttribute('href');
    expect(href).toBe('/intranet/lmc/en/index.html');
    await page.close();
  });

  test('no page requests anything from another host', async () => {
    const page = await browser.context.newPage();
    for (const url of ['en/', 'zh/lmc-poa-2023-2027/', 'en/lmc-poa-2023-2027/4.2.12/', 'zh/glossary/', 'en/about/', 'zh/sources/003_be1165bbf407f6f9/', 'en/search/?q=water', 'zh/search/?q=水资源', 'en/nowhere/']) {
      await page.goto(`${nginx.url}${url}`);
      await page.waitForLoadState('networkidle');
    }
    const origin = new URL(nginx.url).origin;
    expect(requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:'))).toEqual([]);
    await page.close();
  });
});

describe('opened from a folder (file://)', () => {
  test('reads and navigates, and search says it needs a web server', async () => {
    const page = await browser.context.newPage();
    await page.goto(pathToFileURL(path.join(ROOT, 'dist/en/index.html')).href);
    await page.click('text=Vientiane Declaration of the Third Lancang-Mekong Cooperation Leaders\' Meeting');
    await page.waitForURL(/lmc-vientiane-declaration-2020\/index\.html$/u);
    expect(await page.locator('[id="1.p1"] .text.zh').textContent()).toContain('政治和安全支柱');
    await page.click('[id="1.p1"] .clause-number a');
    await page.waitForURL(/1\.p1\/index\.html$/u);
    await page.goto(pathToFileURL(path.join(ROOT, 'dist/en/search/index.html')).href);
    expect(await page.locator('.search-file-note').isVisible()).toBe(true);
    await page.close();
  });
});

describe('npm run package', () => {
  test('writes a verified, versioned archive with SHA256SUMS and INSTALL.txt', () => {
    const out = execFileSync('npm', ['run', 'package', '--silent'], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toMatch(/files verified/u);
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const archive = path.join(ROOT, 'packages', `mekong-plans-${version}.tar.gz`);
    expect(existsSync(archive)).toBe(true);
    const listing = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' });
    for (const f of ['SHA256SUMS', 'INSTALL.txt', 'server/nginx.conf', 'site/index.html', 'site/.htaccess', 'site/web.config']) expect(listing).toContain(`mekong-plans-${version}/${f}`);
  }, 120_000);
});
