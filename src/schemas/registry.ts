/** content/registry.yaml and content/redirects.yaml: the promise that published clause URLs keep working. */
import { z } from 'astro/zod';
import { clauseId, documentId, localized } from './common';
import { editionVersion } from './edition';

/**
 * A registered clause id: a bare id was published in the first edition (the registry's format
 * before editions were recorded); `{ id, edition }` names the edition that added it.
 */
export const registeredId = z.union([clauseId, z.object({ id: clauseId, edition: editionVersion }).strict()]);

/** Every clause id ever published, per document. The build adds new ids; entries are never removed. */
export const registrySchema = z
  .object({ documents: z.record(documentId, z.array(registeredId)) })
  .strict();

const clauseRef = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*#[0-9a-z]+(?:\.[0-9a-z]+)*$/u, 'expected a clause reference like lmc-poa-2018-2022#4.2.5');

/** Where a registered clause id that no longer exists now lives, and why it moved. */
export const redirectSchema = z
  .object({
    redirects: z
      .array(z.object({ from: clauseRef, to: clauseRef, reason: localized, edition: editionVersion.optional() }).strict())
      .default([]),
    /**
     * Published clause ids withdrawn without a successor (issue 17), each with the edition that
     * retired it and why. Its address keeps a page that says so.
     */
    retired: z.array(z.object({ clause: clauseRef, edition: editionVersion, reason: localized }).strict()).default([]),
  })
  .strict();

export type Registry = z.infer<typeof registrySchema>;
export type RegisteredId = z.infer<typeof registeredId>;
export type Redirects = z.infer<typeof redirectSchema>;
