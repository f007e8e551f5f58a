/**
 * Content collections: one generated MDX entry per document (scripts/build-content.ts),
 * every clause in it a `<C>` element that ClauseView renders.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { documentId } from './schemas/common';
import { pageBatch } from './lib/page-batch';

// In a batch of a large build, only the batch's documents: the bundler then holds a fraction of the corpus.
const batch = pageBatch();

const documents = defineCollection({
  loader: glob({
    pattern: batch ? batch.documents.map((id) => `${id}.mdx`) : '*.mdx',
    base: './content/generated/documents',
    // Ids are the contract's document ids, never slugs of file names.
    generateId: ({ data }) => String(data.document),
    // Rendered when a page needs it, not all at once: keeps memory flat on large corpora.
    deferRender: true,
  }),
  schema: z
    .object({
      /** Document id. */
      document: documentId,
      /** How many `<C>` elements the body holds: one per clause of the document's data. */
      clauses: z.number().int().nonnegative(),
    })
    .strict(),
});

export const collections = { documents };
