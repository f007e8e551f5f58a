/** content/edition.yaml: edition-wide settings. */
import { z } from 'astro/zod';

export const editionSchema = z
  .object({
    /** While true, English may be missing; pages mark such clauses as untranslated. */
    draft: z.boolean(),
  })
  .strict();
export type Edition = z.infer<typeof editionSchema>;
