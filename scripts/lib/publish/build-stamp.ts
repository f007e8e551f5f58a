/**
 * What dist/ was built from. The build's last act, once the finished site has replaced dist/,
 * is to write a stamp: a digest of every input (content/ but its generated files, the code,
 * the server templates, the lockfile) and the address it was built for. `npm run package`
 * rebuilds unless the stamp matches, so an archive never holds a site built from other content,
 * for another address, or by a build that did not finish. The stamp lives in .cache/, outside
 * dist/, so it is neither served nor packaged.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The inputs of a build, relative to the project root: folders are read whole. */
const INPUTS = ['content', 'src', 'scripts', 'server', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
/** Written by the build itself: not an input. */
const GENERATED = path.join('content', 'generated');

export interface BuildStamp {
  /** SHA-256 over the inputs' paths and bytes. */
  inputs: string;
  /** The published base the site was built for (SITE_URL, else content/edition.yaml's); absent without one. */
  site?: string;
}

export const stampFile = (root: string) => path.join(root, '.cache', 'build-stamp.json');

/** The digest of the project's inputs as they are now. */
export async function inputsDigest(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    const full = path.join(root, input);
    if (!existsSync(full)) continue;
    const files = (await stat(full)).isDirectory()
      ? (await readdir(full, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)))
      : [input];
    for (const file of files.filter((f) => !f.startsWith(GENERATED + path.sep)).sort()) {
      const bytes = await readFile(path.join(root, file));
      hash.update(`${file.split(path.sep).join('/')}\0${bytes.length}\0`).update(bytes);
    }
  }
  return hash.digest('hex');
}

/** Forgets what dist/ was built from: the build does this first, so an unfinished build leaves no stamp. */
export async function clearStamp(root: string): Promise<void> {
  await rm(stampFile(root), { force: true });
}

/** Records that dist/ is complete, built from the inputs as they are now for `site`. */
export async function writeStamp(root: string, site: string | undefined): Promise<void> {
  await mkdir(path.dirname(stampFile(root)), { recursive: true });
  const stamp: BuildStamp = { inputs: await inputsDigest(root), site };
  await writeFile(stampFile(root), `${JSON.stringify(stamp, null, 2)}\n`);
}

/** Why dist/ cannot be packaged for `site` as it is, or undefined when it can. */
export async function staleReason(root: string, site: string): Promise<string | undefined> {
  if (!existsSync(path.join(root, 'dist', 'index.html'))) return 'there is no dist/ yet';
  let stamp: BuildStamp;
  try {
    stamp = JSON.parse(await readFile(stampFile(root), 'utf8')) as BuildStamp;
  } catch {
    return 'dist/ has no record of a finished build';
  }
  if (stamp.site !== site) return stamp.site ? `dist/ was built for ${stamp.site}` : 'dist/ was built with no published address';
  if (stamp.inputs !== (await inputsDigest(root))) return 'content or code changed since dist/ was built';
  return undefined;
}
