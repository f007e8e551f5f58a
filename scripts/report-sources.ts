/**
 * Prints how every line of every source is accounted for. `npm run report:sources`
 * (add `--lines` to list each line with its use and reason). Fails like the build does.
 */
import { BuildError, Diagnostics } from './lib/core/diagnostics';
import { summarise } from './lib/sources/accounting';
import { buildModel } from './lib/model/model';
import { projectPaths } from './lib/core/paths';

const verbose = process.argv.includes('--lines');
try {
  const model = await buildModel(projectPaths(), new Diagnostics());
  const columns = ['text', 'witness', 'metadata', 'excluded:furniture', 'excluded:dateline', 'excluded:unrelated', 'excluded:duplicate', 'blank'];
  process.stdout.write(`${'file'.padEnd(26)} ${'lines'.padStart(5)} ${columns.map((c) => c.replace('excluded:', 'x:').padStart(12)).join('')}\n`);
  for (const [file, claims] of model.accounting.files) {
    const counts = summarise(claims);
    process.stdout.write(`${file.padEnd(26)} ${String(claims.length).padStart(5)} ${columns.map((c) => String(counts[c] ?? 0).padStart(12)).join('')}\n`);
    if (verbose) {
      claims.forEach((claim, i) => {
        const what = claim.use === 'blank' ? 'blank' : `${claim.use}${claim.kind ? `:${claim.kind}` : ''} ${claim.document ?? ''}`;
        process.stdout.write(`  ${String(i + 1).padStart(4)}  ${what.padEnd(52)} ${claim.reason?.en ?? ''}\n`);
      });
    }
  }
  process.stdout.write('\nEvery line is accounted for: in a clause (text), a collated witness, document metadata, an exclusion with its reason, or blank.\n');
} catch (error) {
  if (!(error instanceof BuildError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
