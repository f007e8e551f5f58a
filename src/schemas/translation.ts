/** content/translations/{document}.yaml: the edition's English, keyed by clause id. */
import { z } from 'astro/zod';
import { clauseId, documentId } from './common';

export const clauseTranslation = z
  .object({
    /** English of the clause heading; required exactly when the clause has a Chinese heading (empty: not yet translated). */
    heading: z.string().optional(),
    /** English of the clause text; required exactly when the clause has Chinese text (empty: not yet translated). */
    text: z.string().optional(),
  })
  .strict();

/** A translator's or editor's note, in both languages. */
export const translationNote = z
  .object({
    clause: clauseId,
    kind: z.enum(['translation', 'context']),
    zh: z.string().min(1),
    en: z.string().min(1),
  })
  .strict();

export const translationSchema = z
  .object({
    document: documentId,
    clauses: z.record(clauseId, clauseTranslation),
    notes: z.array(translationNote).default([]),
  })
  .strict();

export type Translation = z.infer<typeof translationSchema>;
