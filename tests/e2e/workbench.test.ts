/** The editors' workbench in the built site (issue 17): the data dictionary, translation status, editions. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';
import { DATA_FILES, dataFileEntry, fieldRows } from '../../src/schemas/data-dictionary';
import { axeViolations } from '../helpers/axe';
import { useSite } from '../helpers/site';

const site = useSite();
const dist = path.join(ROOT, 'dist');

describe('the data dictionary', () => {
  test('describes every file the build published under /data/', async () => {
    const index = JSON.parse(await readFile(path.join(dist, 'data', 'index.json'), 'utf8')) as { documents: { id: string }[] };
    const files = await readdir(path.join(dist, 'data'));
    const undescribed = files.filter((f) => !dataFileEntry(f, index.documents.map((d) => d.id)));
    expect(undescribed, 'files of dist/data/ without an entry in DATA_FILES (src/schemas/data-dictionary.ts)').toEqual([]);
  });

  test.each(['en', 'zh'])('at /%s/about/data/ names every field of every file, with its meaning in both languages', async (lang) => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}${lang}/about/data/`);
    for (const file of DATA_FILES) {
      const rows = await page.$$eval(`#file-${file.key} tbody tr`, (trs) => trs.map((tr) => ({
        field: tr.querySelector('th')!.textContent!.trim(),
        meanings: [...tr.querySelectorAll('td:last-child p')].map((p) => ({ lang: p.getAttribute('lang'), text: p.textContent!.trim() })),
      })));
      const expected = file.schema ? fieldRows(file.schema).map((r) => r.path) : file.elements!.map((e) => e.name);
      expect(rows.map((r) => r.field), file.key).toEqual(expected);
      for (const r of rows) {
        expect(r.meanings.map((m) => m.lang).sort(), `${file.key}:${r.field}`).toEqual(['en', 'zh-CN']);
        expect(r.meanings.every((m) => m.text.length > 0), `${file.key}:${r.field}`).toBe(true);
      }
    }
    expect(await page.textContent(`#file-csv`)).toContain('BOM');
    expect(await page.textContent(`#file-csv`)).toContain('CRLF');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test('is linked from the download links of every document page, at each format\'s section', async () => {
    const page = await site.browser.context.newPage();
    const index = JSON.parse(await readFile(path.join(dist, 'data', 'index.json'), 'utf8')) as { documents: { id: string }[] };
    for (const lang of ['en', 'zh']) {
      for (const { id } of index.documents) {
        await page.goto(`${site.server.url}${lang}/${id}/`);
        const hrefs = await page.$$eval('.downloads .dictionary-links a', (els) => els.map((e) => (e as HTMLAnchorElement).href));
        expect(hrefs.map((h) => new URL(h).hash)).toEqual(['#file-document', '#file-csv', '#file-akn']);
        for (const href of hrefs) expect(new URL(href).pathname).toBe(`/${lang}/about/data/index.html`);
      }
    }
    await page.goto(`${site.server.url}en/about/data/index.html#file-csv`);
    expect(await page.$('#file-csv')).not.toBeNull();
    await page.close();
  });
});

describe('editions', () => {
  test('index.json carries the current edition, and the about page lists every edition with the ids it added, moved and retired', async () => {
    const { parse } = await import('yaml');
    const { editionSchema } = await import('../../src/schemas/edition');
    const { registrySchema, redirectSchema } = await import('../../src/schemas/registry');
    const { editionChanges } = await import('../../src/lib/changes/edition-changes');
    const read = async (f: string) => parse(await readFile(path.join(ROOT, 'content', f), 'utf8'));
    const edition = editionSchema.parse(await read('edition.yaml'));
    const index = JSON.parse(await readFile(path.join(dist, 'data', 'index.json'), 'utf8'));
    expect(index.edition).toEqual(edition.editions[edition.editions.length - 1]);
    const changes = editionChanges(edition.editions, registrySchema.parse(await read('registry.yaml')), redirectSchema.parse(await read('redirects.yaml')), '0.0.0');
    const page = await site.browser.context.newPage();
    for (const lang of ['en', 'zh']) {
      await page.goto(`${site.server.url}${lang}/about/`);
      for (const e of changes) {
        const section = `[id="edition-${e.version}"]`;
        expect(await page.textContent(`${section} h3`)).toContain(e.version);
        // Issue 24: the list names clauses by label, not ID; the ID is in each link's address.
        const added = await page.$$eval(`${section} details`, (ds) => ds.map((d) => ({ document: d.getAttribute('data-document'), ids: [...d.querySelectorAll('a')].map((a) => a.getAttribute('href')!.split('/').at(-2)) })));
        expect(added).toEqual(e.added);
        expect(await page.$$eval(`${section} ul:not(:has(details)) > li`, (lis) => lis.length)).toBe(e.moved.length + e.retired.length);
      }
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.close();
  });
});

describe('translation status on the page', () => {
  test('exactly the clauses whose data says draft or outdated carry a mark, saying which', async () => {
    const index = JSON.parse(await readFile(path.join(dist, 'data', 'index.json'), 'utf8')) as { documents: { id: string }[] };
    const page = await site.browser.context.newPage();
    for (const { id } of index.documents) {
      const data = JSON.parse(await readFile(path.join(dist, 'data', `${id}.json`), 'utf8')) as { clauses: { id: string; translation: { status: string } }[] };
      const expected = data.clauses.filter((c) => c.translation.status !== 'reviewed').map((c) => [c.id, c.translation.status]);
      await page.goto(`${site.server.url}en/${id}/`);
      const marked = await page.$$eval('article.clause', (els) => els.flatMap((e) => {
        const mark = e.querySelector('[data-translation-status]');
        return mark ? [[e.id, mark.getAttribute('data-translation-status')!]] : [];
      }));
      expect(marked, id).toEqual(expected);
    }
    await page.close();
  });
});
