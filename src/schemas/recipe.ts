/** content/recipes/{document}.yaml: how a document is assembled from its sources. */
import { z } from 'astro/zod';
import { clauseId, completeness, documentId, documentType, isoDate, lineRange, localized, noteKind, sourceFile } from './common';
import { officialTitle, recipeAuthor } from './document';

/** A run of source lines that belongs to the document's text, in reading order. */
export const segment = z
  .object({
    file: sourceFile,
    /** Inclusive 1-based line range in the file as received. */
    lines: lineRange,
    /** `previous`: the first paragraph continues the last paragraph of the previous segment. */
    join: z.literal('previous').optional(),
    /** Why this segment is joined or placed out of source order; shown to readers as an editorial note. */
    reason: localized.optional(),
    /**
     * Paragraph breaks inside a line: the paragraph ends after the text `after` (which must
     * occur once in the line) and the rest of the line starts the next one. The reason is
     * shown to readers on the paragraph the break begins.
     */
    split: z
      .array(z.object({ line: z.number().int().positive(), after: z.string().min(1), reason: localized }).strict())
      .optional(),
  })
  .strict()
  .refine((s) => !s.join || s.reason, { message: 'expected a reason for the join', path: ['reason'] });

/** Lines that describe the document (title, date) rather than belong to a clause. */
export const metadataRange = z
  .object({
    file: sourceFile,
    lines: lineRange,
    role: z.enum(['title', 'subtitle', 'date', 'provenance']),
    reason: localized,
  })
  .strict();

/** Lines that are not part of the edition, and why. */
export const exclusion = z
  .object({
    file: sourceFile,
    lines: lineRange,
    kind: z.enum(['furniture', 'dateline', 'unrelated', 'duplicate']),
    reason: localized,
    /** The clause next to which a removal inside the text is reported as an editorial note. */
    attach: clauseId.optional(),
  })
  .strict();

/** A second witness of the same text, collated against the base. */
export const witnessRange = z.object({ file: sourceFile, lines: lineRange }).strict();

/** A note written by the editors and attached to a clause. */
export const recipeNote = z
  .object({ clause: clauseId, kind: noteKind, zh: z.string().min(1), en: z.string().min(1) })
  .strict();

export const recipeSchema = z
  .object({
    /** The document id of the contract. */
    id: documentId,
    type: documentType,
    /** Date of adoption, or null where the sources do not establish it. */
    date: isoDate.nullable(),
    completeness,
    title: localized,
    /** The issuing body's English title where it differs from title.en; absent otherwise. */
    officialTitle: officialTitle.optional(),
    /**
     * Who citations name as the author (issue 28): the body that adopted the text (a leaders'
     * meeting, the governments), or the publisher of a published summary; `reason` says where the
     * corpus (or well-established fact) shows it. Absent where the edition does not know.
     */
    author: recipeAuthor.optional(),
    /**
     * A document being prepared (`npm run new-document` sets it): built and shown, its English may
     * be missing, a TODO left in the recipe is a warning, and its clause ids are not yet published.
     */
    draft: z.boolean().default(false),
    /** The source file whose text the edition follows. */
    base: sourceFile,
    /** Numbered lines read `heading。body`: the phrase before the first 。 is the heading. */
    inlineHeadings: z.boolean().default(false),
    metadata: z.array(metadataRange).default([]),
    text: z.array(segment).min(1, 'expected at least one text segment'),
    witnesses: z.array(witnessRange).default([]),
    exclude: z.array(exclusion).default([]),
    notes: z.array(recipeNote).default([]),
    /** Per-clause corrections of the parser's reading, e.g. a sentence that lacks its full stop is not a heading. */
    clauses: z.record(clauseId, z.object({ heading: z.literal(false) }).strict()).default({}),
  })
  .strict()
  .refine((r) => r.officialTitle?.en !== r.title.en, { message: 'expected an official title that differs from title.en (leave officialTitle out when they are the same)', path: ['officialTitle', 'en'] });

export type Segment = z.infer<typeof segment>;
export type Exclusion = z.infer<typeof exclusion>;
export type MetadataRange = z.infer<typeof metadataRange>;
export type Recipe = z.infer<typeof recipeSchema>;
