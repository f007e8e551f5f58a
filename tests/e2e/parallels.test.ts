/**
 * Issue 24: the same commitment in the other plans, where the reader reads. On every document
 * page, in both interfaces, each clause with cross-links (/data/links.json, both directions)
 * lists them in the reading view, each labelled as a reader would cite it (never an ID) and
 * typed; opening one shows the other clause's text on the same page, and the link goes on to
 * that clause's own page, which links back.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';
import { referenceLabel } from '../../src/lib/citation/reference-labels';
import { useSite } from '../helpers/site';

const site = useSite();

interface Doc {
  id: string;
  type: 'plan' | 'declaration' | 'initiative';
  title: { zh: string; en: string };
  clauses: { id: string; parent: string | null; heading?: { zh: string; en: string }; text: { zh: string; en: string } }[];
}
interface Link { from: string; to: string; type: string }

const data = async <T,>(name: string): Promise<T> => JSON.parse(await readFile(path.join(ROOT, 'dist', 'data', name), 'utf8')) as T;
const DOCUMENTS = ['lmc-poa-2018-2022', 'lmc-vientiane-declaration-2020', 'asean-china-poa-2021-2025', 'lmc-poa-2023-2027', 'lmc-naypyitaw-declaration-2023', 'lmc-innovation-corridor-initiative'];
const cases = (['zh', 'en'] as const).flatMap((lang) => DOCUMENTS.map((doc) => [lang, doc] as const));

async function corpus() {
  const docs = new Map<string, Doc>();
  for (const id of DOCUMENTS) docs.set(id, await data<Doc>(`${id}.json`));
  const { links } = await data<{ links: Link[] }>('links.json');
  return { docs, links };
}

/** The clauses a clause is linked with, both directions. */
function parallelsOf(links: Link[], ref: string) {
  return links.filter((l) => l.from === ref || l.to === ref).map((l) => (l.from === ref ? l.to : l.from));
}

/** Normalised text, as a reader sees it: spacing collapsed. */
const squash = (s: string) => s.replace(/\s+/gu, ' ').trim();

async function open(url: string): Promise<Page> {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${site.server.url}${url}`);
  return page;
}

describe('parallels in the reading view', () => {
  test.each(cases)('/%s/%s/ lists every clause’s cross-links with labels and types', async (lang, id) => {
    const { docs, links } = await corpus();
    const doc = docs.get(id)!;
    const page = await open(`${lang}/${id}/`);
    const problems: string[] = [];
    let expected = 0;
    for (const clause of doc.clauses) {
      const others = parallelsOf(links, `${id}#${clause.id}`);
      const shown = await page.$$eval(`[id="${clause.id}"] .parallels a`, (as) => as.map((a) => ({ text: a.textContent ?? '', href: (a as HTMLAnchorElement).href, type: a.closest('[data-link-type]')?.getAttribute('data-link-type') ?? '' })));
      expected += others.length;
      if (shown.length !== others.length) problems.push(`${clause.id}: ${shown.length} parallels shown, ${others.length} in links.json`);
      for (const ref of others) {
        const [otherDoc, otherClause] = ref.split('#') as [string, string];
        const label = referenceLabel(lang, docs.get(otherDoc)!, otherClause);
        const item = shown.find((s) => s.href.includes(`/${lang}/${otherDoc}/${otherClause}/`));
        if (!item) {
          problems.push(`${clause.id}: no link to ${ref}`);
          continue;
        }
        if (!squash(item.text).includes(label)) problems.push(`${clause.id}: “${squash(item.text)}” does not name ${label}`);
        if (squash(item.text) === otherClause || item.text.includes(otherDoc)) problems.push(`${clause.id}: “${item.text}” is an ID`);
        if (!['continues', 'implements', 'references', 'related'].includes(item.type)) problems.push(`${clause.id}: the link to ${ref} has no type`);
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
    // Every document has parallels except the innovation corridor's opening, which has few.
    if (id !== 'lmc-innovation-corridor-initiative') expect(expected).toBeGreaterThan(5);
    await page.close();
  });

  test.each(cases)('/%s/%s/ opens a parallel’s text in place, in both languages, without leaving the page', async (lang, id) => {
    const { docs, links } = await corpus();
    const doc = docs.get(id)!;
    const page = await open(`${lang}/${id}/`);
    const url = page.url();
    const linked = doc.clauses.filter((c) => parallelsOf(links, `${id}#${c.id}`).length > 0);
    // The first, a middle and the last linked clause.
    const sample = [...new Set([linked[0], linked[Math.floor(linked.length / 2)], linked.at(-1)])].filter((c) => c !== undefined);
    expect(sample.length).toBeGreaterThan(0);
    for (const clause of sample) {
      const ref = parallelsOf(links, `${id}#${clause.id}`)[0]!;
      const [otherDoc, otherClause] = ref.split('#') as [string, string];
      const other = docs.get(otherDoc)!.clauses.find((c) => c.id === otherClause)!;
      const link = page.locator(`[id="${clause.id}"] .parallels li a[href*="/${otherDoc}/${otherClause}/"]`);
      // A clause with many parallels shows their count, folded.
      const folded = page.locator(`[id="${clause.id}"] details.parallels:not([open]) > summary`);
      if ((await folded.count()) > 0) await folded.click();
      await link.scrollIntoViewIfNeeded();
      await link.click();
      const panel = page.locator(`[id="${clause.id}"] .parallel-text`);
      await panel.waitFor({ state: 'visible', timeout: 10_000 });
      expect(page.url(), 'the page stays').toBe(url);
      expect(await link.getAttribute('aria-expanded')).toBe('true');
      const zh = squash(other.text.zh || other.heading?.zh || '');
      const en = squash(other.text.en || other.heading?.en || '');
      const shownZh = squash((await panel.locator('[lang="zh-CN"]').allTextContents()).join(' '));
      const shownEn = squash((await panel.locator('[lang="en"]').allTextContents()).join(' '));
      expect(shownZh, `${clause.id} → ${ref} (Chinese)`).toContain(zh);
      if (en) expect(shownEn, `${clause.id} → ${ref} (English)`).toContain(en);
      // It goes on to the clause's own page.
      expect(await panel.locator(`a[href*="${otherDoc}/${otherClause}/"]`).count()).toBeGreaterThan(0);
      // Opened again, it closes.
      await link.click();
      await panel.waitFor({ state: 'hidden' });
      expect(await link.getAttribute('aria-expanded')).toBe('false');
    }
    await page.close();
  });

  test.each(['zh', 'en'])('without JavaScript a parallel is a plain link to its clause page, which links back (%s)', async (lang) => {
    const context = await site.browser.context.browser()!.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}${lang}/lmc-poa-2023-2027/`);
    const link = page.locator('[id="4.2.5"] .parallels a[href*="/lmc-poa-2018-2022/4.2.6/"]');
    await link.click();
    await page.waitForURL(/\/lmc-poa-2018-2022\/4\.2\.6\/(index\.html)?$/u);
    // The clause page of 2018–2022 4.2.6 lists 2023–2027 4.2.5 among its parallels.
    const back = page.locator('.parallels a[href*="/lmc-poa-2023-2027/4.2.5/"]');
    expect(await back.count()).toBe(1);
    expect(squash((await back.textContent())!)).toContain(lang === 'zh' ? '《五年行动计划（2023—2027）》第4.2.5条' : 'Plan of Action 2023–2027, clause 4.2.5');
    await context.close();
  });
});
