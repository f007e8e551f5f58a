/**
 * Stage: house style. content/style.yaml lists calques of Chinese official English ("give full
 * play to", "top-level design") with the English to write instead and why. Every match in a
 * clause's English heading or text is a warning located at the words in the translation file,
 * so an editor can go straight to them; the edition's own English passes with none.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isScalar } from 'yaml';
import type { DocumentData } from '../../../src/schemas/document';
import { styleSchema, type StyleRule } from '../../../src/schemas/style';
import { parsedYaml, readDataFile } from '../core/data-file';
import type { Diagnostics } from '../core/diagnostics';
import { display, type ProjectPaths } from '../core/paths';

export interface StyleResult {
  rules: number;
  /** Clause headings and texts checked. */
  checked: number;
  warnings: number;
}

/**
 * The value of a YAML scalar as a reader sees it (whitespace runs and line breaks as one
 * space), with the file offset of each of its characters, so a match maps back to the file.
 */
function readableText(source: string, range: [number, number, number], block: boolean): { text: string; offsets: number[] } {
  let start = range[0];
  // A block scalar's range begins at its header (`>-`): the text starts on the next line.
  if (block) start = source.indexOf('\n', start) + 1;
  let text = '';
  const offsets: number[] = [];
  let space = false;
  for (let i = start; i < range[1]; i++) {
    const ch = source[i]!;
    if (/\s/u.test(ch)) {
      space = text.length > 0;
      continue;
    }
    if (space) {
      text += ' ';
      offsets.push(i - 1);
      space = false;
    }
    text += ch;
    offsets.push(i);
  }
  return { text, offsets };
}

/** Checks every clause's English against the style rules; returns what was checked. */
export async function checkStyle(paths: ProjectPaths, documents: DocumentData[], diagnostics: Diagnostics): Promise<StyleResult | undefined> {
  const styleFile = path.join(paths.root, 'content', 'style.yaml');
  if (!existsSync(styleFile)) return undefined;
  const style = await readDataFile(styleSchema, styleFile, display(paths.root, styleFile), diagnostics);
  if (!style) return undefined;
  const rules = style.data.rules.map((rule) => ({ rule, regex: new RegExp(rule.pattern, 'giu') }));
  const result: StyleResult = { rules: rules.length, checked: 0, warnings: 0 };
  for (const doc of documents) {
    const file = path.join(paths.root, 'content', 'translations', `${doc.id}.yaml`);
    if (!existsSync(file)) continue;
    const name = display(paths.root, file);
    const source = await readFile(file, 'utf8');
    const { doc: yaml, lineCounter } = parsedYaml(source, name);
    for (const clause of doc.clauses) {
      for (const field of ['heading', 'text'] as const) {
        const node = yaml.getIn(['clauses', clause.id, field], true);
        if (!isScalar(node) || !node.range || typeof node.value !== 'string') continue;
        result.checked++;
        const zh = field === 'heading' ? (clause.heading?.zh ?? '') : clause.text.zh;
        const block = node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL';
        const { text, offsets } = readableText(source, node.range, block);
        for (const { rule, regex } of rules) {
          if (rule.zh && !zh.includes(rule.zh)) continue;
          for (const match of text.matchAll(regex)) {
            const pos = lineCounter.linePos(offsets[match.index]!);
            result.warnings++;
            diagnostics.warn(styleMessage(rule, match[0], doc.id, clause.id), { file: name, place: { line: pos.line, column: pos.col }, ruleId: `style-${rule.id}` });
          }
        }
      }
    }
  }
  return result;
}

function styleMessage(rule: StyleRule, found: string, document: string, clause: string): string {
  return `Unexpected “${found}” in ${document}#${clause}${rule.zh ? ` (for ${rule.zh})` : ''}, expected ${rule.prefer}: ${rule.reason}`;
}
