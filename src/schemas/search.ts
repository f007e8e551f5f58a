/**
 * content/search.yaml (issue 25): what search knows besides the texts and the glossary. The
 * editors keep it: the ways readers and the press write a thing that the texts write otherwise,
 * and the short forms that name a document in a clause reference.
 */
import { z } from 'astro/zod';
import { documentId } from './common';

/** Forms that name one thing, each found by searching any other. */
export const searchSynonym = z
  .object({
    /** Press abbreviations, spellings, short forms, in one script: ACFTA and CAFTA; 电子商务 and 电商. */
    forms: z.array(z.string().trim().min(1, 'expected a form')).min(2, 'expected at least two forms that name the same thing'),
    /** Why the forms are interchangeable: whose usage each is. */
    reason: z.string().trim().min(1, 'expected the reason for this synonym'),
  })
  .strict();

/** Names of one document in a clause reference (P23 4.2.5, 2023–2027 4.2.5). */
export const documentForms = z
  .object({
    /** Short forms a reader may type before a clause number. The short titles need not be listed. */
    forms: z.array(z.string().trim().min(1, 'expected a form')).min(1, 'expected at least one short form'),
    /** Why these forms. */
    reason: z.string().trim().min(1, 'expected the reason for these forms'),
  })
  .strict();

export const searchDataSchema = z
  .object({
    synonyms: z.array(searchSynonym).default([]),
    /** By document id. */
    documents: z.record(documentId, documentForms).default({}),
  })
  .strict();

export type SearchSynonym = z.infer<typeof searchSynonym>;
export type SearchData = z.infer<typeof searchDataSchema>;
