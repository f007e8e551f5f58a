/** content/links.yaml (the editors' curation of cross-links) and /data/links.json. */
import { z } from 'astro/zod';
import { localized } from './common';

/**
 * A clause reference `document#clause`, e.g. `lmc-poa-2018-2022#4.2.5`; `document#` with an
 * empty clause id names the document as a whole (the target of a `references` link).
 */
export const clauseRef = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*#(?:[0-9a-z]+(?:\.[0-9a-z]+)*)?$/, 'expected a clause reference like lmc-poa-2018-2022#4.2.5');

/**
 * What a link says about its two clauses:
 * `continues` (a successor plan's clause on the same subject, from the earlier plan),
 * `implements` (a declaration clause welcoming or directing a plan's provision, from the declaration),
 * `references` (the clause names the other document in 《》),
 * `related` (otherwise, from the earlier document).
 */
export const linkType = z.enum(['continues', 'related', 'references', 'implements']);

/** One cross-link as published in /data/links.json. */
export const link = z
  .object({
    /** The clause the link starts from. */
    from: clauseRef,
    /** The clause (or, for `references`, the document) it points to. */
    to: clauseRef,
    /** The kind of relation (see `linkType`). */
    type: linkType,
    /** `auto`: found by the build's matcher; `curated`: added or confirmed by an editor. */
    origin: z.enum(['auto', 'curated']),
    /** The matcher's similarity in [0, 1], rounded to 3 decimals; null for a link the matcher did not find. */
    score: z.number().min(0).max(1).nullable(),
  })
  .strict()
  .refine((l) => l.from.split('#')[0] !== l.to.split('#')[0], { message: 'expected a link between two different documents', path: ['to'] });

/** /data/links.json. */
export const linksFileSchema = z.object({ links: z.array(link) }).strict();

/** An automatic link the editors confirm, optionally correcting its type. */
export const confirmation = z
  .object({
    /** The link's start, as the matcher wrote it. */
    from: clauseRef,
    /** The link's end, as the matcher wrote it. */
    to: clauseRef,
    /** The type the published link takes. */
    type: linkType,
  })
  .strict();

/** A link the matcher does not find and the editors add. */
export const addition = z
  .object({
    /** The link's start. */
    from: clauseRef,
    /** The link's end. */
    to: clauseRef,
    /** The kind of relation. */
    type: linkType,
    /** A score to publish, if the editors want one; otherwise null. */
    score: z.number().min(0).max(1).optional(),
    /** Why the link holds, for readers and for the next editor. */
    reason: localized,
  })
  .strict();

/** An automatic link the editors reject; it never appears. */
export const rejection = z
  .object({
    /** The link's start, as the matcher wrote it. */
    from: clauseRef,
    /** The link's end, as the matcher wrote it. */
    to: clauseRef,
    /** Why the match is wrong (required: a rejection without a reason cannot be reviewed). */
    reason: localized,
  })
  .strict();

/** content/links.yaml. */
export const curationSchema = z
  .object({
    /** Automatic links the editors have checked; published as `curated`. */
    confirm: z.array(confirmation).default([]),
    /** Links the editors add; published as `curated`. */
    add: z.array(addition).default([]),
    /** Automatic links the editors reject, each with a reason. */
    reject: z.array(rejection).default([]),
  })
  .strict();

export type LinkType = z.infer<typeof linkType>;
export type LinkData = z.infer<typeof link>;
export type LinksFile = z.infer<typeof linksFileSchema>;
export type CurationData = z.infer<typeof curationSchema>;

/** One hand-labelled pair of tests/fixtures/links/labelled.yaml, the matcher's evaluation sample. */
export const labelledPair = z
  .object({
    /** One end of the pair, as the matcher names it. */
    from: clauseRef,
    /** The other end. */
    to: clauseRef,
    /** The link the pair should have, or `none` for a pair that must not be linked. */
    type: z.union([linkType, z.literal('none')]),
    /** Why, in a few words (the shared subject, or the near-miss). */
    note: z.string().optional(),
  })
  .strict();

/** tests/fixtures/links/labelled.yaml. */
export const labelledSampleSchema = z.object({ pairs: z.array(labelledPair).min(1) }).strict();
