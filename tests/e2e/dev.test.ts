/**
 * `npm run dev` on a throw-away copy of the project (this working tree is never touched):
 * it serves the site, an edit to a translation (its text, and a note, which only the generated
 * data holds) shows on the page without a build, and a broken edit prints a located error while
 * the server keeps running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';

let root: string;
let dev: ChildProcess;
let port: number;
let log = '';

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = server.address() as { port: number };
      server.close(() => resolve(p));
    }).on('error', reject);
  });
}

/** Polls until `check` holds for the page's HTML, and returns the HTML. */
async function waitForPage(url: string, check: (html: string) => boolean, ms = 90_000): Promise<string> {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    try {
      const response = await fetch(url);
      last = await response.text();
      if (response.ok && check(last)) return last;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} never matched; last response began ${last.slice(0, 3000)}\n--- dev log ---\n${log}`);
}

beforeAll(async () => {
  // The project's code and content (not what the build writes), with node_modules as links.
  root = await mkdtemp(path.join(os.tmpdir(), 'mekong-dev-'));
  for (const entry of ['src', 'public', 'server', 'scripts', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    await cp(path.join(ROOT, entry), path.join(root, entry), { recursive: true, filter: (src) => !src.startsWith(path.join(ROOT, 'content', 'generated')) });
  }
  await mkdir(path.join(root, 'node_modules'));
  for (const entry of await readdir(path.join(ROOT, 'node_modules'))) {
    if (!['.astro', '.vite'].includes(entry)) await symlink(path.join(ROOT, 'node_modules', entry), path.join(root, 'node_modules', entry));
  }
  port = await freePort();
  // A process group of its own, so that stopping it stops npm, tsx, the pipeline and Astro.
  // Without the test runner's variables (VITEST, NODE_ENV=test), which Astro's dev server would obey.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|VITE_|TEST$|NODE_ENV$)/u.test(k)));
  dev = spawn('npm', ['run', 'dev', '--', '--port', String(port)], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  dev.stdout!.on('data', (d) => (log += String(d)));
  dev.stderr!.on('data', (d) => (log += String(d)));
}, 60_000);

afterAll(async () => {
  if (dev?.pid) {
    try {
      process.kill(-dev.pid, 'SIGTERM');
    } catch {
      // Already ended.
    }
    await new Promise((r) => setTimeout(r, 1000));
    try {
      process.kill(-dev.pid, 'SIGKILL');
    } catch {
      // Ended on SIGTERM.
    }
  }
  if (root) await rm(root, { recursive: true, force: true });
});

test('serves the site and shows an edit to a translation, and a broken edit is a located error that the server survives', async () => {
  const page = `http://127.0.0.1:${port}/en/lmc-poa-2018-2022/4.2.5.p1/`;
  await waitForPage(page, (html) => html.includes('Draw up sound overall plans'), 120_000);
  expect(log).not.toMatch(/telemetry/iu);

  const file = path.join(root, 'content', 'translations', 'lmc-poa-2018-2022.yaml');
  const original = await readFile(file, 'utf8');
  await writeFile(file, original.replace('Draw up sound overall plans', 'Undertake careful overall planning'));
  await waitForPage(page, (html) => html.includes('Undertake careful overall planning') && !html.includes('Draw up sound overall plans'));

  // An unclosed quotation: the pipeline names the file, line and column, and the server stays up.
  const broken = original.replace('  "4.2.5.p1":\n    text: >-', '  "4.2.5.p1":\n    text: "unclosed');
  expect(broken).not.toBe(original);
  await writeFile(file, broken);
  const until = Date.now() + 60_000;
  while (!/translations\/lmc-poa-2018-2022\.yaml:\d+:\d+/u.test(log) && Date.now() < until) await new Promise((r) => setTimeout(r, 500));
  expect(log).toMatch(/content\/translations\/lmc-poa-2018-2022\.yaml:\d+:\d+: error/u);
  await waitForPage(page, (html) => html.includes('Undertake careful overall planning'));

  await writeFile(file, original);
  await waitForPage(page, (html) => html.includes('Draw up sound overall plans'));

  // A note is in the generated data only (content/generated/data/), not in the MDX: the page shows its edit too.
  const notePage = `http://127.0.0.1:${port}/en/lmc-poa-2018-2022/1.p1/`;
  await waitForPage(notePage, (html) => html.includes('is a phrase of Chinese foreign-policy discourse'));
  await writeFile(file, original.replace('is a phrase of Chinese foreign-policy discourse', 'is an expression of Chinese foreign-policy discourse'));
  await waitForPage(notePage, (html) => html.includes('is an expression of Chinese foreign-policy discourse'));
  await writeFile(file, original);
}, 300_000);
