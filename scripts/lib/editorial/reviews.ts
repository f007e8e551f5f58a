/**
 * Translation provenance (issue 17). content/translations/{document}.reviews.yaml records, per
 * clause, when its English was last reviewed and the sha256 of the Chinese it was reviewed
 * against. The build derives each clause's status from it: `reviewed` while the Chinese is
 * unchanged, `outdated` once a source, recipe or repair has changed it, `draft` where the
 * English is missing or was never reviewed. Only `npm run review` writes the file.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { reviewsSchema, type Reviews, type TranslationProvenance } from '../../../src/schemas/reviews';
import type { DraftClause } from '../sources/clauses';
import { readDataFile, type DataFile } from '../core/data-file';
import type { Diagnostics } from '../core/diagnostics';
import { display, type ProjectPaths } from '../core/paths';
import type { LoadedTranslation } from './translations';

/** sha256 of a text's UTF-8 bytes, as lowercase hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Where a document's reviews live. */
export function reviewsFile(paths: ProjectPaths, document: string): string {
  return path.join(paths.root, 'content', 'translations', `${document}.reviews.yaml`);
}

/** Whether a clause has all the English its Chinese needs (heading and/or text). */
export function hasEnglish(clause: Pick<DraftClause, 'heading' | 'text'>, english: { heading?: string; text?: string } | undefined): boolean {
  return (clause.heading === undefined || Boolean(english?.heading)) && (!clause.text || Boolean(english?.text));
}

/** Reads a document's reviews file, if it exists. */
export async function readReviews(paths: ProjectPaths, document: string, diagnostics: Diagnostics): Promise<DataFile<Reviews> | undefined> {
  const file = reviewsFile(paths, document);
  if (!existsSync(file)) return undefined;
  const record = await readDataFile(reviewsSchema, file, display(paths.root, file), diagnostics);
  if (record && record.data.document !== document) {
    diagnostics.error(`Unexpected document \`${record.data.document}\`, expected \`${document}\` (the file name)`, { file: record.name, place: record.locate(['document']), ruleId: 'translation-document-mismatch' });
  }
  return record;
}

/** Per document, per clause id: the provenance published in the data. */
export type Provenance = Map<string, Map<string, TranslationProvenance>>;

/**
 * Derives every clause's translation status, warning `translation-outdated` at the clause's key
 * in its translation file for each clause whose Chinese changed since its review.
 */
export async function checkReviews(paths: ProjectPaths, drafts: { recipe: { data: { id: string } }; clauses: DraftClause[] }[], translations: Map<string, LoadedTranslation>, diagnostics: Diagnostics): Promise<Provenance> {
  const result: Provenance = new Map();
  for (const { recipe, clauses } of drafts) {
    const document = recipe.data.id;
    const translation = translations.get(document)!;
    const record = await readReviews(paths, document, diagnostics);
    const reviews = record?.data.clauses ?? {};
    const known = new Set(clauses.map((c) => c.id));
    for (const id of Object.keys(reviews)) {
      if (!known.has(id)) diagnostics.warn(`Unexpected review of clause \`${id}\`, which is no longer in ${document}, expected only its clause ids: \`npm run review -- ${document}\` rewrites the file without it`, { file: record!.name, place: record!.locate(['clauses', id]), ruleId: 'review-unknown-clause' });
    }
    const statuses = new Map<string, TranslationProvenance>();
    let unreviewed = 0;
    for (const clause of clauses) {
      const review = reviews[clause.id];
      const english = hasEnglish(clause, translation.english.get(clause.id));
      const status = !english || !review ? 'draft' : review.of === sha256Hex(clause.text) ? 'reviewed' : 'outdated';
      statuses.set(clause.id, { status, reviewed: review?.reviewed ?? null, of: review?.of ?? null });
      if (english && !review) unreviewed++;
      if (status === 'outdated') {
        const place = translation.file?.locate(['clauses', clause.id]);
        diagnostics.warn(`Unexpected change in the Chinese of ${document}#${clause.id} since its English was reviewed on ${review!.reviewed}, expected the Chinese it was reviewed against (sha256 ${review!.of.slice(0, 12)}…): check the English, then run \`npm run review -- ${document} ${clause.id}\``, { file: translation.name, place, ruleId: 'translation-outdated' });
      }
    }
    if (unreviewed > 0) {
      diagnostics.warn(`Unexpected ${unreviewed} clause(s) of ${document} with English never reviewed, expected a review of each: \`npm run review -- ${document} CLAUSE…\` once checked`, { file: translation.name, place: translation.file?.locate(['clauses']), ruleId: 'translation-unreviewed' });
    }
    result.set(document, statuses);
  }
  return result;
}

const HEADER = (document: string) => `# Generated by \`npm run review -- ${document} [CLAUSE…]\` (scripts/review.ts). Do not edit by hand.
# For each clause whose English an editor has reviewed against the Chinese: the date of the last
# review and the sha256 of the clause's Chinese text (text.zh, UTF-8) at that review. The build
# marks a clause \`outdated\` when its Chinese no longer has this hash.
`;

/** Writes a reviews file: one line per clause, in reading order, so that reviews diff cleanly. */
export async function writeReviews(file: string, document: string, entries: [string, { reviewed: string; of: string }][]): Promise<void> {
  const lines = entries.map(([id, r]) => `  ${JSON.stringify(id)}: { reviewed: "${r.reviewed}", of: ${r.of} }`);
  await writeFile(file, `${HEADER(document)}document: ${document}\nclauses:${lines.length ? `\n${lines.join('\n')}` : ' {}'}\n`);
}
