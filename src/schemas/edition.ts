/** content/edition.yaml: edition-wide settings. */
import { z } from 'astro/zod';
import { localized } from './common';

export const editionSchema = z
  .object({
    /** While true, English may be missing; pages mark such clauses as untranslated. */
    draft: z.boolean(),
    /** The edition's name as cited. */
    name: localized,
    /** Default base of canonical URLs (SITE_URL overrides it at build time); ends with a slash. */
    site: z.string().url().regex(/\/$/u, 'expected the URL to end with a slash'),
  })
  .strict();
export type Edition = z.infer<typeof editionSchema>;
