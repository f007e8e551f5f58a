/** The generated changes (/data/changes.json, issue 15), read at build time by pages. */
import { changesSchema, type Change, type Comparison } from '../../schemas/changes';
import { parseWithFriendlyErrors } from '../../schemas/friendly-errors';
import { getDocument } from '../data/data';
import { sections, sectionText } from './compare';
import { dataText } from '../data/generated-files';

const raw = dataText('changes.json');

/** Every comparison, or none in a project without them. */
export const comparisons: Comparison[] = raw ? parseWithFriendlyErrors(changesSchema, JSON.parse(raw), 'content/generated/data/changes.json').comparisons : [];

/** One side of a change: its sections' headings and texts apart (issue 24: headings stay out of the diff). */
export interface Side {
  /** The sections' headings, in order (a section without one adds nothing). */
  headings: { zh: string[]; en: string[] };
  /** The texts of the sections' clauses, one entry per clause with text. */
  paragraphs: { zh: string[]; en: string[] };
  /** Headings and texts together, as the comparison's kept share was measured on. */
  zh: string;
  en: string;
}

export interface PairText {
  comparison: Comparison;
  change: Change;
  before: Side;
  after: Side;
}

/** Both sides' whole text of a one-to-one change (continued or reworded). */
export function pairText(comparison: Comparison, change: Change): PairText {
  const earlier = getDocument(comparison.from);
  const later = getDocument(comparison.to);
  const se = sections(earlier);
  const sl = sections(later);
  const side = (doc: typeof earlier, s: typeof se, ids: string[]): Side => {
    const clauses = ids.flatMap((id) => s.clauses(id));
    const pick = (lang: 'zh' | 'en', get: (c: (typeof clauses)[number]) => string | undefined) => clauses.map(get).filter((x): x is string => Boolean(x));
    return {
      headings: { zh: pick('zh', (c) => c.heading?.zh), en: pick('en', (c) => c.heading?.en) },
      paragraphs: { zh: pick('zh', (c) => c.text.zh), en: pick('en', (c) => c.text.en) },
      zh: ids.map((id) => sectionText(doc, s, id, 'zh')).join(''),
      en: ids.map((id) => sectionText(doc, s, id, 'en')).join(' '),
    };
  };
  return { comparison, change, before: side(earlier, se, change.from), after: side(later, sl, change.to) };
}

/** The continued or reworded change whose later section is this clause, if any. */
export function changeInto(document: string, clause: string): PairText | undefined {
  for (const c of comparisons) {
    if (c.to !== document) continue;
    const change = c.changes.find((x) => (x.status === 'continued' || x.status === 'reworded') && x.to.length === 1 && x.to[0] === clause);
    if (change) return pairText(c, change);
  }
  return undefined;
}
