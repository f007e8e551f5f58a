/** Writes the generated data files (contract JSON) and MDX content collections. */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentData } from '../../../src/schemas/document';
import type { Model } from '../model/model';
import type { ProjectPaths } from '../core/paths';
import { documentMdx, GENERATED_BY } from './mdx';
import { TermMatcher } from '../editorial/terminology';

export const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Per source file: what it is and how each run of lines is used, for the source viewer. */
export function sourceAccounting(model: Model) {
  return {
    sources: [...model.sources.values()].map((source) => {
      const claims = model.accounting.files.get(source.file)!;
      const runs: { from: number; to: number; use: string; document?: string; kind?: string; reason?: { zh: string; en: string } }[] = [];
      claims.forEach((claim, i) => {
        const last = runs[runs.length - 1];
        if (last && last.use === claim.use && last.document === claim.document && last.kind === claim.kind && last.reason === claim.reason) last.to = i + 1;
        else runs.push({ from: i + 1, to: i + 1, use: claim.use, ...(claim.document ? { document: claim.document } : {}), ...(claim.kind ? { kind: claim.kind } : {}), ...(claim.reason ? { reason: claim.reason } : {}) });
      });
      return { file: source.file, sha256: source.sha256, script: source.script, format: source.format, what: source.what, origin: source.origin, lines: source.lines.length, runs };
    }),
  };
}

/**
 * Writes content/generated/ in place: a file only if its text changed, and files the model no
 * longer produces removed at the end. Astro's dev server (npm run dev) watches these files;
 * when the folder was removed and written again, it dropped entries it had seen deleted.
 */
async function inPlace(dir: string) {
  const existing = new Set((await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)));
  const written = new Set<string>();
  return {
    async write(file: string, text: string) {
      written.add(file);
      if (existing.has(file) && (await readFile(file, 'utf8')) === text) return;
      await writeFile(file, text);
    },
    async sweep() {
      for (const file of existing) if (!written.has(file)) await rm(file, { force: true });
    },
  };
}

/** Makes content/generated/ the model's data and MDX. */
export async function writeGenerated(paths: ProjectPaths, model: Model): Promise<{ data: number; mdx: number }> {
  const files = await inPlace(paths.generated);
  const writeFile = files.write;
  await mkdir(paths.generatedData, { recursive: true });
  await writeFile(path.join(paths.generated, 'README.md'), `${GENERATED_BY}\n\nEverything in this folder is rebuilt by \`npm run build:content\`. Edit content/recipes, content/variants or content/translations instead.\n`);
  await mkdir(paths.generatedDocuments, { recursive: true });
  const terms = model.glossary ? new TermMatcher(model.glossary.data.terms) : undefined;
  await writeFile(path.join(paths.generatedData, 'glossary.json'), json({ terms: model.glossary?.data.terms ?? [] }));
  for (const doc of model.documents) {
    await writeFile(path.join(paths.generatedData, `${doc.id}.json`), json(doc));
    await writeFile(path.join(paths.generatedDocuments, `${doc.id}.mdx`), documentMdx(doc, terms));
  }
  const index = {
    // The edition's version and date (issue 17).
    edition: model.permanence.edition,
    documents: model.documents.map((d) => ({
      id: d.id, title: d.title, ...(d.author ? { author: d.author } : {}), type: d.type, date: d.date, completeness: d.completeness, witnesses: d.witnesses,
      // Relative to index.json itself, so that it resolves under any sub-path (issue 28).
      clauses: d.clauses.length, url: `${d.id}.json`,
    })),
  };
  await writeFile(path.join(paths.generatedData, 'index.json'), json(index));
  await writeFile(path.join(paths.generatedData, 'sources.json'), json(sourceAccounting(model)));
  await writeFile(path.join(paths.generatedData, 'links.json'), json({ links: model.crossLinks?.links ?? [] }));
  await writeFile(path.join(paths.generatedData, 'topics.json'), json({ topics: model.crossLinks?.topics ?? [] }));
  if (model.changes) await writeFile(path.join(paths.generatedData, 'changes.json'), json(model.changes)); // issue 15
  await writeFile(path.join(paths.generatedData, 'named-documents.json'), json({ documents: model.crossLinks?.named ?? [] }));
  await writeFile(path.join(paths.generatedData, 'search.json'), json(model.search?.data ?? { synonyms: [], documents: {} })); // issue 25
  await files.sweep();
  return { data: model.documents.length + 1, mdx: model.documents.length };
}

/**
 * The documents as the content process wrote them (content/generated/data/), for the stages
 * after Astro: they run in another process than the model, which is gone by then.
 */
export async function readGeneratedDocuments(paths: ProjectPaths): Promise<DocumentData[]> {
  const read = async (file: string) => JSON.parse(await readFile(path.join(paths.generatedData, file), 'utf8')) as unknown;
  const index = (await read('index.json')) as { documents: { id: string }[] };
  return Promise.all(index.documents.map(async (d) => (await read(`${d.id}.json`)) as DocumentData));
}
