/**
 * `npm run bench` (`-- --quick` for 1× and 10× only): the pipeline on synthetic corpora at
 * 1×, 10× and 100× the real one — per stage time and peak memory, output size, page count,
 * and at 1× and 10× the editor's loop (a translation saved to the page updated in `npm run
 * dev`, scripts/lib/tools/editor-loop.ts) — and, on the real corpus in Chromium, reading-page
 * bytes against the page's text and the cold first search, and Lighthouse (mobile) on the
 * home, search and comparison pages and every document page, both interfaces, median of three
 * runs each. `-- --reader` skips the scales and measures only the real corpus's built dist/;
 * `-- --search` only its cold first search, printed (`-- --site DIR`: on the site in DIR
 * instead). Writes bench/report.json and bench/report.md (`-- --out DIR` writes them in DIR
 * instead).
 *
 * `-- --smoke` is what `npm test` runs (tests/e2e/benchmark-smoke.test.ts): one 2× corpus (copy 2
 * is where document ids, file names and source numbers are rewritten) built once, every stage,
 * its editor's loop one save long, without the reader's measurements, its report in a
 * temporary folder unless `--out` is given.
 * Every scale fails the benchmark with the build's own located errors when its synthetic corpus
 * does not build, and with its warnings when it has any of a kind the real corpus has not.
 *
 * For profiling one change: `-- --scales 10,100` builds only those scales, `-- --runs N` each
 * N times (instead of 3, 3 and 2), and `-- --keep` keeps each scale's project (its dist/ too)
 * and names it. Such a run skips the reader's measurements and writes its report in a temporary
 * folder (or `--out`), never over bench/.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Diagnostics } from './lib/core/diagnostics';
import { buildModel } from './lib/model/model';
import { projectPaths, ROOT } from './lib/core/paths';
import { BATCH_CLAUSES_ENV, exitCode } from './lib/publish/site';
import { serveStatic } from './lib/tools/static-server';
import { writeSyntheticCorpus, type SyntheticCorpus } from './lib/tools/synthetic';
import { CACHES, dirSize, measuredBuild, scratchProject, growth, median, scaleTargets, stageTables, SyntheticBuildFailed, type StageResult } from './lib/tools/measured-build';
import { editableClauses, editorLoop, type EditorLoopResult } from './lib/tools/editor-loop';
import { launchBrowser } from '../tests/helpers/browser';
import { CATEGORIES, lighthousePages } from './lib/tools/lighthouse';
import { BUDGETS, budgetMisses, measureClausePages, measureDocumentPages, PageWeigher, ratioOf } from './lib/tools/page-weight';

const quick = process.argv.includes('--quick');
const readerOnly = process.argv.includes('--reader');
const smoke = process.argv.includes('--smoke');
/** `--reader --no-lighthouse`: the page weights and their budgets only, in a minute. */
const noLighthouse = process.argv.includes('--no-lighthouse');
/** The smoke's scale: copy 2 is where document ids, file names and source numbers are rewritten. */
const SMOKE_SCALE = 2;
/** The value after `--name`, if given. */
const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const chosenScales = option('--scales')?.split(',').map(Number);
if (chosenScales?.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--scales ${option('--scales')}: expected whole numbers from 1, separated by commas (10,100)`);
const chosenRuns = option('--runs') === undefined ? undefined : Number(option('--runs'));
if (chosenRuns !== undefined && !(Number.isInteger(chosenRuns) && chosenRuns >= 1)) throw new Error(`--runs ${option('--runs')}: expected a whole number from 1`);
const keep = process.argv.includes('--keep');
const scales = readerOnly ? [] : smoke ? [SMOKE_SCALE] : chosenScales ?? (quick ? [1, 10] : [1, 10, 100]);
const LIGHTHOUSE_RUNS = 3;
const outOption = option('--out');
const outDir = outOption
  ? path.resolve(outOption)
  // A smoke or profiling run never overwrites the last real figures in bench/.
  : smoke || process.argv.includes('--scales') || process.argv.includes('--runs') ? await mkdtemp(path.join(os.tmpdir(), 'mekong-bench-smoke-')) : path.join(ROOT, 'bench');

interface ScaleResult { scale: number; documents: number; clauses: number; stages: StageResult[]; totalMs: number; peakMB: number; outputMB: number; pages: number; runs: { totalMs: number; peakMB: number }[]; warnings: string[]; editorLoop: (EditorLoopResult & { page: string }) | null }

/**
 * The editor's loop (issue 23): `npm run dev` on the scale's project, then a translation saved
 * this many times (changed, put back, …), timed from the save to the page serving it; at 1× and
 * 10× (the smoke's corpus once, to show that it runs).
 */
const EDITOR_LOOP_ROUNDS = 5;
const EDITOR_LOOP_SCALES = new Set([1, 10, SMOKE_SCALE]);

/**
 * Builds each scale several times (a shared virtual machine's timings vary by a quarter from
 * run to run) and keeps each stage's fastest time, the fastest total and the highest peak.
 */
const REPEATS: Record<number, number> = { 1: 3, 10: 3, 100: 2 };

async function runScale(scale: number, real: Awaited<ReturnType<typeof buildModel>>): Promise<ScaleResult & { corpus: SyntheticCorpus }> {
  const root = await scratchProject();
  const corpus = await writeSyntheticCorpus(real, ROOT, root, scale);
  const siteDir = path.join(root, 'dist');
  const runs: Awaited<ReturnType<typeof measuredBuild>>[] = [];
  const repeats = smoke ? 1 : (chosenRuns ?? REPEATS[scale] ?? 1);
  for (let run = 1; run <= repeats; run++) {
    process.stdout.write(`\n${scale}× corpus, run ${run}\n`);
    // Every run is a first build: no registry of published ids, no output, no caches.
    for (const left of ['content/registry.yaml', 'content/generated', 'dist', '.astro', ...CACHES.map((c) => `node_modules/${c}`)]) await rm(path.join(root, left), { recursive: true, force: true });
    runs.push(await measuredBuild(root, scale));
  }
  const size = await dirSize(siteDir);
  let loop: ScaleResult['editorLoop'] = null;
  if (EDITOR_LOOP_SCALES.has(scale)) {
    process.stdout.write(`\n${scale}× corpus, the editor's loop (npm run dev)\n`);
    const { edit, ...timed } = await editorLoop(root, await editableClauses(real, root), smoke ? 1 : EDITOR_LOOP_ROUNDS);
    loop = { ...timed, page: edit.page };
  }
  if (keep) process.stdout.write(`\n${scale}× project kept in ${root}\n`);
  else await rm(root, { recursive: true, force: true });
  const pick = (stage: string, key: 'ms' | 'cpuMs' | 'peakMB') => runs.map((r) => r.stages.find((x) => x.stage === stage)![key]);
  const stages = runs[0]!.stages.map(({ stage }) => ({ stage, ms: Math.min(...pick(stage, 'ms')), cpuMs: Math.min(...pick(stage, 'cpuMs')), peakMB: Math.max(...pick(stage, 'peakMB')) }));
  return {
    scale, documents: corpus.documents, clauses: corpus.clauses, stages,
    totalMs: Math.min(...runs.map((r) => r.totalMs)), peakMB: Math.max(...runs.map((r) => r.peakMB)),
    outputMB: Math.round(size.bytes / 1024 / 1024), pages: size.pages, runs: runs.map((r) => ({ totalMs: r.totalMs, peakMB: r.peakMB })),
    warnings: [...new Set(runs.flatMap((r) => r.warnings))], editorLoop: loop, corpus,
  };
}

