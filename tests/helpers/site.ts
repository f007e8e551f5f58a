/** The built site served on loopback and a browser, for one test file (registers its own hooks). */
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ROOT } from '../../scripts/lib/core/paths';
import { serveStatic, type RunningServer } from '../../scripts/lib/tools/static-server';
import { launchBrowser, type Browser } from './browser';

export interface Site {
  server: RunningServer;
  browser: Browser;
}

/** Serves dist/ (under `base`, if given) and launches Chromium before the file's tests; closes both after. */
export function useSite(options: { base?: string } = {}): Site {
  const site = {} as Site;
  beforeAll(async () => {
    site.server = await serveStatic(path.join(ROOT, 'dist'), { base: options.base });
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
