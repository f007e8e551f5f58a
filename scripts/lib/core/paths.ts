/** Where the pipeline reads and writes. Every path is relative to the project root. */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export interface ProjectPaths {
  root: string;
  sources: string;
  manifest: string;
  recipes: string;
  variants: string;
  edition: string;
  generated: string;
  generatedData: string;
  generatedDocuments: string;
}

/** The layout of a project rooted at `root` (tests point it at fixtures). */
export function projectPaths(root: string = ROOT): ProjectPaths {
  const content = path.join(root, 'content');
  const generated = path.join(content, 'generated');
  return {
    root,
    sources: path.join(content, 'sources'),
    manifest: path.join(content, 'sources', 'manifest.yaml'),
    recipes: path.join(content, 'recipes'),
    variants: path.join(content, 'variants'),
    edition: path.join(content, 'edition.yaml'),
    generated,
    generatedData: path.join(generated, 'data'),
    generatedDocuments: path.join(generated, 'documents'),
  };
}

/** A path for messages: relative to the project root, with forward slashes. */
export function display(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
