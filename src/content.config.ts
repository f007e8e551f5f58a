/** Content collections: one generated MDX entry per clause (scripts/build-content.ts). */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { clauseId, documentId, localized } from './schemas/common';

const clauses = defineCollection({
  loader: glob({
    pattern: '**/*.mdx',
    base: './content/generated/clauses',
    // Ids are the contract's, never slugs of file names: `lmc-poa-2018-2022/4.2.5`.
    generateId: ({ data }) => `${data.document}/${data.clause}`,
    // Rendered when a page needs it, not all at once: keeps memory flat on large corpora.
    deferRender: true,
  }),
  schema: z
    .object({
      /** Document id. */
      document: documentId,
      /** Clause id within the document. */
      clause: clauseId,
      /** Position in reading order. */
      order: z.number().int().nonnegative(),
      parent: clauseId.nullable(),
      /** The document's own number, normalised. */
      number: z.string().optional(),
      heading: localized.optional(),
      /** False for a heading-only clause. */
      hasText: z.boolean(),
    })
    .strict(),
});

export const collections = { clauses };
