/** listFiles: every file under a folder, as Node's recursive readdir finds them, without its slowness. */
import { mkdir, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { listFiles, relativeFiles } from '../../scripts/lib/core/files';

test('lists the same files as readdir({ recursive: true }): nested, dotted, none of the folders or links', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'mekong-list-'));
  for (const dir of ['a/b/c', 'a/empty', 'd', '.hidden']) await mkdir(path.join(root, dir), { recursive: true });
  for (const file of ['top.html', 'a/one.xml', 'a/b/two.json', 'a/b/c/index.html', 'd/web.config', '.hidden/.htaccess']) await writeFile(path.join(root, file), file);
  await symlink(path.join(root, 'top.html'), path.join(root, 'd', 'link.html'));
  await symlink(path.join(root, 'a'), path.join(root, 'd', 'folder-link'));
  const byNode = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
  expect(byNode).toHaveLength(6);
  expect(listFiles(root).sort()).toEqual(byNode);
  expect(relativeFiles(root)).toEqual(['.hidden/.htaccess', 'a/b/c/index.html', 'a/b/two.json', 'a/one.xml', 'd/web.config', 'top.html']);
});
