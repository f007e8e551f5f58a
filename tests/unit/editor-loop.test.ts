import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { describe, expect, test } from 'vitest';
import { Diagnostics } from '../../scripts/lib/core/diagnostics';
import { projectPaths, ROOT } from '../../scripts/lib/core/paths';
import { buildModel } from '../../scripts/lib/model/model';
import { editableClauses, waitForPage } from '../../scripts/lib/tools/editor-loop';

describe('waitForPage', () => {
  test('asks until the page holds what is waited for, and returns it', async () => {
    let asked = 0;
    const server = createServer((_req, res) => res.end(++asked < 3 ? 'old words' : 'new words')).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    try {
      expect(await waitForPage(url, (html) => html.includes('new'), { everyMs: 10 })).toBe('new words');
      expect(asked).toBe(3);
    } finally {
      server.close();
    }
  });

  test('fails at once, with the log, when the server has ended', async () => {
    const started = Date.now();
    await expect(waitForPage('http://127.0.0.1:9/', () => true, { ms: 60_000, alive: () => false, log: () => 'npm ERR! missing script' })).rejects.toThrow(/the server ended[\s\S]*npm ERR! missing script/u);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('editableClauses', () => {
  test('finds clauses whose opening words stand once in their translation file, each page a clause page', async () => {
    const model = await buildModel(projectPaths(), new Diagnostics());
    const found = await editableClauses(model, ROOT, 3);
    expect(found).toHaveLength(3);
    for (const edit of found) {
      expect((await readFile(edit.file, 'utf8')).split(edit.words)).toHaveLength(2);
      expect(edit.page).toMatch(/^en\/[a-z0-9-]+\/[\w.]+\/$/u);
      expect(edit.words).toMatch(/^[A-Za-z]+ [A-Za-z]+ [A-Za-z]+$/u);
    }
  });
});
