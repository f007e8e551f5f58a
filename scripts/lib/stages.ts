/**
 * The folders of scripts/lib/, in the order of the pipeline: a module may import from its own
 * folder or an earlier one, never from a later one (tests/unit/stage-order.test.ts). Each
 * folder's README.md says what enters it and what leaves.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The stage folders, earliest first. This list is the one place the order is declared. */
export const STAGE_FOLDERS = [
  /** Located diagnostics, project paths, the checks every input file passes, YAML reading. */
  'core',
  /** Raw sources and recipes → accounted lines → clauses, collated with second witnesses. */
  'sources',
  /** The editorial checks: translation, review, terminology, notes, style, typography, names, commitments. */
  'editorial',
  /** Cross-links, topics, named documents, references, changes between documents, search's synonyms. */
  'links',
  /** The validated clause model of every document, the published-ID registry and the editions. */
  'model',
  /** The generated data files, MDX entries and per-document exports. */
  'generate',
  /** Astro, downloads, search index, finalise, sitemap, XML check, offline list, server configurations, build stamp. */
  'publish',
  /** Around the build: progress lines, the static server, the benchmark's corpora, Lighthouse. */
  'tools',
] as const;

export type StageFolder = (typeof STAGE_FOLDERS)[number];

/** An import that runs from a stage folder to a later one. */
export interface StageViolation {
  /** The importing file, relative to scripts/lib/. */
  file: string;
  /** 1-based line of the import. */
  line: number;
  /** The import specifier as written. */
  specifier: string;
  /** The folder of the importing file. */
  from: string;
  /** The later folder it imports from. */
  to: string;
}

// Static imports and re-exports (`from '…'`), side-effect imports and literal `import('…')`.
const IMPORT = /(?:\bfrom\s*|^\s*import\s*|\bimport\s*\(\s*)(['"])(\.{1,2}\/[^'"]+)\1/gmu;

async function modules(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await modules(full)));
    else if (/\.(?:ts|mts|js|mjs|astro)$/u.test(entry.name)) out.push(full);
  }
  return out;
}

/**
 * Every import in `libDir` (a scripts/lib/ folder) that runs from a stage folder to a later one,
 * in the order `stages`; a module outside the stage folders is not checked, and an import that
 * leaves `libDir` is not a stage's.
 */
export async function stageViolations(libDir: string, stages: readonly string[] = STAGE_FOLDERS): Promise<StageViolation[]> {
  const found: StageViolation[] = [];
  const stageOf = (file: string) => path.relative(libDir, file).split(path.sep)[0]!;
  for (const file of await modules(libDir)) {
    const from = stageOf(file);
    if (!stages.includes(from)) continue;
    const text = await readFile(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const target = path.resolve(path.dirname(file), m[2]!);
      const rel = path.relative(libDir, target);
      if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
      const to = rel.split(path.sep)[0]!;
      if (!stages.includes(to) || stages.indexOf(to) <= stages.indexOf(from)) continue;
      const line = text.slice(0, m.index).split('\n').length;
      found.push({ file: path.relative(libDir, file).split(path.sep).join('/'), line, specifier: m[2]!, from, to });
    }
  }
  return found.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** An import from one folder of the project into another that must not be imported from. */
export interface CrossImport {
  /** The importing file, relative to the folder checked. */
  file: string;
  line: number;
  specifier: string;
}

/**
 * Every import in `fromDir` that resolves into `intoDir`: the site's code (src/) runs in the
 * browser and in Astro, and takes nothing from the build's scripts (scripts/), which may import
 * the site's schemas and pure code, never the other way round.
 */
export async function importsInto(fromDir: string, intoDir: string): Promise<CrossImport[]> {
  const found: CrossImport[] = [];
  for (const file of await modules(fromDir)) {
    const text = await readFile(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const rel = path.relative(intoDir, path.resolve(path.dirname(file), m[2]!));
      if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
      found.push({ file: path.relative(fromDir, file).split(path.sep).join('/'), line: text.slice(0, m.index).split('\n').length, specifier: m[2]! });
    }
  }
  return found.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
