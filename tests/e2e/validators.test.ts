/**
 * The downloads and pages checked by tools nobody on the project wrote: every Akoma Ntoso file
 * against the OASIS schema (xmllint), a sample of every page type in both interfaces with the
 * Nu Html Checker, one <h1> on every built page, and distinct landmark labels (axe). The
 * sitemap exists only in a build with a published address: tests/e2e/published-build.test.ts
 * validates it against the sitemaps.org schema.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { Diagnostics } from '../../scripts/lib/core/diagnostics';
import { writeRedirectPages } from '../../scripts/lib/publish/downloads';
import { buildModel } from '../../scripts/lib/model/model';
import { projectPaths, ROOT } from '../../scripts/lib/core/paths';
import { fixtureProject } from '../helpers/fixture-project';
import { useSite } from '../helpers/site';
import { spawnSync } from 'node:child_process';
import { AKN_SCHEMA, vnu, XMLLINT, xmllintSchema } from '../helpers/validators';

const DIST = path.join(ROOT, 'dist');
const site = useSite();

/** One page of every type, both interfaces (the 404 and the language choice are bilingual). */
const SAMPLE = [
  'index.html',
  '404.html',
  ...['zh', 'en'].flatMap((lang) => [
    `${lang}/index.html`,
    `${lang}/lmc-poa-2018-2022/index.html`,
    `${lang}/asean-china-poa-2021-2025/index.html`,
    `${lang}/lmc-poa-2018-2022/4.2.5/index.html`,
    `${lang}/lmc-poa-2018-2022/4.2/index.html`,
    `${lang}/lmc-innovation-corridor-initiative/preamble.p1/index.html`,
    `${lang}/search/index.html`,
    `${lang}/glossary/index.html`,
    `${lang}/topics/index.html`,
    `${lang}/topics/water-resources/index.html`,
    `${lang}/compare/index.html`,
    `${lang}/titles/index.html`,
    `${lang}/about/index.html`,
    `${lang}/sources/index.html`,
    `${lang}/sources/001_1cbcd476c7d2c74e/index.html`,
  ]),
];

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name));
}

describe('Akoma Ntoso', () => {
  test('every download validates against the OASIS Akoma Ntoso 3.0 schema', async () => {
    const files = (await readdir(path.join(DIST, 'data'))).filter((f) => f.endsWith('.akn.xml')).map((f) => path.join(DIST, 'data', f));
    expect(files.length).toBe(12);
    const { status, output } = xmllintSchema(AKN_SCHEMA, files);
    expect(output.split('\n').filter((l) => l && !l.endsWith(' validates'))).toEqual([]);
    expect(status).toBe(0);
  });
});

describe('Akoma Ntoso dates (issue 28)', () => {
  test('adoption only where the sources give it; the expression and the file are dated by the edition', async () => {
    const index = JSON.parse(await readFile(path.join(DIST, 'data', 'index.json'), 'utf8')) as { edition: { version: string; date: string }; documents: { id: string; date: string | null }[] };
    expect(index.edition.date).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    for (const doc of index.documents) {
      for (const lang of ['zh', 'en']) {
        const xml = await readFile(path.join(DIST, 'data', `${doc.id}.${lang}.akn.xml`), 'utf8');
        const date = (level: string) => new RegExp(`<FRBR${level}>[\\s\\S]*?<FRBRdate date="([^"]+)" name="([^"]+)"/>`, 'u').exec(xml)!.slice(1, 3);
        expect(date('Work'), `${doc.id}.${lang}`).toEqual(doc.date ? [doc.date, 'adoption'] : [index.edition.date, 'edition']);
        expect(date('Expression'), `${doc.id}.${lang}`).toEqual([index.edition.date, 'version']);
        expect(date('Manifestation'), `${doc.id}.${lang}`).toEqual([index.edition.date, 'generation']);
        expect(xml).not.toContain('2026-01-01');
        // The work's author is the body that issued it, declared in the references.
        const work = /<FRBRWork>[\s\S]*?<\/FRBRWork>/u.exec(xml)![0];
        for (const href of work.match(/<FRBRauthor href="#([^"]+)"\/>/gu)!) expect(xml).toContain(`<TLCOrganization eId="${/#([^"]+)/u.exec(href)![1]}"`);
        expect(work).not.toContain('#mekong-plans');
      }
    }
  });

  test('every file is well-formed for xmllint --noout', async () => {
    const files = (await readdir(path.join(DIST, 'data'))).filter((f) => f.endsWith('.xml')).map((f) => path.join(DIST, 'data', f));
    const result = spawnSync(XMLLINT, ['--noout', '--nonet', ...files], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('Nu Html Checker', () => {
  test('finds no error on a sample of every page type, both interfaces, and on a redirect page', async () => {
    const model = await buildModel(projectPaths(await fixtureProject('redirected-id')), new Diagnostics());
    const out = await mkdtemp(path.join(os.tmpdir(), 'mekong-vnu-'));
    await writeRedirectPages(model.permanence.redirects, out, 'https://example.org/lmc/');
    const redirects = await htmlFiles(out);
    expect(redirects.length).toBeGreaterThan(0);
    const messages = vnu([...SAMPLE.map((p) => path.join(DIST, p)), ...redirects]);
    const errors = messages.filter((m) => m.type === 'error' || m.subType === 'fatal').map((m) => `${m.url.replace(/^file:.*?\/(dist|mekong-vnu-\w+)\//u, '')}:${m.lastLine}: ${m.message}`);
    expect(errors).toEqual([]);
  }, 120_000);
});

describe('headings', () => {
  test('every built page has exactly one <h1>', async () => {
    const files = await htmlFiles(DIST);
    expect(files.length).toBeGreaterThan(1000);
    const wrong: string[] = [];
    for (const file of files) {
      // Text and attribute values are escaped in the built pages, so `<h1` occurs only as a tag.
      const count = ((await readFile(file, 'utf8')).match(/<h1[\s>]/gu) ?? []).length;
      if (count !== 1) wrong.push(`${path.relative(DIST, file)}: ${count}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('landmarks', () => {
  test.each(SAMPLE.map((p) => p.replace(/index\.html$/u, '')))('each landmark on /%s has its own role and label', async (url) => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}${url}`);
    await page.evaluate(await readFile(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      // @ts-expect-error axe is injected above
      const result = await window.axe.run(document, { runOnly: { type: 'rule', values: ['landmark-unique', 'landmark-one-main', 'page-has-heading-one'] } });
      return result.violations.map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});
