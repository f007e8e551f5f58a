/**
 * Checkers nobody on the project wrote: xmllint (Debian's libxml2-utils) with the OASIS Akoma
 * Ntoso 3.0 schema, and the Nu Html Checker (npm vnu-jar) on Debian's Java. The schemas and
 * CSL styles are byte-identical copies in tests/fixtures/validators/ (see its README).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../../scripts/lib/core/paths';

export const XMLLINT = '/usr/bin/xmllint';
export const JAVA = '/usr/bin/java';
export const VALIDATORS = path.join(ROOT, 'tests', 'fixtures', 'validators');
export const AKN_SCHEMA = path.join(VALIDATORS, 'akn', 'akomantoso30.xsd');
export const SITEMAP_SCHEMA = path.join(VALIDATORS, 'sitemap', 'sitemap.xsd');
const VNU_JAR = path.join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

/** Validates XML files against an XSD with xmllint; returns its exit status and its messages. */
export function xmllintSchema(schema: string, files: string[]): { status: number | null; output: string } {
  const result = spawnSync(XMLLINT, ['--noout', '--nonet', '--schema', schema, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

export interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  message: string;
  extract?: string;
  firstLine?: number;
  lastLine?: number;
}

/** Runs the Nu Html Checker on HTML files (offline: it fetches nothing) and returns every message. */
export function vnu(files: string[]): VnuMessage[] {
  const result = spawnSync(JAVA, ['-jar', VNU_JAR, '--format', 'json', '--exit-zero-always', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  // The checker writes its JSON report on standard error.
  const report = JSON.parse(result.stderr) as { messages: VnuMessage[] };
  return report.messages;
}
