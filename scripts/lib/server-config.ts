/** The server configurations shipped with the site, filled in for a concrete place. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy, headerPolicy, knownScriptHashes } from './finalise';

/**
 * The policy the servers send: 'self' plus the hashes of the inline scripts the build emits
 * (the 404 page's), and `frame-ancestors`, which only a header can carry.
 */
export function sitePolicy(): string {
  return headerPolicy(contentSecurityPolicy(knownScriptHashes()));
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