const SEARCH_QUERIES = ['水资源', 'water', '瀾湄周', 'dengue', '减贫'];
const SEARCH_ROUNDS = 3;
type SearchMode = 'address' | 'typed';
interface ColdSearch { query: string; mode: SearchMode; ms: number; bytes: number; pageBytes: number }

/**
 * The cold first search (issue 25), each query in a fresh context (empty cache), three rounds.
 * `address`: the page opened with the query in its address, as the header's search box sends
 * it; timed from navigation start to the first result painted (Element Timing), its transfer
 * split into the query's (Pagefind and the index: everything under pagefind/) and the page's.
 * `typed`: on the loaded page, typed at 100 ms a character and timed from Enter to the first
 * result in the list; the page starts loading the index at the first keystroke.
 */
async function coldSearches(browser: Awaited<ReturnType<typeof launchBrowser>>, base: string) {
  const searches: ColdSearch[] = [];
  for (let round = 0; round < SEARCH_ROUNDS; round++) {
    for (const mode of ['address', 'typed'] as const) {
      for (const query of SEARCH_QUERIES) {
        const context = await browser.context.browser()!.newContext();
        const page = await context.newPage();
        let bytes = 0;
        let pageBytes = 0;
        const count = async (r: import('playwright-core').Request) => {
          const sizes = await r.sizes().catch(() => undefined);
          if (!sizes) return;
          if (new URL(r.url()).pathname.includes('/pagefind/')) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
          else pageBytes += sizes.responseBodySize + sizes.responseHeadersSize;
        };
        let ms: number;
        if (mode === 'address') {
          // Results are marked for Element Timing as they are added, before they are painted.
          await page.addInitScript(() => {
            (window as unknown as { firstResult: Promise<number> }).firstResult = new Promise((resolve) => {
              new PerformanceObserver((list) => {
                const entry = list.getEntries()[0] as (PerformanceEntry & { renderTime: number }) | undefined;
                if (entry) resolve(entry.renderTime || entry.startTime);
              }).observe({ type: 'element', buffered: true });
              new MutationObserver(() => {
                for (const p of document.querySelectorAll('.results .result-excerpt:not([elementtiming])')) p.setAttribute('elementtiming', 'search-result');
              }).observe(document, { childList: true, subtree: true });
            });
          });
          page.on('requestfinished', count);
          await page.goto(`${base}en/search/?q=${encodeURIComponent(query)}`);
          ms = await page.evaluate(() => (window as unknown as { firstResult: Promise<number> }).firstResult);
        } else {
          await page.goto(`${base}en/search/`, { waitUntil: 'networkidle' });
          page.on('requestfinished', count);
          const timing = page.evaluate(() => new Promise<number>((resolve) => {
            const form = document.querySelector<HTMLFormElement>('#search-app form')!;
            const list = document.querySelector('.results')!;
            let start = 0;
            form.addEventListener('submit', () => (start = performance.now()), { capture: true });
            new MutationObserver(() => start && list.children.length && resolve(performance.now() - start)).observe(list, { childList: true });
          }));
          await page.click('#search-input');
          await page.keyboard.type(query, { delay: 100 });
          await page.keyboard.press('Enter');
          ms = await timing;
        }
        await page.waitForTimeout(300);
        searches.push({ query, mode, ms: Math.round(ms), bytes, pageBytes });
        await context.close();
      }
    }
  }
  const summary = (mode: SearchMode) => {
    const runs = searches.filter((s) => s.mode === mode);
    return { medianMs: median(runs.map((s) => s.ms)), medianKB: Math.round(median(runs.map((s) => s.bytes)) / 1024), medianPageKB: Math.round(median(runs.map((s) => s.pageBytes)) / 1024) };
  };
  return { searches, address: summary('address'), typed: summary('typed') };
}

