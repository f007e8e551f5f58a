/**
 * Issue 24, change you can read: where a section was rewritten (`reworded` in
 * /data/changes.json: less than half of the earlier text kept), its later clause's page and the
 * comparison page show the earlier and the later version in aligned columns, not a word diff
 * (which turns a rewrite into a wall of struck-through text). The status comes first, as a
 * badge; headings stand apart from the texts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';
import { sections } from '../../src/lib/changes/compare';
import type { DocumentData } from '../../src/schemas/document';
import { useSite } from '../helpers/site';

const site = useSite();

interface Change { from: string[]; to: string[]; status: string }
const data = async <T,>(name: string): Promise<T> => JSON.parse(await readFile(path.join(ROOT, 'dist', 'data', name), 'utf8')) as T;
const squash = (s: string) => s.replace(/\s+/gu, '');

/** Each section's texts without its heading, as the columns show them. */
function bodyText(doc: DocumentData, id: string, lang: 'zh' | 'en') {
  const s = sections(doc);
  return s.clauses(id).map((c) => c.text[lang]).filter(Boolean).join(lang === 'zh' ? '' : ' ');
}

async function rewritten() {
  const { comparisons } = await data<{ comparisons: { from: string; to: string; changes: Change[] }[] }>('changes.json');
  const out: { earlier: DocumentData; later: DocumentData; change: Change }[] = [];
  for (const c of comparisons) {
    const earlier = await data<DocumentData>(`${c.from}.json`);
    const later = await data<DocumentData>(`${c.to}.json`);
    for (const change of c.changes) if (change.status === 'reworded' && change.from.length === 1 && change.to.length === 1) out.push({ earlier, later, change });
  }
  return out;
}

describe('rewritten sections', () => {
  for (const lang of ['zh', 'en'] as const) {
    test(`show the two versions in aligned columns on the later clause's page (${lang})`, async () => {
      const all = await rewritten();
      expect(all.length).toBeGreaterThan(10);
      const page = await site.browser.context.newPage();
      await page.setViewportSize({ width: 1440, height: 900 });
      const problems: string[] = [];
      for (const { earlier, later, change } of all) {
        const id = change.to[0]!;
        await page.goto(`${site.server.url}${lang}/${later.id}/${id}/`);
        const versions = page.locator('.change-versions');
        if ((await versions.count()) !== 1) {
          problems.push(`${later.id} ${id}: ${await versions.count()} two-version blocks`);
          continue;
        }
        if ((await page.locator('.change-diff ins, .change-diff del').count()) > 0) problems.push(`${later.id} ${id}: a word diff of a rewritten section`);
        for (const [side, doc, sid] of [['earlier', earlier, change.from[0]!], ['later', later, id]] as const) {
          for (const l of ['zh', 'en'] as const) {
            const shown = squash((await versions.locator(`.version-${side} .version-text[lang="${l === 'zh' ? 'zh-CN' : 'en'}"]`).allTextContents()).join(''));
            const expected = squash(bodyText(doc, sid, l));
            if (shown !== expected) problems.push(`${later.id} ${id} ${side} ${l}: “${shown.slice(0, 40)}” is not “${expected.slice(0, 40)}”`);
          }
          // The heading, when there is one, stands apart from the text.
          const heading = sections(doc).clauses(sid)[0]?.heading?.zh;
          if (heading && squash((await versions.locator(`.version-${side} .version-text[lang="zh-CN"]`).first().textContent()) ?? '').startsWith(heading + heading)) problems.push(`${later.id} ${id}: heading fused into the text`);
        }
        // Aligned: the two versions' Chinese start on the same line, side by side.
        const a = await versions.locator('.version-earlier .version-text[lang="zh-CN"]').first().boundingBox();
        const b = await versions.locator('.version-later .version-text[lang="zh-CN"]').first().boundingBox();
        if (!a || !b || Math.abs(a.y - b.y) > 2 || a.x >= b.x) problems.push(`${later.id} ${id}: the versions are not side by side (${a?.x},${a?.y} / ${b?.x},${b?.y})`);
        // The status comes first, as a badge, before the versions.
        const badge = page.locator('.change-diff .status-badge').first();
        if ((await badge.count()) === 0) problems.push(`${later.id} ${id}: no status badge`);
        else if ((await badge.boundingBox())!.y > (a?.y ?? 0)) problems.push(`${later.id} ${id}: the status comes after the text`);
      }
      expect(problems.slice(0, 20)).toEqual([]);
      await page.close();
    }, 180_000);
  }

  test('show as two versions on the comparison page too, and continued sections keep their word diff', async () => {
    const all = await rewritten();
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.url}en/compare/`);
    expect(await page.locator('.change-diff .change-versions').count()).toBe(all.length);
    // Vientiane preamble.p1 → Nay Pyi Taw 1 is continued (most of it kept): a word diff, without the headings in it.
    const continued = page.locator('.change-diff', { has: page.locator('a[href*="lmc-naypyitaw-declaration-2023/1/"]') }).first();
    expect(await continued.locator('ins, del').count()).toBeGreaterThan(0);
    expect(await continued.locator('.change-versions').count()).toBe(0);
    await page.close();
  });

  // The words over them and the about page say how each kind is shown: a word diff of what was
  // continued, the two versions in two columns of what was reworded.
  for (const [lang, wordByWord, columns] of [['en', /word by word/u, /two columns/u], ['zh', /逐词/u, /两栏/u]] as const) {
    test(`say so on the comparison page and the about page (${lang})`, async () => {
      const page = await site.browser.context.newPage();
      await page.goto(`${site.server.url}${lang}/compare/`);
      const heading = (await page.locator('h3').filter({ hasText: wordByWord }).first().textContent()) ?? '';
      expect(heading).toMatch(columns);
      await page.goto(`${site.server.url}${lang}/about/`);
      const said = (await page.locator('main').textContent()) ?? '';
      const sentence = said.split(/(?<=[.。])/u).find((x) => wordByWord.test(x)) ?? '';
      expect(sentence).toMatch(columns);
      await page.close();
    });
  }
});
