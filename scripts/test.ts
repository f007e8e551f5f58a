/**
 * `npm test`: every test, the real-browser ones included. Installs the Debian packages the
 * tests need (NEEDED below) when missing and we are root; otherwise says the one command that
 * does. Then builds the site, type-checks, and runs the unit tests, and the end-to-end tests:
 * the browser tests against dist/ and the benchmark smoke (tests/e2e/benchmark-smoke.test.ts,
 * `npm run bench -- --smoke` on a scratch project), one file at a time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from '../tests/helpers/browser';
import { NGINX } from '../tests/helpers/nginx';
import { JAVA, XMLLINT } from '../tests/helpers/validators';
import { CJK_FONT, PDFTOTEXT } from '../tests/helpers/print';

/** Debian packages the browser and hosting tests need, by the file each provides. */
const NEEDED = [
  { file: CHROMIUM, pkg: 'chromium', why: 'the browser tests' },
  { file: NGINX, pkg: 'nginx-light', why: 'the hosting tests' },
  // Validity (issue 19): xmllint checks the Akoma Ntoso downloads, Java runs the Nu Html Checker.
  { file: XMLLINT, pkg: 'libxml2-utils', why: 'the Akoma Ntoso schema tests' },
  { file: JAVA, pkg: 'default-jre-headless', why: 'the Nu Html Checker tests' },
  // Print (issue 18): the PDFs are read back with pdftotext; their Chinese needs a CJK font.
  { file: PDFTOTEXT, pkg: 'poppler-utils', why: 'the print tests' },
  { file: CJK_FONT, pkg: 'fonts-noto-cjk', why: 'the print tests (Chinese text in the PDFs)' },
];

function ensurePackages(): void {
  const missing = NEEDED.filter((n) => !existsSync(n.file));
  if (missing.length === 0) return;
  const install = `apt-get update && apt-get install -y ${missing.map((m) => m.pkg).join(' ')}`;
  if (process.getuid?.() !== 0) {
    process.stderr.write(`${missing.map((m) => `${m.why} need ${m.file}`).join('; ')}. Install with:\n  sudo sh -c '${install}'\n`);
    process.exit(1);
  }
  process.stdout.write(`Installing Debian packages: ${install}\n`);
  execFileSync('sh', ['-c', install], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function run(step: string, command: string, args: string[]): void {
  process.stdout.write(`\n▶ ${step}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) {
    process.stderr.write(`\n✗ ${step} failed\n`);
    process.exit(result.status ?? 1);
  }
}

ensurePackages();
run('build the site', 'npm', ['run', 'build']);
// After the build: `astro build` writes .astro/types.d.ts (astro:content, import.meta.glob),
// which a fresh clone does not have and the type-check needs.
run('type-check', 'npx', ['tsc', '--noEmit', '-p', '.']);
run('unit tests', 'npx', ['vitest', 'run']);
run('browser tests and benchmark smoke', 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts']);
process.stdout.write('\n✓ all tests passed\n');
