/** content/topics.yaml: the topic taxonomy every clause is tagged with. */
import { z } from 'astro/zod';
import { localized } from './common';

/** What a topic is: one of the three pillars, one of the five priority areas, or a recurring subject. */
export const topicKind = z.enum(['pillar', 'priority-area', 'subject']);

export const topic = z
  .object({
    /** Stable id, used in the data files' `topics` and in URLs. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lowercase id like water-resources'),
    kind: topicKind,
    /** The topic's name in both languages. */
    label: localized,
    /** Chinese forms whose presence signals the topic (a pillar's are matched in section headings only). */
    keywords: z.array(z.string().min(1)).min(1),
    /** The pillar a clause on this topic belongs to when no section heading says so. */
    pillar: z.string().optional(),
  })
  .strict();

export const topicsSchema = z
  .object({ topics: z.array(topic).min(1) })
  .strict()
  .superRefine((data, ctx) => {
    const pillars = new Set(data.topics.filter((t) => t.kind === 'pillar').map((t) => t.id));
    const seen = new Set<string>();
    data.topics.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['topics', i, 'id'], message: `expected a unique id, found \`${t.id}\` twice` });
      seen.add(t.id);
      if (t.pillar && !pillars.has(t.pillar)) ctx.addIssue({ code: 'custom', path: ['topics', i, 'pillar'], message: `expected the id of a pillar, found \`${t.pillar}\`` });
    });
  });

export type Topic = z.infer<typeof topic>;
export type Topics = z.infer<typeof topicsSchema>;
