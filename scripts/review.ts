/**
 * Marks clauses' English as reviewed against their current Chinese:
 *   npm run review -- DOCUMENT [CLAUSE…]   (every clause of DOCUMENT with English when none is named)
 *   npm run review -- --outdated [DOCUMENT…]   (only the clauses the build reports `translation-outdated`)
 * Options: --date YYYY-MM-DD (default: today, UTC), --root DIR (another project).
 * It builds the model as the build does (and fails like it), then rewrites
 * content/translations/{document}.reviews.yaml, which nothing else writes.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { BuildError, Diagnostics } from './lib/core/diagnostics';
import { buildModel } from './lib/model/model';
import { display, projectPaths } from './lib/core/paths';
import { hasEnglish, reviewsFile, sha256Hex, writeReviews } from './lib/editorial/reviews';

/** Thrown for a usage error: the message is printed without a stack. */
export class ReviewError extends Error {}

export interface ReviewOptions {
  root?: string;
  /** Document ids; with `outdated`, none means every document. */
  documents: string[];
  /** Clause ids of the single document named; none means every clause. */
  clauses: string[];
  outdated: boolean;
  date: string;
}

/** Parses the command line. */
export function reviewArguments(argv: string[]): ReviewOptions {
  const options: ReviewOptions = { documents: [], clauses: [], outdated: false, date: new Date().toISOString().slice(0, 10) };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--outdated') options.outdated = true;
    else if (a === '--date') options.date = argv[++i] ?? '';
    else if (a === '--root') options.root = argv[++i];
    else if (a.startsWith('--')) throw new ReviewError(`Unexpected option ${a}, expected --outdated, --date YYYY-MM-DD or --root DIR`);
    else positional.push(a);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(options.date)) throw new ReviewError(`Unexpected date \`${options.date}\`, expected YYYY-MM-DD`);
  if (options.outdated) options.documents = positional;
  else {
    if (positional.length === 0) throw new ReviewError('Unexpected call without a document, expected `npm run review -- DOCUMENT [CLAUSE…]` or `npm run review -- --outdated [DOCUMENT…]`');
    options.documents = positional.slice(0, 1);
    options.clauses = positional.slice(1);
  }
  return options;
}

/** Records the reviews; returns one line of report per document. */
export async function review(options: ReviewOptions): Promise<string[]> {
  const paths = projectPaths(options.root);
  const model = await buildModel(paths, new Diagnostics());
  const byId = new Map(model.documents.map((d) => [d.id, d]));
  for (const id of options.documents) {
    if (!byId.has(id)) throw new ReviewError(`Unexpected document \`${id}\`, expected one of ${[...byId.keys()].join(', ')}`);
  }
  const documents = options.documents.length > 0 ? options.documents : [...byId.keys()];
  const report: string[] = [];
  for (const id of documents) {
    const doc = byId.get(id)!;
    const english = model.translations.get(id)!.english;
    const clauses = new Map(doc.clauses.map((c) => [c.id, c]));
    for (const c of options.clauses) {
      if (!clauses.has(c)) throw new ReviewError(`Unexpected clause \`${c}\`, expected a clause id of ${id}`);
      const clause = clauses.get(c)!;
      if (!hasEnglish({ heading: clause.heading?.zh, text: clause.text.zh }, english.get(c))) throw new ReviewError(`Unexpected review of ${id}#${c}, which has no English, expected its English in content/translations/${id}.yaml first`);
    }
    const file = reviewsFile(paths, id);
    const old = existsSync(file) ? ((parse(await readFile(file, 'utf8')) as { clauses?: Record<string, { reviewed: string; of: string }> } | null)?.clauses ?? {}) : {};
    const chosen = (c: (typeof doc.clauses)[number]) => {
      if (options.outdated) return c.translation.status === 'outdated';
      if (options.clauses.length > 0) return options.clauses.includes(c.id);
      return hasEnglish({ heading: c.heading?.zh, text: c.text.zh }, english.get(c.id));
    };
    let marked = 0;
    let skipped = 0;
    const entries: [string, { reviewed: string; of: string }][] = [];
    for (const c of doc.clauses) {
      if (chosen(c)) {
        entries.push([c.id, { reviewed: options.date, of: sha256Hex(c.text.zh) }]);
        marked++;
      } else {
        if (old[c.id]) entries.push([c.id, old[c.id]!]);
        if (!options.outdated && options.clauses.length === 0) skipped++;
      }
    }
    const dropped = Object.keys(old).filter((c) => !clauses.has(c));
    if (marked === 0 && dropped.length === 0) continue;
    await writeReviews(file, id, entries);
    report.push(`${display(paths.root, file)}: ${marked} clause(s) marked reviewed on ${options.date}${skipped ? `, ${skipped} without English left draft` : ''}${dropped.length ? `, ${dropped.length} review(s) of clauses no longer in the document dropped (${dropped.join(', ')})` : ''}`);
  }
  return report;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const lines = await review(reviewArguments(process.argv.slice(2)));
    process.stdout.write(lines.length ? `${lines.join('\n')}\n` : 'Nothing to review.\n');
  } catch (error) {
    if (!(error instanceof BuildError) && !(error instanceof ReviewError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}
