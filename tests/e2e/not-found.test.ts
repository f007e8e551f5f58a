/**
 * The 404 page, served at any address: its links and stylesheet resolve into the site, at the
 * root or under a sub-path, and never to another host whatever the path holds.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';
import { serveStatic, type RunningServer } from '../../scripts/lib/tools/static-server';
import { useSite } from '../helpers/site';
import { documents } from '../../src/lib/data/data';

const site = useSite();
let sub: RunningServer;
beforeAll(async () => {
  sub = await serveStatic(path.join(ROOT, 'dist'), { base: '/intranet/lmc/' });
});
afterAll(async () => {
  await sub?.close();
});

/** Every link, form and stylesheet of the page, resolved. */
const targets = (page: Page) => page.evaluate(() => [
  ...[...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
  ...[...document.querySelectorAll('form')].map((f) => f.action),
  ...[...document.querySelectorAll('link[rel=stylesheet]')].map((l) => (l as HTMLLinkElement).href),
]);

const styled = (page: Page) => page.evaluate(() => [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0));

describe('the 404 page', () => {
  test('on a root deployment, `//evil.example/zh/missing` keeps every link on this host', async () => {
    const page = await site.browser.context.newPage();
    const origin = new URL(site.server.url).origin;
    for (const address of ['//evil.example/zh/missing', '//evil.example/missing', '///evil.example//en/x/', '/en/missing/page/']) {
      const response = await page.goto(`${origin}${address}`);
      expect(response!.status(), address).toBe(404);
      const urls = await targets(page);
      expect(urls.length, address).toBeGreaterThan(10);
      expect(urls.filter((u) => new URL(u).origin !== origin), address).toEqual([]);
    }
    await page.goto(`${origin}/en/missing/page/`);
    expect(await page.locator('section:lang(en) a', { hasText: 'Home' }).evaluate((a) => (a as HTMLAnchorElement).href)).toBe(`${origin}/en/index.html`);
    expect(await styled(page)).toBeGreaterThan(10);
    await page.close();
  });

  test('under a sub-path, its stylesheet loads and its links lead into the site', async () => {
    const page = await site.browser.context.newPage();
    const failed: string[] = [];
    page.on('response', (r) => r.status() >= 400 && r.request().resourceType() !== 'document' && failed.push(r.url()));
    for (const address of ['zh/missing', 'en/lmc-poa-2018-2022/9.9.9/', 'nowhere']) {
      await page.goto(`${sub.url}${address}`, { waitUntil: 'networkidle' });
      expect(await styled(page), address).toBeGreaterThan(10);
      const urls = await targets(page);
      expect(urls.filter((u) => !u.startsWith(sub.url)), address).toEqual([]);
    }
    expect(failed).toEqual([]);
    await page.click('section:lang(zh-CN) a >> text=首页');
    await page.waitForURL(`${sub.url}zh/index.html`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.close();
  });

  test('carries the site header, search boxes whose labels stand clear of their inputs, and the documents by date (design review item 19)', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}en/missing/`);
    expect(await page.locator('header.site-header a.site-name').count()).toBe(2);
    for (const lang of ['en', 'zh-CN']) {
      const gap = await page.locator(`section:lang(${lang}) form`).evaluate((form) => form.querySelector('input')!.getBoundingClientRect().left - form.querySelector('label')!.getBoundingClientRect().right);
      expect(gap, lang).toBeGreaterThanOrEqual(4);
    }
    const listed = await page.locator('section:lang(en) li a').evaluateAll((as) => as.map((a) => /\/en\/([^/]+)\//u.exec(new URL((a as HTMLAnchorElement).href).pathname)?.[1]));
    const dated = documents.filter((d) => d.date).sort((a, b) => a.date!.localeCompare(b.date!)).map((d) => d.id);
    expect(listed.filter((id) => dated.includes(id!))).toEqual(dated);
    await page.close();
  });
});
