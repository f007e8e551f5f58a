/**
 * Stage: every `document#clause` reference in the edition's prose (notes, reasons, glossary
 * definitions, variant judgements) names a clause of the corpus. Pages render each as a link,
 * so a reference to a clause that does not exist is a located error (`unknown-reference`).
 */
import { findReferences } from '../../../src/lib/citation/references';
import type { DocumentData } from '../../../src/schemas/document';
import type { DataFile } from '../core/data-file';
import type { Diagnostics } from '../core/diagnostics';

/** Every string in a parsed data file, with its path (for locating). */
function* strings(value: unknown, path: (string | number)[] = []): Generator<{ path: (string | number)[]; text: string }> {
  if (typeof value === 'string') yield { path, text: value };
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, [...path, i]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

/**
 * Checks the references in each file against the documents' clause ids. A reference to a
 * whole document (`document#`) is not matched by findReferences and is not prose here.
 * Returns the number of references checked.
 */
export function checkReferences(files: DataFile<unknown>[], documents: DocumentData[], diagnostics: Diagnostics): number {
  const clauses = new Map(documents.map((d) => [d.id, new Set(d.clauses.map((c) => c.id))]));
  let count = 0;
  for (const file of files) {
    for (const { path, text } of strings(file.data)) {
      const seen = new Map<string, number>();
      for (const ref of findReferences(text)) {
        count++;
        const raw = text.slice(ref.index, ref.index + ref.length);
        const nth = seen.get(raw) ?? 0;
        seen.set(raw, nth + 1);
        const ids = clauses.get(ref.document);
        if (ids?.has(ref.clause)) continue;
        const expected = ids ? `a clause of ${ref.document}` : `a document of the corpus (${[...clauses.keys()].join(', ')})`;
        const what = ids ? `clause \`${ref.clause}\` in reference \`${raw}\`` : `document \`${ref.document}\` in reference \`${raw}\``;
        diagnostics.error(`Unexpected ${what}, expected ${expected}`, { file: file.name, place: file.locateText?.(path, raw, nth) ?? file.locate(path), ruleId: 'unknown-reference' });
      }
    }
  }
  return count;
}
