/** content/glossary.yaml: one English rendering per term, with definitions. */
import { z } from 'astro/zod';
import { clauseId, documentId, localized } from './common';

export const glossaryTerm = z
  .object({
    /** Stable id, used in glossary URLs (#id). */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'expected a lowercase id like lancang-mekong-cooperation'),
    /** The main Chinese form, as in the corpus. */
    zh: z.string().min(1),
    /** Other Chinese forms found in the corpus. */
    zhVariants: z.array(z.string().min(1)).default([]),
    /** The one English rendering. */
    en: z.string().min(1),
    /** Other acceptable English forms (abbreviations, inflections). */
    enVariants: z.array(z.string().min(1)).default([]),
    kind: z.enum(['institution', 'mechanism', 'initiative', 'document', 'meeting', 'fund', 'place', 'policy-term']),
    definition: localized,
    note: localized.optional(),
  })
  .strict();

/** A clause where a term's rendering is legitimately absent, and why. */
export const glossaryException = z
  .object({ term: z.string(), document: documentId, clause: clauseId, reason: localized })
  .strict();

export const glossarySchema = z
  .object({
    terms: z.array(glossaryTerm).min(1),
    exceptions: z.array(glossaryException).default([]),
  })
  .strict();

export type GlossaryTerm = z.infer<typeof glossaryTerm>;
export type Glossary = z.infer<typeof glossarySchema>;
