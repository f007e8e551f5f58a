/** A document's generated MDX entry, joined with the contract data. */
import { getEntry, render } from 'astro:content';
import type { Clause, DocumentData } from '../../schemas/document';
import type { Lang } from '../../i18n/ui';

/** What a page passes to the document's `<Content>`, and each `<C>` element on to ClauseView. */
export interface ClausePage {
  lang: Lang;
  doc: DocumentData;
  /** A clause's own page: its heading becomes the page's h1 and its element takes no id. */
  standalone: boolean;
}

const contents = new Map<string, ReturnType<typeof loadContent>>();

async function loadContent(doc: DocumentData) {
  const entry = await getEntry('documents', doc.id);
  if (!entry) throw new Error(`No generated MDX entry for ${doc.id}: run npm run build:content`);
  if (entry.data.clauses !== doc.clauses.length) throw new Error(`The MDX entry of ${doc.id} has ${entry.data.clauses} clauses, its data ${doc.clauses.length}: run npm run build:content`);
  return (await render(entry)).Content;
}

/**
 * The rendered body of a document's MDX entry: every clause, or with `only`, one of them.
 * Looked up once per document and build, not once per clause page.
 */
export function documentContent(doc: DocumentData): ReturnType<typeof loadContent> {
  let content = contents.get(doc.id);
  if (!content) contents.set(doc.id, (content = loadContent(doc)));
  return content;
}

const clauseMaps = new WeakMap<DocumentData, Map<string, Clause>>();

/** A clause of a document by id (an error names it if the data lacks it). */
export function clauseById(doc: DocumentData, id: string): Clause {
  let byId = clauseMaps.get(doc);
  if (!byId) clauseMaps.set(doc, (byId = new Map(doc.clauses.map((c) => [c.id, c]))));
  const clause = byId.get(id);
  if (!clause) throw new Error(`The MDX entry of ${doc.id} names clause ${id}, which its data lacks: run npm run build:content`);
  return clause;
}

/** The chain of ancestors of a clause, outermost first, ending with the clause itself. */
export function ancestry(doc: DocumentData, id: string): Clause[] {
  const chain: Clause[] = [];
  for (let c: Clause | undefined = clauseById(doc, id); c; c = c.parent ? clauseById(doc, c.parent) : undefined) chain.unshift(c);
  return chain;
}
