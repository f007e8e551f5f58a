/**
 * A copy for the road (issue 28): a reader saves the edition from the about page, the server
 * stops, and documents, clause pages and search still work from the copy; the site publishes
 * a new edition and the copy follows it; the copy can be removed; and a reader who never asks
 * gets no worker, no cache and no extra request. The site is a copy of dist/ served under a
 * sub-path, so the test can stop its server and publish into it.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeOfflineManifest, type OfflineManifest } from '../../scripts/lib/publish/offline';
import { ROOT } from '../../scripts/lib/core/paths';
import { serveStatic, type RunningServer } from '../../scripts/lib/tools/static-server';
import { axeViolations } from '../helpers/axe';
import { launchBrowser, type Browser } from '../helpers/browser';

const BASE = '/intranet/lmc/';
let dir: string;
let site: string;
let server: RunningServer | undefined;
let port = 0;
let browser: Browser;
let page: Page;
let url: string;

async function stop(): Promise<void> {
  await server?.close();
  server = undefined;
}

async function start(): Promise<void> {
  await stop();
  server = await serveStatic(site, { port, base: BASE });
  port = Number(new URL(server.url).port);
  url = server.url;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'mekong-offline-'));
  site = path.join(dir, 'site');
  await cp(path.join(ROOT, 'dist'), site, { recursive: true });
  await start();
  browser = await launchBrowser();
  page = await browser.context.newPage();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stop();
  await rm(dir, { recursive: true, force: true });
});

const manifest = async () => JSON.parse(await readFile(path.join(site, 'offline.json'), 'utf8')) as OfflineManifest;
const status = () => page.locator('#offline .offline-status');
const storage = () => page.evaluate(async () => ({
  workers: (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope),
  caches: await caches.keys(),
}));

describe('a reader who never asks', () => {
  test('gets no worker, no cache and no request for the copy, and sees its size before asking', async () => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    for (const p of ['en/', 'zh/lmc-poa-2018-2022/4.2.5/', 'en/search/?q=water']) await page.goto(`${url}${p}`, { waitUntil: 'networkidle' });
    // Reading pages do not even load the copy's script; the about page does, to show the control.
    expect(requests.filter((r) => /offline\.json|sw\.js|_astro\/copy\./u.test(r))).toEqual([]);
    await page.goto(`${url}en/about/`, { waitUntil: 'networkidle' });
    page.removeAllListeners('request');
    expect(requests.filter((r) => /offline\.json|sw\.js/u.test(r))).toEqual([]);
    expect(await storage()).toEqual({ workers: [], caches: [] });
    const { bytes } = await manifest();
    expect(await page.locator('#offline button[data-action="save"]').textContent()).toBe(`Save for offline reading (${(bytes / 1e6).toFixed(1)} MB)`);
    expect(await page.locator('#offline data.offline-size').getAttribute('value')).toBe(String(bytes));
    await expect.poll(() => status().textContent()).toBe('Not saved in this browser.');
  });

  test('the control passes axe in both interfaces, and the footer of every page leads to it', async () => {
    for (const lang of ['en', 'zh']) {
      await page.goto(`${url}${lang}/about/`, { waitUntil: 'networkidle' });
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.goto(`${url}en/lmc-poa-2023-2027/`);
    await page.click('footer a:has-text("Read offline")');
    await page.waitForURL(/\/intranet\/lmc\/en\/about\/index\.html#offline$/u);
  });
});

describe('saved for offline reading', () => {
  test('saves every file with progress shown, then reads a document, a clause and search results with the server stopped', async () => {
    const { files, version } = await manifest();
    await page.goto(`${url}en/about/`, { waitUntil: 'networkidle' });
    await page.click('#offline button[data-action="save"]');
    // Progress: the bar and the counts while it downloads.
    await page.waitForSelector('#offline .offline-progress:not([hidden])');
    expect(await page.locator('#offline .offline-counts').textContent()).toMatch(new RegExp(`^[\\d,]+ of ${files.length.toLocaleString('en')} files, [\\d.]+ MB of [\\d.]+ MB$`, 'u'));
    await expect.poll(() => status().textContent(), { timeout: 120_000 }).toMatch(new RegExp(`^Saved in this browser: edition ${version.replace(/\./gu, '\\.')}, [\\d.]+ MB, on \\d+ [A-Z][a-z]+ \\d{4}\\.$`, 'u'));
    expect(await page.locator('#offline .offline-progress').isHidden()).toBe(true);
    expect(await page.locator('#offline button[data-action="remove"]').isVisible()).toBe(true);
    const saved = await storage();
    expect(saved.workers).toEqual([url]);
    const copy = saved.caches.find((c) => !c.endsWith(' state'))!;
    expect(await page.evaluate(async (name) => (await (await caches.open(name)).keys()).length, copy)).toBe(files.length);

    await stop();
    // A document, and a clause page at its folder address.
    await page.goto(`${url}en/lmc-poa-2018-2022/index.html`);
    expect(await page.locator('[id="4.3.4.p1"] .text.en').textContent()).toContain('dengue fever and malaria');
    await page.goto(`${url}zh/lmc-poa-2018-2022/4.2.5/`);
    expect(await page.locator('h1').textContent()).toBeTruthy();
    expect(await page.locator('main').textContent()).toContain('4.2.5');
    // Search in both languages: Pagefind's index comes from the copy too.
    await page.goto(`${url}en/search/?q=dengue`);
    await page.waitForFunction(() => /\d/u.test(document.querySelector('.search-status')?.textContent ?? ''), null, { timeout: 20_000 });
    const first = page.locator('.result-link').first();
    expect(await first.getAttribute('href')).toContain('lmc-poa-2018-2022/4.3.4.p1/');
    await first.click();
    await page.waitForURL(/lmc-poa-2018-2022\/4\.3\.4\.p1\//u);
    expect(await page.locator('main').textContent()).toMatch(/dengue/iu);
    await page.goto(`${url}zh/search/?q=${encodeURIComponent('水资源')}`);
    await page.waitForFunction(() => /\d/u.test(document.querySelector('.search-status')?.textContent ?? ''), null, { timeout: 20_000 });
    expect(await page.locator('.result-link').count()).toBeGreaterThan(0);
    // Data files, and the site's 404 page for what is not in the copy.
    expect(await page.evaluate(async (u) => (await (await fetch(`${u}data/lmc-poa-2018-2022.json`)).json()).id, url)).toBe('lmc-poa-2018-2022');
    const missing = await page.goto(`${url}en/no-such-page/`);
    expect(missing!.status()).toBe(404);
    expect(await page.locator('h1').first().textContent()).toBeTruthy();
    // With no network at all, the control says where the pages come from.
    await browser.context.setOffline(true);
    await page.goto(`${url}en/about/`);
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toMatch(/^Saved in this browser: .* You are offline: pages come from the saved copy\.$/u);
    await browser.context.setOffline(false);
  }, 240_000);

  test('follows the site when it publishes a new edition, fetching only the files that changed', async () => {
    // Publish: a new version in data/index.json, a changed clause page, a new file; the build's own stage lists them.
    const index = path.join(site, 'data', 'index.json');
    const data = JSON.parse(await readFile(index, 'utf8')) as { edition: { version: string } };
    data.edition.version = '9.9.9';
    await writeFile(index, `${JSON.stringify(data, null, 2)}\n`);
    const clause = path.join(site, 'en', 'lmc-poa-2018-2022', '4.2.5', 'index.html');
    await writeFile(clause, (await readFile(clause, 'utf8')).replace('<main id="main">', '<main id="main"><p class="published-later">Published in edition 9.9.9.</p>'));
    await writeFile(path.join(site, 'data', 'new-in-9.9.9.txt'), 'new\n');
    const next = await writeOfflineManifest(site);
    expect(next.version).toBe('9.9.9');
    await start();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${url}en/about/`);
    await expect.poll(() => status().textContent(), { timeout: 120_000 }).toMatch(/^Saved in this browser: edition 9\.9\.9, /u);
    page.removeAllListeners('request');
    const fetched = requests.filter((r) => r.startsWith(url) && !r.endsWith('/en/about/'));
    expect(fetched.filter((r) => r.endsWith('offline.json'))).toHaveLength(1);
    expect(fetched.filter((r) => /4\.2\.5\/index\.html$|index\.json$|new-in-9\.9\.9\.txt$/u.test(r)).length).toBe(3);
    expect(fetched.length).toBeLessThan(20);
    // Only the new edition's copy is kept.
    expect((await storage()).caches).toHaveLength(2);

    await stop();
    await page.goto(`${url}en/lmc-poa-2018-2022/4.2.5/index.html`);
    expect(await page.locator('.published-later').textContent()).toBe('Published in edition 9.9.9.');
    expect(await page.evaluate(async (u) => (await fetch(`${u}data/new-in-9.9.9.txt`)).text(), url)).toBe('new\n');
    await start();
  }, 240_000);

  test('can be removed: no worker and no cache are left', async () => {
    await page.goto(`${url}zh/about/`, { waitUntil: 'networkidle' });
    await page.click('#offline button[data-action="remove"]');
    await expect.poll(() => status().textContent(), { timeout: 30_000 }).toBe('已删除保存的副本，本浏览器中已无离线副本。');
    expect(await storage()).toEqual({ workers: [], caches: [] });
    expect(await page.locator('#offline button[data-action="save"]').isVisible()).toBe(true);
  });
});
