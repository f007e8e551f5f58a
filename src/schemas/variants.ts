/** content/variants/{document}.yaml: the editors' judgement on every difference between witnesses. */
import { z } from 'astro/zod';
import { clauseId, documentId, localized, sourceFile } from './common';

/** A difference left by script conversion that is vocabulary, not a different reading. */
export const equivalence = z
  .object({ witness: z.string().min(1), base: z.string().min(1), reason: localized })
  .strict();

/** A real variant: both readings and the editors' judgement. */
export const variant = z
  .object({
    clause: clauseId,
    field: z.enum(['heading', 'text']).default('text'),
    /** The reading of the base witness (Simplified). */
    base: z.string(),
    /** The reading of the other witness after conversion to Simplified. */
    witness: z.string(),
    /** The reading as it stands in the other witness. */
    witnessOriginal: z.string(),
    /** Which reading the edition prints. */
    adopt: z.enum(['base', 'witness']),
    judgement: localized,
  })
  .strict();

export const variantsSchema = z
  .object({
    document: documentId,
    witness: sourceFile,
    /** opencc-js conversion applied to the witness before comparison. */
    conversion: z.object({ from: z.enum(['t', 'tw', 'twp', 'hk']), to: z.literal('cn') }).strict(),
    equivalences: z.array(equivalence).default([]),
    variants: z.array(variant).default([]),
  })
  .strict();

export type Variant = z.infer<typeof variant>;
export type Variants = z.infer<typeof variantsSchema>;
