/**
 * content/names.yaml: the names register (issue 27). Every proper name the edition's English
 * prints (bodies, meetings, mechanisms, programmes, funds, documents, events, places) is a
 * glossary term or an entry here, with where its English comes from. The build's `names` stage
 * finds candidate names in the English and warns at each one that is neither.
 */
import { z } from 'astro/zod';
import { httpUrl, localized } from './common';

/** How quotations compare with a name: one kind of quote, dash and space, any case. */
export function foldName(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[‘’`']/gu, '’')
    .replace(/[“”"]/gu, '')
    .replace(/[‐‑‒–—]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** A publication of the name's owner (or, for `established`, a reliable one) that prints the name. */
export const nameEvidence = z
  .object({
    /** The publication's own title, as published (not a paraphrase), with its publisher and date. */
    title: z.string().min(1),
    url: httpUrl('expected an http or https address of the publication, e.g. https://…'),
    /** The words of the publication that print the name, copied exactly (a phrase, not a passage). */
    quote: z.string().min(1).max(400, 'expected a short quotation: the words that print the name'),
  })
  .strict();

export const nameKind = z.enum(['institution', 'meeting', 'mechanism', 'programme', 'fund', 'document', 'event', 'place', 'title', 'term']);

export const nameEntry = z
  .object({
    /** The name as the edition's English writes it. */
    en: z.string().min(1),
    /** The short form (usually an acronym) the English uses after spelling the name out once in a clause. */
    short: z.string().min(1).optional(),
    /** Other forms the English prints for the same name (a plural, an older form). */
    variants: z.array(z.string().min(1)).default([]),
    /** The Chinese forms the corpus prints for it; a 《》 title is registered by its text without the brackets. */
    zh: z.array(z.string().min(1)).default([]),
    kind: nameKind,
    /**
     * `official`: the owner prints this English; `established`: reliable English sources print it
     * consistently; `edition`: the edition's own, where no published English form was found.
     */
    status: z.enum(['official', 'established', 'edition']),
    /**
     * The owner's own form where it differs from `en` only by the house form (Mekong-Lancang for
     * Lancang-Mekong, see README): the quotations must print `published` or `en`.
     */
    published: z.string().min(1).optional(),
    evidence: z.array(nameEvidence).default([]),
    /** Why the edition writes this form: required for an edition name (shown on the about page). */
    reason: localized.optional(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    if (entry.status !== 'edition' && entry.evidence.length === 0) {
      ctx.addIssue({ code: 'custom', message: `expected at least one publication (title, url, quote) for an ${entry.status} name`, path: ['evidence'] });
    }
    if (entry.status === 'edition' && !entry.reason) {
      ctx.addIssue({ code: 'custom', message: 'expected a reason in both languages for a name the edition coined (the about page lists it)', path: ['status'] });
    }
    const forms = [entry.en, entry.published, entry.short, ...entry.variants].filter((f): f is string => Boolean(f)).map(foldName);
    entry.evidence.forEach((e, i) => {
      const quote = foldName(e.quote);
      if (!forms.some((f) => quote.includes(f))) {
        ctx.addIssue({ code: 'custom', message: `expected the quotation to print the name (“${entry.published ?? entry.en}”${entry.short ? ` or “${entry.short}”` : ''}), not “${e.quote}”`, path: ['evidence', i, 'quote'] });
      }
    });
  });

export const namesSchema = z
  .object({ names: z.array(nameEntry).min(1) })
  .strict()
  .superRefine((register, ctx) => {
    const seen = new Map<string, number>();
    register.names.forEach((entry, i) => {
      for (const form of [entry.en, entry.short, ...entry.variants]) {
        if (!form) continue;
        const key = foldName(form);
        const first = seen.get(key);
        if (first !== undefined && first !== i) ctx.addIssue({ code: 'custom', message: `expected each form once in the register, not “${form}” again (entry ${first + 1} has it)`, path: ['names', i, 'en'] });
        seen.set(key, i);
      }
    });
  });

export type NameEntry = z.infer<typeof nameEntry>;
export type NamesRegister = z.infer<typeof namesSchema>;
