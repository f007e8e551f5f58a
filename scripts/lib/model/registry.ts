/**
 * Stage: permanence. content/registry.yaml lists every clause id the edition has published
 * (a lockfile: the build adds new ids and never removes any). A registered id that is no
 * longer in the corpus fails the build, naming the ids, unless content/redirects.yaml says
 * where it went; each redirect becomes a static page at the old address.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { DocumentData } from '../../../src/schemas/document';
import { redirectSchema, registrySchema, type RegisteredId, type Redirects } from '../../../src/schemas/registry';
import type { Edition } from '../../../src/schemas/edition';
import { checkEditions, type CurrentEdition } from './editions';
import { readDataFile } from '../core/data-file';
import type { Diagnostics } from '../core/diagnostics';
import { display, type ProjectPaths } from '../core/paths';

export interface Permanence {
  redirects: Redirects['redirects'];
  /** Published ids withdrawn without a successor (issue 17). */
  retired: Redirects['retired'];
  /** The edition being built: its version and date (issue 17). */
  edition: CurrentEdition;
  /** Ids newly added to the registry by this build. */
  added: number;
  registered: number;
}

const HEADER = `# Every clause URL this edition has published, per document: /{zh,en}/{document}/{clause}/.
# Maintained by the build (scripts/lib/model/registry.ts): new clause ids are added, none is ever removed.
# An id that disappears from the corpus fails the build unless content/redirects.yaml says where it went.
`;

async function readRedirectsFile(paths: ProjectPaths, diagnostics: Diagnostics) {
  const file = path.join(paths.root, 'content', 'redirects.yaml');
  return existsSync(file) ? readDataFile(redirectSchema, file, display(paths.root, file), diagnostics) : undefined;
}

/**
 * The redirects of content/redirects.yaml, for the stages after the content process (which
 * checked them). A malformed file is reported to `diagnostics`.
 */
export async function readRedirects(paths: ProjectPaths, diagnostics: Diagnostics): Promise<Redirects['redirects']> {
  return (await readRedirectsFile(paths, diagnostics))?.data.redirects ?? [];
}

/** The id of a registry entry, bare or with its edition. */
export const registeredIdOf = (entry: RegisteredId): string => (typeof entry === 'string' ? entry : entry.id);

/** Retired clause ids of content/redirects.yaml, for the stages after the content process. */
export async function readRetired(paths: ProjectPaths, diagnostics: Diagnostics): Promise<Redirects['retired']> {
  return (await readRedirectsFile(paths, diagnostics))?.data.retired ?? [];
}

export async function checkPermanence(paths: ProjectPaths, documents: DocumentData[], diagnostics: Diagnostics, edition?: Edition): Promise<Permanence> {
  const current = edition ? await checkEditions(paths, edition, diagnostics) : { version: '0.0.0', date: null };
  const registryFile = path.join(paths.root, 'content', 'registry.yaml');
  const registry = existsSync(registryFile) ? await readDataFile(registrySchema, registryFile, display(paths.root, registryFile), diagnostics) : undefined;
  const redirects = await readRedirectsFile(paths, diagnostics);
  diagnostics.throwIfFatal();
  const corpus = new Map(documents.map((d) => [d.id, new Set(d.clauses.map((c) => c.id))]));
  const exists = (ref: string) => {
    const [doc, clause] = ref.split('#') as [string, string];
    return corpus.get(doc)?.has(clause) ?? false;
  };
  const list = redirects?.data.redirects ?? [];
  const retired = redirects?.data.retired ?? [];
  const redirected = new Set([...list.map((r) => r.from), ...retired.map((r) => r.clause)]);
  retired.forEach((r, i) => {
    if (exists(r.clause)) diagnostics.error(`Unexpected retirement of \`${r.clause}\`, which still exists, expected a clause id that is no longer in the corpus`, { file: redirects!.name, place: redirects!.locate(['retired', i, 'clause']), ruleId: 'redirect-from-existing' });
  });
  list.forEach((r, i) => {
    if (!exists(r.to)) diagnostics.error(`Unexpected redirect target \`${r.to}\`, expected a clause of the corpus`, { file: redirects!.name, place: redirects!.locate(['redirects', i, 'to']), ruleId: 'redirect-target-missing' });
    if (exists(r.from)) diagnostics.error(`Unexpected redirect from \`${r.from}\`, which still exists, expected a clause id that is no longer in the corpus`, { file: redirects!.name, place: redirects!.locate(['redirects', i, 'from']), ruleId: 'redirect-from-existing' });
  });

  const registered = registry?.data.documents ?? {};
  for (const [doc, entries] of Object.entries(registered)) {
    const ids = entries.map(registeredIdOf);
    const missing = ids.filter((id) => !corpus.get(doc)?.has(id) && !redirected.has(`${doc}#${id}`));
    if (missing.length > 0) {
      diagnostics.error(`Unexpected disappearance of published clause ${missing.length === 1 ? 'id' : 'ids'} ${missing.map((id) => `${doc}#${id}`).join(', ')}, expected ${missing.length === 1 ? 'it' : 'them'} in the corpus or a redirect for each in content/redirects.yaml`, { file: registry!.name, place: registry!.locate(['documents', doc]), ruleId: 'published-id-missing' });
    }
  }
  diagnostics.throwIfFatal();

  // Add what is new, keeping every registered id (and the order ids were first published in).
  let added = 0;
  const next: Record<string, RegisteredId[]> = {};
  for (const doc of [...new Set([...Object.keys(registered), ...documents.map((d) => d.id)])].sort()) {
    const ids = [...(registered[doc] ?? [])];
    const known = new Set(ids.map(registeredIdOf));
    for (const id of documents.find((d) => d.id === doc)?.clauses.map((c) => c.id) ?? []) {
      if (!known.has(id)) {
        // Once editions are recorded (content/edition.yaml), a new id names the edition that added it.
        ids.push(edition?.editions.length ? { id, edition: current.version } : id);
        added++;
      }
    }
    next[doc] = ids;
  }
  if (added > 0 || !registry) await writeFile(registryFile, HEADER + stringify({ documents: next }));
  return { redirects: list, retired, edition: current, added, registered: Object.values(next).reduce((n, ids) => n + ids.length, 0) };
}
