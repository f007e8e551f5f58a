/** Two consecutive builds produce a byte-identical dist/. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';

import { fileDigests as digest } from '../helpers/digests';

test('a second build reproduces dist/ byte for byte, and says plainly that it has no published address', async () => {
  const dist = path.join(ROOT, 'dist');
  const first = await digest(dist);
  const env = { ...process.env };
  delete env.SITE_URL;
  const summary = execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'ignore'] });
  expect(summary).toMatch(/^ {2}address {5}none: no SITE_URL and no site in content\/edition\.yaml\. Pages cite the address they$/mu);
  const second = await digest(dist);
  const changed = [...new Set([...first.keys(), ...second.keys()])].filter((f) => first.get(f) !== second.get(f));
  expect(changed).toEqual([]);
  expect(first.size).toBeGreaterThan(1000);
}, 180_000);
