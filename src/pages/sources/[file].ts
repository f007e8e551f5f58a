/** The raw source files, byte for byte as received, for provenance. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { rawSource, sources } from '../../lib/data/sources';

export const getStaticPaths = (() => sources.map((s) => ({ params: { file: s.file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(rawSource(params.file!), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