/** Reading pages and the cold first search on the real corpus's dist/ (built first if it is not there, as on a fresh clone). */
async function readerExperience() {
  const dist = path.join(ROOT, 'dist');
  if (!existsSync(path.join(dist, 'data', 'index.json'))) {
    process.stdout.write('\nNo built site in dist/: npm run build\n');
    const code = await exitCode(spawn('npm', ['run', 'build'], { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'inherit', 'inherit'] }));
    if (code !== 0) throw new Error(`npm run build failed (exit ${code})`);
  }
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  // Every document page in both interfaces against its text (issue 24's budget: at most 1.6 ×),
  // and every clause page (under 12 KB): scripts/lib/tools/page-weight.ts.
  const weigher = new PageWeigher(dist);
  const pages = (await measureDocumentPages(dist, server.url, browser.context, weigher)).map((p) => ({ ...p, ratio: ratioOf(p) }));
  const searches = await coldSearches(browser, server.url);
  await browser.close();
  const index = JSON.parse(await readFile(path.join(dist, 'data', 'index.json'), 'utf8')) as { documents: { id: string }[] };
  const lighthouseUrls = ['zh', 'en'].flatMap((lang) => ['', 'search/', 'compare/', ...index.documents.map((d) => `${d.id}/`)].map((p) => `${lang}/${p}`));
  const lighthouse = noLighthouse ? [] : (await lighthousePages(lighthouseUrls.map((u) => `${server.url}${u}`), LIGHTHOUSE_RUNS)).map((p) => ({ ...p, url: p.url.slice(server.url.length) }));
  await server.close();
  const clauses = await measureClausePages(dist, weigher);
  const clausePages = { count: clauses.length, maxBytes: clauses[0]?.bytes ?? 0, medianBytes: clauses[Math.floor(clauses.length / 2)]?.bytes ?? 0, largest: clauses.slice(0, 5), over: clauses.filter((c) => c.bytes >= BUDGETS.clausePageBytes).length };
  // Issue 24's budgets; Lighthouse's is for document pages.
  const documentPaths = new Set(pages.map((p) => p.url));
  const budgets = budgetMisses({ documents: pages, clausePages: clauses, lighthouse: lighthouse.filter((p) => documentPaths.has(p.url)) });
  return { pages: pages.map(({ weight, ...p }) => ({ ...p, htmlGzip: weight.html, cssGzip: weight.css, jsGzip: weight.js, totalGzip: weight.total })), clausePages, budgets, ...searches, lighthouse };
}

