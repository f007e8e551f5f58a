/**
 * A build for a published address keeps that address (issue 28), wherever it is served from:
 * a copy of the project built with SITE_URL, served under another path and port. Also its
 * sitemap: valid against the sitemaps.org schema, and listing every page the build wrote.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic, type RunningServer } from '../../scripts/lib/tools/static-server';
import { launchBrowser, type Browser } from '../helpers/browser';
import { scratchCopy } from '../helpers/scratch-project';
import { SITEMAP_SCHEMA, xmllintSchema } from '../helpers/validators';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PUBLISHED = 'https://intranet.example/lmc/';
let root: string;
let dist: string;
let output: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  root = await scratchCopy('mekong-published-');
  dist = path.join(root, 'dist');
  const build = spawnSync('npx', ['tsx', path.join('scripts', 'build.ts')], { cwd: root, encoding: 'utf8', env: { ...process.env, SITE_URL: PUBLISHED, ASTRO_TELEMETRY_DISABLED: '1' }, maxBuffer: 64 * 1024 * 1024 });
  output = `${build.stdout}${build.stderr}`;
  if (build.status !== 0) throw new Error(`the build with SITE_URL failed:\n${output}`);
  server = await serveStatic(dist, { base: '/elsewhere/' });
  browser = await launchBrowser();
}, 400_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('a build with SITE_URL', () => {
  test('says its address in the build summary and in its notes for administrators', async () => {
    expect(output).toContain(`address     ${PUBLISHED}`);
    const notes = await readFile(path.join(dist, 'README.txt'), 'utf8');
    expect(notes).toContain(`Published address: ${PUBLISHED}`);
    expect(notes).not.toContain('NO PUBLISHED ADDRESS');
  });

  test('served elsewhere, its citations, copy buttons, downloads, metadata and canonical links keep the published address', async () => {
    const page = await browser.context.newPage();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${server.url}en/lmc-poa-2018-2022/4.2.5/`);
    await page.waitForLoadState('networkidle');
    const cited = `${PUBLISHED}en/lmc-poa-2018-2022/4.2.5/`;
    expect(await page.textContent('.citation-format[data-format="url"] pre')).toBe(cited);
    await page.click('.citation-format[data-format="url"] .copy-citation');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(cited);
    expect(await page.getAttribute('link[rel="canonical"]', 'href')).toBe(cited);
    expect(await page.getAttribute('meta[name="citation_public_url"]', 'content')).toBe(cited);
    expect(JSON.parse((await page.textContent('script[type="application/ld+json"]'))!).url).toBe(cited);
    await page.click('.more-citations > summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-citation-file]')]);
    const whole = await readFile((await download.path())!, 'utf8');
    expect(whole).toContain(`url = {${cited}}`);
    expect(whole).not.toContain(server.url);
    expect(JSON.parse(await readFile(path.join(dist, 'data', 'citations', 'lmc-poa-2018-2022', '4.2.5.en.json'), 'utf8'))[0].URL).toBe(cited);
    await page.close();
  });

  test('writes no blank for the address anywhere', async () => {
    const files = (await readdir(dist, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && /\.(html|json|bib|xml)$/u.test(e.name));
    const blank: string[] = [];
    // A blank before a site path; the data dictionary's own description of the blank is not one.
    for (const f of files) if (/\[(?:address of this site|本站网址)\]\/(?:zh|en)\//u.test(await readFile(path.join(f.parentPath, f.name), 'utf8'))) blank.push(path.relative(dist, path.join(f.parentPath, f.name)));
    expect(blank).toEqual([]);
  });

  test('has a sitemap valid against the sitemaps.org 0.9 schema that lists every page it wrote, the data dictionary included', async () => {
    const sitemap = path.join(dist, 'sitemap.xml');
    const { status, output: lint } = xmllintSchema(SITEMAP_SCHEMA, [sitemap]);
    expect(lint.trim()).toBe(`${sitemap} validates`);
    expect(status).toBe(0);
    const listed = [...(await readFile(sitemap, 'utf8')).matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => m[1]!);
    const pages = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html') && f !== '404.html').map((f) => `${PUBLISHED}${f.split(path.sep).join('/').replace(/(^|\/)index\.html$/u, '$1')}`);
    expect(listed.sort()).toEqual(pages.sort());
    for (const lang of ['zh', 'en']) expect(listed).toContain(`${PUBLISHED}${lang}/about/data/`);
  });
});

describe('npm run package', () => {
  // Moved here from hosting.test.ts: a default build has no published address, so the package
  // is tested on this copy, built for its address already.
  test('writes a verified, versioned archive with SHA256SUMS, INSTALL.txt and the nginx files for the URL the site was built for, without rebuilding', () => {
    const out = execFileSync('npm', ['run', 'package', '--silent', '--', '--site-url', PUBLISHED], { cwd: root, encoding: 'utf8' });
    expect(out).not.toMatch(/Building dist/u);
    expect(out).toMatch(/files verified/u);
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const archive = path.join(root, 'packages', `mekong-plans-${version}.tar.gz`);
    expect(existsSync(archive)).toBe(true);
    const listing = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' });
    for (const f of ['SHA256SUMS', 'INSTALL.txt', 'server/nginx/snippets/mekong-plans.conf', 'server/nginx/sites-available/mekong-plans', 'server/apache/mekong-plans.conf', 'site/index.html', 'site/.htaccess', 'site/web.config', 'site/sitemap.xml', 'site/README.txt', 'site/offline.json', 'site/sw.js']) expect(listing).toContain(`mekong-plans-${version}/${f}`);
    const install = execFileSync('tar', ['-xzOf', archive, `mekong-plans-${version}/INSTALL.txt`], { encoding: 'utf8' });
    for (const server of ['nginx', 'Apache', 'IIS']) expect(install).toMatch(new RegExp(`^${server}`, 'mu'));
    expect(install).toContain('sudo nginx -t');
    expect(install).toContain('sudo a2enconf mekong-plans');
    expect(install).toContain('ServerName intranet.example');
    const apache = execFileSync('tar', ['-xzOf', archive, `mekong-plans-${version}/server/apache/mekong-plans.conf`], { encoding: 'utf8' });
    expect(apache).toContain('<Directory "/var/www/html/lmc">');
    const site = execFileSync('tar', ['-xzOf', archive, `mekong-plans-${version}/server/nginx/sites-available/mekong-plans`], { encoding: 'utf8' });
    expect(site).toMatch(/server_name intranet\.example;/u);
    expect(site).not.toMatch(/default_server;|\{\{/u);
  }, 120_000);

  test('the archive is the same whatever the packager’s umask (security review I3)', () => {
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const archive = path.join(root, 'packages', `mekong-plans-${version}.tar.gz`);
    const sums = ['022', '077'].map((umask) => {
      execFileSync('sh', ['-c', `umask ${umask} && npm run package --silent -- --site-url ${PUBLISHED}`], { cwd: root, encoding: 'utf8' });
      return createHash('sha256').update(readFileSync(archive)).digest('hex');
    });
    expect(sums[1]).toBe(sums[0]);
  }, 180_000);
});
