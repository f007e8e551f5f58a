/**
 * The static server behind `npm run serve` and the browser tests, attacked as the security
 * review did: odd paths, aborted downloads, files vanishing while dist/ is rebuilt, paths into
 * a sibling folder, open redirects, other methods, symlinks, dotfiles, and a bad PORT.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer as createNetServer, connect, type Server as NetServer } from 'node:net';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';
import { byteRange, serveStatic, type RunningServer } from '../../scripts/lib/tools/static-server';

let top: string;
let dist: string;
let server: RunningServer;
let sub: RunningServer;

beforeAll(async () => {
  top = await mkdtemp(path.join(os.tmpdir(), 'mekong-serve-'));
  dist = path.join(top, 'dist');
  for (const dir of ['zh', '_astro', 'pagefind/zh', 'data', 'empty', '.git']) await mkdir(path.join(dist, dir), { recursive: true });
  await mkdir(path.join(top, 'dist-private'));
  await writeFile(path.join(top, 'dist-private', 'secret.txt'), 'secret');
  await writeFile(path.join(top, 'outside.txt'), 'outside');
  await writeFile(path.join(dist, 'index.html'), '<!DOCTYPE html><title>root</title>');
  await writeFile(path.join(dist, '404.html'), '<!DOCTYPE html><title>missing</title>');
  await writeFile(path.join(dist, 'zh', 'index.html'), '<!DOCTYPE html><title>中文</title>');
  await writeFile(path.join(dist, '_astro', 'a.1234.css'), 'body{}');
  await writeFile(path.join(dist, 'pagefind', 'zh', 'pagefind.abc.pf_meta'), Buffer.alloc(64, 1));
  await writeFile(path.join(dist, 'pagefind', 'zh', 'wasm.zh.pagefind'), Buffer.alloc(64, 2));
  await writeFile(path.join(dist, 'data', 'plan.csv'), 'id,zh\n1,一\n');
  await writeFile(path.join(dist, 'data', 'plan.zh.akn.xml'), '<akomaNtoso/>');
  await writeFile(path.join(dist, 'data', 'plan.json'), '{}');
  await writeFile(path.join(dist, '.htaccess'), 'Options -Indexes');
  await writeFile(path.join(dist, '.git', 'config'), '[core]');
  await writeFile(path.join(dist, 'big.bin'), Buffer.alloc(8 * 1024 * 1024, 7));
  await symlink(path.join(top, 'outside.txt'), path.join(dist, 'escape.txt'));
  await symlink(path.join(dist, 'zh', 'index.html'), path.join(dist, 'inside.html'));
  server = await serveStatic(dist);
  sub = await serveStatic(dist, { base: '/intranet/lmc/' });
});
afterAll(async () => {
  await server?.close();
  await sub?.close();
  await rm(top, { recursive: true, force: true });
});

/** One request with the path sent exactly as given (fetch would normalise it). */
function raw(url: string, rawPath: string, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const alive = async () => expect((await raw(server.url, '/zh/')).status).toBe(200);
const openFiles = async () => (await readdir('/proc/self/fd')).length;

describe('serveStatic survives what crashed or leaked the hand-written server', () => {
  test('`GET //` and other odd paths get an error page, and the server keeps serving', async () => {
    for (const p of ['//', '///zh/', '/%', '/%E4', '/zh/%00', '/\\..\\dist-private\\secret.txt']) {
      const res = await raw(server.url, p);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.status, p).toBeLessThan(500);
    }
    await alive();
  });

  test('600 aborted downloads leave no file open', async () => {
    const abort = () => new Promise<void>((resolve) => {
      const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => socket.write('GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n'));
      socket.once('data', () => {
        socket.destroy();
        resolve();
      });
      socket.on('error', () => resolve());
    });
    // Warm up (lazy modules, the first connection), then measure.
    await abort();
    await new Promise((r) => setTimeout(r, 200));
    const before = await openFiles();
    for (let i = 0; i < 600; i += 20) await Promise.all(Array.from({ length: 20 }, abort));
    let after = await openFiles();
    for (let i = 0; i < 50 && after - before >= 20; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await openFiles();
    }
    expect(after - before).toBeLessThan(20);
    await alive();
  }, 120_000);

  test('a file that cannot be opened, or vanishes while dist/ is rebuilt, does not crash the server', async () => {
    // A Unix socket where a page was: stat succeeds, open fails (as EACCES or ENOENT would).
    const listener: NetServer = createNetServer();
    await new Promise<void>((resolve) => listener.listen(path.join(dist, 'zh', 'socket.html'), resolve));
    const res = await raw(server.url, '/zh/socket.html');
    expect(res.status).toBeGreaterThanOrEqual(400);
    await new Promise<void>((resolve) => listener.close(() => resolve()));
    // Files written and removed while they are requested.
    for (let i = 0; i < 100; i++) {
      const file = path.join(dist, 'data', `churn-${i}.json`);
      await writeFile(file, '{"x":1}'.repeat(1000));
      const [r] = await Promise.all([raw(server.url, `/data/churn-${i}.json`).catch(() => ({ status: 0 })), rm(file)]);
      expect([0, 200, 404, 503]).toContain(r.status);
    }
    // The whole folder removed, then back.
    const moved = `${dist}-old`;
    await (await import('node:fs/promises')).rename(dist, moved);
    expect((await raw(server.url, '/zh/')).status).toBe(404);
    await (await import('node:fs/promises')).rename(moved, dist);
    await alive();
  });

  // Root reads every file whatever its mode, so this runs only for other users (a developer's machine).
  test.skipIf(process.getuid?.() === 0)('a file it may not read gets 403, and the server keeps serving', async () => {
    const file = path.join(dist, 'data', 'locked.json');
    await writeFile(file, '{}');
    await chmod(file, 0);
    expect((await raw(server.url, '/data/locked.json')).status).toBe(403);
    await rm(file);
    await alive();
  });

  test('a path into a sibling folder (`/..%2fdist-private/…`) is not served', async () => {
    for (const p of ['/..%2fdist-private/secret.txt', '/..%2Fdist-private%2Fsecret.txt', '/../dist-private/secret.txt', '/zh/..%2f..%2fdist-private/secret.txt', '/%2e%2e/dist-private/secret.txt']) {
      const res = await raw(server.url, p);
      expect(res.status, p).toBe(404);
      expect(res.body, p).not.toContain('secret');
    }
    const res = await raw(sub.url, '/intranet/lmc/..%2f..%2f..%2fdist-private/secret.txt');
    expect(res.body).not.toContain('secret');
  });
});

