/**
 * Lighthouse (its Node API, mobile emulation, its default settings) against pages of the
 * built site served on loopback, in Debian's Chromium. Used by the benchmark, never by
 * tests: scores depend on the machine's load.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM } from '../../../tests/helpers/browser';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseRun {
  scores: Record<Category, number>;
  /** Total blocking time and largest contentful paint, in ms, as Lighthouse simulates them. */
  tbtMs: number;
  lcpMs: number;
}

export interface LighthousePage {
  url: string;
  runs: LighthouseRun[];
  /** Per category, the median of the runs' scores (0–100). */
  median: Record<Category, number>;
}

// The temporary folder as the process started: tests/helpers/browser.ts points TMPDIR at its
// own profile folder and removes it on close, so os.tmpdir() may name a folder that is gone.
const TMP = os.tmpdir();

/**
 * A Chromium with a DevTools port for Lighthouse to drive. Flags as in tests/helpers/browser.ts:
 * a throw-away profile and no background network, so the only requests are the page's own.
 */
async function launchDebuggableChromium(): Promise<{ port: number; close(): Promise<void> }> {
  const home = await mkdtemp(path.join(TMP, 'mekong-lighthouse-'));
  const child = spawn(CHROMIUM, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--remote-debugging-port=0', `--user-data-dir=${path.join(home, 'profile')}`, 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home, XDG_DATA_HOME: home, TMPDIR: home } });
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//u.exec(seen);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before opening its DevTools port:\n${seen}`)));
  });
  return {
    port,
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs Lighthouse `runs` times on each URL, one fresh Chromium per run (a cold cache). */
export async function lighthousePages(urls: string[], runs: number): Promise<LighthousePage[]> {
  const pages: LighthousePage[] = [];
  for (const url of urls) {
    const results: LighthouseRun[] = [];
    for (let i = 0; i < runs; i++) {
      const chromium = await launchDebuggableChromium();
      try {
        const result = await lighthouse(url, { port: chromium.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
        if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
        const { categories, audits, runtimeError } = result.lhr;
        if (runtimeError) throw new Error(`Lighthouse failed on ${url}: ${runtimeError.code} ${runtimeError.message}`);
        results.push({
          scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)])) as Record<Category, number>,
          tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? 0),
          lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? 0),
        });
      } finally {
        await chromium.close();
      }
    }
    pages.push({ url, runs: results, median: Object.fromEntries(CATEGORIES.map((c) => [c, median(results.map((r) => r.scores[c]))])) as Record<Category, number> });
  }
  return pages;
}
