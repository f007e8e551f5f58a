/**
 * Drafts a recipe for a new source from what the parser sees (issue 17, `npm run new-document`):
 * numbered lines and lines that end a sentence are taken as text; every other line is listed
 * with a `TODO` reason for the editor to decide. The build reports each TODO left in a recipe
 * as a located message (`recipe-todo`), so nothing is decided silently.
 */
import { readFile } from 'node:fs/promises';
import type { Localized } from '../../../src/schemas/common';
import { recipeSchema, type Recipe } from '../../../src/schemas/recipe';
import { assembleParagraphs, parseClauses, type DraftClause } from './clauses';
import { parseDataText, type DataFile } from '../core/data-file';
import { Diagnostics, formatDiagnostic } from '../core/diagnostics';
import { stripMarkdown } from './normalise';
import { CLAUSE_END, readMarker, type MarkerKind } from './numbering';
import type { SourceFile } from './sources';

/** What the drafter decided about one line. */
type LineKind = 'blank' | 'text' | 'title' | 'todo';

interface LineDecision {
  kind: LineKind;
  /** For `todo`: why the line needs the editor. */
  reason?: Localized;
}

const BLANK = /^[\s\u00a0\u3000]*$/u;
const HAN = /\p{Script=Han}/u;
const DATE = /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{1,2}-\d{1,2}/u;

const REASONS = {
  date: { en: 'TODO: a date or dateline: document metadata (role: date), or furniture?', zh: 'TODO：日期或电头：作为文件元数据（role: date），还是版面杂项？' },
  split: { en: 'TODO: does not end a sentence and the next line is not numbered: a paragraph split across lines (move it into the text and join the next line with `join: previous`), or furniture?', zh: 'TODO：此行未成句且下一行无编号：是跨行断开的段落（移入正文，下一行用 `join: previous` 接续），还是版面杂项？' },
  other: { en: 'TODO: not numbered and does not end a sentence: a heading or subtitle (metadata), furniture, or unrelated text?', zh: 'TODO：无编号且未成句：是标题或副标题（元数据）、版面杂项，还是无关文字？' },
  title: { en: 'TODO: confirm that this line is the title', zh: 'TODO：确认此行为标题' },
} satisfies Record<string, Localized>;

/** The line as the parser reads it: Markdown markup removed, indentation trimmed. */
function content(source: SourceFile, line: string): string {
  return (source.format === 'markdown' ? stripMarkdown(line) : line).replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/gu, '');
}

/** Decides each line of a source: text, the title, blank, or TODO with a reason. */
export function classifyLines(source: SourceFile): LineDecision[] {
  const texts = source.lines.map((l) => content(source, l));
  const decisions: LineDecision[] = texts.map((text) => {
    if (BLANK.test(text)) return { kind: 'blank' };
    if (readMarker(text)) return { kind: 'text' };
    if (HAN.test(text) && CLAUSE_END.test(text) && !DATE.test(text.slice(0, 16))) return { kind: 'text' };
    return { kind: 'todo' };
  });
  const nextNonBlank = (i: number) => decisions.findIndex((d, j) => j > i && d.kind !== 'blank');
  let seenText = false;
  decisions.forEach((d, i) => {
    if (d.kind === 'text') seenText = true;
    if (d.kind !== 'todo') return;
    const text = texts[i]!;
    const next = nextNonBlank(i);
    if (!seenText && !decisions.slice(0, i).some((x) => x.kind === 'title') && HAN.test(text) && !DATE.test(text)) {
      d.kind = 'title';
      d.reason = REASONS.title;
    } else if (DATE.test(text)) d.reason = REASONS.date;
    else if (seenText && next >= 0 && decisions[next]!.kind === 'text' && !readMarker(texts[next]!) && HAN.test(text)) d.reason = REASONS.split;
    else d.reason = REASONS.other;
  });
  return decisions;
}

/** Inclusive ranges of consecutive lines for which `keep` holds, trimmed of blank lines at both ends. */
function runs(decisions: LineDecision[], keep: (d: LineDecision, i: number) => boolean, same: (a: LineDecision, b: LineDecision) => boolean = () => true): [number, number][] {
  const result: [number, number][] = [];
  let start = -1;
  const close = (end: number) => {
    let [a, b] = [start, end];
    while (a <= b && decisions[a]!.kind === 'blank') a++;
    while (b >= a && decisions[b]!.kind === 'blank') b--;
    if (a <= b) result.push([a + 1, b + 1]);
    start = -1;
  };
  decisions.forEach((d, i) => {
    const k = keep(d, i);
    if (start >= 0 && (!k || (d.kind !== 'blank' && !same(decisions[start]!, d)))) close(i - 1);
    if (k && start < 0 && d.kind !== 'blank') start = i;
  });
  if (start >= 0) close(decisions.length - 1);
  return result;
}

