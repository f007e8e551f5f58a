/** content/redirects.yaml, read at build time by the document pages. */
import { parse } from 'yaml';
import { redirectSchema } from '../../schemas/registry';
import { parseWithFriendlyErrors } from '../../schemas/friendly-errors';

const raw = Object.values(import.meta.glob<string>('../../../content/redirects.yaml', { eager: true, query: '?raw', import: 'default' }))[0];
const redirects = raw ? parseWithFriendlyErrors(redirectSchema, parse(raw), 'content/redirects.yaml').redirects : [];

/** Old clause id → new clause id for moves within one document. */
export function anchorMap(documentId: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const r of redirects) {
    const [fromDoc, from] = r.from.split('#') as [string, string];
    const [toDoc, to] = r.to.split('#') as [string, string];
    if (fromDoc === documentId && toDoc === documentId) map[from] = to;
  }
  return map;
}
