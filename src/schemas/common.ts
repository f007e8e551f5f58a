/** Building blocks shared by every schema of the edition. */
import { z } from 'astro/zod';

/** A text in both languages of the edition. */
export const localized = z.object({
  /** Chinese (Simplified). */
  zh: z.string(),
  /** English. */
  en: z.string(),
}).strict();
export type Localized = z.infer<typeof localized>;

/** A document id as published in the contract, e.g. `lmc-poa-2018-2022`. */
export const documentId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lowercase id like lmc-poa-2018-2022');

/** A clause id: only 0-9, a-z and dots, e.g. `4.2.5`, `preamble.p1`, `2.1.p3`. */
export const clauseId = z.string().regex(/^[0-9a-z]+(?:\.[0-9a-z]+)*$/, 'expected a clause id like 4.2.5 or preamble.p1');

/** A source file name as received, e.g. `000_247d331bafc353cf.txt`. */
export const sourceFile = z.string().regex(/^[0-9]{3}_[0-9a-f]{16}\.txt$/, 'expected a source file name like 000_247d331bafc353cf.txt');

/** An inclusive range of 1-based line numbers, first ≤ last. */
export const lineRange = z
  .tuple([z.number().int().positive(), z.number().int().positive()])
  .refine(([first, last]) => first <= last, 'expected the first line to be ≤ the last line');

/**
 * An absolute http or https address. Anything else a URL parser accepts (`javascript:`,
 * `data:`, `vbscript:`, `file:`) would be published as a link that runs or opens something
 * where an engine ignores the Content-Security-Policy (Edge's IE mode), so it is refused.
 */
export const httpUrl = (message = 'expected an http or https address, e.g. https://…') =>
  z.string().url(message).refine((u) => {
    try {
      return /^https?:$/u.test(new URL(u).protocol);
    } catch {
      return false;
    }
  }, message);

/** A calendar date written YYYY-MM-DD. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD');

/** The kinds of note a clause can carry. */
export const noteKind = z.enum(['editorial', 'translation', 'context', 'variant']);

export const documentType = z.enum(['plan', 'declaration', 'initiative']);
export const completeness = z.enum(['full', 'summary', 'excerpt']);
/** ISO 15924 script of a witness. */
export const script = z.enum(['Hans', 'Hant']);