describe('serveStatic is configured for the site', () => {
  test('redirects a folder to its slash only within the site, never to another host', async () => {
    for (const p of ['/%2f%2fevil.example%2f..%2fzh', '//evil.example/..%2fzh', '/%5c%5cevil.example%2f..%2fzh', '/zh']) {
      const res = await raw(server.url, p);
      if (res.status >= 300 && res.status < 400) {
        const target = new URL(res.headers.location!, `${server.url.slice(0, -1)}${p}`);
        expect(target.host, p).toBe(new URL(server.url).host);
      }
    }
    const res = await raw(server.url, '/zh?q=1');
    expect(res.status).toBe(301);
    expect(new URL(res.headers.location!, `${server.url}zh?q=1`).href).toBe(`${server.url}zh/?q=1`);
  });

  test('answers GET and HEAD only', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'TRACE', 'PATCH', 'OPTIONS']) {
      const res = await raw(server.url, '/zh/', method);
      expect(res.status, method).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
    }
    const head = await raw(server.url, '/zh/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  test('follows no symlink out of the folder, lists no folder, serves no dotfile', async () => {
    expect((await raw(server.url, '/escape.txt')).status).toBe(404);
    expect((await raw(server.url, '/inside.html')).body).toContain('中文');
    expect((await raw(server.url, '/empty/')).status).toBe(404);
    for (const p of ['/.htaccess', '/.git/config', '/.git/', '/%2ehtaccess']) expect((await raw(server.url, p)).status, p).toBe(404);
  });

  test('serves the 404 page for a missing address', async () => {
    const res = await raw(server.url, '/en/missing/');
    expect(res.status).toBe(404);
    expect(res.body).toContain('<title>missing</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  test('sends the types, caching and security headers of the server configurations', async () => {
    const page = await fetch(`${server.url}zh/`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${server.url}_astro/a.1234.css`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const file of ['pagefind/zh/pagefind.abc.pf_meta', 'pagefind/zh/wasm.zh.pagefind']) {
      const res = await fetch(`${server.url}${file}`, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      expect(res.headers.get('content-encoding')).toBeNull();
      expect((await res.arrayBuffer()).byteLength).toBe(64);
    }
    expect((await fetch(`${server.url}data/plan.csv`)).headers.get('content-type')).toMatch(/^text\/csv/u);
    expect((await fetch(`${server.url}data/plan.zh.akn.xml`)).headers.get('content-type')).toMatch(/xml/u);
    expect((await fetch(`${server.url}data/plan.json`)).headers.get('content-type')).toMatch(/^application\/json/u);
  });

  test('mounts the site under a sub-path and nowhere else', async () => {
    expect(sub.url).toMatch(/\/intranet\/lmc\/$/u);
    expect((await raw(sub.url, '/intranet/lmc/zh/')).body).toContain('中文');
    expect((await raw(sub.url, '/zh/')).status).toBe(404);
    expect((await raw(sub.url, '/intranet/lmc../zh/')).status).toBe(404);
    const res = await raw(sub.url, '/intranet/lmc');
    expect(res.status).toBe(301);
    expect(new URL(res.headers.location!, `${sub.url.slice(0, -1)}`).href).toBe(sub.url);
  });
});

describe('npm run serve', () => {
  const serve = (env: Record<string, string>) => new Promise<{ code: number | null; stderr: string }>((resolve) => {
    execFile('npx', ['tsx', 'scripts/serve.ts', dist], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 }, (error, _stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr }));
  });

  test('says plainly when PORT is invalid or busy, without a stack trace', async () => {
    const invalid = await serve({ PORT: 'eighty' });
    expect(invalid.code).not.toBe(0);
    expect(invalid.stderr).toContain('PORT');
    expect(invalid.stderr).not.toMatch(/\n\s+at /u);
    const busy = await serve({ PORT: new URL(server.url).port });
    expect(busy.code).not.toBe(0);
    expect(busy.stderr).toMatch(/in use/u);
    expect(busy.stderr).not.toMatch(/\n\s+at /u);
  }, 120_000);
});

describe('serveStatic and the security review of issue 28', () => {
  test('sends X-Frame-Options with every answer, for engines that ignore frame-ancestors (L11)', async () => {
    for (const p of ['/zh/', '/missing', '/_astro/a.1234.css']) expect((await raw(server.url, p)).headers['x-frame-options'], p).toBe('DENY');
    expect((await raw(server.url, '/zh/', 'POST')).headers['x-frame-options']).toBe('DENY');
  });

  test('answers byte ranges as RFC 9110 reads them: the last bytes for a suffix, 416 for a reversed or past-the-end range (I1)', async () => {
    const size = 'id,zh\n1,一\n'.length + 2; // 一 is three bytes
    const suffix = await fetch(`${server.url}data/plan.csv`, { headers: { Range: 'bytes=-5' } });
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get('content-range')).toBe(`bytes ${size - 5}-${size - 1}/${size}`);
    expect(Buffer.from(await suffix.arrayBuffer()).toString('utf8')).toBe(',一\n');
    for (const range of ['bytes=5-1', `bytes=${size}-`, 'bytes=99999999999999999999-']) {
      const res = await fetch(`${server.url}data/plan.csv`, { headers: { Range: range } });
      expect(res.status, range).toBe(416);
      expect(res.headers.get('content-range'), range).toBe(`bytes */${size}`);
    }
    const huge = await fetch(`${server.url}data/plan.csv`, { headers: { Range: 'bytes=0-99999999999999999999' } });
    expect(huge.status).toBe(206);
    expect(huge.headers.get('content-range')).toBe(`bytes 0-${size - 1}/${size}`);
    // Several ranges, or a malformed one: the whole file.
    for (const range of ['bytes=0-1,4-5', 'bytes=x-y', 'lines=1-2']) expect((await fetch(`${server.url}data/plan.csv`, { headers: { Range: range } })).status, range).toBe(200);
    await alive();
  });

  test('byteRange', () => {
    expect(byteRange(undefined, 10)).toBeUndefined();
    expect(byteRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
    expect(byteRange('bytes=-30', 10)).toEqual({ start: 0, end: 9 });
    expect(byteRange('bytes=2-', 10)).toEqual({ start: 2, end: 9 });
    expect(byteRange('bytes=-0', 10)).toBe('unsatisfiable');
    expect(byteRange('bytes=0-0', 0)).toBe('unsatisfiable');
  });

  test('refuses the names Windows reads as web.config: trailing dots and spaces, streams (I10)', async () => {
    // On Windows these names open web.config itself; here they are files of their own, which the server must not send either.
    const names = ['web.config', 'web.config.', 'web.config ', 'web.config::$DATA'];
    for (const name of names) await writeFile(path.join(dist, name), '<configuration/>');
    for (const p of ['/web.config', '/WEB.CONFIG', '/web.config.', '/web.config%20', '/web.config::$DATA', '/web.config%3A%3A%24DATA']) {
      const res = await raw(server.url, p);
      expect(res.status, p).toBe(404);
      expect(res.body, p).not.toContain('<configuration/>');
    }
    for (const name of names) await rm(path.join(dist, name));
  });
});

