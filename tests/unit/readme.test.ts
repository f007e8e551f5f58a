/**
 * The README and docs/ stay true to the project (issue 26): every `npm run` script of
 * package.json is in the README's command table, and every relative link in the README, docs/
 * and the folders' READMEs names a file that exists and, with a #fragment, a heading of it
 * (slugged as GitHub does).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';

/** The Markdown files whose links are checked, relative to the root. */
function markdownFiles(): string[] {
  const inDir = (dir: string) =>
    existsSync(path.join(ROOT, dir)) ? readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.md')).map((f) => `${dir}/${f}`) : [];
  const folderReadmes = ['scripts/lib', 'src/lib'].flatMap((lib) =>
    readdirSync(path.join(ROOT, lib), { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(path.join(ROOT, lib, e.name, 'README.md')))
      .map((e) => `${lib}/${e.name}/README.md`),
  );
  return ['README.md', ...inDir('docs'), 'bench/history.md', ...folderReadmes];
}

/** Markdown without fenced code blocks and inline code, where a bracket is not a link. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gmu, '').replace(/(`+)[^`\n][\s\S]*?\1/gu, '');
}

/** The heading slugs of a Markdown text, as GitHub gives them (a repeated heading gets -1, -2 …). */
export function headingSlugs(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const slugs = new Set<string>();
  const text = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gmu, '');
  for (const m of text.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gmu)) {
    // GitHub slugs the heading's text: inline code keeps its content, links their text.
    const plain = m[1]!.replace(/`([^`]*)`/gu, '$1').replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1').replace(/[*_]/gu, '');
    slugs.add(slugger.slug(plain));
  }
  return slugs;
}

/** Every relative link of `file` (relative to `root`) that does not resolve, as "target: why". */
export function brokenLinks(root: string, file: string): string[] {
  const markdown = readFileSync(path.join(root, file), 'utf8');
  const broken: string[] = [];
  for (const m of withoutCode(markdown).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/gu)) {
    const target = m[1]!;
    if (/^[a-z][a-z0-9+.-]*:/iu.test(target)) continue; // http:, https:, mailto:
    const [pathPart, fragment] = target.split('#', 2) as [string, string | undefined];
    const resolved = pathPart === '' ? path.join(root, file) : path.join(root, path.dirname(file), decodeURI(pathPart));
    if (!existsSync(resolved)) {
      broken.push(`${target}: no such file`);
      continue;
    }
    if (fragment === undefined) continue;
    if (statSync(resolved).isDirectory() || !resolved.endsWith('.md')) {
      broken.push(`${target}: a fragment of a file that is not Markdown`);
      continue;
    }
    if (!headingSlugs(readFileSync(resolved, 'utf8')).has(decodeURIComponent(fragment))) broken.push(`${target}: no heading #${fragment}`);
  }
  return broken;
}

describe('README.md', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  test('is under 250 lines', () => {
    expect(readme.split('\n').length).toBeLessThan(250);
  });

  test('lists every npm script of package.json in its command table', () => {
    const scripts = Object.keys(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>);
    const table = /^\| command \| what it does \|\n(?:\|.*\n?)+/mu.exec(readme)?.[0] ?? '';
    expect(table, 'the README has a command table').not.toBe('');
    // The first cell of each row names its commands; the second only describes them.
    const firstCells = table.split('\n').slice(2).map((row) => row.split('|')[1] ?? '');
    const commands = firstCells.flatMap((cell) => [...cell.matchAll(/`npm (?:run )?([a-z][a-z0-9:-]*)/gu)].map((m) => m[1]!));
    // `npm start` and `npm test` are npm's own names for `npm run start` and `npm run test`.
    expect(scripts.filter((s) => !commands.includes(s))).toEqual([]);
    expect(commands.filter((c) => !scripts.includes(c))).toEqual([]);
  });

  test('links every file of docs/', () => {
    const linked = [...withoutCode(readme).matchAll(/\]\((docs\/[^)#\s]+)/gu)].map((m) => m[1]!);
    for (const doc of readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md'))) expect(linked).toContain(`docs/${doc}`);
  });
});

describe('brokenLinks', () => {
  test.each(markdownFiles())('every relative link of %s resolves', (file) => {
    expect(brokenLinks(ROOT, file)).toEqual([]);
  });

  test('reports a missing file, a missing heading and a fragment of a non-Markdown file', () => {
    const dir = path.join(ROOT, 'tests', 'fixtures', 'markdown-links');
    expect(brokenLinks(dir, 'index.md')).toEqual([
      'missing.md: no such file',
      'other.md#no-such-heading: no heading #no-such-heading',
      '#nowhere: no heading #nowhere',
      'data.txt#top: a fragment of a file that is not Markdown',
    ]);
  });

  test('slugs headings as GitHub does', () => {
    expect([...headingSlugs('# Hosting (intranet, offline)\n## The security review\'s findings (issue 28)\n## IDs, URLs and data\n## Peak memory at 100×\n## Notes\n## Notes\n```\n# not a heading\n```\n')]).toEqual([
      'hosting-intranet-offline',
      'the-security-reviews-findings-issue-28',
      'ids-urls-and-data',
      'peak-memory-at-100',
      'notes',
      'notes-1',
    ]);
  });
});
