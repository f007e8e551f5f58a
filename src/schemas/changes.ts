/** /data/changes.json (CONTRACT.md, second edition) and its curation, content/changes.yaml (issue 15). */
import { z } from 'astro/zod';
import { clauseId, documentId, localized } from './common';
import { commitmentLevel } from './commitments';

export const changeStatus = z.enum(['continued', 'reworded', 'merged', 'split', 'new', 'dropped']);
export const commitmentDirection = z.enum(['stronger', 'weaker', 'same', 'mixed']);

/** One commitment of a pair whose level changed: the earlier verb and the later one. */
export const levelChange = z
  .object({
    /** The commitment in the earlier document: its clause, verb, chain (探讨建立) and level. */
    from: z.object({ clause: clauseId, zh: z.string(), chain: z.string(), level: commitmentLevel }).strict(),
    /** The matching commitment in the later document. */
    to: z.object({ clause: clauseId, zh: z.string(), chain: z.string(), level: commitmentLevel }).strict(),
  })
  .strict();

export const change = z
  .object({
    /** Sections of the earlier document (empty for `new`). */
    from: z.array(clauseId),
    /** Sections of the later document (empty for `dropped`). */
    to: z.array(clauseId),
    /**
     * continued: one to one, most of the earlier Chinese kept; reworded: one to one, mostly new
     * words; merged: several into one; split: one into several; new; dropped.
     */
    status: changeStatus,
    /** `curated` where an editor paired or unpaired its sections in content/changes.yaml. */
    origin: z.enum(['auto', 'curated']),
    /** How the commitments moved: matched commitments compared level by level. */
    commitment: commitmentDirection,
    /** Matched commitments whose level changed (an addition to the contract). */
    levels: z.array(levelChange),
    /** The editors' reasons, where curated (an addition to the contract). */
    reasons: z.array(localized).optional(),
  })
  .strict();

export const comparison = z
  .object({ from: documentId, to: documentId, changes: z.array(change) })
  .strict();

export const changesSchema = z.object({ comparisons: z.array(comparison) }).strict();

const pairEntry = z.object({ from: clauseId, to: clauseId, reason: localized.extend({ zh: z.string().min(1), en: z.string().min(1) }) }).strict();

/** content/changes.yaml: section pairs the links miss (`pair`) or get wrong (`unpair`), each with a reason. */
export const changesCurationSchema = z
  .object({
    comparisons: z.array(
      z.object({ from: documentId, to: documentId, pair: z.array(pairEntry).default([]), unpair: z.array(pairEntry).default([]) }).strict(),
    ),
  })
  .strict();

export type Change = z.infer<typeof change>;
export type ChangeStatus = z.infer<typeof changeStatus>;
export type CommitmentDirection = z.infer<typeof commitmentDirection>;
export type Comparison = z.infer<typeof comparison>;
export type ChangesData = z.infer<typeof changesSchema>;
export type ChangesCuration = z.infer<typeof changesCurationSchema>;
