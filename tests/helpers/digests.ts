/** The sha256 of every file under a folder, by its path relative to it: two builds compared file for file. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export async function fileDigests(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const result = new Map<string, string>();
  for (const f of files) {
    const file = path.join(f.parentPath, f.name);
    result.set(path.relative(dir, file), createHash('sha256').update(await readFile(file)).digest('hex'));
  }
  return result;
}

/** The files whose bytes differ between two such digests, or that only one of them has, sorted. */
export function differingFiles(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();
}
