/**
 * Builds a throw-away project from tests/fixtures/base overlaid with a scenario folder.
 * The manifest is written with the sources' real hashes unless the scenario brings its own.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = path.resolve(fileURLToPath(new URL('../fixtures', import.meta.url)));

export async function fixtureProject(scenario: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), `mekong-${scenario}-`));
  await cp(path.join(FIXTURES, 'base'), root, { recursive: true });
  const overlay = path.join(FIXTURES, scenario, 'content');
  if (existsSync(overlay)) await cp(overlay, path.join(root, 'content'), { recursive: true });
  const manifest = path.join(root, 'content', 'sources', 'manifest.yaml');
  if (!existsSync(path.join(overlay, 'sources', 'manifest.yaml'))) {
    const files = (await readdir(path.join(root, 'content', 'sources'))).filter((f) => f.endsWith('.txt')).sort();
    const entries = await Promise.all(files.map(async (file) => {
      const sha = createHash('sha256').update(await readFile(path.join(root, 'content', 'sources', file))).digest('hex');
      return `  - file: ${file}\n    sha256: ${sha}\n    script: Hans\n    format: text\n    what: { en: A fixture., zh: 测试文件。 }\n    origin: { en: Written for the tests., zh: 为测试编写。 }\n`;
    }));
    await writeFile(manifest, `sources:\n${entries.join('')}`);
  }
  return root;
}

export async function expected(scenario: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(FIXTURES, scenario, 'expected.json'), 'utf8'));
}

/** Scenario folders: those with an expected.json beside their overlay. */
export async function scenarios(): Promise<string[]> {
  return (await readdir(FIXTURES)).filter((d) => d !== 'base' && existsSync(path.join(FIXTURES, d, 'expected.json'))).sort();
}
