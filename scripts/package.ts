/**
 * `npm run package -- --site-url URL` (or `SITE_URL=URL npm run package`): a versioned archive
 * of the site for administrators, with SHA256SUMS, INSTALL.txt and the nginx files filled in
 * for URL, verified after writing by unpacking it and checking every sum. Canonical links,
 * citations and the sitemap carry the published base, so the package refuses to go without
 * one, and checks it (scheme, host name, path) before anything is built. It builds dist/ for
 * that URL unless the last build finished, for that URL, from the content and code as they
 * are now (scripts/lib/publish/build-stamp.ts).
 */
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { staleReason } from './lib/publish/build-stamp';
import { ROOT } from './lib/core/paths';
import { apacheConf, checkSiteUrl, nginxSite, nginxSnippet, sitePolicy } from './lib/publish/server-config';
import { relativeFiles } from './lib/core/files';

/** Where INSTALL.txt tells administrators to put the site's files. */
const SERVER_ROOT = '/srv/mekong-plans/';
const USAGE = 'Usage: npm run package -- --site-url https://intranet.example/lmc/   (or SITE_URL=https://intranet.example/lmc/ npm run package)';

/** The published base URL from `--site-url URL`, `--site-url=URL` or SITE_URL; exits with what to pass if there is none or it is not one. */
function publishedBase(): URL {
  const args = process.argv.slice(2);
  const at = args.findIndex((a) => a === '--site-url' || a.startsWith('--site-url='));
  const given = at < 0 ? process.env.SITE_URL : args[at]!.includes('=') ? args[at]!.slice('--site-url='.length) : args[at + 1];
  if (!given) {
    process.stderr.write(`npm run package needs the address the site will be published at: its canonical links, citations and sitemap carry it.\n${USAGE}\n`);
    process.exit(2);
  }
  const checked = checkSiteUrl(given);
  if (typeof checked === 'string') {
    process.stderr.write(`${checked}\n${USAGE}\n`);
    process.exit(2);
  }
  return checked;
}

const site = publishedBase();
const dist = path.join(ROOT, 'dist');

