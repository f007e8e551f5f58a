/**
 * `npm test`: every test, the real-browser ones included. Installs Debian's Chromium when
 * it is missing and we are root; otherwise says the one command that does. Then builds
 * the site and runs the unit tests and the browser tests against dist/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from '../tests/helpers/browser';

const INSTALL = 'apt-get update && apt-get install -y chromium';

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    process.stderr.write(`The browser tests need Chromium at ${CHROMIUM}. Install it with:\n  sudo sh -c '${INSTALL}'\n`);
    process.exit(1);
  }
  process.stdout.write(`Chromium is missing: installing Debian's package (${INSTALL})\n`);
  execFileSync('sh', ['-c', INSTALL], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function run(step: string, command: string, args: string[]): void {
  process.stdout.write(`\n▶ ${step}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) {
    process.stderr.write(`\n✗ ${step} failed\n`);
    process.exit(result.status ?? 1);
  }
}

ensureChromium();
run('build the site', 'npm', ['run', 'build']);
run('unit tests', 'npx', ['vitest', 'run']);
run('browser tests', 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts']);
process.stdout.write('\n✓ all tests passed\n');
