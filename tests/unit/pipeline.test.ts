import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { BuildError, Diagnostics, formatDiagnostic } from '../../scripts/lib/core/diagnostics';
import { writeGenerated } from '../../scripts/lib/generate/emit';
import { writeRedirectPages } from '../../scripts/lib/publish/downloads';
import { buildModel } from '../../scripts/lib/model/model';
import { projectPaths } from '../../scripts/lib/core/paths';
import { expected, fixtureProject, scenarios } from '../helpers/fixture-project';

async function run(root: string) {
  const diagnostics = new Diagnostics();
  try {
    return { model: await buildModel(projectPaths(root), diagnostics), error: undefined };
  } catch (error) {
    if (error instanceof BuildError) return { model: undefined, error };
    throw error;
  }
}

describe('buildModel on the valid fixture', () => {
  test('derives ids, parents, headings and source lines', async () => {
    const { model, error } = await run(await fixtureProject('base'));
    expect(error?.message).toBeUndefined();
    const clauses = model!.documents[0]!.clauses;
    expect(clauses.map((c) => [c.id, c.parent, c.heading?.zh ?? null, c.text.zh])).toEqual([
      ['1', null, '总则', ''],
      ['1.p1', '1', null, '本计划旨在加强合作。'],
      ['1.1', '1', '加强对话', ''],
      ['1.1.1', '1.1', null, '举行年度会议；'],
      ['1.1.2', '1.1', null, '开展交流。'],
      ['2', null, '附则', ''],
      ['2.p1', '2', null, '本计划自通过之日起施行。'],
    ]);
    expect(clauses[3]!.source).toEqual([{ file: '100_0000000000000001.txt', lines: [5, 5] }]);
  });
});

const malformed: string[] = [];
for (const s of await scenarios()) if ((await expected(s)).ruleId) malformed.push(s);

describe('buildModel on malformed input', () => {
  test.each(malformed)('rejects %s with a located, readable message', async (scenario) => {
    const want = await expected(scenario);
    const { error } = await run(await fixtureProject(scenario));
    expect(error, 'the build must fail').toBeInstanceOf(BuildError);
    const message = error!.messages.find((m) => m.ruleId === want.ruleId);
    expect(message, `no ${want.ruleId} among:\n${error!.message}`).toBeDefined();
    expect(message!.file).toBe(want.file);
    expect([message!.line, message!.column]).toEqual([want.line, want.column]);
    expect(message!.reason).toMatch(/^Unexpected .*, expected /su);
    expect(message!.reason).toContain(want.reason);
    const text = formatDiagnostic(message!);
    expect(text).toContain(`${want.file}:${want.line}:${want.column}`);
    expect(text).toContain(`[${want.ruleId}]`);
    if (want.cause) expect(text.split('\n')[1]).toContain(want.cause);
    // One bad input, one message: nothing unlocated piled on top of it.
    if (want.only) expect(error!.messages.map((m) => `${m.ruleId} ${m.reason}`)).toEqual([`${want.ruleId} ${message!.reason}`]);
  });
});

describe('text that looks like markup', () => {
  test('stays verbatim in the model and inert in the generated MDX', async () => {
    const want = await expected('inert-text');
    const root = await fixtureProject('inert-text');
    const { model, error } = await run(root);
    expect(error?.message).toBeUndefined();
    const clause = model!.documents[0]!.clauses.find((c) => c.id === want.clause)!;
    expect(clause.text.zh).toBe(want.text);
    const paths = projectPaths(root);
    await writeGenerated(paths, model!);
    const mdx = await readFile(path.join(paths.generatedDocuments, 'fixture-plan.mdx'), 'utf8');
    // The text appears only inside a JSX expression holding a JSON string literal, in its clause's element.
    const element = new RegExp(`<C id=${JSON.stringify(want.clause).replace(/[.]/gu, '\\.')} page=\\{props\\.page\\}>\\n<Zh>\\{(".*")\\}</Zh>`, 'u');
    const literal = element.exec(mdx);
    expect(literal).not.toBeNull();
    expect(JSON.parse(literal![1]!)).toBe(want.text);
    expect(mdx.replace(literal![0], '')).not.toContain('<script');
    await expect(mdx).toMatchFileSnapshot('../fixtures/inert-text/expected.mdx');
  });
});

describe('published clause ids', () => {
  test('a clause id that disappears fails the build, naming it', async () => {
    const { error } = await run(await fixtureProject('published-id-missing'));
    expect(error?.message).toContain('fixture-plan#1.1.3');
  });

  test('a redirect for it lets the build pass and makes a page at the old address', async () => {
    const root = await fixtureProject('redirected-id');
    const { model, error } = await run(root);
    expect(error?.message).toBeUndefined();
    expect(model!.permanence.redirects).toHaveLength(1);
    const out = path.join(root, 'dist');
    expect(await writeRedirectPages(model!.permanence.redirects, out, 'https://example.org/lmc/')).toBe(2);
    const html = await readFile(path.join(out, 'en', 'fixture-plan', '1.1.3', 'index.html'), 'utf8');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=../1.1.2/index.html">');
    expect(html).toContain('<link rel="canonical" href="https://example.org/lmc/en/fixture-plan/1.1.2/">');
    expect(html).toContain('<a href="../1.1.2/index.html">');
  });

  test('new clause ids are added to the registry, and a second build changes nothing', async () => {
    const root = await fixtureProject('base');
    await run(root);
    const first = await readFile(path.join(root, 'content', 'registry.yaml'), 'utf8');
    expect(first).toContain('- 1.1.2');
    const { model } = await run(root);
    expect(model!.permanence.added).toBe(0);
    expect(await readFile(path.join(root, 'content', 'registry.yaml'), 'utf8')).toBe(first);
  });
});
