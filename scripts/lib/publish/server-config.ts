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

/**
 * A URL path as nginx's location needs it: one slash at each end, no empty, dot or escaped
 * segment. Without the final slash, `location /lmc` would also serve `/lmc../package.json`.
 */
export function normaliseBasePath(base: string): string {
  const segments = base.split('/').filter(Boolean);
  const bad = segments.find((s) => s === '.' || s === '..' || !/^[A-Za-z0-9._~-]+$/u.test(s));
  if (bad !== undefined) throw new Error(`Unexpected segment \`${bad}\` in the base path \`${base}\`, expected letters, digits and . _ ~ - only (e.g. /intranet/lmc/)`);
  return segments.length ? `/${segments.join('/')}/` : '/';
}

/**
 * The published address given to `npm run package`, checked before anything is built: http or
 * https, no query or fragment, a base path nginx can take (normaliseBasePath), and a host name
 * that is a name or an IP address, since it is written into nginx's `server_name` as it is.
 * Returns the URL (with its final slash), or what is wrong, in one line.
 */
export function checkSiteUrl(given: string): URL | string {
  let url: URL;
  try {
    url = new URL(given.endsWith('/') ? given : `${given}/`);
  } catch {
    return `Unexpected site URL \`${given}\`, expected an http or https address without query or fragment.`;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) return `Unexpected site URL \`${given}\`, expected an http or https address without query or fragment.`;
  if (!/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/u.test(url.hostname)) return `Unexpected host name \`${url.hostname}\` in the site URL \`${given}\`, expected letters, digits, dots and hyphens, or an IP address.`;
  try {
    normaliseBasePath(url.pathname);
  } catch (error) {
    return `${(error as Error).message}.`;
  }
  return url;
}

export interface NginxValues {
  /** The URL path of the site, e.g. /intranet/lmc/ (normalised). */
  base: string;
  /** The folder holding the site's files (a final slash is added). */
  siteRoot: string;
  csp: string;
}

/** server/nginx-snippet.conf filled in: the locations to include inside an existing server. */
export async function nginxSnippet(root: string, values: NginxValues): Promise<string> {
  const base = normaliseBasePath(values.base);
  let text = await readFile(path.join(root, 'server', 'nginx-snippet.conf'), 'utf8');
  // At the server root there is no slash-less form to redirect.
  if (base === '/') text = text.replace(/# The base path without its slash[^\n]*\nlocation = \{\{BASE_NO_SLASH\}\} \{\n[^}]*\}\n\n/u, '');
  return text
    .replaceAll('{{BASE_NO_SLASH}}', base.slice(0, -1))
    .replaceAll('{{BASE}}', base)
    .replaceAll('{{ROOT_NO_SLASH}}', values.siteRoot.replace(/\/+$/u, ''))
    .replaceAll('{{ROOT}}', values.siteRoot.endsWith('/') ? values.siteRoot : `${values.siteRoot}/`)
    .replaceAll('{{CSP}}', values.csp);
}

/** server/apache.conf filled in for the folder that holds the site (e.g. /var/www/html/intranet/lmc). */
export async function apacheConf(root: string, folder: string): Promise<string> {
  if (!/^\/[A-Za-z0-9._~/-]*$/u.test(folder)) throw new Error(`Unexpected folder \`${folder}\`, expected an absolute path of letters, digits and . _ ~ - /`);
  return (await readFile(path.join(root, 'server', 'apache.conf'), 'utf8')).replaceAll('{{DIR}}', folder);
}

/** server/nginx-site.conf filled in: a complete server for a host name of its own (never default_server). */
export async function nginxSite(root: string, values: NginxValues & { listen: string; serverName: string }): Promise<string> {
  const snippet = (await nginxSnippet(root, values)).replace(/^(?=.)/gmu, '    ');
  const template = await readFile(path.join(root, 'server', 'nginx-site.conf'), 'utf8');
  return template
    .replaceAll('{{LISTEN}}', values.listen)
    .replaceAll('{{SERVER_NAME}}', values.serverName)
    .replaceAll('{{SNIPPET}}', snippet.trimEnd());
}
