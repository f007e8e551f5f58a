/** content/sources/manifest.yaml: the raw sources as received. */
import { z } from 'astro/zod';
import { localized, script, sourceFile } from './common';

export const sourceEntry = z
  .object({
    /** File name in content/sources/, as received. */
    file: sourceFile,
    /** Lowercase hex SHA-256 of the file's bytes; the build refuses a mismatch. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits'),
    /** Script of the Chinese text. */
    script,
    /** `markdown` sources have their markup (#, **, trailing double spaces) removed before parsing. */
    format: z.enum(['text', 'markdown']),
    /** What the file contains. */
    what: localized,
    /** Where it came from, as far as the file itself shows. */
    origin: localized,
  })
  .strict();

export const manifestSchema = z.object({ sources: z.array(sourceEntry).min(1) }).strict();
export type SourceEntry = z.infer<typeof sourceEntry>;
export type Manifest = z.infer<typeof manifestSchema>;
