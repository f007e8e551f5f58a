/** The three server configurations: the same headers, no listings, and nginx's files fit for a stock Debian. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';
import { apacheConf, checkSiteUrl, nginxSite, nginxSnippet, normaliseBasePath, sitePolicy } from '../../scripts/lib/publish/server-config';

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

  // Apache and IIS are not installed here: their files are checked as text (the review ran Apache by hand).
  test('.htaccess and web.config send X-Frame-Options for engines that ignore frame-ancestors (security review L11)', async () => {
    expect(await readFile(path.join(ROOT, 'server', 'htaccess'), 'utf8')).toContain('Header always set X-Frame-Options "DENY"');
    expect(await readFile(path.join(ROOT, 'server', 'web.config'), 'utf8')).toContain('<add name="X-Frame-Options" value="DENY" />');
  });

  test('web.config refuses every path with a segment starting with a dot, not only .htaccess (security review I9)', async () => {
    expect(await readFile(path.join(ROOT, 'server', 'web.config'), 'utf8')).toMatch(/<denyUrlSequences>\s*<add sequence="\/\." \/>\s*<\/denyUrlSequences>/u);
  });

  test("Apache's folder settings let the .htaccess work, follow no symlink and build redirects from ServerName (security review L2, L3, I8)", async () => {
    const conf = await apacheConf(ROOT, '/var/www/html/intranet/lmc');
    expect(conf).toContain('<Directory "/var/www/html/intranet/lmc">');
    expect(conf).toMatch(/^\s+AllowOverride FileInfo Indexes Options=Indexes$/mu);
    expect(conf).toMatch(/^\s+Options -FollowSymLinks -SymLinksIfOwnerMatch -Indexes$/mu);
    expect(conf).toMatch(/^\s+UseCanonicalName On$/mu);
    expect(conf).not.toContain('{{');
    await expect(apacheConf(ROOT, '/var/www/html/a b">')).rejects.toThrow(/Unexpected folder/u);
  });

  test('web.config browses no folder and sends the three headers', async () => {
    const text = await readFile(path.join(ROOT, 'server', 'web.config'), 'utf8');
    expect(text).toContain('<directoryBrowse enabled="false" />');
    for (const [name, value] of [['Content-Security-Policy', '{{CSP}}'], ['X-Content-Type-Options', 'nosniff'], ['Referrer-Policy', 'same-origin']]) expect(text).toContain(`<add name="${name}" value="${value}" />`);
  });
});

describe('the published address npm run package is given (security review L6)', () => {
  test.each([
    ['http://x/a b/', /Unexpected segment `a%20b`/u],
    ['http://x/$host;/', /Unexpected segment/u],
    ['http://a;b}{$x/', /Unexpected host name `a;b\}\{\$x`/u],
    ['ftp://x/', /expected an http or https address/u],
    ['https://x/lmc/?q=1', /expected an http or https address without query/u],
    ['not a url', /expected an http or https address/u],
  ])('refuses %j in one line, before anything is built', (given, message) => {
    const checked = checkSiteUrl(given);
    expect(typeof checked).toBe('string');
    expect(checked).toMatch(message);
    expect(checked as string).not.toContain('\n');
  });

  test('accepts host names, IP addresses and sub-paths, adding the final slash', () => {
    expect((checkSiteUrl('https://intranet.example.gov/lmc') as URL).href).toBe('https://intranet.example.gov/lmc/');
    expect((checkSiteUrl('http://10.0.0.5:8080/a/b/') as URL).href).toBe('http://10.0.0.5:8080/a/b/');
    expect((checkSiteUrl('http://[::1]/') as URL).href).toBe('http://[::1]/');
  });
});

describe('nginx', () => {
  test('redirects name a path, symlinks are not followed, X-Frame-Options is sent, errors under _astro/ are not cached for a year (security review L2, L3, L11, I2)', async () => {
    const snippet = await nginxSnippet(ROOT, values);
    expect(snippet.match(/^\s+absolute_redirect off;$/gmu)).toHaveLength(2);
    expect(snippet).toMatch(/^\s+disable_symlinks on from=\/srv\/mekong-plans;$/mu);
    expect(snippet.match(/add_header X-Frame-Options "DENY" always;/gu)).toHaveLength(2);
    expect(snippet).toMatch(/add_header Cache-Control "public, max-age=31536000, immutable";$/mu);
  });

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
