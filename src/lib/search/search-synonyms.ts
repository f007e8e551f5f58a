/**
 * What the search page knows besides the index, built at build time: synonym groups (each
 * glossary term's forms in one script, and the editors' search synonyms from content/search.yaml,
 * merged where they share a form) and the catalogue a clause reference is read against (each
 * document's short forms, short titles and titles, and its clause IDs).
 */
import type { GlossaryTerm } from '../../schemas/glossary';
import type { SearchSynonym } from '../../schemas/search';

const key = (form: string) => form.normalize('NFKC').toLowerCase();

/**
 * Groups of interchangeable forms: one per glossary term and script with more than one form,
 * and one per editors' synonym; groups that share a form are one group. Forms are
 * NFKC-normalised, as queries are.
 */
export function synonymGroups(terms: GlossaryTerm[], synonyms: SearchSynonym[] = []): string[][] {
  const groups: string[][] = [];
  for (const term of terms) {
    for (const forms of [[term.zh, ...term.zhVariants], [term.en, ...term.enVariants]]) groups.push(forms);
  }
  for (const s of synonyms) groups.push(s.forms);
  // Merge groups that share a form (CAFTA joins the glossary's ACFTA and its full names).
  const merged: string[][] = [];
  const where = new Map<string, number>();
  for (const group of groups) {
    const forms = [...new Set(group.map((f) => f.normalize('NFKC')))];
    const hits = [...new Set(forms.map((f) => where.get(key(f))).filter((i): i is number => i !== undefined))].sort((a, b) => a - b);
    const target = hits[0] ?? merged.push([]) - 1;
    for (const other of hits.slice(1)) {
      merged[target]!.push(...merged[other]!);
      for (const f of merged[other]!) where.set(key(f), target);
      merged[other] = [];
    }
    for (const f of forms) {
      if (where.get(key(f)) === target) continue;
      merged[target]!.push(f);
      where.set(key(f), target);
    }
  }
  return merged.filter((g) => g.length > 1);
}

interface CatalogueSource {
  id: string;
  type: 'plan' | 'declaration' | 'initiative';
  title: { zh: string; en: string };
  clauses: { id: string }[];
}

/** The documents as the search page reads references: names (short forms, short titles, titles) and clause IDs. */
export function searchCatalogue(documents: CatalogueSource[], shortForms: Record<string, { forms: string[] }>, shortTitle: (lang: 'zh' | 'en', doc: Omit<CatalogueSource, 'clauses'>) => string) {
  return documents.map((d) => ({
    id: d.id,
    type: d.type,
    title: d.title,
    forms: [...new Set([...(shortForms[d.id]?.forms ?? []), shortTitle('zh', d), shortTitle('en', d), d.title.zh, d.title.en].filter(Boolean))],
    clauses: d.clauses.map((c) => c.id).join(' '),
  }));
}
