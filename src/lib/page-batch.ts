/**
 * The pages one Astro process renders when the build is asked for batches (MEKONG_BATCH_CLAUSES:
 * less memory for a large corpus, issue 23; scripts/lib/publish/site.ts plans and runs them).
 * Each batch is an `astro build` of its own, one after another: its content collection holds
 * only its documents' MDX entries (src/content.config.ts), and it renders only those documents'
 * pages (scripts/lib/publish/finish-pages.ts); the first also renders every other page. Without
 * a batch, as by default, the one process renders every page.
 */

/** The environment variable that gives an Astro process its batch, as JSON. */
export const PAGE_BATCH_ENV = 'MEKONG_PAGE_BATCH';

export interface PageBatch {
  /** The documents whose pages (the document page and its clause pages) it renders. */
  documents: string[];
  /** Whether it renders the pages that belong to no one document (home, search, glossary, data…). */
  shared: boolean;
}

/** The routes whose every page belongs to one document, named by the path's second segment. */
export const DOCUMENT_ROUTES: readonly string[] = ['/[lang]/[document]', '/[lang]/[document]/[clause]'];

/** This process's batch, if the build gave it one. */
export function pageBatch(env: NodeJS.ProcessEnv = process.env): PageBatch | undefined {
  const raw = env[PAGE_BATCH_ENV];
  if (!raw) return undefined;
  const batch = JSON.parse(raw) as PageBatch;
  if (!Array.isArray(batch.documents) || typeof batch.shared !== 'boolean') {
    throw new Error(`${PAGE_BATCH_ENV}: expected {"documents": [ids], "shared": true|false}, got ${raw.slice(0, 200)}`);
  }
  return batch;
}

/** The document a page of a document route belongs to: its path's second segment (/en/{document}/…). */
export function documentOfPath(pathname: string): string | undefined {
  return decodeURI(pathname).split('/').filter(Boolean)[1];
}

/**
 * Keeps the pages of `paths` that `batch` renders. Fails if no page is of a document route:
 * the routes were renamed, and every batch would otherwise render nothing or everything.
 */
export function pagesOfBatch<P extends { pathname: string; route: { route: string } }>(paths: P[], batch: PageBatch): P[] {
  const documents = new Set(batch.documents);
  if (!paths.some((p) => DOCUMENT_ROUTES.includes(p.route.route))) {
    throw new Error(`Unexpected routes: no page is of ${DOCUMENT_ROUTES.join(' or ')}, expected the document and clause pages (src/pages/[lang]/[document]/), which the build's batches divide (src/lib/page-batch.ts)`);
  }
  return paths.filter((p) => (DOCUMENT_ROUTES.includes(p.route.route) ? documents.has(documentOfPath(p.pathname)!) : batch.shared));
}
