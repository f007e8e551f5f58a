/**
 * Prints the precision and recall of the automatic link matcher against the hand-labelled
 * sample (tests/fixtures/links/labelled.yaml), the pairs it gets wrong, and the number of
 * links by type, before and after curation. Reads content/generated/data/ (run
 * `npm run build:content` first). `npm run evaluate-links`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { DocumentData } from '../src/schemas/document';
import { curationSchema, labelledSampleSchema } from '../src/schemas/links';
import { topicsSchema } from '../src/schemas/topics';
import { parseWithFriendlyErrors } from '../src/schemas/friendly-errors';
import { applyCuration, evaluate, findLinks, matchingUnits, type Link } from './lib/links/links';
import { projectPaths } from './lib/core/paths';
import { tagClauses } from './lib/links/topics';

const paths = projectPaths();
const byType = (links: Link[]) => {
  const counts: Record<string, number> = { continues: 0, implements: 0, references: 0, related: 0 };
  for (const l of links) counts[l.type] = (counts[l.type] ?? 0) + 1;
  return Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ');
};

// The contract's data files written by `npm run build:content`: the matcher's input.
const readJson = async (file: string) => JSON.parse(await readFile(path.join(paths.generatedData, file), 'utf8'));
const index = (await readJson('index.json')) as { documents: { id: string }[] };
const model = { documents: (await Promise.all(index.documents.map((d) => readJson(`${d.id}.json`)))) as DocumentData[] };
const sampleFile = path.join(paths.root, 'tests', 'fixtures', 'links', 'labelled.yaml');
const sample = parseWithFriendlyErrors(labelledSampleSchema, parse(await readFile(sampleFile, 'utf8')), 'tests/fixtures/links/labelled.yaml');
const taxonomy = parseWithFriendlyErrors(topicsSchema, parse(await readFile(path.join(paths.root, 'content', 'topics.yaml'), 'utf8')), 'content/topics.yaml');
const topics = tagClauses(model.documents, taxonomy.topics);
const counter = { comparisons: 0, postings: 0 };
const started = performance.now();
const auto = findLinks(model.documents, { counter, topics });
const ms = performance.now() - started;
const result = evaluate(auto, sample.pairs);
const units = model.documents.flatMap(matchingUnits).length;
const positives = sample.pairs.filter((p) => p.type !== 'none').length;

const out: string[] = [];
out.push(`sample       ${sample.pairs.length} labelled pairs (${positives} links, ${sample.pairs.length - positives} must not match)`);
out.push(`precision    ${result.precision.toFixed(3)}  (${result.truePositives} right, ${result.falsePositives} wrong${result.wrongType ? `, of which ${result.wrongType} of the wrong type` : ''})`);
out.push(`recall       ${result.recall.toFixed(3)}  (${result.truePositives} of ${positives} found)`);
out.push(`auto links   ${auto.length}: ${byType(auto)}`);
out.push(`cost         ${counter.comparisons} pairs scored (${counter.postings} index entries read) for ${units} matching units (all pairs: ${(units * (units - 1)) / 2}), ${ms.toFixed(0)} ms`);
// Groups of the sample named by the start of their note (issue 15: the issue's examples, the
// pairs held out while the section-level rule was designed), each with its own recall.
for (const group of ['issue example', 'held out']) {
  const pairs = sample.pairs.filter((p) => p.note?.startsWith(group));
  if (!pairs.length) continue;
  const r = evaluate(auto, pairs);
  out.push(`${group.padEnd(13)}${pairs.length} pairs: precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)} (${r.truePositives} of ${pairs.filter((p) => p.type !== 'none').length} found, ${r.falsePositives} wrong)`);
}
const curationFile = path.join(paths.root, 'content', 'links.yaml');
const curation = parseWithFriendlyErrors(curationSchema, parse(await readFile(curationFile, 'utf8')) ?? {}, 'content/links.yaml');
const curated = applyCuration(auto, curation);
out.push(`curated      ${curated.length}: ${byType(curated)} (${curation.confirm.length} confirmed, ${curation.add.length} added, ${curation.reject.length} rejected)`);
if (result.missed.length) out.push('', 'missed:', ...result.missed.map((p) => `  ${p.type.padEnd(10)} ${p.from} → ${p.to}${p.note ? `  (${p.note})` : ''}`));
if (result.wrong.length) out.push('', 'wrongly linked:', ...result.wrong.map((p) => `  ${p.type.padEnd(10)} ${p.from} → ${p.to}${p.note ? `  (${p.note})` : ''}`));
process.stdout.write(`${out.join('\n')}\n`);
