/**
 * `npm run dev` on a throw-away copy of the project (this working tree is never touched):
 * it serves the site, an edit to a translation (its text, and a note, which only the generated
 * data holds) shows on the page without a build, and a broken edit prints a located error while
 * the server keeps running.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';
import { startDev, waitForPage as waitFor, type DevServer } from '../../scripts/lib/tools/editor-loop';

let root: string;
let dev: DevServer;

/** Polls until `check` holds for the page's HTML, and returns the HTML. */
const waitForPage = (url: string, check: (html: string) => boolean, ms = 90_000) => waitFor(url, check, { ms, log: dev.log, alive: dev.alive });

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
  // A process group of its own (stopping it stops npm, tsx, the pipeline and Astro), without the
  // test runner's variables (VITEST, NODE_ENV=test), which Astro's dev server would obey.
  dev = await startDev(root);
}, 60_000);

afterAll(async () => {
  await dev?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

test('serves the site and shows an edit to a translation, and a broken edit is a located error that the server survives', async () => {
  const page = `${dev.base}en/lmc-poa-2018-2022/4.2.5.p1/`;
  await waitForPage(page, (html) => html.includes('Draw up sound overall plans'), 120_000);
  expect(dev.log()).not.toMatch(/telemetry/iu);

  const file = path.join(root, 'content', 'translations', 'lmc-poa-2018-2022.yaml');
  const original = await readFile(file, 'utf8');
  await writeFile(file, original.replace('Draw up sound overall plans', 'Undertake careful overall planning'));
  await waitForPage(page, (html) => html.includes('Undertake careful overall planning') && !html.includes('Draw up sound overall plans'));

  // An unclosed quotation: the pipeline names the file, line and column, and the server stays up.
  const broken = original.replace('  "4.2.5.p1":\n    text: >-', '  "4.2.5.p1":\n    text: "unclosed');
  expect(broken).not.toBe(original);
  await writeFile(file, broken);
  const until = Date.now() + 60_000;
  while (!/translations\/lmc-poa-2018-2022\.yaml:\d+:\d+/u.test(dev.log()) && Date.now() < until) await new Promise((r) => setTimeout(r, 500));
  expect(dev.log()).toMatch(/content\/translations\/lmc-poa-2018-2022\.yaml:\d+:\d+: error/u);
  await waitForPage(page, (html) => html.includes('Undertake careful overall planning'));

  await writeFile(file, original);
  await waitForPage(page, (html) => html.includes('Draw up sound overall plans'));

  // A note is in the generated data only (content/generated/data/), not in the MDX: the page shows its edit too.
  const notePage = `${dev.base}en/lmc-poa-2018-2022/1.p1/`;
  await waitForPage(notePage, (html) => html.includes('is a phrase of Chinese foreign-policy discourse'));
  await writeFile(file, original.replace('is a phrase of Chinese foreign-policy discourse', 'is an expression of Chinese foreign-policy discourse'));
  await waitForPage(notePage, (html) => html.includes('is an expression of Chinese foreign-policy discourse'));
  await writeFile(file, original);
}, 300_000);
