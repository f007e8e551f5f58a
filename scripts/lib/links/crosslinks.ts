/**
 * Stage: topics, cross-links and named documents. Tags every clause with the topic
 * taxonomy (content/topics.yaml), runs the matcher and applies the editors' curation
 * (content/links.yaml), and indexes every title in 《》.
 */
import path from 'node:path';
import type { DocumentData } from '../../../src/schemas/document';
import { curationSchema, type LinkData } from '../../../src/schemas/links';
import { topicsSchema, type Topic } from '../../../src/schemas/topics';
import { readDataFile } from '../core/data-file';
import type { Diagnostics } from '../core/diagnostics';
import { applyCuration, findLinks, sortLinks } from './links';
import { namedDocuments, type NamedDocument } from './named-documents';
import { display, type ProjectPaths } from '../core/paths';
import { tagClauses } from './topics';

export interface CrossLinks {
  topics: Topic[];
  links: LinkData[];
  named: NamedDocument[];
}

/**
 * A `references` link to a whole document (`doc#`) points at the document's first clause,
 * so every published reference is a valid `document#clause` pair.
 */
export function resolveDocumentTargets(links: LinkData[], documents: DocumentData[]): LinkData[] {
  const first = new Map(documents.map((d) => [d.id, d.clauses[0]!.id]));
  const resolve = (ref: string) => (ref.endsWith('#') ? `${ref}${first.get(ref.slice(0, -1)) ?? ''}` : ref);
  const seen = new Set<string>();
  return sortLinks(links.map((l) => ({ ...l, from: resolve(l.from), to: resolve(l.to) }))).filter((l) => {
    const key = `${l.from}|${l.to}|${l.type}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Fills `clause.topics` in place and returns the links and named documents. */
export async function crossLink(paths: ProjectPaths, documents: DocumentData[], diagnostics: Diagnostics): Promise<CrossLinks | undefined> {
  const topicsFile = path.join(paths.root, 'content', 'topics.yaml');
  const curationFile = path.join(paths.root, 'content', 'links.yaml');
  const taxonomy = await readDataFile(topicsSchema, topicsFile, display(paths.root, topicsFile), diagnostics);
  const curation = await readDataFile(curationSchema, curationFile, display(paths.root, curationFile), diagnostics);
  if (!taxonomy || !curation) return undefined;
  const tags = tagClauses(documents, taxonomy.data.topics);
  for (const doc of documents) for (const clause of doc.clauses) clause.topics = tags.get(`${doc.id}#${clause.id}`) ?? [];
  const known = new Set(documents.flatMap((d) => [`${d.id}#`, ...d.clauses.map((c) => `${d.id}#${c.id}`)]));
  for (const list of ['confirm', 'add', 'reject'] as const) {
    curation.data[list].forEach((entry, i) => {
      for (const end of ['from', 'to'] as const) {
        if (!known.has(entry[end])) diagnostics.error(`Unexpected clause reference \`${entry[end]}\`, expected a clause of the corpus`, { file: curation.name, place: curation.locate([list, i, end]), ruleId: 'unknown-clause' });
      }
    });
  }
  const links = resolveDocumentTargets(applyCuration(findLinks(documents, { topics: tags }), curation.data), documents);
  return { topics: taxonomy.data.topics, links, named: namedDocuments(documents) };
}
