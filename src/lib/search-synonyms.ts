/**
 * Synonyms for search, built from the glossary at build time: each term's forms in one
 * script (its rendering or main Chinese form and its variants), for terms with more than one.
 * A query containing one form is also searched with each of the others, in the same script,
 * so "Laos" finds "Lao People's Democratic Republic" and 澜湄商务理事会 finds
 * 澜沧江-湄公河商务理事会. Forms are NFKC-normalised, as queries are.
 */
import type { GlossaryTerm } from '../schemas/glossary';

/** Groups of interchangeable forms, one group per term and script. */
export function synonymGroups(terms: GlossaryTerm[]): string[][] {
  const groups: string[][] = [];
  for (const term of terms) {
    for (const forms of [[term.zh, ...term.zhVariants], [term.en, ...term.enVariants]]) {
      const unique = [...new Set(forms.map((f) => f.normalize('NFKC')))];
      if (unique.length > 1) groups.push(unique);
    }
  }
  return groups;
}
