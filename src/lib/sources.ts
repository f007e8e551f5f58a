/** The raw sources and their line accounting, for the source viewer. */
import { z } from 'astro/zod';
import { localized } from '../schemas/common';
import { sourceEntry } from '../schemas/manifest';
import { parseWithFriendlyErrors } from '../schemas/friendly-errors';

const raw = import.meta.glob<string>('../../content/sources/*.txt', { eager: true, query: '?raw', import: 'default' });
const generated = import.meta.glob<string>('../../content/generated/data/sources.json', { eager: true, query: '?raw', import: 'default' });

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

const text = Object.values(generated)[0];
if (!text) throw new Error('content/generated/data/sources.json is missing: run npm run build:content first');
export const sources = parseWithFriendlyErrors(accountingSchema, JSON.parse(text), 'content/generated/data/sources.json').sources;
export type SourceAccounting = (typeof sources)[number];

/** The file's text exactly as received. */
export function rawSource(file: string): string {
  const entry = Object.entries(raw).find(([path]) => path.endsWith(`/${file}`));
  if (entry === undefined) throw new Error(`content/sources/${file} is missing`);
  return entry[1];
}
