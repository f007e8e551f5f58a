/** Offline and intranet hosting: a real nginx under a sub-path, file://, no other hosts, the package. */
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';
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

/** A request with the path as given and, if named, another Host (fetch keeps neither). */
function get(origin: string, rawPath: string, host?: string): Promise<{ status: number; type?: string; location?: string; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    http.get({ host: hostname, port, path: rawPath, headers: host ? { Host: host } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, type: res.headers['content-type'], location: res.headers.location, body }));
    }).on('error', reject);
  });
}

describe("nginx: Debian's default configuration with the project's file added as INSTALL.txt says", () => {
  test('starts without a warning, and the default site still answers beside the edition', async () => {
    expect(await nginx.errorLog()).toBe('');
    const welcome = await get(nginx.origin, '/');
    expect(welcome.body).toContain('Welcome to nginx!');
    const site = await get(nginx.origin, '/intranet/lmc/zh/');
    expect(site.status).toBe(200);
    expect(site.body).toContain('<html lang="zh-CN"');
    const bare = await get(nginx.origin, '/intranet/lmc');
    expect(bare.status).toBe(301);
    expect(new URL(bare.location!, nginx.origin).pathname).toBe('/intranet/lmc/');
  });

  test('the complete server answers its own host name only, not as the default server', async () => {
    const own = await get(nginx.origin, '/intranet/lmc/en/', nginx.serverName);
    expect(own.status).toBe(200);
    expect(own.body).toContain('<html lang="en"');
    expect((await get(nginx.origin, '/', 'other.intranet.test')).body).toContain('Welcome to nginx!');
  });

  test('keeps the stock MIME types (XML, CSV) and adds none that replace them', async () => {
    expect((await get(nginx.origin, '/intranet/lmc/data/lmc-poa-2018-2022.zh.akn.xml')).type).toMatch(/^text\/xml/u);
    expect((await get(nginx.origin, '/intranet/lmc/data/lmc-poa-2018-2022.csv')).type).toMatch(/^text\/csv/u);
    expect((await get(nginx.origin, '/intranet/lmc/data/lmc-poa-2018-2022.json')).type).toMatch(/^application\/json/u);
    expect((await get(nginx.origin, '/intranet/lmc/favicon.svg')).type).toMatch(/^image\/svg\+xml/u);
  });

  test('denies dotfiles and the other servers\' files, and nothing outside the base path is served', async () => {
    expect(existsSync(path.join(ROOT, 'dist/.htaccess'))).toBe(true);
    for (const p of ['/intranet/lmc/.htaccess', '/intranet/lmc/web.config', '/intranet/lmc../package.json', '/intranet/lmc/../../package.json', '/intranet/lmc/%2e%2e/package.json']) {
      const res = await get(nginx.origin, p);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.body, p).not.toContain('"devDependencies"');
      expect(res.body, p).not.toContain('Header always set');
    }
    expect((await get(nginx.origin, '/intranet/lmc/.htaccess')).status).toBe(404);
  });

  test('sends frame-ancestors, nosniff and Referrer-Policy with every answer, the 404 included', async () => {
    for (const p of ['en/', 'missing/']) {
      const res = await fetch(`${nginx.url}${p}`);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
  });
});

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
    const entry = JSON.parse(readFileSync(path.join(ROOT, 'dist/pagefind/pagefind-entry.json'), 'utf8'));
    const meta = await fetch(`${nginx.url}pagefind/pagefind.${entry.languages.und.hash}.pf_meta`, { headers: { 'Accept-Encoding': 'gzip' } });
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

  test('the 404 page links back into the site under its sub-path, with its stylesheet', async () => {
    const page = await browser.context.newPage();
    const failed: string[] = [];
    page.on('response', (r) => r.status() >= 400 && r.request().resourceType() !== 'document' && failed.push(r.url()));
    await page.goto(`${nginx.url}en/missing/page/`);
    const href = await page.locator('section:lang(en) a', { hasText: 'Home' }).evaluate((a) => (a as HTMLAnchorElement).href);
    expect(href).toBe(`${nginx.url}en/index.html`);
    expect(await page.locator('form[role=search]').first().evaluate((f) => (f as HTMLFormElement).action)).toBe(`${nginx.url}en/search/index.html`);
    await page.waitForLoadState('networkidle');
    expect(failed).toEqual([]);
    expect(await page.evaluate(() => [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0))).toBeGreaterThan(10);
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

describe('nginx and the security review (issue 28)', () => {
  test('an address crafted with ..%2f segments cannot move the 404 page\'s base, stylesheet or links out of the site', async () => {
    const page = await browser.context.newPage();
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(r.url()));
    // nginx resolves this to /intranet/lmc/missing (so it answers with the site's 404 page), while
    // a base taken from the path as sent would be /intranet/lmc/..%2f..%2fother/, i.e. /other/.
    const response = await page.goto(`${nginx.origin}/intranet/lmc/..%2f..%2fother/zh/..%2f..%2fintranet/lmc/missing`);
    expect(response!.status()).toBe(404);
    expect(await page.evaluate(() => document.baseURI)).toBe(nginx.url);
    expect(await page.locator('section:lang(en) a', { hasText: 'Home' }).evaluate((a) => (a as HTMLAnchorElement).href)).toBe(`${nginx.url}en/index.html`);
    await page.waitForLoadState('networkidle');
    expect(loaded.filter((u) => u.includes('_astro/')).every((u) => u.startsWith(`${nginx.url}_astro/`))).toBe(true);
    await page.close();
  });

  test('redirects name a path, never the Host a client sent', async () => {
    for (const [p, to] of [['/intranet/lmc', '/intranet/lmc/'], ['/intranet/lmc/zh', '/intranet/lmc/zh/']]) {
      const res = await get(nginx.origin, p!, 'evil.example');
      expect(res.status, p).toBe(301);
      expect(res.location, p).toBe(to);
    }
    const own = await get(nginx.origin, '/intranet/lmc/en', nginx.serverName);
    expect(own.location).toBe('/intranet/lmc/en/');
  });

  test('sends X-Frame-Options with every answer, for engines that ignore frame-ancestors', async () => {
    const css = readFileSync(path.join(ROOT, 'dist/en/index.html'), 'utf8').match(/_astro\/[^"]+\.css/u)![0];
    for (const p of ['en/', 'missing/', css]) expect((await fetch(`${nginx.url}${p}`)).headers.get('x-frame-options'), p).toBe('DENY');
  });

  test('caches only the hashed assets themselves for a year, not an error under _astro/', async () => {
    const listing = await get(nginx.origin, '/intranet/lmc/_astro/');
    expect(listing.status).toBe(403);
    const res = await fetch(`${nginx.url}_astro/`);
    expect(res.headers.get('cache-control') ?? '').not.toContain('immutable');
  });

  test('follows no symbolic link planted in the site folder', async () => {
    // Not in os.tmpdir(): the browser helper points TMPDIR at a folder nginx's workers (www-data) cannot enter.
    await mkdir(path.join(ROOT, 'tmp'), { recursive: true });
    const dir = await mkdtemp(path.join(ROOT, 'tmp', 'mekong-symlinks-'));
    await chmod(dir, 0o755);
    const site = path.join(dir, 'site');
    await mkdir(path.join(site, 'en'), { recursive: true });
    await copyFile(path.join(ROOT, 'dist', '404.html'), path.join(site, '404.html'));
    await writeFile(path.join(site, 'en', 'index.html'), '<!doctype html><title>inside</title>');
    await writeFile(path.join(dir, 'secret.txt'), 'SECRET OUTSIDE THE SITE');
    await symlink('/etc', path.join(site, 'etc'));
    await symlink('../secret.txt', path.join(site, 'link-out.txt'));
    await symlink('/etc/passwd', path.join(site, 'en', 'passwd.txt'));
    const other = await startNginx('/intranet/lmc/', { siteRoot: site });
    try {
      expect((await get(other.origin, '/intranet/lmc/en/')).status).toBe(200);
      for (const p of ['etc/passwd', 'link-out.txt', 'en/passwd.txt']) {
        const res = await get(other.origin, `/intranet/lmc/${p}`);
        expect(res.status, p).toBeGreaterThanOrEqual(400);
        expect(res.body, p).not.toMatch(/root:|SECRET OUTSIDE/u);
      }
    } finally {
      await other.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('opened from a folder (file://)', () => {
  test('reads and navigates, and search says it needs a web server', async () => {
    const page = await browser.context.newPage();
    await page.goto(pathToFileURL(path.join(ROOT, 'dist/en/index.html')).href);
    await page.click('text=Vientiane Declaration of the Third Lancang-Mekong Cooperation Leaders’ Meeting');
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
  test('refuses without a published base URL, and says what to pass', () => {
    const env = { ...process.env };
    delete env.SITE_URL;
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync('npm', ['run', 'package', '--silent'], { cwd: ROOT, encoding: 'utf8', env, stdio: 'pipe' });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(2);
    expect(failure!.stderr).toContain('npm run package -- --site-url https://');
    expect(failure!.stderr).toContain('SITE_URL=');
  }, 60_000);
  // The archive itself is tested on a build for its address: tests/e2e/published-build.test.ts.

  test.each([['http://x/a b/', 'Unexpected segment'], ['http://a;b}{$x/', 'Unexpected host name']])('refuses %j before building anything, in one line, leaving nothing in the temporary folder (security review L6)', async (url, message) => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'mekong-package-tmp-'));
    let failure: { status: number; stdout: string; stderr: string } | undefined;
    try {
      execFileSync('npm', ['run', 'package', '--silent', '--', '--site-url', url], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, TMPDIR: tmp } });
    } catch (error) {
      failure = error as { status: number; stdout: string; stderr: string };
    }
    expect(failure?.status).toBe(2);
    expect(failure!.stdout).not.toContain('Building dist/');
    expect(failure!.stderr).toContain(message);
    expect(failure!.stderr).not.toMatch(/^\s+at /mu);
    expect(readdirSync(tmp).filter((f) => f.startsWith('mekong-'))).toEqual([]);
    await rm(tmp, { recursive: true, force: true });
  }, 60_000);
});
