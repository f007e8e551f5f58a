/** What dist/ was built from (security review L5): `npm run package` rebuilds unless it matches. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { clearStamp, staleReason, writeStamp } from '../../scripts/lib/publish/build-stamp';

async function project(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'mekong-stamp-'));
  for (const [file, text] of Object.entries({ 'content/edition.yaml': 'draft: true\n', 'content/generated/x.json': '{}', 'src/a.ts': 'export {};', 'package.json': '{}', 'dist/index.html': '<p>site</p>' })) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

describe('staleReason', () => {
  test('a dist/ without a finished build\'s stamp is stale', async () => {
    expect(await staleReason(await project(), 'https://example.org/lmc/')).toMatch(/no record of a finished build/u);
  });

  test('the stamp of a finished build for this address and these inputs matches', async () => {
    const root = await project();
    await writeStamp(root, 'https://example.org/lmc/');
    expect(await staleReason(root, 'https://example.org/lmc/')).toBeUndefined();
    // The build's own output is not an input.
    await writeFile(path.join(root, 'content/generated/x.json'), '{"changed":true}');
    expect(await staleReason(root, 'https://example.org/lmc/')).toBeUndefined();
  });

  test('content edited after the build, or another address, makes it stale', async () => {
    const root = await project();
    await writeStamp(root, 'https://example.org/lmc/');
    expect(await staleReason(root, 'https://intranet.example/')).toMatch(/built for https:\/\/example\.org\/lmc\//u);
    await writeFile(path.join(root, 'content/edition.yaml'), 'draft: false\n');
    expect(await staleReason(root, 'https://example.org/lmc/')).toMatch(/content or code changed/u);
  });

  test('a build that starts clears it, so one that does not finish leaves none', async () => {
    const root = await project();
    await writeStamp(root, 'https://example.org/lmc/');
    await clearStamp(root);
    expect(await staleReason(root, 'https://example.org/lmc/')).toMatch(/no record/u);
  });
});
