/**
 * The English of the edition: content/translations/{document}.yaml, keyed by clause id.
 * A missing or extra id is a located error; in a draft edition missing English is allowed
 * (pages mark it) and counted in one warning.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Note } from '../../../src/schemas/document';
import { translationSchema, type Translation } from '../../../src/schemas/translation';
import type { DraftClause } from '../sources/clauses';
import { readDataFile, type DataFile } from '../core/data-file';
import type { Diagnostics } from '../core/diagnostics';
import { display, type ProjectPaths } from '../core/paths';

export interface EnglishClause {
  heading?: string;
  text?: string;
  notes: Note[];
}

export interface LoadedTranslation {
  file?: DataFile<Translation>;
  name: string;
  english: Map<string, EnglishClause>;
  missing: number;
}

/** Reads and checks one document's translation against its clauses. */
export async function loadTranslation(paths: ProjectPaths, document: string, clauses: DraftClause[], draft: boolean, diagnostics: Diagnostics): Promise<LoadedTranslation> {
  const file = path.join(paths.root, 'content', 'translations', `${document}.yaml`);
  const name = display(paths.root, file);
  const english = new Map<string, EnglishClause>();
  const result: LoadedTranslation = { name, english, missing: 0 };
  const exists = existsSync(file);
  const record = exists ? await readDataFile(translationSchema, file, name, diagnostics) : undefined;
  // A file that is there but unreadable has had its located error: listing every clause as
  // untranslated on top of it would bury that one message under a hundred unlocated ones.
  if (exists && !record) return result;
  if (record) {
    result.file = record;
    if (record.data.document !== document) {
      diagnostics.error(`Unexpected document \`${record.data.document}\`, expected \`${document}\` (the file name)`, { file: name, place: record.locate(['document']), ruleId: 'translation-document-mismatch' });
    }
    const known = new Map(clauses.map((c) => [c.id, c]));
    for (const [id, t] of Object.entries(record.data.clauses)) {
      const clause = known.get(id);
      if (!clause) {
        diagnostics.error(`Unexpected translation of clause \`${id}\`, expected only clause ids of ${document}`, { file: name, place: record.locate(['clauses', id]), ruleId: 'extra-translation' });
        continue;
      }
      if (t.heading && clause.heading === undefined) diagnostics.error(`Unexpected heading for clause ${id}, which has none in Chinese, expected only \`text\``, { file: name, place: record.locate(['clauses', id, 'heading']), ruleId: 'extra-translation' });
      if (t.text && !clause.text) diagnostics.error(`Unexpected text for clause ${id}, which is a heading only, expected only \`heading\``, { file: name, place: record.locate(['clauses', id, 'text']), ruleId: 'extra-translation' });
      english.set(id, { heading: t.heading, text: t.text, notes: [] });
    }
    record.data.notes.forEach((n, i) => {
      const entry = english.get(n.clause) ?? (known.has(n.clause) ? { notes: [] } : undefined);
      if (!entry) {
        diagnostics.error(`Unexpected note on clause \`${n.clause}\`, expected a clause id of ${document}`, { file: name, place: record.locate(['notes', i, 'clause']), ruleId: 'unknown-clause' });
        return;
      }
      entry.notes.push({ kind: n.kind, zh: n.zh, en: n.en });
      english.set(n.clause, entry);
    });
  }
  for (const clause of clauses) {
    const t = english.get(clause.id);
    const lacks = [clause.heading !== undefined && !t?.heading ? 'heading' : '', clause.text && !t?.text ? 'text' : ''].filter(Boolean);
    if (lacks.length === 0) continue;
    result.missing++;
    if (!draft) {
      diagnostics.error(`Unexpected untranslated clause ${clause.id} (${lacks.join(' and ')}), expected an entry \`"${clause.id}": { ${lacks.map((l) => `${l}: …`).join(', ')} }\``, { file: name, place: record?.locate(['clauses']), ruleId: 'missing-translation' });
    }
  }
  return result;
}