export interface DraftOptions {
  id: string;
  type: Recipe['type'];
  /** Titles given on the command line; otherwise the title line, and a TODO for the English. */
  title?: Partial<Localized>;
  date?: string | null;
  completeness?: Recipe['completeness'];
  /** The day of drafting, for the header. */
  today: string;
}

export interface DraftedRecipe {
  /** The recipe's YAML text, with comments. */
  yaml: string;
  /** Number of TODO decisions left in it. */
  todos: number;
  /** Numbering problems the parser reports on the drafted text (they stop the build). */
  problems: string[];
  recipe?: DataFile<Recipe>;
  clauses: DraftClause[];
}

const KIND_NAMES: Record<MarkerKind, string> = { 'cn-dun': '一、', 'cn-paren': '（一）', 'arabic-dot': '1.', 'arabic-paren': '(1)', decimal: '1.1' };
const q = (s: string) => JSON.stringify(s);
const localized = (l: Localized) => `{ en: ${q(l.en)}, zh: ${q(l.zh)} }`;

/** Drafts the recipe of a new document whose text is the whole of `source`. */
export function draftRecipe(source: SourceFile, options: DraftOptions): DraftedRecipe {
  const decisions = classifyLines(source);
  const name = `content/recipes/${options.id}.yaml`;
  // A numbering problem (a fragment out of order, a duplicate) would stop the build: the drafter
  // takes each line the parser objects to out of the text as a TODO, quoting the parser, and tries
  // again, so that the draft builds and the editor sees every problem at its line.
  const problems: string[] = [];
  for (let attempt = 0; ; attempt++) {
    const body = recipeBody(source, decisions, options);
    const diagnostics = new Diagnostics();
    const recipe = parseDataText(recipeSchema, `${body}\n`, name, diagnostics);
    let clauses: DraftClause[] = [];
    if (recipe) {
      const sources = new Map([[source.file, source]]);
      const paragraphs = assembleParagraphs(recipe.data.text, sources, name, recipe.locate, 'text', diagnostics);
      clauses = parseClauses(paragraphs, sources, { inlineHeadings: false, notHeadings: new Set() }, diagnostics);
    }
    const fatal = diagnostics.messages.filter((m) => m.fatal);
    const lines = fatal.filter((m) => m.file === source.name && m.line && decisions[m.line - 1]?.kind === 'text');
    if (lines.length > 0 && attempt < 50) {
      for (const m of lines) {
        problems.push(formatDiagnostic(m).split('\n')[0]!);
        decisions[m.line! - 1] = { kind: 'todo', reason: { en: `TODO: the parser reports: ${m.reason} (a fragment out of order: move its lines; a duplicate: exclude them; or a slip in the source: a note)`, zh: `TODO：解析报告：${m.reason}（错序片段：移动其行；重复：排除；原文笔误：加注）` } };
      }
      continue;
    }
    problems.push(...fatal.filter((m) => !lines.includes(m)).map((m) => formatDiagnostic(m)));
    return { yaml: `${recipeHeader(source, clauses, options, problems.length)}\n${body}\n`, todos: body.split('\n').filter((line) => /TODO[:：]/u.test(line)).length, problems, recipe, clauses };
  }
}

