/** Clause entries of the content collection, joined with the contract data. */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Clause, DocumentData } from '../schemas/document';

export interface ClauseItem {
  entry: CollectionEntry<'clauses'>;
  clause: Clause;
}

/** Every clause entry, grouped by document once per build (getCollection scans the whole collection). */
let byDocument: Promise<Map<string, Map<string, CollectionEntry<'clauses'>>>> | undefined;
const entriesByDocument = () =>
  (byDocument ??= getCollection('clauses').then((entries) => {
    const map = new Map<string, Map<string, CollectionEntry<'clauses'>>>();
    for (const e of entries) {
      if (!map.has(e.data.document)) map.set(e.data.document, new Map());
      map.get(e.data.document)!.set(e.data.clause, e);
    }
    return map;
  }));

/** A document's clauses in reading order, each with its MDX entry. */
export async function documentClauses(doc: DocumentData): Promise<ClauseItem[]> {
  const byId = (await entriesByDocument()).get(doc.id) ?? new Map();
  return doc.clauses.map((clause) => {
    const entry = byId.get(clause.id);
    if (!entry) throw new Error(`No generated MDX entry for ${doc.id}#${clause.id}: run npm run build:content`);
    return { entry, clause };
  });
}

const clauseMaps = new WeakMap<DocumentData, Map<string, Clause>>();

/** The chain of ancestors of a clause, outermost first, ending with the clause itself. */
export function ancestry(doc: DocumentData, id: string): Clause[] {
  let byId = clauseMaps.get(doc);
  if (!byId) clauseMaps.set(doc, (byId = new Map(doc.clauses.map((c) => [c.id, c]))));
  const chain: Clause[] = [];
  for (let c = byId.get(id); c; c = c.parent ? byId.get(c.parent) : undefined) chain.unshift(c);
  return chain;
}
