/** The edition's name and version, as cited. */
import { parse } from 'yaml';
import { editionSchema } from '../../schemas/edition';
import { parseWithFriendlyErrors } from '../../schemas/friendly-errors';
import pkg from '../../../package.json';

const raw = Object.values(import.meta.glob<string>('../../../content/edition.yaml', { eager: true, query: '?raw', import: 'default' }))[0]!;
export const edition = parseWithFriendlyErrors(editionSchema, parse(raw), 'content/edition.yaml');
export const version: string = pkg.version;
