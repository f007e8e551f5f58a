/**
 * `npm run package`: a versioned archive of the built site for administrators, with
 * SHA256SUMS and INSTALL.txt, verified after writing by unpacking it and checking every sum.
 * Run `npm run build` first.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './lib/paths';
import { sitePolicy } from './lib/server-config';

const dist = path.join(ROOT, 'dist');
if (!existsSync(path.join(dist, 'index.html'))) {
  process.stderr.write('dist/ has no site: run `npm run build` first.\n');
  process.exit(1);
}
const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const name = `mekong-plans-${version}`;
const outDir = path.join(ROOT, 'packages');
const staging = await mkdtemp(path.join(os.tmpdir(), 'mekong-package-'));
const top = path.join(staging, name);

await cp(dist, path.join(top, 'site'), { recursive: true });
const csp = sitePolicy();
await mkdir(path.join(top, 'server'), { recursive: true });
await writeFile(path.join(top, 'server', 'nginx.conf'), (await readFile(path.join(ROOT, 'server', 'nginx.conf'), 'utf8')).replaceAll('{{CSP}}', csp));
await writeFile(path.join(top, 'INSTALL.txt'), install(version));

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
}
const sums: string[] = [];
for (const file of await files(top)) sums.push(`${createHash('sha256').update(await readFile(path.join(top, file))).digest('hex')}  ${file}`);
await writeFile(path.join(top, 'SHA256SUMS'), `${sums.join('\n')}\n`);

await mkdir(outDir, { recursive: true });
const archive = path.join(outDir, `${name}.tar.gz`);
// Deterministic: sorted names, fixed times and owners, so the same site gives the same archive.
execFileSync('tar', ['--sort=name', '--mtime=2000-01-01 00:00Z', '--owner=0', '--group=0', '--numeric-owner', '-czf', archive, '-C', staging, name]);
await rm(staging, { recursive: true, force: true });

// Verify: unpack and check every sum and that nothing is missing or extra.
const check = await mkdtemp(path.join(os.tmpdir(), 'mekong-verify-'));
execFileSync('tar', ['-xzf', archive, '-C', check]);
const unpacked = path.join(check, name);
const listed = (await readFile(path.join(unpacked, 'SHA256SUMS'), 'utf8')).trim().split('\n').map((l) => l.split('  ') as [string, string]);
const present = (await files(unpacked)).filter((f) => f !== 'SHA256SUMS');
const problems: string[] = [];
for (const [sum, file] of listed) {
  const actual = existsSync(path.join(unpacked, file)) ? createHash('sha256').update(await readFile(path.join(unpacked, file))).digest('hex') : 'missing';
  if (actual !== sum) problems.push(`${file}: ${actual === 'missing' ? 'missing' : 'checksum differs'}`);
}
const listedNames = new Set(listed.map(([, f]) => f));
for (const file of present) if (!listedNames.has(file)) problems.push(`${file}: not in SHA256SUMS`);
await rm(check, { recursive: true, force: true });
if (problems.length) {
  process.stderr.write(`Archive verification failed:\n${problems.join('\n')}\n`);
  process.exit(1);
}
const archiveSum = createHash('sha256').update(await readFile(archive)).digest('hex');
await writeFile(`${archive}.sha256`, `${archiveSum}  ${path.basename(archive)}\n`);
process.stdout.write(`Wrote ${path.relative(ROOT, archive)} (${listed.length} files verified)\nsha256 ${archiveSum}\n`);

function install(v: string): string {
  return `Mekong Plans ${v}: installing the site
=====================================

The folder site/ is the whole website: static files only, no database, no server-side
code, and no request to any other host. Every link inside it is relative, so it works at
the root of a server, under any sub-path (for example /intranet/lmc/), and opened directly
from a disk or USB stick. SHA256SUMS lists a checksum for every file; check it with
  sha256sum -c SHA256SUMS        (Linux)
  Get-FileHash -Algorithm SHA256 (Windows PowerShell, file by file)

Just open it
  Open site/index.html in a browser. Reading, navigation and data files work. Search needs
  a web server (browsers do not let it load its index from a file) and says so.

nginx
  1. Copy site/ to a folder, e.g. /srv/mekong-plans/.
  2. Take server/nginx.conf, replace {{LISTEN}}, {{BASE}} (e.g. /intranet/lmc/) and {{ROOT}}
     (e.g. /srv/mekong-plans/), and include it in the http block; reload nginx.
     It sets the MIME types of Pagefind's index files (served as bytes, never gzipped again),
     caching (long for hashed assets in _astro/, revalidation for pages and data), the
     Content-Security-Policy, and the 404 page.

Apache
  Copy the contents of site/ into the folder the site is served from. The .htaccess file
  in it sets the MIME types, compression exclusions, caching and Content-Security-Policy
  (needs AllowOverride for FileInfo, Indexes and Headers, and mod_headers). If the site is
  not at the server root, change the last line, ErrorDocument 404 /404.html, to the
  site's path, e.g. ErrorDocument 404 /intranet/lmc/404.html.

IIS
  Copy the contents of site/ into the site or application folder. web.config in it sets
  the MIME types (IIS refuses unknown extensions otherwise: .pagefind, .pf_meta, .pf_index,
  .pf_fragment, .pf_filter, .json, .wasm), caching, the Content-Security-Policy and the
  404 page.

Updating
  Replace the whole folder with the new edition's site/. Clause addresses stay the same
  from one edition to the next.
`;
}