const stale = await staleReason(ROOT, site.href);
if (stale) {
  process.stdout.write(`Building dist/ for ${site.href} (${stale})\n`);
  const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, SITE_URL: site.href, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const name = `mekong-plans-${version}`;
const outDir = path.join(ROOT, 'packages');
const staging = await mkdtemp(path.join(os.tmpdir(), 'mekong-package-'));
const check = await mkdtemp(path.join(os.tmpdir(), 'mekong-verify-'));
const top = path.join(staging, name);
const archive = path.join(outDir, `${name}.tar.gz`);
// Whatever happens below, no copy of the site is left in the temporary folder.
try {
  await cp(dist, path.join(top, 'site'), { recursive: true });
  // The configurations, filled in for the published address: nginx's files, and Apache's 404 page path.
  const base = site.pathname;
  const values = { base, siteRoot: SERVER_ROOT, csp: sitePolicy() };
  await mkdir(path.join(top, 'server', 'nginx', 'snippets'), { recursive: true });
  await mkdir(path.join(top, 'server', 'nginx', 'sites-available'), { recursive: true });
  await writeFile(path.join(top, 'server', 'nginx', 'snippets', 'mekong-plans.conf'), await nginxSnippet(ROOT, values));
  await writeFile(path.join(top, 'server', 'nginx', 'sites-available', 'mekong-plans'), await nginxSite(ROOT, { ...values, listen: site.port || '80', serverName: site.hostname }));
  const htaccess = path.join(top, 'site', '.htaccess');
  await writeFile(htaccess, (await readFile(htaccess, 'utf8')).replace(/^ErrorDocument 404 \/404\.html$/mu, `ErrorDocument 404 ${base}404.html`));
  await mkdir(path.join(top, 'server', 'apache'), { recursive: true });
  await writeFile(path.join(top, 'server', 'apache', 'mekong-plans.conf'), await apacheConf(ROOT, apacheFolder(base)));
  await writeFile(path.join(top, 'INSTALL.txt'), install(version, site));

  const sums: string[] = [];
  for (const file of relativeFiles(top)) sums.push(`${createHash('sha256').update(await readFile(path.join(top, file))).digest('hex')}  ${file}`);
  await writeFile(path.join(top, 'SHA256SUMS'), `${sums.join('\n')}\n`);

  await mkdir(outDir, { recursive: true });
  // Deterministic: sorted names, fixed times, owners and modes (not the packager's umask), so the same site gives the same archive.
  execFileSync('tar', ['--sort=name', '--mtime=2000-01-01 00:00Z', '--owner=0', '--group=0', '--numeric-owner', '--mode=u+rwX,go+rX,go-w', '-czf', archive, '-C', staging, name]);

  // Verify: unpack and check every sum and that nothing is missing or extra.
  execFileSync('tar', ['-xzf', archive, '-C', check]);
  const unpacked = path.join(check, name);
  const listed = (await readFile(path.join(unpacked, 'SHA256SUMS'), 'utf8')).trim().split('\n').map((l) => l.split('  ') as [string, string]);
  const present = relativeFiles(unpacked).filter((f) => f !== 'SHA256SUMS');
  const problems: string[] = [];
  for (const [sum, file] of listed) {
    const actual = existsSync(path.join(unpacked, file)) ? createHash('sha256').update(await readFile(path.join(unpacked, file))).digest('hex') : 'missing';
    if (actual !== sum) problems.push(`${file}: ${actual === 'missing' ? 'missing' : 'checksum differs'}`);
  }
  const listedNames = new Set(listed.map(([, f]) => f));
  for (const file of present) if (!listedNames.has(file)) problems.push(`${file}: not in SHA256SUMS`);
  if (problems.length) {
    process.stderr.write(`Archive verification failed:\n${problems.join('\n')}\n`);
    process.exitCode = 1;
  } else {
    const archiveSum = createHash('sha256').update(await readFile(archive)).digest('hex');
    await writeFile(`${archive}.sha256`, `${archiveSum}  ${path.basename(archive)}\n`);
    process.stdout.write(`Wrote ${path.relative(ROOT, archive)} (${listed.length} files verified)\nsha256 ${archiveSum}\n`);
  }
} finally {
  await rm(staging, { recursive: true, force: true });
  await rm(check, { recursive: true, force: true });
}

/** Where INSTALL.txt tells Apache administrators to put the site: Debian's document root, then the base path. */
function apacheFolder(base: string): string {
  return `/var/www/html${base === '/' ? '' : base.slice(0, -1)}`;
}

function install(v: string, url: URL): string {
  const base = url.pathname;
  const sub = base !== '/';
  return `Mekong Plans ${v}: installing the site
=====================================

This package is made for ${url.href}: canonical links, citations and the sitemap
name that address, and the server files below are filled in for it (path ${base},
host name ${url.hostname}, files in ${SERVER_ROOT}). For another address, make another
package: npm run package -- --site-url URL.

The folder site/ is the whole website: static files only, no database, no server-side
code, and no request to any other host. Every link inside it is relative, so it also works
opened directly from a disk or USB stick. SHA256SUMS lists a checksum for every file:
  sha256sum -c SHA256SUMS        (Linux)
  Get-FileHash -Algorithm SHA256 (Windows PowerShell, file by file)

Every server below sends the same headers: the Content-Security-Policy (only the site
itself; frame-ancestors 'none'), X-Frame-Options: DENY, X-Content-Type-Options: nosniff
and Referrer-Policy: same-origin. Pagefind's index files (.pagefind, .pf_meta, .pf_index, .pf_fragment,
.pf_filter) are served as application/octet-stream and never compressed again; files in
_astro/ are cached for a year, pages and data revalidate; folders are never listed;
dotfiles are not served; no symbolic link inside the folder is followed (IIS: see below); redirects never
name the host a client claimed; a missing address gets the site's 404 page.

Just open it
  Open site/index.html in a browser. Reading, navigation and data files work. Search needs
  a web server (browsers do not let it load its index from a file) and says so.

nginx (Debian or Ubuntu, as installed: /etc/nginx/nginx.conf and sites-enabled/default)
  1. Copy the site's files:
       sudo mkdir -p ${SERVER_ROOT}
       sudo cp -r site/. ${SERVER_ROOT}
  2. Choose one of the two files in server/nginx/ (they hold the same settings and need
     nothing in the http block; the MIME types of nginx's mime.types are kept, with CSV
     added):
${sub ? `     a. Beside what the server already serves, at ${base}: the snippet.
          sudo cp server/nginx/snippets/mekong-plans.conf /etc/nginx/snippets/
        Then add this line inside the server { } block of the site that answers
        ${url.host} (on a stock Debian, /etc/nginx/sites-available/default, e.g. after
        the line "server_name _;"):
          include snippets/mekong-plans.conf;
     b. Or a server of its own for the host name ${url.hostname} (it is not the
        default_server, so the default site keeps answering every other name):
` : `     The site is at the root of its address, so it needs a server of its own (the snippet
     is for a sub-path beside another site):
     b. A server for the host name ${url.hostname} (it is not the default_server, so the
        default site keeps answering every other name):
`}          sudo cp server/nginx/sites-available/mekong-plans /etc/nginx/sites-available/
          sudo ln -s ../sites-available/mekong-plans /etc/nginx/sites-enabled/
        It listens on port ${url.port || '80'}; for HTTPS, add your certificate's listen 443 ssl lines.
  3. Check and reload:
       sudo nginx -t && sudo systemctl reload nginx
     nginx -t must report no warning ("conflicting server name" means another server
     already claims ${url.hostname}).
  4. Open ${url.href}zh/ and search for 水资源.
  If the files are elsewhere than ${SERVER_ROOT}, change the alias line in the file you
  chose; keep its final slash.

Apache (Debian: apache2)
  1. Copy the contents of site/, .htaccess included, to the folder served at ${base},
     e.g. sudo cp -r site/. ${apacheFolder(base)}/
  2. Enable the modules the .htaccess uses:
       sudo a2enmod headers mime alias setenvif
  3. Give the folder its settings (server/apache/mekong-plans.conf, written for
     ${apacheFolder(base)}: change the <Directory> line if the files are elsewhere):
       sudo cp server/apache/mekong-plans.conf /etc/apache2/conf-available/
       sudo a2enconf mekong-plans
     It lets the .htaccess work (Debian's default, AllowOverride None, ignores it: folders
     are listed and no header is sent), follows no symbolic link inside the site, and makes
     redirects name the server by its ServerName rather than the Host a client sends: the
     VirtualHost that serves the site needs the line
       ServerName ${url.hostname}
  4. sudo apache2ctl configtest && sudo systemctl reload apache2
  5. Check: curl -sI ${url.href}zh answers 301 with Location: ${url.href}zh/
  The .htaccess sets Options -Indexes (no folder listings), the MIME types, compression
  exclusions, caching, the headers and the 404 page (ErrorDocument ${base}404.html).

IIS
  1. Copy the contents of site/ into the site or application folder served at ${base}.
  2. Install the Static Content feature; web.config does the rest: the MIME types (IIS
     refuses unknown extensions otherwise: .pagefind, .pf_meta, .pf_index, .pf_fragment,
     .pf_filter, .json, .wasm, .csv), no directory browsing, no path with a segment
     starting with a dot, caching, the headers and the 404 page.
  IIS has no setting that stops it following symbolic links and junctions inside the
  folder: the site has none, so let no one add any.

Updating
  Replace the whole folder with the new edition's site/. Clause addresses stay the same
  from one edition to the next. Readers who saved the edition for offline reading (about
  page, "Read offline") get the new one the next time they open the site.
`;
}
