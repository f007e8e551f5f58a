/** `npm run screenshots` photographs the built site: every page, width, scheme and interface, as PNGs of the right width. */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';

let out: string | undefined;
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

test('writes 72 screenshots: nine pages (side by side chosen, a rewritten clause, a parallel opened and the glossary among them) at 1440 and 390 px, light and dark, both interfaces, cut at 4000 px', async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'mekong-screenshots-'));
  const run = spawnSync('npm', ['run', 'screenshots', '--', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const files = (await readdir(out)).sort();
  const expected = ['zh', 'en'].flatMap((lang) => ['home', 'document', 'clause', 'search', 'compare', 'sidebyside', 'rewritten', 'parallel', 'glossary'].flatMap((page) => [1440, 390].flatMap((width) => ['light', 'dark'].map((scheme) => `${lang}-${page}-${width}-${scheme}.png`))));
  expect(files).toEqual(expected.sort());
  for (const file of files) {
    const png = await readFile(path.join(out, file));
    // The PNG signature, then IHDR's width and height.
    expect(png.subarray(1, 4).toString('latin1'), file).toBe('PNG');
    expect(png.readUInt32BE(16), file).toBe(Number(/-(\d+)-/u.exec(file)![1]));
    expect(png.readUInt32BE(20), file).toBeLessThanOrEqual(4000);
  }
}, 300_000);
