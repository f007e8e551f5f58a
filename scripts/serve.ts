/** Serves the built site on 127.0.0.1 and prints its URL. `npm run serve` (after `npm run build`). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/paths';
import { serveStatic } from './lib/static-server';

const dist = path.join(ROOT, 'dist');
if (!existsSync(path.join(dist, 'index.html'))) {
  process.stderr.write('dist/ has no site yet: run `npm run build` first (or `npm start`, which builds and serves).\n');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 4321);
const { url } = await serveStatic(dist, { port, base: process.env.BASE_PATH });
process.stdout.write(`\nMekong Plans is served at ${url}\n  中文界面  ${url}zh/\n  English   ${url}en/\nPress Ctrl+C to stop.\n`);
