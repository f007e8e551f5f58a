/** A large corpus's Astro build in batches: how documents are shared out (scripts/lib/publish/site.ts), which pages a batch renders (src/lib/page-batch.ts), and how the batches' folders join. */
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { documentOfPath, pageBatch, pagesOfBatch, PAGE_BATCH_ENV, type PageBatch } from '../../src/lib/page-batch';
import { moveInto, planBatches } from '../../scripts/lib/publish/site';

describe('planBatches', () => {
  const corpus = (...sizes: number[]) => sizes.map((clauses, i) => ({ id: `d${i}`, clauses }));
  const shape = (batches: PageBatch[] | undefined) => batches?.map((b) => b.documents.join(' '));

  test('one process (no batches) unless asked for, or while the corpus fits one batch', () => {
    expect(planBatches(corpus(100, 200, 300), undefined)).toBeUndefined();
    expect(planBatches(corpus(100, 200, 300), 600)).toBeUndefined();
    expect(planBatches(corpus(100, 200, 300), 1000)).toBeUndefined();
  });

  test('a size that is not a whole number of clauses is an error that names the variable', () => {
    for (const size of [0.5, -3, Number('15k')]) expect(() => planBatches(corpus(100), size)).toThrow(/^MEKONG_BATCH_CLAUSES=.*: expected a whole number of clauses from 1/u);
  });

  test('batches of whole documents in order and about the same size; the first renders the shared pages', () => {
    const batches = planBatches(corpus(100, 200, 300), 599)!;
    expect(shape(batches)).toEqual(['d0 d1', 'd2']);
    expect(batches.map((b) => b.shared)).toEqual([true, false]);
    // 100× the corpus: six documents of about 500 clauses a copy, 600 documents in 4 batches.
    const large = corpus(...Array.from({ length: 600 }, (_, i) => [246, 43, 31, 99, 68, 6][i % 6]!));
    const four = planBatches(large, 15_000)!;
    expect(four).toHaveLength(4);
    expect(four.flatMap((b) => b.documents)).toEqual(large.map((d) => d.id));
    const sizes = four.map((b) => b.documents.reduce((n, id) => n + large.find((d) => d.id === id)!.clauses, 0));
    for (const size of sizes) expect(size).toBeLessThanOrEqual(15_000);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThan(250);
  });

  test('a document larger than a batch is a batch of its own', () => {
    expect(shape(planBatches(corpus(50, 900, 50, 50), 400))).toEqual(['d0', 'd1', 'd2 d3']);
  });
});

describe('a batch of pages', () => {
  const route = (r: string) => ({ route: r });
  const paths = [
    { pathname: '/zh/', route: route('/[lang]') },
    { pathname: '/en/search/', route: route('/[lang]/search') },
    { pathname: '/data/d1.json', route: route('/data/[document].json') },
    { pathname: '/en/d1/', route: route('/[lang]/[document]') },
    { pathname: '/zh/d1/4.2.5/', route: route('/[lang]/[document]/[clause]') },
    { pathname: '/en/d2/1.p1/', route: route('/[lang]/[document]/[clause]') },
    { pathname: '/zh/d2/', route: route('/[lang]/[document]') },
  ];
  const names = (batch: PageBatch) => pagesOfBatch(paths, batch).map((p) => p.pathname);

  test("renders its documents' pages; the shared batch every page of no one document", () => {
    expect(names({ documents: ['d1'], shared: true })).toEqual(['/zh/', '/en/search/', '/data/d1.json', '/en/d1/', '/zh/d1/4.2.5/']);
    expect(names({ documents: ['d2'], shared: false })).toEqual(['/en/d2/1.p1/', '/zh/d2/']);
    expect(documentOfPath('/en/lmc-poa-2023-2027/4.2.5/')).toBe('lmc-poa-2023-2027');
  });

  test('fails when no page is of a document route, rather than render nothing or everything', () => {
    expect(() => pagesOfBatch(paths.slice(0, 3), { documents: ['d1'], shared: true })).toThrow(/no page is of \/\[lang\]\/\[document\]/u);
  });

  test('is read from the environment, and a malformed one is an error that shows it', () => {
    expect(pageBatch({})).toBeUndefined();
    expect(pageBatch({ [PAGE_BATCH_ENV]: '{"documents":["a"],"shared":false}' })).toEqual({ documents: ['a'], shared: false });
    expect(() => pageBatch({ [PAGE_BATCH_ENV]: '{"documents":"a"}' })).toThrow(`${PAGE_BATCH_ENV}: expected {"documents": [ids], "shared": true|false}, got {"documents":"a"}`);
  });
});

describe('moveInto', () => {
  // Under the run's own temporary folder (tests/helpers/temporary-folder.ts), removed when it ends.
  const folder = () => mkdtemp(path.join(os.tmpdir(), 'mekong-batches-'));
  const write = async (file: string, text: string) => {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  };

  test("moves a batch's pages in beside the first batch's, and keeps one copy of a shared file", async () => {
    const root = await folder();
    const [first, second] = [path.join(root, 'dist'), path.join(root, 'dist.batch-1')];
    await write(path.join(first, 'zh', 'index.html'), 'home');
    await write(path.join(first, 'zh', 'd1', 'index.html'), 'd1');
    await write(path.join(first, '_astro', 'a.css'), 'css');
    await write(path.join(second, 'zh', 'd2', '1', 'index.html'), 'd2 §1');
    await write(path.join(second, 'en', 'd2', 'index.html'), 'd2');
    await write(path.join(second, '_astro', 'a.css'), 'css');
    await moveInto(second, first);
    expect(await readFile(path.join(first, 'zh', 'd2', '1', 'index.html'), 'utf8')).toBe('d2 §1');
    expect(await readFile(path.join(first, 'en', 'd2', 'index.html'), 'utf8')).toBe('d2');
    expect((await readdir(path.join(first, 'zh'))).sort()).toEqual(['d1', 'd2', 'index.html']);
    expect(await readdir(path.join(first, '_astro'))).toEqual(['a.css']);
  });

  test('fails, naming the file, when two batches wrote it differently', async () => {
    const root = await folder();
    const [first, second] = [path.join(root, 'a'), path.join(root, 'b')];
    await write(path.join(first, '_astro', 'x.js'), 'one');
    await write(path.join(second, '_astro', 'x.js'), 'two');
    await expect(moveInto(second, first)).rejects.toThrow('Unexpected _astro/x.js from two batches of the Astro build, with different contents');
  });
});
