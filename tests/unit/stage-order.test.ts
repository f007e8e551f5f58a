/**
 * The folders of scripts/lib/ are the pipeline's stages, in the order scripts/lib/stages.ts
 * declares: no module imports from a later stage's folder, and each folder says in its README
 * what enters it and what leaves (issue 26).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';
import { importsInto, STAGE_FOLDERS, stageViolations } from '../../scripts/lib/stages';

const LIB = path.join(ROOT, 'scripts', 'lib');
const temps: string[] = [];
afterAll(async () => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));

/** A scripts/lib/ of its own: `files` maps a path below it to its text. */
async function fixture(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stage-order-'));
  temps.push(dir);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

describe('stageViolations', () => {
  test('finds no import from a later stage in scripts/lib/', async () => {
    expect(await stageViolations(LIB)).toEqual([]);
  });

  test('reports an import from a later stage, with its file and line', async () => {
    const dir = await fixture({
      'core/early.ts': "import { x } from './same';\nimport { late } from '../tools/late';\nexport const y = late;\n",
      'core/same.ts': 'export const x = 1;\n',
      'tools/late.ts': "import { x } from '../core/same';\nexport const late = x;\n",
    });
    expect(await stageViolations(dir)).toEqual([{ file: 'core/early.ts', line: 2, specifier: '../tools/late', from: 'core', to: 'tools' }]);
  });

  test('reports re-exports, side-effect imports and literal dynamic imports too', async () => {
    const dir = await fixture({
      'sources/a.ts': "export { m } from '../model/m';\nimport '../publish/p';\nconst l = () => import('../links/l');\n",
      'model/m.ts': 'export const m = 1;\n',
      'publish/p.ts': '',
      'links/l.ts': '',
    });
    expect((await stageViolations(dir)).map((v) => `${v.line}:${v.to}`)).toEqual(['1:model', '2:publish', '3:links']);
  });

  test('allows imports from earlier stages, the same stage and outside scripts/lib/', async () => {
    const dir = await fixture({
      'publish/a.ts': "import { b } from './b';\nimport { c } from '../core/c';\nimport { d } from '../../../src/lib/d';\n",
      'publish/b.ts': '',
      'core/c.ts': '',
    });
    expect(await stageViolations(dir)).toEqual([]);
  });
});

describe('scripts/lib/', () => {
  test('holds the declared stage folders, in at most ten entries', async () => {
    const entries = await readdir(LIB, { withFileTypes: true });
    const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(folders).toEqual([...STAGE_FOLDERS].sort());
    expect(entries.filter((e) => !e.isDirectory()).map((e) => e.name)).toEqual(['stages.ts']);
    expect(entries.length).toBeLessThanOrEqual(10);
  });

  test.each(STAGE_FOLDERS)('%s/ opens with a README saying what enters and what leaves', async (folder) => {
    const text = await readFile(path.join(LIB, folder, 'README.md'), 'utf8');
    expect(text).toMatch(/^# scripts\/lib\/[a-z]+\/\n/u);
    expect(text).toMatch(/^\*\*Enters:\*\* \S/mu);
    expect(text).toMatch(/^\*\*Leaves:\*\* \S/mu);
  });
});

describe('src/', () => {
  test('imports nothing from scripts/ (the browser\'s code took a Chinese-numeral reader from the build\'s sources stage)', async () => {
    expect(await importsInto(path.join(ROOT, 'src'), path.join(ROOT, 'scripts'))).toEqual([]);
  });

  test('an import into scripts/ is reported with its file and line, from .ts and .astro alike', async () => {
    const dir = await fixture({
      'src/lib/a.ts': "import { x } from './b';\nimport { y } from '../../scripts/lib/sources/numbering';\n",
      'src/lib/b.ts': 'export const x = 1;\n',
      'src/pages/p.astro': "---\nimport '../../scripts/lib/core/paths';\n---\n",
      'scripts/lib/sources/numbering.ts': 'export const y = 2;\n',
    });
    expect(await importsInto(path.join(dir, 'src'), path.join(dir, 'scripts'))).toEqual([
      { file: 'lib/a.ts', line: 2, specifier: '../../scripts/lib/sources/numbering' },
      { file: 'pages/p.astro', line: 2, specifier: '../../scripts/lib/core/paths' },
    ]);
  });
});
