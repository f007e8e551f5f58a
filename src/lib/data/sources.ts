/** The raw sources and their line accounting, for the source viewer. */
import { z } from 'astro/zod';
import { localized } from '../../schemas/common';
import { sourceEntry } from '../../schemas/manifest';
import { parseWithFriendlyErrors } from '../../schemas/friendly-errors';
import { documents } from './data';
import { dataText, sourceText } from './generated-files';

const run = z.object({
  from: z.number(),
  to: z.number(),
  use: z.enum(['text', 'witness', 'metadata', 'excluded', 'blank']),
  document: z.string().optional(),
  kind: z.string().optional(),
  reason: localized.optional(),
});
const accountingSchema = z.object({
  sources: z.array(sourceEntry.extend({ lines: z.number(), runs: z.array(run) })),
});

const text = dataText('sources.json');
if (!text) throw new Error('content/generated/data/sources.json is missing: run npm run build:content first');
export const sources = parseWithFriendlyErrors(accountingSchema, JSON.parse(text), 'content/generated/data/sources.json').sources;
export type SourceAccounting = (typeof sources)[number];

/** The file's text exactly as received. */
export function rawSource(file: string): string {
  const text = sourceText(file);
  if (text === undefined) throw new Error(`content/sources/${file} is missing`);
  return text;
}

let starts: Map<string, Map<number, { document: string; clause: string }[]>> | undefined;

/**
 * For a source file, the clauses that start at each of its lines, for links back to the
 * edition. Indexed once per build, so each source page does work for its own file only.
 */
export function clauseStarts(file: string): Map<number, { document: string; clause: string }[]> {
  if (!starts) {
    starts = new Map();
    for (const doc of documents) {
      for (const clause of doc.clauses) {
        for (const s of clause.source) {
          let byLine = starts.get(s.file);
          if (!byLine) starts.set(s.file, (byLine = new Map()));
          let list = byLine.get(s.lines[0]);
          if (!list) byLine.set(s.lines[0], (list = []));
          list.push({ document: doc.id, clause: clause.id });
        }
      }
    }
  }
  return starts.get(file) ?? new Map();
}
