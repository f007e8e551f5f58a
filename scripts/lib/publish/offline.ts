/**
 * Stage: the list of files a reader's browser saves for offline reading (the control on the
 * about pages, src/scripts/offline/; the service worker, public/sw.js). offline.json names
 * every file of the site with its size and a digest, the edition's version (data/index.json's)
 * and a digest of the whole list, which changes whenever any file does: a saved copy compares
 * it to know when a new edition is published, and fetches only the files that changed. The
 * about pages show the total before the reader asks: it is written into them here, the one
 * number the pages cannot know when Astro renders them.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SIZE_PLACEHOLDER } from '../../../src/lib/offline-size';
import { relativeFiles } from '../core/files';

/** The manifest's name, at the site's root. */
export const MANIFEST = 'offline.json';
/** Not saved: the servers' configurations, the worker (the browser keeps it itself) and the list. */
const LEFT_OUT = new Set(['.htaccess', 'web.config', 'sw.js', MANIFEST]);

export interface OfflineManifest {
  /** The edition's version, as data/index.json gives it. */
  version: string;
  /** A digest of the list below: a copy whose digest differs is out of date. */
  digest: string;
  /** Bytes of all the files. */
  bytes: number;
  /** Every file: its path from the site root, size in bytes and the first 96 bits of its SHA-256 (base64url). */
  files: [string, number, string][];
}

const fileDigest = (bytes: Buffer) => createHash('sha256').update(bytes).digest().subarray(0, 12).toString('base64url');

/** Size in megabytes as the pages show it: 38.4 MB (SI megabytes, as browsers and phones count storage). */
export const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

async function entry(outDir: string, rel: string): Promise<[string, number, string]> {
  const bytes = await readFile(path.join(outDir, rel));
  return [rel, bytes.length, fileDigest(bytes)];
}

const PLACEHOLDER = Buffer.from(SIZE_PLACEHOLDER);

/** Writes offline.json for the site in `outDir` and the total into the pages that show it. */
export async function writeOfflineManifest(outDir: string): Promise<OfflineManifest> {
  const files = relativeFiles(outDir).filter((f) => !LEFT_OUT.has(f));
  // Each file read once, into one buffer used again for every file: its size, its digest, and
  // for a page whether it shows the total (kept as text only if it does). Read so, the 100×
  // benchmark's 355,000 files (2.4 GB) take about 4 s; read eight at a time with readFile, each
  // into a buffer of its own, they took 21 s, and the time grew faster than the site.
  const entries = new Map<string, [string, number, string]>();
  const pages: { file: string; html: string; count: number }[] = [];
  let buffer = Buffer.allocUnsafe(1 << 20);
  for (const [i, f] of files.entries()) {
    const fd = openSync(path.join(outDir, f), 'r');
    let size: number;
    try {
      size = fstatSync(fd).size;
      if (size > buffer.length) buffer = Buffer.allocUnsafe(size);
      for (let got = 0; got < size;) {
        const n = readSync(fd, buffer, got, size - got, got);
        if (n === 0) throw new Error(`${f}: the file ended after ${got} of its ${size} bytes while the offline list read it`);
        got += n;
      }
    } finally {
      closeSync(fd);
    }
    const bytes = buffer.subarray(0, size);
    entries.set(f, [f, size, fileDigest(bytes)]);
    if (f.endsWith('.html') && bytes.includes(PLACEHOLDER)) {
      const html = bytes.toString('utf8');
      pages.push({ file: f, html, count: html.split(SIZE_PLACEHOLDER).length - 1 });
    }
    // Now and then a turn for the timers (the build's memory sampler) while the files are read.
    if (i % 2000 === 1999) await new Promise((resolve) => setImmediate(resolve));
  }
  // The pages that show the total get it now. Writing it makes them longer, so the figure they
  // show is the total with their new length: found by iterating (the length changes only with
  // the number of digits, so it settles at once).
  const filled = (total: number) => `<data class="offline-size" value="${total}">${megabytes(total)}</data>`;
  const before = [...entries.values()].reduce((n, [, size]) => n + size, 0);
  let bytes = before;
  for (let i = 0; i < 10; i++) {
    const next = before + pages.reduce((n, p) => n + p.count * (filled(bytes).length - SIZE_PLACEHOLDER.length), 0);
    if (next === bytes) break;
    bytes = next;
  }
  for (const p of pages) {
    await writeFile(path.join(outDir, p.file), p.html.replaceAll(SIZE_PLACEHOLDER, filled(bytes)));
    entries.set(p.file, await entry(outDir, p.file));
  }
  const index = path.join(outDir, 'data', 'index.json');
  const version = (existsSync(index) ? (JSON.parse(await readFile(index, 'utf8')) as { edition?: { version?: string } }).edition?.version : undefined) ?? '0.0.0';
  const list = [...entries.values()];
  const digest = createHash('sha256').update(JSON.stringify([version, list])).digest().subarray(0, 12).toString('base64url');
  const manifest: OfflineManifest = { version, digest, bytes: list.reduce((n, [, size]) => n + size, 0), files: list };
  await writeFile(path.join(outDir, MANIFEST), `${JSON.stringify(manifest)}\n`);
  return manifest;
}
