/** The three server configurations: the same headers, no listings, and nginx's files fit for a stock Debian. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/paths';
import { nginxSite, nginxSnippet, normaliseBasePath, sitePolicy } from '../../scripts/lib/server-config';

const values = { base: '/intranet/lmc/', siteRoot: '/srv/mekong-plans/', csp: sitePolicy() };

describe('the policy every server sends', () => {
  test("forbids framing, which only a header can say, beside 'self' and the 404 page's script", () => {
    expect(sitePolicy()).toMatch(/^default-src 'self';/u);
    expect(sitePolicy()).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=';/u);
    expect(sitePolicy()).toMatch(/; frame-ancestors 'none'$/u);
  });
});

describe('Apache and IIS', () => {
  test('.htaccess lists no folder, serves no dotfile, and sends the three headers', async () => {
    const text = await readFile(path.join(ROOT, 'server', 'htaccess'), 'utf8');
    expect(text).toMatch(/^Options -Indexes$/mu);
    expect(text).toMatch(/^RedirectMatch 404 .*\\\.\|web/mu);
    for (const header of ['Content-Security-Policy "{{CSP}}"', 'X-Content-Type-Options "nosniff"', 'Referrer-Policy "same-origin"']) expect(text).toContain(`Header always set ${header}`);
  });

  test('web.config browses no folder and sends the three headers', async () => {
    const text = await readFile(path.join(ROOT, 'server', 'web.config'), 'utf8');
    expect(text).toContain('<directoryBrowse enabled="false" />');
    for (const [name, value] of [['Content-Security-Policy', '{{CSP}}'], ['X-Content-Type-Options', 'nosniff'], ['Referrer-Policy', 'same-origin']]) expect(text).toContain(`<add name="${name}" value="${value}" />`);
  });
});

describe('nginx', () => {
  test('the base path always ends in a slash (no `/lmc../package.json`) and holds no dot segment', async () => {
    expect(normaliseBasePath('intranet/lmc')).toBe('/intranet/lmc/');
    expect(normaliseBasePath('/intranet//lmc')).toBe('/intranet/lmc/');
    expect(normaliseBasePath('')).toBe('/');
    expect(() => normaliseBasePath('/a/../b/')).toThrow(/Unexpected segment `\.\.`/u);
    const snippet = await nginxSnippet(ROOT, { ...values, base: '/intranet/lmc' });
    expect(snippet).toContain('location ^~ /intranet/lmc/ {');
    expect(snippet).toContain('location = /intranet/lmc {');
    expect(snippet).not.toMatch(/location \^~ \/intranet\/lmc \{/u);
  });

  test('the snippet stands alone inside any server: no variable, no placeholder, the MIME map extended', async () => {
    const snippet = await nginxSnippet(ROOT, values);
    expect(snippet).not.toMatch(/\{\{|\$[a-z_]/u);
    expect(snippet).not.toMatch(/^\s*(map|server|http)\b/mu);
    // `types` inside a location replaces the map unless mime.types is included first.
    expect(snippet.indexOf('include mime.types;')).toBeGreaterThan(0);
    expect(snippet.indexOf('include mime.types;')).toBeLessThan(snippet.indexOf('types {'));
    expect(snippet).toContain('location ~ /\\. {');
  });

  test('the complete server is for its own host name, never the default server', async () => {
    const site = await nginxSite(ROOT, { ...values, listen: '80', serverName: 'plans.intranet.example' });
    expect(site).toMatch(/^\s+listen 80;$/mu);
    expect(site).toMatch(/^\s+server_name plans\.intranet\.example;$/mu);
    expect(site).not.toContain('default_server;');
    expect(site).toContain('    location ^~ /intranet/lmc/ {');
  });
});
