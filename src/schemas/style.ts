/** content/style.yaml: the edition's house style, as calques of Chinese official English and what to write instead. */
import { z } from 'astro/zod';

export const styleRule = z
  .object({
    /** Stable id, reported as the warning's rule id (`style-<id>`). */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'expected a lowercase id like give-full-play'),
    /**
     * A regular expression (Unicode, case-insensitive) matched against a clause's English
     * heading and text, with line breaks and runs of spaces read as one space.
     */
    pattern: z.string().min(1).refine((p) => {
      try {
        new RegExp(p, 'iu');
        return true;
      } catch {
        return false;
      }
    }, 'expected a valid regular expression'),
    /** Only where the clause's Chinese contains this (e.g. 监督 for "supervision"). */
    zh: z.string().min(1).optional(),
    /** The English to write instead. */
    prefer: z.string().min(1),
    /** Why: what the calque says to an English reader, and where the preferred form comes from. */
    reason: z.string().min(1),
  })
  .strict();

export const styleSchema = z
  .object({ rules: z.array(styleRule).min(1) })
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', message: `expected a unique id, not a second \`${r.id}\``, path: ['rules', i, 'id'] });
      seen.add(r.id);
    });
  });

export type StyleRule = z.infer<typeof styleRule>;
export type Style = z.infer<typeof styleSchema>;
