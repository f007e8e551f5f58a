/** The generated contract data, read at build time by pages and endpoints. */
import { documentDataSchema, indexSchema, type DocumentData, type DocumentIndex } from '../../schemas/document';
import { parseWithFriendlyErrors } from '../../schemas/friendly-errors';

const files = import.meta.glob<string>('../../../content/generated/data/*.json', { eager: true, query: '?raw', import: 'default' });

function read(name: string): unknown {
  const entry = Object.entries(files).find(([file]) => file.endsWith(`/${name}`));
  if (!entry) throw new Error(`content/generated/data/${name} is missing: run npm run build:content first`);
  return JSON.parse(entry[1]);
}

export const index: DocumentIndex = parseWithFriendlyErrors(indexSchema, read('index.json'), 'content/generated/data/index.json');

// Drafts are validated by the pipeline; here the schema only guards against a stale or hand-edited file.
const schema = documentDataSchema({ draft: true });
export const documents: DocumentData[] = index.documents.map((d) => parseWithFriendlyErrors(schema, read(`${d.id}.json`), `content/generated/data/${d.id}.json`));

const byId = new Map(documents.map((d) => [d.id, d]));

export function getDocument(id: string): DocumentData {
  const doc = byId.get(id);
  if (!doc) throw new Error(`Unknown document ${id}`);
  return doc;
}

/** The raw JSON text of a data file, served byte for byte. */
export function rawDataFile(name: string): string {
  const entry = Object.entries(files).find(([file]) => file.endsWith(`/${name}`));
  if (!entry) throw new Error(`content/generated/data/${name} is missing`);
  return entry[1];
}
