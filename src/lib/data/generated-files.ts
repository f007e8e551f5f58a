/**
 * The content pipeline's data files (content/generated/data/*.json) and the raw sources
 * (content/sources/*.txt), read from disk when the site's code runs. They are not imported as
 * modules: at 100 times the corpus they are 100 MB, which Vite's bundler parsed as string
 * modules and kept in the build's memory (about a gigabyte), and every page's process held
 * twice over. The folder is the project's content/, as astro.config.mjs's integration says
 * (scripts/lib/publish/generated-data.ts); in `npm run dev` that integration also reloads the modules
 * that read these files when the pipeline rewrites them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The project's content/ folder (MEKONG_CONTENT_DIR, set by the integration), else ./content. */
const content = () => process.env.MEKONG_CONTENT_DIR ?? path.resolve('content');

/** The text of content/generated/data/{name}, or undefined if the pipeline did not write it. */
export function dataText(name: string): string | undefined {
  const file = path.join(content(), 'generated', 'data', name);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** The text of content/sources/{file}, exactly as received, or undefined if there is none. */
export function sourceText(file: string): string | undefined {
  const at = path.join(content(), 'sources', file);
  return existsSync(at) ? readFileSync(at, 'utf8') : undefined;
}
