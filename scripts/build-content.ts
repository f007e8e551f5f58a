/**
 * Runs the content pipeline: sources → recipes → accounting → clauses → collation →
 * data files and MDX collections in content/generated/. `npm run build:content`
 * (`-- --root DIR` for another project; `npm run build` runs it in a process of its own).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BuildError, Diagnostics, formatDiagnostic } from './lib/core/diagnostics';
import { writeGenerated } from './lib/generate/emit';
import { buildModel } from './lib/model/model';
import { projectPaths } from './lib/core/paths';
import { progressHooks } from './lib/tools/progress';

export async function buildContent(root?: string) {
  const paths = projectPaths(root);
  const diagnostics = new Diagnostics();
  const hooks = progressHooks();
  const model = await buildModel(paths, diagnostics, hooks);
  await hooks.stage('generate', () => writeGenerated(paths, model), (n) => `${n.data} data files, ${n.mdx} MDX entries`);
  return { model, diagnostics };
}

/** Prints the warnings (or the fatal errors) and sets the exit code. */
export function report(diagnostics: Diagnostics, error?: unknown): void {
  if (error instanceof BuildError) {
    process.stderr.write(`\n${error.messages.length} error(s):\n${error.message}\n`);
    process.exitCode = 1;
    return;
  }
  if (error) throw error;
  const warnings = diagnostics.warnings;
  process.stdout.write(warnings.length ? `\n${warnings.length} warning(s):\n${warnings.map(formatDiagnostic).join('\n')}\n` : '  no warnings\n');
}

/** `--root DIR`: the project to build (default: this one). */
export function rootArgument(argv: string[] = process.argv): string | undefined {
  const i = argv.indexOf('--root');
  return i >= 0 && argv[i + 1] ? path.resolve(argv[i + 1]!) : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const diagnostics = new Diagnostics();
  try {
    const result = await buildContent(rootArgument());
    report(result.diagnostics);
  } catch (error) {
    report(diagnostics, error);
  }
}
