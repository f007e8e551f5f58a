/** content/commitments.yaml: the commitment lexicon (issue 15). */
import { z } from 'astro/zod';

/** A commitment level: 1 explore or consider, 2 encourage/support/welcome, 3 strengthen/promote/deepen, 4 act. */
export const commitmentLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

const zhWord = z.string().regex(/^\p{Script=Han}+$/u, 'expected Chinese characters only');

export const lexiconSchema = z
  .object({
    /** Commitment verbs, each with its English and level. */
    verbs: z.array(
      z.object({ zh: zhWord, en: z.string().min(1), level: commitmentLevel, note: z.string().min(1).optional() }).strict(),
    ),
    /** Verbs that state or appraise and commit to nothing; `sentence` governs the rest of the sentence. */
    stance: z.array(z.object({ zh: zhWord, en: z.string().min(1), sentence: z.boolean().optional() }).strict()),
    /** Subjects, modals and adverbs skipped at the head of a segment. */
    transparent: z.array(zhWord),
    /** Prepositions that open a means, purpose or condition. */
    frames: z.array(zhWord),
    /** Words that close a frame; the head is looked for after the first of them. */
    frameEnds: z.array(zhWord),
    /** Words that join coordinated verbs. */
    conjunctions: z.array(z.string().regex(/^[\p{Script=Han}、]+$/u, 'expected Chinese characters or 、')),
    /** Words that open a segment continuing the last one. */
    continuations: z.array(zhWord),
    /** Words that open a purpose (以促进…), or a frame if a frame end follows. */
    purposes: z.array(zhWord),
    /** Words that put the object before the verb (将, 把). */
    objectMarkers: z.array(zhWord),
    /** Nouns and subjects that open a statement rather than a predicate. */
    statements: z.array(zhWord),
    /** Words that end the reach of a sentence-wide stance verb. */
    resets: z.array(zhWord),
  })
  .strict();

export type Lexicon = z.infer<typeof lexiconSchema>;
