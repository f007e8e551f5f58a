/**
 * The static file server for the built site, used by `npm start`, the browser tests and the
 * benchmark. sirv (the server behind Vite's preview) sends the files: types, ranges,
 * validators, index.html. This module only decides what may be sent, as the shipped server
 * configurations do: the site under its sub-path, GET and HEAD only, no dotfile, no folder
 * listing, no path or symlink out of the folder, the same security and caching headers, and
 * no crash or leaked file when a download is aborted or dist/ is rebuilt underneath it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { Stats } from 'node:fs';
import { access, readFile, realpath, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import path from 'node:path';
import sirv from 'sirv';
import { normaliseBasePath, sitePolicy } from '../publish/server-config';

/** The response headers every server configuration sends (server/nginx-snippet.conf, htaccess, web.config). */
export function securityHeaders(csp: string): Record<string, string> {
  return { 'Content-Security-Policy': csp, 'X-Frame-Options': 'DENY', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin' };
}

/** Hashed assets never change; pages and data revalidate. */
export function cacheControl(sitePath: string): string {
  return sitePath.startsWith('_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

// Types sirv (mrmime) does not know or gives differently from the server configurations.
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  // Pagefind's index files are already compressed: bytes, never encoded again.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.bib': 'application/x-bibtex; charset=utf-8',
};
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml)|image\/svg\+xml)/u;

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** A start-up problem said in one line (busy or invalid port): no stack trace is useful. */
export class ServeError extends Error {}

/** A port nobody listens on now (for a server a test or the benchmark starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}

/** The PORT setting as a number, or a ServeError saying what is expected. */
export function parsePort(value: string | undefined, fallback = 4321): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!/^\d+$/u.test(value) || port > 65535) throw new ServeError(`PORT=${value} is not a port number: expected an integer from 0 to 65535 (0 picks a free port).`);
  return port;
}

/** The base path as `/a/b/` (server-config.ts's rule, shared with nginx), or a ServeError saying what is expected. */
function normaliseBase(base: string | undefined): string {
  try {
    return normaliseBasePath(base ?? '');
  } catch (error) {
    throw new ServeError(`BASE_PATH=${base}: ${(error as Error).message}`);
  }
}

/**
 * The site-relative file path a request path names, or undefined when it is not the site's:
 * outside the base, undecodable, or with an empty, dot or dot-file segment, or a segment that
 * decodes to a separator (`..%2f`), a backslash or NUL.
 */
export function sitePathOf(requestPath: string, base: string): string[] | undefined {
  if (!requestPath.startsWith(base)) return undefined;
  const segments = requestPath.slice(base.length).split('/');
  if (segments[segments.length - 1] === '') segments.pop(); // a trailing slash names a folder
  const decoded: string[] = [];
  for (const segment of segments) {
    let s: string;
    try {
      s = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
    // web.config is IIS's configuration, refused as nginx and Apache refuse it. On Windows a
    // name is the same with dots or spaces after it, or with a stream (`::$DATA`): no segment
    // of the site ends so or holds a colon.
    if (s === '' || s.startsWith('.') || s.toLowerCase() === 'web.config' || /[/\\\0:]|[. ]$/u.test(s)) return undefined;
    decoded.push(s);
  }
  return decoded;
}

/**
 * One byte range as RFC 9110 reads `Range: bytes=…` for a file of `size` bytes: the range to
 * send, 'unsatisfiable' (416), or undefined to send the whole file (no range, several, or a
 * malformed one). sirv reads a suffix range (`bytes=-5`) as the first bytes and drops the
 * connection on a reversed or huge one; it is given only the canonical form this returns.
 */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = header === undefined ? null : /^bytes=(\d*)-(\d*)$/u.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    return suffix === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start >= size || start > end ? 'unsatisfiable' : { start, end };
}

