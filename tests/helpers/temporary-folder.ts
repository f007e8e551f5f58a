/**
 * Vitest's global setup: the run's temporary files go in one folder of their own, removed when
 * the run ends. Tests make throw-away projects, sites and browser profiles under os.tmpdir()
 * (fixture-project.ts, scratch-project.ts, browser.ts); before, each run left them behind,
 * thousands of folders after a few days of work. The workers and every process they start
 * inherit TMPDIR from this process.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export default async function setup(): Promise<() => Promise<void>> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'mekong-tests-'));
  process.env.TMPDIR = folder;
  return async () => {
    await rm(folder, { recursive: true, force: true, maxRetries: 3 });
  };
}
