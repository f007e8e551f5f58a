/**
 * Builds are reproducible, and batches change nothing. A copy of the project is built twice,
 * and every file each build writes must be byte for byte the file in dist/ (which `npm test`
 * builds first, in one Astro process):
 * - first in batches of at most 200 clauses (MEKONG_BATCH_CLAUSES, the corpus in three): Astro
 *   renders the site's documents a batch at a time (scripts/lib/publish/site.ts, issue 23);
 * - then as a reader builds it (`npm run build`), over the first build's files and caches.
 * The builds are of a copy in another folder, so this working tree's dist/ stays as it is while
 * the other browser tests read it.
 */
import { spawnSync } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';
import { differingFiles, fileDigests } from '../helpers/digests';
import { scratchCopy } from '../helpers/scratch-project';

let root: string;
let batchedOutput: string;
let batched: Map<string, string>;
let secondOutput: string;
let second: Map<string, string>;
let published: Map<string, string>;

/** Builds the copy; its output, or a thrown error with it. */
function build(what: string, command: string, args: string[], env: NodeJS.ProcessEnv): string {
  const run = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' }, maxBuffer: 64 * 1024 * 1024 });
  const output = `${run.stdout}${run.stderr}`;
  if (run.status !== 0) throw new Error(`${what} failed:\n${output}`);
  return output;
}

beforeAll(async () => {
  root = await scratchCopy('mekong-reproducible-');
  const env = { ...process.env };
  delete env.SITE_URL;
  batchedOutput = build('the build in batches', 'npx', ['tsx', path.join('scripts', 'build.ts')], { ...env, MEKONG_BATCH_CLAUSES: '200' });
  batched = await fileDigests(path.join(root, 'dist'));
  secondOutput = build('the second build', 'npm', ['run', 'build', '--silent'], env);
  [second, published] = await Promise.all([fileDigests(path.join(root, 'dist')), fileDigests(path.join(ROOT, 'dist'))]);
}, 600_000);
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

test('the build in batches says it rendered the pages in three batches', () => {
  expect(batchedOutput).toMatch(/site\s+1\d{3} HTML pages in dist\/ \(3 batches\)/u);
});

test('writes the same site as one Astro process, file for file and byte for byte', () => {
  expect(published.size).toBeGreaterThan(1000);
  expect(differingFiles(published, batched)).toEqual([]);
});

test("leaves no batch's folder behind", async () => {
  expect((await readdir(root)).filter((f) => f.startsWith('dist'))).toEqual(['dist']);
});

test('a second build, over the first one\'s files and caches, writes the same site again, and says plainly that it has no published address', () => {
  expect(secondOutput).toMatch(/^ {2}address {5}none: no SITE_URL and no site in content\/edition\.yaml\. Pages cite the address they$/mu);
  expect(differingFiles(published, second)).toEqual([]);
});
