/** content/glossary.yaml: one English rendering per term, with definitions. */
import { z } from 'astro/zod';
import { clauseId, documentId, httpUrl, localized } from './common';

/** A source that shows an English rendering in use: a page of the owning body, or reliable usage. */
export const renderingEvidence = z
  .object({
    /** The publication's own title, with its publisher and date. */
    title: z.string().min(1),
    url: httpUrl('expected an http or https address of the source, e.g. https://…'),
    /** The words of the publication that print the rendering, copied exactly (issue 27; given where checked). */
    quote: z.string().min(1).max(400).optional(),
  })
  .strict();

/**
 * Where the English rendering comes from (CONTRACT.md, second edition): `official`, the body
 * that owns the name uses it; `established`, consistent usage in reliable English sources;
 * `edition`, the edition's own, where no English usage was found.
 */
export const rendering = z
  .object({
    status: z.enum(['official', 'established', 'edition']),
    evidence: z.array(renderingEvidence).default([]),
    /** Why the edition renders the term its own way: required for an `edition` rendering (the about page lists it, issue 27). */
    reason: localized.optional(),
  })
  .strict()
  .refine((r) => r.status === 'edition' || r.evidence.length > 0, { message: 'expected at least one piece of evidence (title and url) for an official or established rendering', path: ['evidence'] })
  .refine((r) => r.status !== 'edition' || r.reason !== undefined, { message: 'expected a reason in both languages for the edition’s own rendering (the about page lists it)', path: ['status'] });

/** What a glossary term names (the glossary page's kinds, in this order). */
export const glossaryKinds = ['institution', 'mechanism', 'initiative', 'document', 'meeting', 'fund', 'place', 'policy-term'] as const;

export const glossaryTerm = z
  .object({
    /** Stable id, used in glossary URLs (#id). */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'expected a lowercase id like lancang-mekong-cooperation'),
    /** The main Chinese form, as in the corpus. */
    zh: z.string().min(1),
    /** Other Chinese forms found in the corpus. */
    zhVariants: z.array(z.string().min(1)).default([]),
    /** The one English rendering. */
    en: z.string().min(1),
    /** Other acceptable English forms (abbreviations, inflections). */
    enVariants: z.array(z.string().min(1)).default([]),
    kind: z.enum(glossaryKinds),
    definition: localized,
    note: localized.optional(),
    /** Where the rendering comes from, with evidence (issue 14). */
    rendering,
  })
  .strict();

/** A clause where a term's rendering is legitimately absent, and why. */
export const glossaryException = z
  .object({ term: z.string(), document: documentId, clause: clauseId, reason: localized })
  .strict();

export const glossarySchema = z
  .object({
    terms: z.array(glossaryTerm).min(1),
    exceptions: z.array(glossaryException).default([]),
  })
  .strict()
  .superRefine((data, ctx) => {
    // Ids are anchors (#id) and keys of /data/glossary.json: two terms with one id would share both.
    const first = new Map<string, number>();
    data.terms.forEach((t, i) => {
      const at = first.get(t.id);
      if (at !== undefined) ctx.addIssue({ code: 'custom', path: ['terms', i, 'id'], message: `expected a unique id, found \`${t.id}\` twice (first as terms.${at}.id)` });
      else first.set(t.id, i);
    });
  });

export type GlossaryTerm = z.infer<typeof glossaryTerm>;
export type Rendering = z.infer<typeof rendering>;
export type Glossary = z.infer<typeof glossarySchema>;
