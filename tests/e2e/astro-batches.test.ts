/**
 * Asked for batches (MEKONG_BATCH_CLAUSES, for less memory; issue 23), Astro renders the site's
 * documents a batch at a time (scripts/lib/publish/site.ts): the site must come out the same. A
 * copy of the project is built with batches of at most 200 clauses (the corpus in three), and
 * every file it writes must be byte for byte the file of the one-process build in dist/ (which
 * `npm test` builds first).
 */
import { spawnSync } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';
import { fileDigests } from '../helpers/digests';
import { scratchCopy } from '../helpers/scratch-project';

let root: string;
let output: string;

beforeAll(async () => {
  root = await scratchCopy('mekong-batches-');
  const build = spawnSync('npx', ['tsx', path.join('scripts', 'build.ts')], { cwd: root, encoding: 'utf8', env: { ...process.env, MEKONG_BATCH_CLAUSES: '200', ASTRO_TELEMETRY_DISABLED: '1' }, maxBuffer: 64 * 1024 * 1024 });
  output = `${build.stdout}${build.stderr}`;
  if (build.status !== 0) throw new Error(`the build in batches failed:\n${output}`);
}, 400_000);
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

test('the build says it rendered the pages in three batches', () => {
  expect(output).toMatch(/site\s+1\d{3} HTML pages in dist\/ \(3 batches\)/u);
});

test('writes the same site as one Astro process, file for file and byte for byte', async () => {
  const [batched, single] = await Promise.all([fileDigests(path.join(root, 'dist')), fileDigests(path.join(ROOT, 'dist'))]);
  expect([...batched.keys()].sort()).toEqual([...single.keys()].sort());
  const differing = [...single].filter(([file, digest]) => batched.get(file) !== digest).map(([file]) => file);
  expect(differing).toEqual([]);
});

test("leaves no batch's folder behind", async () => {
  expect((await readdir(root)).filter((f) => f.startsWith('dist'))).toEqual(['dist']);
});
