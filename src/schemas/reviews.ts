/**
 * content/translations/{document}.reviews.yaml: when each clause's English was last reviewed,
 * and against which Chinese. Written only by `npm run review` (scripts/review.ts).
 */
import { z } from 'astro/zod';
import { clauseId, documentId, isoDate } from './common';

/** A lowercase hex SHA-256 digest. */
export const sha256 = z.string().regex(/^[0-9a-f]{64}$/u, 'expected 64 lowercase hex digits');

/** One clause's last review. */
export const review = z
  .object({
    /** The day an editor confirmed the English against the Chinese. */
    reviewed: isoDate,
    /** sha256 of the clause's `text.zh` (UTF-8) at that review. */
    of: sha256,
  })
  .strict();

export const reviewsSchema = z
  .object({
    document: documentId,
    clauses: z.record(clauseId, review).default({}),
  })
  .strict();

/** The three states of a clause's English (CONTRACT.md, second edition). */
export const translationStatus = z.enum(['reviewed', 'draft', 'outdated']);

/**
 * A clause's translation provenance as published in /data/{document}.json. `reviewed` and `of`
 * are null for English that has never been reviewed.
 */
export const translationProvenance = z
  .object({
    status: translationStatus,
    reviewed: isoDate.nullable(),
    of: sha256.nullable(),
  })
  .strict();

export type Reviews = z.infer<typeof reviewsSchema>;
export type TranslationProvenance = z.infer<typeof translationProvenance>;
