/** /data/{document}.json and /data/index.json, as promised in CONTRACT.md. */
import { z } from 'astro/zod';
import { clauseId, completeness, documentId, documentType, isoDate, lineRange, localized, noteKind, script, sourceFile } from './common';
import { renderingEvidence } from './glossary';
import { translationProvenance } from './reviews';

export const note = z
  .object({
    kind: noteKind,
    zh: z.string().min(1),
    en: z.string().min(1),
  })
  .strict();

// ── commitments (issue 15) ──
/**
 * One commitment of a clause: a verb that governs a predicate, as the lexicon
 * (content/commitments.yaml) gives it.
 */
export const commitment = z
  .object({
    /** The governing verb as written; coordinated verbs of one level together (制定并实施). */
    zh: z.string().min(1),
    /** Its English, from the lexicon. */
    en: z.string().min(1),
    /** 1 explore or consider, 2 encourage/support/welcome, 3 strengthen/promote/deepen, 4 act. */
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  })
  .strict();
export type Commitment = z.infer<typeof commitment>;
// ── end commitments ──

export const sourceRef = z.object({ file: sourceFile, lines: lineRange }).strict();

/**
 * One clause. `text.en` and `heading.en` may be empty only in a draft edition
 * (see `documentDataSchema`).
 */
export const clause = z
  .object({
    id: clauseId,
    /** The enclosing numbered clause, or null at the top level and in the preamble. */
    parent: clauseId.nullable(),
    /** The document's own number as printed, normalised (e.g. `（一）`, `4.2.5`); absent for paragraphs. */
    number: z.string().optional(),
    heading: localized.optional(),
    text: localized,
    source: z.array(sourceRef).min(1),
    notes: z.array(note),
    topics: z.array(z.string().regex(/^[a-z0-9-]+$/)),
    /** Translation provenance (issue 17): reviewed, draft or outdated, and against which Chinese. */
    translation: translationProvenance,
    /**
     * The clause's commitment verbs in reading order (CONTRACT.md, second edition); `[]` where
     * none. Always present in the published data (tests/unit/changes.test.ts checks it); optional
     * here only so that projects without a commitment lexicon, and code written before it, still
     * type-check.
     */
    commitments: z.array(commitment).optional(),
  })
  .strict();

export const witness = z.object({ file: sourceFile, sha256: z.string().regex(/^[0-9a-f]{64}$/), script }).strict();

/**
 * Official names (issue 14): the English title the issuing body uses, where it differs from the
 * edition's title.en (e.g. "Mekong-Lancang"), with the sources that show it.
 */
export const officialTitle = z
  .object({ en: z.string().min(1), evidence: z.array(renderingEvidence).min(1, 'expected at least one source (title and url) for the official title') })
  .strict();

/**
 * Who a citation names as the document's author (issue 28), in each language, in citation order:
 * the body that adopted the text, the governments that issued it, or the publisher of a summary.
 */
export const documentAuthorNames = z
  .object({
    zh: z.array(z.string().min(1)).min(1, 'expected at least one name'),
    en: z.array(z.string().min(1)).min(1, 'expected at least one name'),
  })
  .strict();
const sameLength = (a: { zh: string[]; en: string[] }) => a.zh.length === a.en.length;
const sameLengthIssue = { message: 'expected as many English names as Chinese ones', path: ['en'] };
export const documentAuthor = documentAuthorNames.refine(sameLength, sameLengthIssue);
/** The same in a recipe, with the reason the edition names them. */
export const recipeAuthor = documentAuthorNames.extend({ reason: localized }).strict().refine(sameLength, sameLengthIssue);

const documentBase = {
  id: documentId,
  title: localized,
  officialTitle: officialTitle.optional(),
  /** The issuing body (or a summary's publisher) as citations name it; absent where unknown. */
  author: documentAuthor.optional(),
  type: documentType,
  date: isoDate.nullable(),
  completeness,
  witnesses: z.array(witness).min(1),
};

/**
 * The schema of a document data file. In a draft edition English may be missing;
 * otherwise every clause with Chinese text must have English too.
 */
export function documentDataSchema(options: { draft: boolean }) {
  return z
    .object({ ...documentBase, clauses: z.array(clause).min(1, 'expected at least one clause') })
    .strict()
    .superRefine((doc, ctx) => {
      if (options.draft) return;
      doc.clauses.forEach((c, i) => {
        if (c.text.zh && !c.text.en) ctx.addIssue({ code: 'custom', path: ['clauses', i, 'text', 'en'], message: `expected an English text for clause ${c.id}` });
        if (c.heading?.zh && !c.heading.en) ctx.addIssue({ code: 'custom', path: ['clauses', i, 'heading', 'en'], message: `expected an English heading for clause ${c.id}` });
      });
    });
}

export const indexSchema = z
  .object({
    /** The edition being published (issue 17): content/edition.yaml's last entry. */
    edition: z.object({ version: z.string().regex(/^\d+\.\d+\.\d+$/u), date: isoDate.nullable() }).strict(),
    documents: z.array(
      z.object({ ...documentBase, clauses: z.number().int().nonnegative(), url: z.string() }).strict(),
    ),
  })
  .strict();

export type Note = z.infer<typeof note>;
export type Clause = z.infer<typeof clause>;
export type DocumentData = z.infer<ReturnType<typeof documentDataSchema>>;
export type DocumentIndex = z.infer<typeof indexSchema>;
