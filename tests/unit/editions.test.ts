/** Editions (issue 17): the edition in index.json, which edition added each id, moves and retirements. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { BuildError, Diagnostics } from '../../scripts/lib/core/diagnostics';
import { writeRetiredPages } from '../../scripts/lib/publish/downloads';
import { writeGenerated } from '../../scripts/lib/generate/emit';
import { buildModel } from '../../scripts/lib/model/model';
import { projectPaths } from '../../scripts/lib/core/paths';
import { editionChanges } from '../../src/lib/changes/edition-changes';
import { redirectSchema, registrySchema } from '../../src/schemas/registry';
import { fixtureProject } from '../helpers/fixture-project';

const EDITIONS = `editions:\n  - version: 0.1.0\n    date: 2026-01-01\n  - version: 0.2.0\n    date: 2026-06-01\n`;
// The registry as the first edition left it, in the format before editions were recorded: 1.1.3 has
// since been withdrawn, 2.p1 is new.
const OLD_REGISTRY = 'documents:\n  fixture-plan:\n    - "1"\n    - 1.p1\n    - "1.1"\n    - 1.1.1\n    - 1.1.2\n    - 1.1.3\n    - "2"\n';
const RETIRED = 'retired:\n  - clause: fixture-plan#1.1.3\n    edition: 0.2.0\n    reason: { en: A duplicate of 1.1.2 in the first edition., zh: 第一版中与1.1.2重复。 }\n';

async function project(extra: { edition?: string; registry?: string; redirects?: string; pkg?: string } = {}) {
  const root = await fixtureProject('base');
  const content = path.join(root, 'content');
  await writeFile(path.join(content, 'edition.yaml'), `${await readFile(path.join(content, 'edition.yaml'), 'utf8')}${extra.edition ?? EDITIONS}`);
  if (extra.registry !== undefined) await writeFile(path.join(content, 'registry.yaml'), extra.registry);
  if (extra.redirects !== undefined) await writeFile(path.join(content, 'redirects.yaml'), extra.redirects);
  if (extra.pkg) await writeFile(path.join(root, 'package.json'), JSON.stringify({ version: extra.pkg }));
  return root;
}

async function build(root: string) {
  const diagnostics = new Diagnostics();
  try {
    return { model: await buildModel(projectPaths(root), diagnostics), diagnostics };
  } catch (error) {
    if (error instanceof BuildError) return { error, diagnostics };
    throw error;
  }
}

describe('editions', () => {
  test('index.json carries the edition being built: the last of content/edition.yaml', async () => {
    const root = await project({ registry: OLD_REGISTRY, redirects: RETIRED, pkg: '0.2.0' });
    const { model, error } = await build(root);
    expect(error?.message).toBeUndefined();
    await writeGenerated(projectPaths(root), model!);
    const index = JSON.parse(await readFile(path.join(root, 'content', 'generated', 'data', 'index.json'), 'utf8'));
    expect(index.edition).toEqual({ version: '0.2.0', date: '2026-06-01' });
  });

  test('the old registry format stays valid; a new id is recorded with the edition that added it, and no id is dropped', async () => {
    const root = await project({ registry: OLD_REGISTRY, redirects: RETIRED });
    const { error } = await build(root);
    expect(error?.message).toBeUndefined();
    const text = await readFile(path.join(root, 'content', 'registry.yaml'), 'utf8');
    const registry = registrySchema.parse(parse(text));
    expect(registry.documents['fixture-plan']).toEqual(['1', '1.p1', '1.1', '1.1.1', '1.1.2', '1.1.3', '2', { id: '2.p1', edition: '0.2.0' }]);
    // A second build changes nothing.
    await build(root);
    expect(await readFile(path.join(root, 'content', 'registry.yaml'), 'utf8')).toBe(text);
  });

  test('each edition lists the ids it added, moved and retired, newest first', async () => {
    const root = await project({ registry: OLD_REGISTRY, redirects: RETIRED });
    await build(root);
    const registry = registrySchema.parse(parse(await readFile(path.join(root, 'content', 'registry.yaml'), 'utf8')));
    const moves = redirectSchema.parse(parse(`${RETIRED}redirects:\n  - from: fixture-plan#1.1.9\n    to: fixture-plan#1.1.2\n    edition: 0.1.0\n    reason: { en: Moved., zh: 移动。 }\n`));
    const changes = editionChanges([{ version: '0.1.0', date: '2026-01-01' }, { version: '0.2.0', date: '2026-06-01' }], registry, moves, '9.9.9');
    expect(changes.map((e) => e.version)).toEqual(['0.2.0', '0.1.0']);
    expect(changes[0]).toMatchObject({ added: [{ document: 'fixture-plan', ids: ['2.p1'] }], moved: [], retired: [{ clause: 'fixture-plan#1.1.3' }] });
    expect(changes[1]).toMatchObject({ added: [{ document: 'fixture-plan', ids: ['1', '1.p1', '1.1', '1.1.1', '1.1.2', '1.1.3', '2'] }], moved: [{ from: 'fixture-plan#1.1.9', to: 'fixture-plan#1.1.2' }], retired: [] });
  });

  test('a registered id that disappears without a redirect or a retirement still fails the build', async () => {
    const { error } = await build(await project({ registry: OLD_REGISTRY, redirects: 'redirects: []\n' }));
    expect(error?.messages.map((m) => m.ruleId)).toContain('published-id-missing');
  });

  test('retiring an id that is still in the corpus is an error at the retirement', async () => {
    const { error } = await build(await project({ registry: OLD_REGISTRY, redirects: `${RETIRED}  - clause: fixture-plan#1.1.2\n    edition: 0.2.0\n    reason: { en: No., zh: 否。 }\n` }));
    const m = error?.messages.find((x) => x.ruleId === 'redirect-from-existing');
    expect([m?.file, m?.line]).toEqual(['content/redirects.yaml', 5]);
  });

  test('the current edition must be package.json\'s version, located at its entry', async () => {
    const { error } = await build(await project({ registry: OLD_REGISTRY, redirects: RETIRED, pkg: '0.3.0' }));
    const m = error?.messages.find((x) => x.ruleId === 'edition-version');
    expect(m?.reason).toContain('expected package.json\'s version 0.3.0');
    expect([m?.file, m?.line, m?.column]).toEqual(['content/edition.yaml', 8, 5]);
  });

  test('a retired clause keeps a page at its address, saying so in both languages', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'mekong-retired-'));
    const retired = redirectSchema.parse(parse(RETIRED)).retired;
    expect(await writeRetiredPages(retired, out)).toBe(2);
    const html = await readFile(path.join(out, 'en', 'fixture-plan', '1.1.3', 'index.html'), 'utf8');
    expect(html).toContain('<h1>This clause was retired in edition 0.2.0</h1>');
    expect(html).toContain('<p lang="zh-CN">第一版中与1.1.2重复。</p>');
    expect(html).toContain('<a href="../index.html">');
  });
});
