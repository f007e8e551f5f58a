import type { APIRoute, GetStaticPaths } from 'astro';
import { index, rawDataFile } from '../../lib/data';

export const getStaticPaths = (() => [
  { params: { document: 'index' } },
  { params: { document: 'links' } },
  { params: { document: 'glossary' } },
  { params: { document: 'changes' } }, // issue 15
  ...index.documents.map((d) => ({ params: { document: d.id } })),
]) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(rawDataFile(`${params.document}.json`), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
