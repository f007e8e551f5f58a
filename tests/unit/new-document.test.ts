/** `npm run new-document` on a copy of a real source, in a temporary copy of the project's content. */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import { BuildError, Diagnostics, formatDiagnostic } from '../../scripts/lib/core/diagnostics';
import { buildModel, type Model } from '../../scripts/lib/model/model';
import { projectPaths, ROOT } from '../../scripts/lib/core/paths';
import { newDocumentArguments } from '../../scripts/new-document';

const run = promisify(execFile);
const SOURCE = '003_be1165bbf407f6f9.txt';
const ID = 'lmc-example-declaration-2026';

/** A project whose content/ is a copy of the real one (never the real content/). */
async function projectCopy(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'mekong-new-document-'));
  await cp(path.join(ROOT, 'content'), path.join(root, 'content'), { recursive: true, filter: (f) => !f.includes(`${path.sep}generated`) });
  return root;
}

let root: string;
let incoming: string;
let stdout: string;
let model: Model;
let diagnostics: Diagnostics;

beforeAll(async () => {
  root = await projectCopy();
  incoming = path.join(root, 'incoming.txt');
  await cp(path.join(ROOT, 'content', 'sources', SOURCE), incoming);
  ({ stdout } = await run('npm', ['run', '-s', 'new-document', '--', incoming, '--id', ID, '--type', 'declaration', '--script', 'Hans', '--format', 'text',
    '--what-en', 'A copy of the Vientiane Declaration, for the test.', '--what-zh', '万象宣言副本，供测试。', '--origin-en', 'The test suite.', '--origin-zh', '测试。', '--root', root], { cwd: ROOT }));
  diagnostics = new Diagnostics();
  model = await buildModel(projectPaths(root), diagnostics);
}, 120_000);

