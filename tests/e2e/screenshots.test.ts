/**
 * `npm run screenshots` photographs the built site: every page, width, scheme and interface, as
 * PNGs of the right width. The test takes the pages the script does more for than open them
 * (`--pages`): search waits for its results, side by side is chosen, the rewritten clause is
 * scrolled to its two versions, and a parallel is opened. A whole run is 72 pictures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';

let out: string;
beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'mekong-screenshots-'));
});
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

const PAGES = ['search', 'sidebyside', 'rewritten', 'parallel'];
const shoot = (...args: string[]) => spawnSync('npm', ['run', '--silent', 'screenshots', '--', '--out', out, ...args], { cwd: ROOT, encoding: 'utf8' });

test('writes 32 screenshots of four pages (search, side by side chosen, a rewritten clause, a parallel opened) at 1440 and 390 px, light and dark, both interfaces, cut at 4000 px, and leaves other files alone', async () => {
  await writeFile(path.join(out, 'notes.txt'), 'not a screenshot\n');
  const run = shoot('--pages', PAGES.join(','));
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain('32 screenshots in');
  const files = (await readdir(out)).sort();
  const expected = ['zh', 'en'].flatMap((lang) => PAGES.flatMap((page) => [1440, 390].flatMap((width) => ['light', 'dark'].map((scheme) => `${lang}-${page}-${width}-${scheme}.png`))));
  expect(files).toEqual([...expected, 'notes.txt'].sort());
  for (const file of expected) {
    const png = await readFile(path.join(out, file));
    // The PNG signature, then IHDR's width and height.
    expect(png.subarray(1, 4).toString('latin1'), file).toBe('PNG');
    expect(png.readUInt32BE(16), file).toBe(Number(/-(\d+)-/u.exec(file)![1]));
    expect(png.readUInt32BE(20), file).toBeLessThanOrEqual(4000);
  }
}, 300_000);

test('names the pages it knows when --pages names one it does not', () => {
  const run = shoot('--pages', 'home,nowhere');
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('--pages: no page named nowhere; expected a comma-separated list of home, document, clause, search, compare, sidebyside, rewritten, parallel, glossary');
});
