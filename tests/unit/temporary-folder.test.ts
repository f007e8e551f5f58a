/** The tests' temporary files are inside the run's own folder, which the run removes (tests/helpers/temporary-folder.ts). */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';

test('a temporary folder made by a test is inside the run’s own folder', async () => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'mekong-probe-'));
  expect(path.basename(path.dirname(folder))).toMatch(/^mekong-tests-/u);
});
