/** The generated contract data, read at build time by pages and endpoints. */
import { documentDataSchema, indexSchema, type DocumentData, type DocumentIndex } from '../../schemas/document';
import { parseWithFriendlyErrors } from '../../schemas/friendly-errors';
import { dataText } from './generated-files';

function read(name: string): unknown {
  const text = dataText(name);
  if (text === undefined) throw new Error(`content/generated/data/${name} is missing: run npm run build:content first`);
  return JSON.parse(text);
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
  const text = dataText(name);
  if (text === undefined) throw new Error(`content/generated/data/${name} is missing`);
  return text;
}
