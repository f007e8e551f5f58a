import type { APIRoute, GetStaticPaths } from 'astro';
import { index, rawDataFile } from '../../lib/data/data';
import { comparisons } from '../../lib/changes/changes';

export const getStaticPaths = (() => [
  { params: { document: 'index' } },
  { params: { document: 'links' } },
  { params: { document: 'glossary' } },
  // issue 15: absent in projects without the compared documents or a commitment lexicon
  ...(comparisons.length ? [{ params: { document: 'changes' } }] : []),
  ...index.documents.map((d) => ({ params: { document: d.id } })),
]) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(rawDataFile(`${params.document}.json`), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
