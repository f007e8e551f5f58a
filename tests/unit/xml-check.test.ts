/** Every XML file the build writes is well-formed, or the build stops (security review M1). */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { BuildError } from '../../scripts/lib/core/diagnostics';
import { toAkomaNtoso } from '../../scripts/lib/generate/exports';
import { checkXmlFiles } from '../../scripts/lib/publish/xml-check';
import type { DocumentData } from '../../src/schemas/document';

const doc = (text: string) => ({
  id: 'x', type: 'plan', date: '2024-01-01', title: { zh: '示例', en: 'Example' },
  clauses: [{ id: '1', parent: null, number: '一、', heading: { zh: '总则', en: 'General' }, text: { zh: '加强合作。', en: text }, source: [], translation: { status: 'reviewed' } }],
}) as unknown as DocumentData;

async function site(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mekong-xml-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

describe('checkXmlFiles', () => {
  test('passes the Akoma Ntoso, sitemap and web.config the build writes, and counts them', async () => {
    const dir = await site({
      'data/x.en.akn.xml': toAkomaNtoso(doc('Strengthen cooperation & exchanges <now>.'), 'en', { version: '0.1.0', edition: '2024-01-01' }),
      'sitemap.xml': '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/</loc></url></urlset>\n',
      'web.config': '<?xml version="1.0" encoding="utf-8"?>\n<configuration/>\n',
      'index.html': '<p>not XML, not checked',
    });
    expect(await checkXmlFiles(dir, (f) => path.relative(dir, f))).toBe(3);
  });

  test.each([
    ['a form feed', 'Design a logo.\f'],
    ['a NUL', 'Design\0 a logo.'],
    ['an escape', 'Design\x1b a logo.'],
    ['U+FFFE', 'Design\uFFFE a logo.'],
  ])('stops the build on an Akoma Ntoso file holding %s, naming the file, line and column', async (_name, text) => {
    const dir = await site({ 'data/x.en.akn.xml': toAkomaNtoso(doc(text), 'en', { version: '0.1.0', edition: '2024-01-01' }) });
    const failure = await checkXmlFiles(dir, (f) => `dist/${path.relative(dir, f)}`).then(() => undefined, (e: unknown) => e);
    expect(failure).toBeInstanceOf(BuildError);
    const [message] = (failure as BuildError).messages;
    expect(message!.file).toBe('dist/data/x.en.akn.xml');
    expect(message!.ruleId).toBe('malformed-xml');
    expect(message!.line).toBeGreaterThan(1);
    expect(message!.reason).toMatch(/^Unexpected .*, expected well-formed XML/u);
  });

  test('stops on markup that does not close', async () => {
    const dir = await site({ 'sitemap.xml': '<?xml version="1.0"?>\n<urlset>\n  <url><loc>x</loc></urlset>\n' });
    await expect(checkXmlFiles(dir, (f) => path.relative(dir, f))).rejects.toThrow(/sitemap\.xml:3:\d+: error: Unexpected .* \[malformed-xml\]/u);
  });
});
