/** Clause entries of the content collection, joined with the contract data. */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Clause, DocumentData } from '../schemas/document';

export interface ClauseItem {
  entry: CollectionEntry<'clauses'>;
  clause: Clause;
}

/** A document's clauses in reading order, each with its MDX entry. */
export async function documentClauses(doc: DocumentData): Promise<ClauseItem[]> {
  const entries = await getCollection('clauses', (e) => e.data.document === doc.id);
  const byId = new Map(entries.map((e) => [e.data.clause, e]));
  return doc.clauses.map((clause) => {
    const entry = byId.get(clause.id);
    if (!entry) throw new Error(`No generated MDX entry for ${doc.id}#${clause.id}: run npm run build:content`);
    return { entry, clause };
  });
}

/** The chain of ancestors of a clause, outermost first, ending with the clause itself. */
export function ancestry(doc: DocumentData, id: string): Clause[] {
  const byId = new Map(doc.clauses.map((c) => [c.id, c]));
  const chain: Clause[] = [];
  for (let c = byId.get(id); c; c = c.parent ? byId.get(c.parent) : undefined) chain.unshift(c);
  return chain;
}
