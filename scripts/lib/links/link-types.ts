/**
 * How two documents of the corpus relate, which types the link between their clauses (step 4
 * of the cross-link matcher, links.ts), and a scored candidate before pruning.
 */
import type { DocumentData } from '../../../src/schemas/document';
import type { LinkType } from '../../../src/schemas/links';

/** The three pillars of the topic taxonomy: never a subject two clauses share. */
export const PILLARS = new Set(['political-security', 'economic-sustainable-development', 'social-cultural']);


/** How two documents relate in time and kind. */
export interface DocInfo {
  id: string;
  type: DocumentData['type'];
  /** Organisation: the first segment of the id (`lmc`, `asean`). */
  framework: string;
  /** The id without its year range: the plans of one series share it. */
  series: string;
  year: number;
  /** Period of a plan, from its id. */
  period?: [number, number];
  /** Position in the input, breaking ties of year. */
  order: number;
}

export function docInfo(doc: DocumentData, order: number, years: Record<string, number>): DocInfo {
  const period = doc.id.match(/-(\d{4})-(\d{4})$/u);
  const year = doc.date ? Number(doc.date.slice(0, 4)) : (years[doc.id] ?? (period ? Number(period[1]) : 9999));
  return {
    id: doc.id,
    type: doc.type,
    framework: doc.id.split('-')[0]!,
    series: doc.id.replace(/(-\d{4})+$/u, ''),
    year,
    period: period ? [Number(period[1]), Number(period[2])] : undefined,
    order,
  };
}

/**
 * The type and direction of a content link between clauses of documents `a` and `b`:
 * - `continues`: two plans of one series, from the earlier plan to its successor;
 * - `implements`: a declaration or initiative and a plan of the same framework in force
 *   in its year, from the declaration to the plan (it welcomes or directs the provision);
 * - `related`: anything else, from the earlier document to the later.
 */
export function linkType(a: DocInfo, b: DocInfo): { type: Exclude<LinkType, 'references'>; forward: boolean } {
  const earlier = a.year !== b.year ? a.year < b.year : a.order < b.order;
  if (a.type === 'plan' && b.type === 'plan' && a.series === b.series) return { type: 'continues', forward: earlier };
  const inForce = (d: DocInfo, p: DocInfo) => d.type !== 'plan' && p.type === 'plan' && d.framework === p.framework && !!p.period && p.period[0] <= d.year && d.year <= p.period[1];
  if (inForce(a, b)) return { type: 'implements', forward: true };
  if (inForce(b, a)) return { type: 'implements', forward: false };
  return { type: 'related', forward: earlier };
}

/** A scored candidate before pruning. */
export interface Candidate {
  from: number;
  to: number;
  type: Exclude<LinkType, 'references'>;
  score: number;
}