describe('npm run new-document, then the build', () => {
  test('copies the file byte-identical into content/sources/ with its manifest entry', async () => {
    const bytes = await readFile(incoming);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const name = `005_${sha.slice(0, 16)}.txt`;
    expect(await readFile(path.join(root, 'content', 'sources', name))).toEqual(bytes);
    const manifest = parse(await readFile(path.join(root, 'content', 'sources', 'manifest.yaml'), 'utf8')) as { sources: Record<string, unknown>[] };
    expect(manifest.sources).toHaveLength(6);
    expect(manifest.sources[5]).toEqual({ file: name, sha256: sha, script: 'Hans', format: 'text', what: { en: 'A copy of the Vientiane Declaration, for the test.', zh: '万象宣言副本，供测试。' }, origin: { en: 'The test suite.', zh: '测试。' } });
    expect(stdout).toContain(`byte-identical to ${SOURCE}`);
  });

  test('the build passes, and every message it gives is located', () => {
    expect(model.documents.map((d) => d.id)).toContain(ID);
    expect(diagnostics.messages.filter((m) => m.fatal)).toEqual([]);
    for (const m of diagnostics.messages) {
      expect(m.file, formatDiagnostic(m)).toBeTruthy();
      expect(m.line, `not located: ${formatDiagnostic(m)}`).toBeGreaterThan(0);
      expect(m.column, `not located: ${formatDiagnostic(m)}`).toBeGreaterThan(0);
    }
  });

  test('says exactly what is left to decide: one located recipe-todo per TODO in the drafted recipe', async () => {
    const recipeName = `content/recipes/${ID}.yaml`;
    const lines = (await readFile(path.join(root, recipeName), 'utf8')).split('\n');
    const todos = lines.flatMap((l, i) => (/TODO[:：]/u.test(l) ? [i + 1] : []));
    expect(todos.length).toBeGreaterThan(5);
    const messages = diagnostics.warnings.filter((m) => m.ruleId === 'recipe-todo');
    expect(messages.map((m) => m.file)).toEqual(todos.map(() => recipeName));
    expect(messages.map((m) => m.line)).toEqual(todos);
    for (const m of messages) expect(lines[m.line! - 1]!.slice(m.column! - 1)).toMatch(/^TODO[:：]/u);
    expect(stdout).toContain(`${messages.length} TODO(s) for the editor`);
    // The source's own defect (fragments of section 3 out of order) is among them, quoting the parser.
    expect(messages.some((m) => m.reason.includes('second clause numbered'))).toBe(true);
  });

  test('the drafted recipe accounts for every line of the new source', () => {
    const file = [...model.sources.values()].find((s) => s.file.startsWith('005_'))!;
    const claims = model.accounting.files.get(file.file)!;
    expect(claims).toHaveLength(file.lines.length);
    claims.forEach((claim, i) => {
      if (claim.use === 'blank') expect(file.lines[i]!.trim(), `line ${i + 1}`).toBe('');
      else expect(claim.document, `line ${i + 1}`).toBe(ID);
    });
    expect(claims.filter((c) => c.use === 'text').length).toBeGreaterThan(40);
  });

  test('writes a translation template with every clause id and empty English: every clause is a draft', async () => {
    const doc = model.documents.find((d) => d.id === ID)!;
    const template = parse(await readFile(path.join(root, 'content', 'translations', `${ID}.yaml`), 'utf8')) as { clauses: Record<string, { heading?: string; text?: string }> };
    expect(Object.keys(template.clauses).sort()).toEqual(doc.clauses.map((c) => c.id).sort());
    expect(Object.values(template.clauses).every((c) => !c.heading && !c.text)).toBe(true);
    expect(doc.clauses.every((c) => c.translation.status === 'draft')).toBe(true);
    expect(diagnostics.warnings.find((m) => m.ruleId === 'draft-document')?.file).toBe(`content/recipes/${ID}.yaml`);
  });

  test('a draft document is not published: its ids stay out of the registry, which keeps every other id', async () => {
    const registry = parse(await readFile(path.join(root, 'content', 'registry.yaml'), 'utf8')) as { documents: Record<string, unknown> };
    expect(Object.keys(registry.documents)).not.toContain(ID);
    expect(await readFile(path.join(root, 'content', 'registry.yaml'), 'utf8')).toBe(await readFile(path.join(ROOT, 'content', 'registry.yaml'), 'utf8'));
  });

  test('once the recipe says draft: false, each TODO left stops the build at its line', async () => {
    const copy = await projectCopy();
    await rm(path.join(copy, 'content'), { recursive: true });
    await cp(path.join(root, 'content'), path.join(copy, 'content'), { recursive: true });
    const recipe = path.join(copy, 'content', 'recipes', `${ID}.yaml`);
    await writeFile(recipe, (await readFile(recipe, 'utf8')).replace('\ndraft: true\n', '\ndraft: false\n'));
    const error = await buildModel(projectPaths(copy), new Diagnostics()).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(BuildError);
    const todo = (error as BuildError).messages.filter((m) => m.ruleId === 'recipe-todo');
    expect(todo.length).toBeGreaterThan(5);
    expect(todo.every((m) => m.line && m.reason.includes('not a draft'))).toBe(true);
  });
});

describe('new-document arguments', () => {
  test('without a terminal, missing values are an error naming each flag', async () => {
    await expect(newDocumentArguments(['x.txt', '--id', 'lmc-example-2026'])).rejects.toThrow(/--type, --script, --format, --what-en, --what-zh, --origin-en, --origin-zh/u);
  });
  test('asks for what is missing, and guesses the type from the id', async () => {
    const asked: string[] = [];
    const options = await newDocumentArguments(['x.txt', '--id', 'lmc-example-declaration-2026'], async (q) => {
      asked.push(q);
      return q.startsWith('Script') ? 'Hant' : q.startsWith('Format') ? 'markdown' : 'answer';
    });
    expect(asked).toHaveLength(6);
    expect(options).toMatchObject({ id: 'lmc-example-declaration-2026', type: 'declaration', script: 'Hant', format: 'markdown', what: { en: 'answer', zh: 'answer' } });
  });
});