/** The report's lines on the cold first search. */
function searchLines(reader: { searches: ColdSearch[]; address: { medianMs: number; medianKB: number; medianPageKB: number }; typed: { medianMs: number; medianKB: number } }): string[] {
  return (['address', 'typed'] as const).map((mode) => {
    const runs = reader.searches.filter((s) => s.mode === mode);
    const what = mode === 'address'
      ? `the query in the address, from navigation start to the first result painted: ${reader.address.medianMs} ms; the query's transfer (everything under pagefind/) ${reader.address.medianKB} KB, the page ${reader.address.medianPageKB} KB`
      : `typed at 100 ms a character, from Enter to the first result: ${reader.typed.medianMs} ms; ${reader.typed.medianKB} KB transferred after the page loaded`;
    return `Cold first search, ${what} (median of ${runs.length}, fresh cache each; ${runs.map((s) => `${s.query} ${s.ms} ms/${Math.round(s.bytes / 1024)} KB`).join('; ')}).\n`;
  });
}

// `-- --search`: the cold first search alone, printed (the reader run adds Lighthouse's minutes);
// `-- --site DIR` runs it on another built site (a kept scale's dist/, or one given another index).
if (process.argv.includes('--search')) {
  const server = await serveStatic(path.resolve(option('--site') ?? path.join(ROOT, 'dist')));
  const browser = await launchBrowser();
  const reader = await coldSearches(browser, server.url);
  await browser.close();
  await server.close();
  process.stdout.write(`${searchLines(reader).join('\n')}\n`);
  process.exit(0);
}

