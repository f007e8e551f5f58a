/**
 * A throw-away copy of this project for a second, different build (e.g. with SITE_URL): the
 * scripts, site code and content copied, so that its own scripts (npm run build, npm run package)
 * work on the copy, and node_modules linked package by package (without Astro's and Vite's
 * caches, which belong to the copy), as the benchmark's scratch projects are.
 */
import { cp, mkdir, mkdtemp, readdir, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../scripts/lib/core/paths';

export async function scratchCopy(prefix: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), prefix));
  for (const entry of ['scripts', 'src', 'public', 'server', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    // Without content/generated/ (the copy builds its own), but with every source file, whatever its name (scripts/lib/publish/generated-data.ts).
    await cp(path.join(ROOT, entry), path.join(root, entry), { recursive: true, filter: (src) => !src.startsWith(path.join(ROOT, 'content', 'generated')) });
  }
  await mkdir(path.join(root, 'node_modules'));
  for (const entry of await readdir(path.join(ROOT, 'node_modules'))) {
    if (entry !== '.astro' && entry !== '.vite') await symlink(path.join(ROOT, 'node_modules', entry), path.join(root, 'node_modules', entry));
  }
  return root;
}
