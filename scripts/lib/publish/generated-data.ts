/**
 * An Astro integration (astro.config.mjs): the site's code reads the content pipeline's files
 * from disk (src/lib/data/generated-files.ts) rather than importing them as modules, which Vite's
 * bundler held in memory (100 MB of JSON at 100 times the corpus). This says where they are
 * (MEKONG_CONTENT_DIR, the project's content/), and in `npm run dev` makes each of them a
 * dependency of that module, so that when the pipeline rewrites one, the modules that read it
 * load again and the page shows the change, as they did when the files were imports.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The files src/lib/data/generated-files.ts reads: the data files and the raw sources. */
function watched(content: string): string[] {
  const list = (dir: string, ext: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).map((f) => path.join(dir, f)) : []);
  return [...list(path.join(content, 'generated', 'data'), '.json'), ...list(path.join(content, 'sources'), '.txt')];
}

export function generatedData(): AstroIntegration {
  return {
    name: 'mekong:generated-data',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        const content = fileURLToPath(new URL('./content/', config.root));
        process.env.MEKONG_CONTENT_DIR = content;
        if (command !== 'dev') return;
        const reader = path.join(fileURLToPath(config.srcDir), 'lib', 'data', 'generated-files.ts');
        updateConfig({
          vite: {
            plugins: [{
              name: 'mekong:generated-data-dependencies',
              transform(_code, id) {
                if (id.split('?')[0] !== reader) return;
                // A new document's files are added when index.json (watched) changes and this module is transformed again.
                for (const file of watched(content)) this.addWatchFile(file);
              },
            }],
          },
        });
      },
    },
  };
}