/** Serves `dir` at `http://127.0.0.1:<port><base>`; port 0 picks a free one. */
export async function serveStatic(dir: string, options: { port?: number; base?: string } = {}): Promise<RunningServer> {
  const base = normaliseBase(options.base);
  const root = path.resolve(dir);
  // `dev` stats every request rather than listing the folder once: dist/ may be rebuilt while served.
  const files = sirv(root, {
    dev: true,
    etag: true,
    dotfiles: false,
    extensions: [],
    setHeaders: (res, pathname) => {
      const type = TYPES[path.extname(pathname)];
      if (type) res.setHeader('Content-Type', type);
      res.setHeader('Cache-Control', cacheControl(pathname.replace(/^\/+/u, '')));
    },
  });
  const headers = securityHeaders(sitePolicy());

  const notFound = async (res: ServerResponse, head: boolean) => {
    let page: Buffer | undefined;
    try {
      page = await readFile(path.join(root, '404.html'));
    } catch { /* no 404 page (yet): plain text */ }
    res.writeHead(404, { 'Content-Type': page ? TYPES['.html']! : TYPES['.txt']!, 'Cache-Control': 'no-cache' });
    res.end(head ? undefined : (page ?? 'Not found\n'));
  };
  const fail = (res: ServerResponse, status: number, text: string) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(status, { 'Content-Type': TYPES['.txt']! }).end(`${text}\n`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.on('error', () => {}); // a client gone mid-response is not the server's error
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': TYPES['.txt']! }).end('Method not allowed\n');
      return;
    }
    const head = req.method === 'HEAD';
    const target = req.url ?? '/';
    const queryAt = target.search(/[?#]/u);
    const requestPath = queryAt < 0 ? target : target.slice(0, queryAt);
    const query = queryAt < 0 ? '' : target.slice(queryAt).replace(/#.*$/su, '');
    // The base without its slash: send the browser to the site, by a path relative to this one.
    if (base !== '/' && requestPath === base.slice(0, -1)) {
      res.writeHead(301, { Location: `${base.split('/').at(-2)}/${query}` }).end();
      return;
    }
    const segments = sitePathOf(requestPath, base);
    if (!segments) return notFound(res, head);
    const file = path.join(root, ...segments);
    let info: Stats;
    try {
      // The real path must stay inside the real root: no symlink out of the folder.
      const [real, realRoot] = await Promise.all([realpath(file), realpath(root)]);
      if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return notFound(res, head);
      let served = real;
      info = await stat(real);
      if (info.isDirectory()) {
        if (!requestPath.endsWith('/')) {
          // Relative to the request (`zh/`), so it cannot name another host whatever the path held.
          res.writeHead(301, { Location: `${encodeURIComponent(segments.at(-1)!)}/${query}` }).end();
          return;
        }
        served = path.join(real, 'index.html');
        info = await stat(served);
        segments.push('index.html');
      }
      if (!info.isFile()) return notFound(res, head); // sockets, pipes, devices; folders without index.html
      await access(served, constants.R_OK); // EACCES now, as a 403, rather than after sirv's 200
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' || code === 'ENAMETOOLONG') return notFound(res, head);
      if (code === 'EACCES' || code === 'EPERM') return fail(res, 403, 'Forbidden');
      return fail(res, 503, 'Service unavailable: try again'); // EMFILE and the like: passing
    }

    if (req.headers.range !== undefined) {
      const range = byteRange(req.headers.range, info.size);
      if (range === 'unsatisfiable') {
        res.writeHead(416, { 'Content-Range': `bytes */${info.size}`, 'Content-Type': TYPES['.txt']! }).end(head ? undefined : 'Range not satisfiable\n');
        return;
      }
      if (range) req.headers.range = `bytes=${range.start}-${range.end}`;
      else delete req.headers.range;
    }
    const type = TYPES[path.extname(segments.at(-1)!)] ?? '';
    const gzip = !head && !req.headers.range && /\bgzip\b/u.test(String(req.headers['accept-encoding'] ?? '')) && COMPRESSIBLE.test(type || 'text/html');
    // sirv pipes a read stream into the response: make sure the stream is closed when the
    // client goes away, and that a file vanishing between stat and open ends only this response.
    let piped = false;
    res.on('pipe', (source: Readable) => {
      if (piped) return;
      piped = true;
      source.on('error', (error: NodeJS.ErrnoException) => fail(res, error.code === 'ENOENT' ? 404 : 503, 'Not available'));
      res.once('close', () => source.destroy());
      if (gzip) {
        // Compressed as a production server would (the benchmark counts bytes on the wire).
        source.unpipe(res);
        const zip = createGzip();
        zip.on('error', () => res.destroy());
        res.once('close', () => zip.destroy());
        source.pipe(zip).pipe(res);
      }
    });
    if (gzip) {
      const writeHead = res.writeHead.bind(res) as (status: number, headers?: Record<string, unknown>) => ServerResponse;
      (res as { writeHead: unknown }).writeHead = (status: number, sent: Record<string, unknown> = {}) => {
        const { 'Content-Length': _length, ...rest } = sent;
        return writeHead(status, status === 200 ? { ...rest, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : sent);
      };
    }
    req.url = `/${segments.map(encodeURIComponent).join('/')}${query}`;
    try {
      files(req, res, () => void notFound(res, head));
    } catch {
      fail(res, 503, 'Service unavailable: try again'); // sirv stats synchronously: a file gone since ours
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => fail(res, 500, 'Internal error'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const port = options.port ?? 0;
      if (error.code === 'EADDRINUSE') reject(new ServeError(`Port ${port} on 127.0.0.1 is already in use: stop what uses it, or set PORT to another port (PORT=0 picks a free one).`));
      else if (error.code === 'EACCES') reject(new ServeError(`Port ${port} needs privileges this user does not have: set PORT to a port above 1023.`));
      else reject(new ServeError(`Cannot listen on 127.0.0.1:${port}: ${error.message}`));
    });
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  // After start-up, errors such as EMFILE on accept are passing: report them, keep serving.
  server.removeAllListeners('error');
  server.on('error', (error) => process.stderr.write(`serve: ${error.message}\n`));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    server,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
