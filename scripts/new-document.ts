/**
 * Adds a new source and drafts its document (issue 17):
 *   npm run new-document -- FILE --id ID [--type plan|declaration|initiative] [--script Hans|Hant]
 *     [--format text|markdown] [--what-en … --what-zh …] [--origin-en … --origin-zh …]
 *     [--title-zh … --title-en …] [--date YYYY-MM-DD] [--completeness full|summary|excerpt] [--root DIR]
 * Anything required and not given is asked for on a terminal (and is an error otherwise).
 * It copies FILE byte-identical into content/sources/ and adds its manifest entry, drafts
 * content/recipes/ID.yaml (a draft document, TODOs for the editor) and writes
 * content/translations/ID.yaml with every clause id and empty English.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { pathToFileURL } from 'node:url';
import { parse, stringify } from 'yaml';
import { completeness as completenessSchema, documentId, documentType, script as scriptSchema } from '../src/schemas/common';
import type { Localized } from '../src/schemas/common';
import { Diagnostics, formatDiagnostic } from './lib/core/diagnostics';
import { draftRecipe } from './lib/sources/draft-recipe';
import { display, projectPaths } from './lib/core/paths';
import { decodeSource, type SourceFile } from './lib/sources/sources';

/** A usage or input error: printed without a stack. */
export class NewDocumentError extends Error {}

export interface NewDocumentOptions {
  file: string;
  id: string;
  type: 'plan' | 'declaration' | 'initiative';
  script: 'Hans' | 'Hant';
  format: 'text' | 'markdown';
  what: Localized;
  origin: Localized;
  title?: Partial<Localized>;
  date?: string | null;
  completeness?: 'full' | 'summary' | 'excerpt';
  root?: string;
  today?: string;
}

const FLAGS = ['id', 'type', 'script', 'format', 'what-en', 'what-zh', 'origin-en', 'origin-zh', 'title-zh', 'title-en', 'date', 'completeness', 'root'] as const;
type Flag = (typeof FLAGS)[number];

/** What each required value is, for prompts and errors. */
const ASK: Partial<Record<Flag, string>> = {
  type: 'What kind of document is it? (plan, declaration, initiative)',
  script: 'Script of the Chinese text? (Hans: Simplified, Hant: Traditional)',
  format: 'Format of the file? (text, markdown)',
  'what-en': 'What the file is, in English (one sentence)',
  'what-zh': 'What the file is, in Chinese',
  'origin-en': 'Where it came from, as far as the file itself shows, in English',
  'origin-zh': 'Where it came from, in Chinese',
};

/** Parses the command line; asks for what is missing when `ask` is given. */
export async function newDocumentArguments(argv: string[], ask?: (question: string) => Promise<string>): Promise<NewDocumentOptions> {
  const values: Partial<Record<Flag, string>> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) { positional.push(a); continue; }
    const flag = a.slice(2) as Flag;
    if (!FLAGS.includes(flag)) throw new NewDocumentError(`Unexpected option ${a}, expected one of ${FLAGS.map((f) => `--${f}`).join(', ')}`);
    const value = argv[++i];
    if (value === undefined) throw new NewDocumentError(`Unexpected end after ${a}, expected its value`);
    values[flag] = value;
  }
  if (positional.length !== 1) throw new NewDocumentError('Unexpected arguments, expected `npm run new-document -- FILE --id ID [options]`');
  if (!values.id) throw new NewDocumentError('Unexpected call without --id, expected the new document id, e.g. --id lmc-poa-2028-2032');
  if (!values.type) {
    const guess = /declaration/u.test(values.id) ? 'declaration' : /initiative/u.test(values.id) ? 'initiative' : /poa|plan/u.test(values.id) ? 'plan' : undefined;
    if (guess) values.type = guess;
  }
  const missing = Object.keys(ASK).filter((f) => !values[f as Flag]) as Flag[];
  for (const flag of missing) {
    if (!ask) continue;
    values[flag] = (await ask(`${ASK[flag]}: `)).trim();
  }
  const still = Object.keys(ASK).filter((f) => !values[f as Flag]);
  if (still.length > 0) throw new NewDocumentError(`Unexpected missing ${still.map((f) => `--${f}`).join(', ')}, expected ${still.map((f) => `${ASK[f as Flag]!.replace(/\?.*$/u, '').toLowerCase()}`).join('; ')}`);
  const check = <T>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, flag: Flag, expected: string): T => {
    const r = schema.safeParse(values[flag]);
    if (!r.success) throw new NewDocumentError(`Unexpected --${flag} \`${values[flag]}\`, expected ${expected}`);
    return r.data as T;
  };
  if (values.date && !/^\d{4}-\d{2}-\d{2}$/u.test(values.date) && values.date !== 'null') throw new NewDocumentError(`Unexpected --date \`${values.date}\`, expected YYYY-MM-DD or null`);
  return {
    file: path.resolve(positional[0]!),
    id: check(documentId, 'id', 'a lowercase id like lmc-poa-2028-2032'),
    type: check(documentType, 'type', 'plan, declaration or initiative'),
    script: check(scriptSchema, 'script', 'Hans or Hant'),
    format: check<'text' | 'markdown'>({ safeParse: (v: unknown) => ({ success: v === 'text' || v === 'markdown', data: v as 'text' | 'markdown' }) }, 'format', 'text or markdown'),
    what: { en: values['what-en']!, zh: values['what-zh']! },
    origin: { en: values['origin-en']!, zh: values['origin-zh']! },
    ...(values['title-zh'] || values['title-en'] ? { title: { ...(values['title-zh'] ? { zh: values['title-zh'] } : {}), ...(values['title-en'] ? { en: values['title-en'] } : {}) } } : {}),
    ...(values.date ? { date: values.date === 'null' ? null : values.date } : {}),
    ...(values.completeness ? { completeness: check(completenessSchema, 'completeness', 'full, summary or excerpt') } : {}),
    ...(values.root ? { root: path.resolve(values.root) } : {}),
  };
}

