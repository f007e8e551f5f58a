/**
 * Serves the built site on 127.0.0.1 and prints its URL. `npm run serve` (after `npm run build`);
 * `npm run serve -- DIR` serves another built site. PORT picks the port (0: a free one),
 * BASE_PATH mounts the site under a sub-path.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/core/paths';
import { parsePort, ServeError, serveStatic } from './lib/tools/static-server';

const dist = process.argv[2] ? path.resolve(process.argv[2]) : path.join(ROOT, 'dist');
try {
  const port = parsePort(process.env.PORT);
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new ServeError(`${path.relative(process.cwd(), dist) || '.'}/ has no site yet: run \`npm run build\` first (or \`npm start\`, which builds and serves).`);
  }
  const { url } = await serveStatic(dist, { port, base: process.env.BASE_PATH });
  process.stdout.write(`\nMekong Plans is served at ${url}\n  中文界面  ${url}zh/\n  English   ${url}en/\nPress Ctrl+C to stop.\n`);
} catch (error) {
  if (!(error instanceof ServeError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