function recipeBody(source: SourceFile, decisions: LineDecision[], options: DraftOptions): string {
  const titleLine = decisions.findIndex((d) => d.kind === 'title');
  const textRuns = runs(decisions, (d) => d.kind === 'text' || d.kind === 'blank');
  const todoRuns = runs(decisions, (d) => d.kind === 'todo' || d.kind === 'blank', (a, b) => a.reason === b.reason);
  const titleZh = options.title?.zh ?? (titleLine >= 0 ? content(source, source.lines[titleLine]!) : 'TODO：中文标题');
  const titleEn = options.title?.en ?? 'TODO: the English title';
  const entry = (lines: [number, number]) => `  - file: ${source.file}\n    lines: [${lines[0]}, ${lines[1]}]\n`;
  return [
    `id: ${options.id}`,
    '# A draft document is built and shown, but its clause ids are not yet published (content/registry.yaml),',
    '# its missing English is allowed, and a TODO left in this file is a warning, not an error.',
    '# Delete this line (or set it to false) once every TODO is decided and the English is written.',
    'draft: true',
    `type: ${options.type}`,
    options.date !== undefined ? `date: ${options.date === null ? 'null' : q(options.date)}` : 'date: null # TODO: the date of adoption (YYYY-MM-DD), or null where the sources do not establish it',
    options.completeness ? `completeness: ${options.completeness}` : 'completeness: full # TODO: full, summary or excerpt',
    'title:',
    `  zh: ${q(titleZh)}`,
    `  en: ${q(titleEn)}`,
    `base: ${source.file}`,
    '# true where numbered lines read `heading。body` (the phrase before the first 。 is the heading)',
    'inlineHeadings: false',
    'metadata:',
    ...(titleLine >= 0 ? [`${entry([titleLine + 1, titleLine + 1])}    role: title\n    reason: ${localized(REASONS.title)}`] : []),
    'text:',
    ...textRuns.map((r) => entry(r).trimEnd()),
    'exclude:',
    ...todoRuns.map((r) => `${entry(r)}    kind: furniture\n    reason: ${localized(decisions[r[0] - 1]!.reason!)}`),
  ].join('\n').replace(/^metadata:\ntext:/mu, 'metadata: []\ntext:').replace(/\nexclude:$/u, '\nexclude: []');
}

function recipeHeader(source: SourceFile, clauses: DraftClause[], options: DraftOptions, problems: number): string {
  const levels = new Map<string, { depth: number; count: number; example: string }>();
  for (const c of clauses) {
    if (!c.number) continue;
    const depth = c.id.split('.').length;
    const key = `${depth}|${readMarker(c.number)?.kind ?? 'decimal'}`;
    const level = levels.get(key) ?? { depth, count: 0, example: c.number };
    level.count++;
    levels.set(key, level);
  }
  const paragraphs = clauses.filter((c) => !c.number).length;
  return [
    `# Drafted by \`npm run new-document\` on ${options.today} from content/sources/${source.file} (${source.lines.length} lines).`,
    '# Numbered lines and lines that end a sentence were taken as text; every other line is listed below',
    '# with a TODO reason. Decide each: move it into `text` (with `join: previous` where it continues a',
    '# paragraph), into `metadata` (title, subtitle, date, provenance), or keep it excluded with the real',
    '# reason and kind (furniture, dateline, unrelated, duplicate). Every line must stay in exactly one list.',
    '# `npm run build` names every TODO left, file:line:column.',
    '#',
    `# Numbering the parser recognises (${clauses.length} clauses, ${paragraphs} of them unnumbered paragraphs):`,
    ...[...levels.values()].sort((a, b) => a.depth - b.depth).map((l) => `#   level ${l.depth}: ${KIND_NAMES[readMarker(l.example)?.kind ?? 'decimal']} style, e.g. ${l.example} (${l.count})`),
    ...(levels.size === 0 ? ['#   none: every paragraph becomes preamble.p<n>'] : []),
    ...(problems > 0 ? [`#   ${problems} numbering problem(s) taken out of the text: see the TODOs that quote the parser.`] : []),
  ].join('\n');
}

/**
 * Every TODO left in a recipe, as located messages: warnings in a draft document, errors in a
 * published one.
 */
export async function checkRecipeTodos(recipes: { name: string; data: { draft?: boolean } }[], file: (name: string) => string, diagnostics: Diagnostics): Promise<number> {
  let count = 0;
  for (const recipe of recipes) {
    const lines = (await readFile(file(recipe.name), 'utf8')).split('\n');
    lines.forEach((line, i) => {
      const at = line.search(/TODO[:：]/u);
      if (at < 0) return;
      count++;
      // The TODO's own words: up to the end of its quoted YAML string, or of the comment.
      const what = line.slice(at).split(/(?<!\\)"/u)[0]!.trim();
      const report = recipe.data.draft ? diagnostics.warn.bind(diagnostics) : diagnostics.error.bind(diagnostics);
      report(`Unexpected undecided \`${what.length > 90 ? `${what.slice(0, 90)}…` : what}\`, expected the editor's decision in place of the TODO${recipe.data.draft ? '' : ' (the document is not a draft)'}`, { file: recipe.name, place: { line: i + 1, column: at + 1 }, ruleId: 'recipe-todo' });
    });
  }
  return count;
}
