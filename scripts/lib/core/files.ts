/** Listing a folder's files. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Every file under `dir` (not folders or symbolic links), as paths that start with `dir`, in no set order.
 * Node's `readdir(dir, { recursive: true })` reads the folders one after another through
 * libuv's queue: on the 100× benchmark's site (101,000 folders, 355,000 files) it took 4.5 s
 * against 0.6 s for this walk, which reads each folder synchronously. The stages that list the
 * built site (the page count after Astro, the XML check, the offline list, the sitemap) each did.
 */
export function listFiles(dir: string): string[] {
  const files: string[] = [];
  const folders = [dir];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) folders.push(full);
      else if (entry.isFile()) files.push(full);
    }
  }
  return files;
}

/** Every file under `dir` as a path from it with forward slashes (`en/lmc-poa-2018-2022/index.html`), sorted. */
export function relativeFiles(dir: string): string[] {
  return listFiles(dir).map((f) => path.relative(dir, f).split(path.sep).join('/')).sort();
}
