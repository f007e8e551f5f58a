/**
 * Stage: every XML file the build wrote (the Akoma Ntoso downloads, the sitemap, IIS's
 * web.config and any other) must be well-formed, or the build stops before the site is
 * published. The inputs' checks (text-file.ts) keep out the characters XML forbids; this is
 * the gate behind them, so no file that is not XML is ever shipped and checksummed as XML.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { Diagnostics } from '../core/diagnostics';
import { listFiles } from '../core/files';

/** Files of the built site that are XML: by extension, and IIS's configuration. */
const isXml = (name: string) => name.endsWith('.xml') || name === 'web.config';

/** The first well-formedness error of an XML text, with its place, or undefined. */
export function xmlError(text: string): { line: number; column: number; reason: string } | undefined {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let first: { line: number; column: number; reason: string } | undefined;
  parser.on('error', (error) => {
    // saxes prefixes "line:column: "; the place is kept apart, the reason in our words.
    first ??= { line: parser.line, column: parser.column, reason: error.message.replace(/^\d+:\d+: /u, '') };
  });
  parser.write(text).close();
  return first;
}

/**
 * Checks every XML file under `outDir`; throws a BuildError naming each malformed file with
 * line and column. `display` turns a path into what messages show. Returns the number of files.
 */
export async function checkXmlFiles(outDir: string, display: (file: string) => string): Promise<number> {
  const diagnostics = new Diagnostics();
  const files = listFiles(outDir).filter((f) => isXml(path.basename(f))).sort();
  for (const file of files) {
    const error = xmlError(await readFile(file, 'utf8'));
    if (error) {
      diagnostics.error(`Unexpected ${error.reason.replace(/\.$/u, '')} in a file the build wrote, expected well-formed XML (an input carried a character or markup XML cannot hold)`, { file: display(file), place: { line: error.line, column: error.column }, ruleId: 'malformed-xml' });
    }
  }
  diagnostics.throwIfFatal();
  return files.length;
}
