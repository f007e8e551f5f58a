/** The server configurations shipped with the site, filled in for a concrete place. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy } from './finalise';

/** The policy of a built site: 'self' plus the hashes of its inline scripts (the 404 page's). */
export async function sitePolicy(outDir: string): Promise<string> {
  const html = await readFile(path.join(outDir, '404.html'), 'utf8');
  const match = /http-equiv="Content-Security-Policy" content="([^"]+)"/u.exec(html);
  return match ? match[1]! : contentSecurityPolicy();
}

/** server/nginx.conf with its placeholders replaced. */
export async function nginxConfig(root: string, values: { listen: string; base: string; siteRoot: string; csp: string }): Promise<string> {
  const template = await readFile(path.join(root, 'server', 'nginx.conf'), 'utf8');
  return template
    .replaceAll('{{LISTEN}}', values.listen)
    .replaceAll('{{BASE}}', values.base)
    .replaceAll('{{ROOT}}', values.siteRoot)
    .replaceAll('{{CSP}}', values.csp);
}
