/**
 * A real nginx (Debian's package) running Debian's own default configuration — nginx.conf and
 * sites-enabled/default as installed — with the project's file added as INSTALL.txt says.
 * Copied to a temporary prefix, changing only what a test must: the listen addresses (a free
 * loopback port, never a public address), the pid and log files, temporary folders, and the
 * absolute paths that point into /etc/nginx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { nginxSite, nginxSnippet, sitePolicy } from '../../scripts/lib/publish/server-config';
import { ROOT } from '../../scripts/lib/core/paths';
import { freePort } from '../../scripts/lib/tools/static-server';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const DEBIAN = '/etc/nginx';

export interface Nginx {
  /** The site's URL on the default server (the snippet; at the root, only with Host: serverName). */
  url: string;
  /** The loopback origin both servers listen on. */
  origin: string;
  /** The host name of the project's own server. */
  serverName: string;
  /** nginx's error log so far (warnings included: a conflicting server name is only a warning). */
  errorLog(): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts nginx with the site at `base` twice: included as a snippet inside Debian's default
 * server (under a sub-path only), and as a complete server for a host name of its own.
 * `siteRoot` serves another folder than dist/.
 */
export async function startNginx(base: string, options: { siteRoot?: string } = {}): Promise<Nginx> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mekong-nginx-'));
  const port = await freePort();
  const listen = `127.0.0.1:${port}`;
  const serverName = 'plans.intranet.test';
  // Debian's configuration as installed (symlinks followed), moved to the temporary prefix.
  await cp(DEBIAN, dir, { recursive: true, dereference: true });
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi', 'log']) await mkdir(path.join(dir, 'tmp', d), { recursive: true });
  const main = (await readFile(path.join(DEBIAN, 'nginx.conf'), 'utf8'))
    .replace(/^pid .*;$/mu, `pid ${dir}/nginx.pid;`)
    .replace(/^error_log .*;$/mu, `error_log ${dir}/tmp/log/error.log;`)
    .replace(/access_log .*;/u, `access_log ${dir}/tmp/log/access.log;`)
    .replace(/include \/etc\/nginx\/(conf\.d|sites-enabled)\//gu, `include ${dir}/$1/`)
    // Temporary folders of the user running the tests (the compiled-in ones are root's).
    .replace(/^http \{$/mu, `http {\n\tclient_body_temp_path ${dir}/tmp/body;\n\tproxy_temp_path ${dir}/tmp/proxy;\n\tfastcgi_temp_path ${dir}/tmp/fastcgi;\n\tuwsgi_temp_path ${dir}/tmp/uwsgi;\n\tscgi_temp_path ${dir}/tmp/scgi;`);
  if (main.includes('/run/nginx.pid') || !main.includes(`include ${dir}/sites-enabled/`)) throw new Error('Debian nginx.conf has changed shape: update tests/helpers/nginx.ts');
  await writeFile(path.join(dir, 'nginx.conf'), main);

  const dist = options.siteRoot ?? path.join(ROOT, 'dist');
  const values = { base, siteRoot: `${dist}/`, csp: sitePolicy() };
  // As INSTALL.txt says: the snippet into snippets/, one include line inside the default server...
  await writeFile(path.join(dir, 'snippets', 'mekong-plans.conf'), await nginxSnippet(ROOT, values));
  const site = await readFile(path.join(DEBIAN, 'sites-available', 'default'), 'utf8');
  const debianDefault = site
    .replace(/^\tlisten 80 default_server;$/mu, `\tlisten ${listen} default_server;`)
    .replace(/^\tlisten \[::\]:80 default_server;$/mu, '') // no IPv6 wildcard: loopback only
    // At the server root the site needs a server of its own (the default server has its `location /`).
    .replace(/^\tserver_name _;$/mu, base === '/' ? '$&' : '$&\n\n\tinclude snippets/mekong-plans.conf;');
  if (!debianDefault.includes(listen) || (base !== '/' && !debianDefault.includes('include snippets/mekong-plans.conf;')) || /listen[^;]*:80\b/u.test(debianDefault.replace(/#.*$/gmu, ''))) {
    throw new Error('Debian sites-available/default has changed shape: update tests/helpers/nginx.ts');
  }
  await writeFile(path.join(dir, 'sites-available', 'default'), debianDefault);
  await writeFile(path.join(dir, 'sites-enabled', 'default'), debianDefault);
  // ...and the complete server, for a host name of its own, in sites-enabled/ beside it.
  await writeFile(path.join(dir, 'sites-enabled', 'mekong-plans'), await nginxSite(ROOT, { ...values, listen, serverName }));

  const child: ChildProcess = spawn(NGINX, ['-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const origin = `http://${listen}`;
  const url = `${origin}${base}`;
  let up = false;
  for (let i = 0; i < 50 && !up && child.exitCode === null; i++) {
    try {
      await fetch(origin);
      up = true;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  if (!up) {
    const log = await readFile(path.join(dir, 'tmp', 'log', 'error.log'), 'utf8').catch(() => '');
    throw new Error(`nginx did not start:\n${stderr}${log}`);
  }
  return {
    url,
    origin,
    serverName,
    errorLog: async () => `${stderr}${await readFile(path.join(dir, 'tmp', 'log', 'error.log'), 'utf8').catch(() => '')}`,
    async close() {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
