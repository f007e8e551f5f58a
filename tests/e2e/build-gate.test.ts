/**
 * The whole build as the security review ran it (issue 28), on a copy of the project: a
 * control character put into a translation is refused with a located error and no stack trace,
 * and the Akoma Ntoso downloads stay valid XML for the OASIS schema; a build that fails after
 * Astro leaves the previous dist/ exactly as it was, never a half-finalised one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';
import { fileDigests as digest } from '../helpers/digests';
import { AKN_SCHEMA, xmllintSchema } from '../helpers/validators';

let copy: string;

/** Runs `npm run build` in the copy; its output, exit status and whether it printed a stack trace. */
function build(): { status: number | null; output: string } {
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: copy, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

beforeAll(async () => {
  copy = await mkdtemp(path.join(os.tmpdir(), 'mekong-gate-'));
  for (const entry of ['content', 'src', 'scripts', 'server', 'public', 'dist', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    await cp(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
  }
  // The same installed tools (npx must not look for them elsewhere).
  await symlink(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
}, 120_000);
afterAll(async () => {
  await rm(copy, { recursive: true, force: true });
});

describe('npm run build on bad input', () => {
  test('refuses a form feed put into a translation, at its line and column, and the Akoma Ntoso files stay valid', async () => {
    const before = await digest(path.join(copy, 'dist'));
    const file = path.join(copy, 'content', 'translations', 'lmc-poa-2018-2022.yaml');
    const text = await readFile(file, 'utf8');
    // The review's reproduction: text extracted from a PDF often carries a form feed.
    const old = '    text: >-\n      Design a Lancang-Mekong Cooperation logo and other Lancang-Mekong emblems.';
    expect(text).toContain(old);
    const changed = text.replace(old, '    text: "Design a Lancang-Mekong Cooperation logo and other Lancang-Mekong emblems.\\f"');
    await writeFile(file, changed);
    try {
      const { status, output } = build();
      expect(status).toBe(1);
      const line = changed.slice(0, changed.indexOf('\\f"')).split('\n').length;
      expect(output).toMatch(new RegExp(`content/translations/lmc-poa-2018-2022\\.yaml:${line}:\\d+: error: Unexpected control character U\\+000C \\(form feed\\), expected .* \\[control-character\\]`, 'u'));
      expect(output).not.toMatch(/^\s+at /mu);
      expect(await digest(path.join(copy, 'dist'))).toEqual(before);
      const akn = [...before.keys()].filter((f) => f.endsWith('.akn.xml')).map((f) => path.join(copy, 'dist', f));
      expect(akn).toHaveLength(12);
      const { status: valid, output: messages } = xmllintSchema(AKN_SCHEMA, akn);
      expect(messages).not.toMatch(/parser error|invalid Char/u);
      expect(valid).toBe(0);
    } finally {
      await writeFile(file, text);
    }
  }, 120_000);

  test('a build that fails after Astro (an inline script in a page) names the page and leaves dist/ as it was', async () => {
    const before = await digest(path.join(copy, 'dist'));
    const about = path.join(copy, 'src', 'pages', '[lang]', 'about.astro');
    const source = await readFile(about, 'utf8');
    // `<script` inside an attribute is text and passes; the inline script is what fails.
    await writeFile(about, source.replace('<h1>{page.title}</h1>', '<h1 title="<script>alert(1)</script>">{page.title}</h1><script is:inline>alert(1)</script>'));
    try {
      const { status, output } = build();
      expect(status).toBe(1);
      expect(output).toMatch(/dist\/(en|zh)\/about\/index\.html:\d+:\d+: error: Unexpected inline script \('sha256-[^']+'\), expected only the scripts of src\/lib\/inline-scripts\.ts .*\[inline-script\]/u);
      expect(output).not.toMatch(/about\/index\.html:.*h1/u);
      expect(output).not.toMatch(/^\s+at /mu);
      expect(await digest(path.join(copy, 'dist'))).toEqual(before);
      expect(existsSync(path.join(copy, 'dist.partial'))).toBe(false);
    } finally {
      await writeFile(about, source);
    }
  }, 300_000);
});