/** Does the work; returns the lines of its report. */
export async function newDocument(options: NewDocumentOptions): Promise<string[]> {
  const paths = projectPaths(options.root);
  const rel = (f: string) => display(paths.root, f);
  const recipeFile = path.join(paths.recipes, `${options.id}.yaml`);
  const translationFile = path.join(paths.root, 'content', 'translations', `${options.id}.yaml`);
  for (const f of [recipeFile, translationFile]) if (existsSync(f)) throw new NewDocumentError(`Unexpected existing ${rel(f)}, expected a new document id`);
  const bytes = await readFile(options.file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const manifestText = await readFile(paths.manifest, 'utf8');
  const manifest = (parse(manifestText) as { sources: { file: string; sha256: string }[] }).sources;
  // The name keeps the corpus's pattern: the next three-digit number and the hash's first 16 digits.
  const next = Math.max(-1, ...manifest.map((s) => Number(s.file.slice(0, 3)))) + 1;
  const name = `${String(next).padStart(3, '0')}_${sha256.slice(0, 16)}.txt`;
  const target = path.join(paths.sources, name);

  // Refuse what the build would refuse (BOM, CRLF, not UTF-8) before copying anything.
  const diagnostics = new Diagnostics();
  const lines = decodeSource(bytes, options.file, diagnostics);
  if (!lines) throw new NewDocumentError(`${diagnostics.messages.map(formatDiagnostic).join('\n')}\nThe file is copied byte-identical, so it must be fixed at its origin or converted by the editor first.`);
  const report: string[] = [];
  const twin = manifest.find((s) => s.sha256 === sha256);
  if (twin) report.push(`note: the file is byte-identical to ${twin.file}, already in the manifest`);

  const entry = { file: name, sha256, script: options.script, format: options.format, what: options.what, origin: options.origin };
  const source: SourceFile = { ...entry, name: rel(target), lines };
  const drafted = draftRecipe(source, { id: options.id, type: options.type, title: options.title, date: options.date, completeness: options.completeness, today: options.today ?? new Date().toISOString().slice(0, 10) });

  await copyFile(options.file, target);
  await appendFile(paths.manifest, `${manifestText.endsWith('\n') ? '' : '\n'}${stringify([entry]).replace(/^/gmu, '  ').trimEnd()}\n`);
  await writeFile(recipeFile, drafted.yaml);
  const template = [
    `# The English of ${options.id}: one entry per clause id of content/recipes/${options.id}.yaml, drafted by`,
    '# `npm run new-document` with empty English. Write `heading` where the Chinese (in the comment) has a',
    '# heading and `text` where it has text; then `npm run review -- ' + options.id + '` once the English is checked.',
    `document: ${options.id}`,
    'clauses:',
    ...drafted.clauses.flatMap((c) => [
      `  # ${[c.number, c.heading, c.text].filter(Boolean).join(' ').slice(0, 100)}`,
      `  ${JSON.stringify(c.id)}:`,
      ...(c.heading !== undefined ? ['    heading: ""'] : []),
      ...(c.text ? ['    text: ""'] : []),
    ]),
  ];
  await writeFile(translationFile, `${template.join('\n')}\n`);
  report.push(
    `${rel(target)}: copied (${bytes.length} bytes, sha256 ${sha256}), ${lines.length} lines; manifest entry added to ${rel(paths.manifest)}`,
    `${rel(recipeFile)}: drafted, ${drafted.clauses.length} clauses, ${drafted.todos} TODO(s) for the editor`,
    `${rel(translationFile)}: ${drafted.clauses.length} clause ids with empty English`,
    ...(drafted.problems.length ? [`numbering problems, each taken out of the text as a TODO:\n  ${drafted.problems.join('\n  ')}`] : []),
    'next: npm run build:content, and decide each TODO it lists (see docs/editing.md, "Adding a document").',
  );
  return report;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rl = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  try {
    const options = await newDocumentArguments(process.argv.slice(2), rl ? (q) => rl.question(q) : undefined);
    process.stdout.write(`${(await newDocument(options)).join('\n')}\n`);
  } catch (error) {
    if (!(error instanceof NewDocumentError) && !(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  } finally {
    rl?.close();
  }
}
