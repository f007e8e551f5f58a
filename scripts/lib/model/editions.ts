/**
 * Editions (issue 17): content/edition.yaml lists every edition, oldest first; the last is the
 * one being built. Its version must be package.json's, which the Akoma Ntoso expressions and
 * the package carry, so that one edition has one number everywhere.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { editionSchema, type Edition } from '../../../src/schemas/edition';
import { readDataFile } from '../core/data-file';
import type { Diagnostics } from '../core/diagnostics';
import { display, type ProjectPaths } from '../core/paths';

export interface CurrentEdition {
  version: string;
  /** null where content/edition.yaml records no editions. */
  date: string | null;
}

/** The edition being built, checked against package.json. */
export async function checkEditions(paths: ProjectPaths, edition: Edition, diagnostics: Diagnostics): Promise<CurrentEdition> {
  const pkgFile = path.join(paths.root, 'package.json');
  const pkg = existsSync(pkgFile) ? (JSON.parse(await readFile(pkgFile, 'utf8')) as { version?: string }).version : undefined;
  const last = edition.editions[edition.editions.length - 1];
  if (!last) return { version: pkg ?? '0.0.0', date: null };
  const versions = edition.editions.map((e) => e.version);
  const located = async (at: (string | number)[]) => (await readDataFile(editionSchema, paths.edition, display(paths.root, paths.edition), diagnostics))?.locate(at);
  const duplicate = versions.findIndex((v, i) => versions.indexOf(v) !== i);
  if (duplicate >= 0) diagnostics.error(`Unexpected second edition ${versions[duplicate]}, expected each version once`, { file: display(paths.root, paths.edition), place: await located(['editions', duplicate, 'version']), ruleId: 'edition-version' });
  if (pkg && last.version !== pkg) {
    diagnostics.error(`Unexpected current edition ${last.version}, expected package.json's version ${pkg} (the last entry of \`editions\` is the edition being built)`, { file: display(paths.root, paths.edition), place: await located(['editions', edition.editions.length - 1, 'version']), ruleId: 'edition-version' });
  }
  return { version: last.version, date: last.date };
}
