/**
 * Issue 23's editor's loop: how long after an editor saves a translation `npm run dev` serves
 * the page with the edit. The dev server (scripts/dev.ts) runs on a project; the loop replaces a
 * few words of a clause's English in its translation file, then asks for the clause's page every
 * 50 ms until the page carries the new words (the time from the write to that answer), and puts
 * the words back, the next round timing that. The benchmark (scripts/bench.ts) runs it on the
 * synthetic projects at 1× and 10×; tests/e2e/dev.test.ts uses the same server and waiting.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Model } from '../model/model';
import { median } from './measured-build';
import { freePort } from './static-server';

export interface DevServer {
  /** http://127.0.0.1:PORT/ */
  base: string;
  /** Everything the server and its pipeline have printed so far. */
  log: () => string;
  /** False once npm has ended (the server cannot answer any more). */
  alive: () => boolean;
  /** Stops npm, the pipeline and Astro (a process group of their own). */
  stop: () => Promise<void>;
}

/** `npm run dev` on the project at `root`, on a free port, without a test runner's variables (VITEST, NODE_ENV=test), which Astro's dev server would obey. */
export async function startDev(root: string): Promise<DevServer> {
  const port = await freePort();
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|VITE_|TEST$|NODE_ENV$)/u.test(k)));
  const child: ChildProcess = spawn('npm', ['run', 'dev', '--', '--port', String(port)], { cwd: root, env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  let ended = false;
  child.stdout!.on('data', (d) => (log += String(d)));
  child.stderr!.on('data', (d) => (log += String(d)));
  child.on('exit', (code, signal) => {
    ended = true;
    log += `\n[npm run dev ended: ${signal ?? `exit code ${code}`}]\n`;
  });
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s);
    } catch {
      // Already ended.
    }
  };
  return {
    base: `http://127.0.0.1:${port}/`,
    log: () => log,
    alive: () => !ended,
    stop: async () => {
      signal('SIGTERM');
      await new Promise((r) => setTimeout(r, 1000));
      signal('SIGKILL');
    },
  };
}

/**
 * Asks for `url` every `everyMs` until `check` holds for its HTML; returns the HTML. Fails after
 * `ms`, or as soon as the server is no longer `alive`, with the last answer and `log`.
 */
export async function waitForPage(url: string, check: (html: string) => boolean, { ms = 90_000, everyMs = 500, log = () => '', alive = () => true }: { ms?: number; everyMs?: number; log?: () => string; alive?: () => boolean } = {}): Promise<string> {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until && alive()) {
    try {
      const response = await fetch(url);
      last = await response.text();
      if (response.ok && check(last)) return last;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`${url} never matched${alive() ? '' : ' (the server ended)'}; last response began ${last.slice(0, 3000)}\n--- dev log ---\n${log()}`);
}

/** What the loop edits: a translation file, a clause page that shows its words, and the words. */
export interface LoopEdit {
  file: string;
  page: string;
  words: string;
}

/**
 * Clauses whose English opens with three plain words that stand once in the translation file (so
 * one replacement edits that clause), the first `most` found, documents in id order. The page
 * must show the words as they are (a glossary term's link can part them): editorLoop takes the
 * first whose page does.
 */
export async function editableClauses(model: Model, root: string, most = 10): Promise<LoopEdit[]> {
  const found: LoopEdit[] = [];
  for (const recipe of [...model.recipes].sort((a, b) => a.data.id.localeCompare(b.data.id))) {
    const document = recipe.data.id;
    const file = path.join(root, 'content', 'translations', `${document}.yaml`);
    let source: string;
    try {
      source = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    for (const clause of model.documents.find((d) => d.id === document)?.clauses ?? []) {
      const words = /^([A-Za-z]+ [A-Za-z]+ [A-Za-z]+) /u.exec(clause.text.en)?.[1];
      if (words && source.split(words).length === 2) found.push({ file, page: `en/${document}/${clause.id}/`, words });
      if (found.length === most) return found;
    }
  }
  if (!found.length) throw new Error('Unexpected corpus: no clause whose English opens with three plain words found once in its translation file, expected one to edit');
  return found;
}

export interface EditorLoopResult {
  /** From `npm run dev` to the clause page served. */
  startMs: number;
  /** Each round: from saving the file to the page serving the edit. */
  roundsMs: number[];
  medianMs: number;
}

/**
 * `npm run dev` on `root`, then `rounds` saves of a translation (its words changed, then put
 * back, and so on) on the first of `candidates` whose page shows its words; the file is left as
 * it was found.
 */
export async function editorLoop(root: string, candidates: LoopEdit[], rounds: number): Promise<EditorLoopResult & { edit: LoopEdit }> {
  const started = performance.now();
  const server = await startDev(root);
  let restore: (() => Promise<void>) | undefined;
  try {
    await waitForPage(`${server.base}${candidates[0]!.page}`, () => true, { ms: 600_000, log: server.log, alive: server.alive });
    const startMs = Math.round(performance.now() - started);
    let edit: LoopEdit | undefined;
    for (const c of candidates) {
      if ((await (await fetch(`${server.base}${c.page}`)).text()).includes(c.words)) {
        edit = c;
        break;
      }
    }
    if (!edit) throw new Error(`Unexpected pages: none of ${candidates.map((c) => c.page).join(', ')} shows its clause's opening words as written, expected one to edit`);
    const { file, words } = edit;
    const original = await readFile(file, 'utf8');
    restore = () => writeFile(file, original);
    const changed = `${words} meanwhile`;
    const url = `${server.base}${edit.page}`;
    const roundsMs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const edited = round % 2 === 0;
      const saved = performance.now();
      await writeFile(file, edited ? original.replace(words, changed) : original);
      await waitForPage(url, (html) => (edited ? html.includes(changed) : html.includes(words) && !html.includes(changed)), { ms: 600_000, everyMs: 50, log: server.log, alive: server.alive });
      roundsMs.push(Math.round(performance.now() - saved));
    }
    return { startMs, roundsMs, medianMs: median(roundsMs), edit };
  } finally {
    await restore?.();
    await server.stop();
  }
}
