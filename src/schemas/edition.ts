/** content/edition.yaml: edition-wide settings. */
import { z } from 'astro/zod';
import { httpUrl, isoDate, localized } from './common';

/** An edition's version, as in package.json: MAJOR.MINOR.PATCH. */
export const editionVersion = z.string().regex(/^\d+\.\d+\.\d+$/u, 'expected a version like 0.2.0');

/** One edition of the edition: its version and the day it was published. */
export const editionEntry = z.object({ version: editionVersion, date: isoDate }).strict();

export const editionSchema = z
  .object({
    /** While true, English may be missing; pages mark such clauses as untranslated. */
    draft: z.boolean(),
    /** The edition's name as cited. */
    name: localized,
    /** Who made the English, as English citations name their translator (CSL `translator`). */
    translator: z.string().min(1),
    /**
     * The published address, if the edition has one (SITE_URL overrides it at build time): http or
     * https, ending with a slash. Without either, pages cite the address they are served from (issue 28).
     */
    site: httpUrl().regex(/\/$/u, 'expected the URL to end with a slash').optional(),
    /** Every edition, oldest first; the last is the one being built, and its version is package.json's. */
    editions: z.array(editionEntry).default([]),
  })
  .strict();
export type Edition = z.infer<typeof editionSchema>;