const realDiagnostics = new Diagnostics();
const real = await buildModel(projectPaths(), realDiagnostics);
// The real corpus's own warnings may recur in every copy; any other kind means a synthetic
// corpus fails a check the real one passes.
const realWarnings = new Set(realDiagnostics.warnings.map((w) => w.ruleId));
const ruleOf = (line: string) => /\[([a-z0-9-]+)\]$/u.exec(line)?.[1] ?? '';
const results: ScaleResult[] = [];
let synthetic: Pick<SyntheticCorpus, 'perturbed' | 'relaxed'> | undefined;
for (const scale of scales) {
  try {
    const { corpus, ...result } = await runScale(scale, real);
    synthetic = { perturbed: corpus.perturbed, relaxed: corpus.relaxed };
    results.push(result);
  } catch (error) {
    // A failed build's message is its located errors; anything else is a fault of the benchmark, shown with its stack.
    process.stderr.write(`\n✗ Benchmark failed: ${error instanceof SyntheticBuildFailed ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  }
}
const unexpectedWarnings = results.flatMap((r) => r.warnings.filter((w) => !realWarnings.has(ruleOf(w))).map((w) => `${r.scale}×: ${w}`));
// A profiling run (`--scales`) measures the build only.
const reader = smoke || chosenScales ? undefined : await readerExperience();
const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memoryGB: Math.round(os.totalmem() / 1024 ** 3), node: process.version, date: new Date().toISOString().slice(0, 10) };
const ratio = (a: ScaleResult | undefined, b: ScaleResult | undefined, pick: (r: ScaleResult) => number) => (a && b ? growth(pick(a), pick(b)) : null);
const lowest = reader?.lighthouse.length ? Object.fromEntries(CATEGORIES.map((c) => [c, Math.min(...reader.lighthouse.map((p) => p.median[c]))])) : null;
const r10 = results.find((r) => r.scale === 10);
const r100 = results.find((r) => r.scale === 100);
const report = {
  machine,
  quick,
  smoke,
  scales: results,
  synthetic: synthetic ?? null,
  unexpectedWarnings,
  growth100over10: r100
    ? {
        total: ratio(r10, r100, (r) => r.totalMs),
        stages: Object.fromEntries(r100.stages.map((s) => [s.stage, ratio(r10, r100, (r) => r.stages.find((x) => x.stage === s.stage)!.ms)])),
        cpu: Object.fromEntries(r100.stages.map((s) => [s.stage, ratio(r10, r100, (r) => r.stages.find((x) => x.stage === s.stage)!.cpuMs)])),
      }
    : null,
  reader: reader ?? null,
  lighthouseLowest: lowest,
};
await mkdir(outDir, { recursive: true });
await writeFile(path.join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
const stageNames = results[0]?.stages.map((s) => s.stage) ?? [];
const runsSaid = smoke ? `${SMOKE_SCALE}× once` : scales.map((k) => `${k}× ${chosenRuns ?? REPEATS[k] ?? 1} time${(chosenRuns ?? REPEATS[k] ?? 1) > 1 ? 's' : ''}`).join(', ');
const scaleSection = results.length === 0 ? ['Reader run (`--reader`): no synthetic scales, the built dist/ of the real corpus only.', ''] : [
  `Each scale runs \`npm run build\` (scripts/build.ts) on a synthetic project, ${runsSaid}: each stage's fastest time, the fastest total and the highest peak are kept. Stages \`sources\` to \`generate\` run in the content process; \`content\` is that whole process, Node start-up included. \`site\` is Astro, \`search\` Pagefind. Memory is the resident memory of the build's whole process tree, sampled every 100 ms.${process.env[BATCH_CLAUSES_ENV] ? ` Astro renders the documents in batches of at most ${process.env[BATCH_CLAUSES_ENV]} clauses, one process at a time (${BATCH_CLAUSES_ENV}; a scale whose corpus fits one batch is one process, as by default).` : ''}`,
  '',
  `| scale | documents | clauses | ${stageNames.join(' | ')} | total | peak memory | output | pages |`,
  `|---|---|---|${stageNames.map(() => '---').join('|')}|---|---|---|---|`,
  ...results.map((r) => `| ${r.scale}× | ${r.documents} | ${r.clauses} | ${r.stages.map((s) => `${(s.ms / 1000).toFixed(1)} s`).join(' | ')} | ${(r.totalMs / 1000).toFixed(1)} s | ${r.peakMB} MB | ${r.outputMB} MB | ${r.pages} |`),
  '',
  report.growth100over10 ? `time(100×)/time(10×): total ${report.growth100over10.total}; per stage ${Object.entries(report.growth100over10.stages).map(([k, v]) => `${k} ${v}`).join(', ')}` : smoke ? `Smoke run (\`--smoke\`): one ${SMOKE_SCALE}× corpus built once, to show that the benchmark runs; its figures are not measurements.` : 'Quick run: 1× and 10× only.',
  ...(report.growth100over10 ? ['', `CPU time(100×)/CPU time(10×), per stage (its processes' CPU time, children included once they end): ${Object.entries(report.growth100over10.cpu).map(([k, v]) => `${k} ${v}`).join(', ')}`] : []),
  '',
  ...stageTables(results),
  '',
  ...(r100 ? [...scaleTargets(results), ''] : []),
  ...(results.some((r) => r.editorLoop) ? [
    `The editor's loop: \`npm run dev\` on the scale's project, then a clause's English saved ${smoke ? 'once' : `${EDITOR_LOOP_ROUNDS} times (changed, put back, …)`}, each timed from the save to the dev server serving the clause's page with it (asked every 50 ms): the content stage runs again, then Astro reloads what it wrote.`,
    '',
    '| scale | page edited | server ready | save to page (median) | each save |',
    '|---|---|---|---|---|',
    ...results.filter((r) => r.editorLoop).map((r) => `| ${r.scale}× | /${r.editorLoop!.page} | ${(r.editorLoop!.startMs / 1000).toFixed(1)} s | ${(r.editorLoop!.medianMs / 1000).toFixed(1)} s | ${r.editorLoop!.roundsMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')} |`),
    '',
  ] : []),
  ...(synthetic ? [
    `Each copy of the corpus has its own copy of every source, line for line, with ${Math.round(synthetic.perturbed * 100)}% of the Han characters replaced, and the real recipes, translations, notes and link curation rewritten for its own document ids, file names and source numbers, so every check of the real build runs on it. The checks a copy cannot pass as the real corpus does, and why:`,
    '',
    ...synthetic.relaxed.map((r) => `- ${r.check}: ${r.why}`),
    '',
  ] : []),
  unexpectedWarnings.length ? `Warnings the real corpus does not have (the benchmark fails):\n\n${unexpectedWarnings.map((w) => `- ${w}`).join('\n')}` : 'The synthetic builds gave no warning of a kind the real corpus does not give.',
];
const readerSection = reader ? [
  '',
  `Document pages: HTML, the stylesheets and module scripts it names and their static imports, each gzipped (scripts/lib/tools/page-weight.ts), against the page's laid-out text (innerText) gzipped. Budget (issue 24): at most ${BUDGETS.documentRatio} ×, ${BUDGETS.documentRatioExempt.join(', ')} excepted.`,
  '',
  '| reading page | HTML gzip | CSS gzip | JS gzip | total | text gzip | total/text |',
  '|---|---|---|---|---|---|---|',
  ...reader.pages.map((p) => `| ${p.url} | ${p.htmlGzip} B | ${p.cssGzip} B | ${p.jsGzip} B | ${p.totalGzip} B | ${p.textGzip} B | ${p.ratio} |`),
  '',
  `Clause pages (${reader.clausePages.count}), measured the same way: largest ${reader.clausePages.maxBytes} B, median ${reader.clausePages.medianBytes} B, ${reader.clausePages.over} at or over the budget of ${BUDGETS.clausePageBytes} B; the five largest: ${reader.clausePages.largest.map((p) => `${p.url} ${p.bytes} B`).join(', ')}.`,
  '',
  ...searchLines(reader),
  '',
  ...(reader.lighthouse.length ? [`Lighthouse ${LIGHTHOUSE_RUNS} runs per page (mobile emulation, its default simulated throttling), median score per category; lowest over all pages: ${CATEGORIES.map((c) => `${c} ${lowest![c]}`).join(', ')}.`,
  '',
  `| page | ${CATEGORIES.join(' | ')} | TBT (median) | LCP (median) |`,
  `|---|${CATEGORIES.map(() => '---').join('|')}|---|---|`,
  ...reader.lighthouse.map((p) => `| ${p.url} | ${CATEGORIES.map((c) => p.median[c]).join(' | ')} | ${median(p.runs.map((r) => r.tbtMs))} ms | ${median(p.runs.map((r) => r.lcpMs))} ms |`),
  ] : ['Lighthouse not run (`--no-lighthouse`).']),
  '',
  `Machine load while measuring (1, 5, 15 min): ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} on ${os.cpus().length} cores.`,
  '',
  reader.budgets.length ? `Budgets of issue 24 missed (${reader.budgets.length}; the benchmark fails):\n\n${reader.budgets.slice(0, 40).map((m) => `- ${m}`).join('\n')}${reader.budgets.length > 40 ? `\n- … and ${reader.budgets.length - 40} more (report.json)` : ''}` : `Budgets of issue 24: all met${reader.lighthouse.length ? '' : ' (sizes only; Lighthouse not run)'}.`,
] : [];
const md = [
  `# Benchmark (${machine.date}; ${machine.cpus} × ${machine.cpu}, ${machine.memoryGB} GB, Node ${machine.node})`,
  '',
  ...scaleSection,
  ...readerSection,
  '',
].join('\n');
await writeFile(path.join(outDir, 'report.md'), md);
process.stdout.write(`\n${md}\nReport: ${path.join(outDir, 'report.md')} and report.json\n`);
if (reader?.budgets.length) {
  process.stderr.write(`\n✗ ${reader.budgets.length} page(s) or score(s) over issue 24's budgets (listed in the report).\n`);
  process.exitCode = 1;
}
if (unexpectedWarnings.length) {
  process.stderr.write(`\n✗ ${unexpectedWarnings.length} warning(s) of kinds the real corpus does not have: the synthetic corpus fails checks the real one passes.\n`);
  process.exitCode = 1;
}
