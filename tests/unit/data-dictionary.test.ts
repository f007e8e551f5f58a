import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { MEANINGS } from '../../src/i18n/data-dictionary';
import { DATA_FILES, dataFileEntry, dictionaryGaps, fieldRows, type DataFileEntry } from '../../src/schemas/data-dictionary';
import { documentDataSchema } from '../../src/schemas/document';
import { toCsv } from '../../scripts/lib/generate/exports';
import { Diagnostics } from '../../scripts/lib/core/diagnostics';
import { buildModel } from '../../scripts/lib/model/model';
import { projectPaths } from '../../scripts/lib/core/paths';

const hint = (keys: string[]) => keys.map((k) => `  '${k}': L('…', '…'),`).join('\n');

describe('the data dictionary', () => {
  test('gives every field of every schema of /data/ a meaning in both languages (walking the schemas)', () => {
    const { missing } = dictionaryGaps(MEANINGS);
    expect(missing, `fields of /data/ without a meaning: add them to MEANINGS in src/i18n/data-dictionary.ts:\n${hint(missing)}\n`).toEqual([]);
  });

  test('has no meaning left for a field the schemas no longer have', () => {
    const { stale } = dictionaryGaps(MEANINGS);
    expect(stale, 'meanings in src/i18n/data-dictionary.ts whose field is gone from the schemas').toEqual([]);
  });

  test('a field added to a schema without a meaning is reported by its key, however deep', () => {
    const base = documentDataSchema({ draft: false }) as unknown as z.ZodObject<{ clauses: z.ZodArray<z.ZodObject> }>;
    const clause = base.shape.clauses.element;
    const extended = base.safeExtend({
      hypotheticalTitle: z.object({ en: z.string() }).strict().optional(),
      clauses: z.array(clause.extend({ hypotheticalVerbs: z.array(z.object({ zh: z.string(), level: z.number().int() })) })),
    });
    const files: DataFileEntry[] = DATA_FILES.map((f) => (f.key === 'document' ? { ...f, schema: extended } : f));
    expect(dictionaryGaps(MEANINGS, files).missing.sort()).toEqual([
      'document:clauses[].hypotheticalVerbs', 'document:clauses[].hypotheticalVerbs[].level', 'document:clauses[].hypotheticalVerbs[].zh',
      'document:hypotheticalTitle', 'document:hypotheticalTitle.en',
    ]);
  });

  test('reads type, presence, null and emptiness from the schemas', () => {
    const rows = new Map(fieldRows(documentDataSchema({ draft: false })).map((r) => [r.path, r]));
    expect(rows.get('clauses[].parent')).toMatchObject({ optional: false, nullable: true, type: { en: 'clause ID' } });
    expect(rows.get('clauses[].number')).toMatchObject({ optional: true, nullable: false, empty: true, type: { en: 'string' } });
    expect(rows.get('clauses[].source')).toMatchObject({ empty: false, type: { en: 'list of objects' } });
    expect(rows.get('clauses[].notes')).toMatchObject({ empty: true });
    expect(rows.get('clauses[].translation.status')!.type.en).toBe('one of reviewed | draft | outdated');
    expect(rows.get('clauses[].notes[].zh')).toMatchObject({ empty: false });
  });

  test('names the type of the values, never the schema construct: a commitment level is an integer 1 to 4', () => {
    const levels = new Map(fieldRows(documentDataSchema({ draft: false })).map((r) => [r.path, r])).get('clauses[].commitments[].level')!;
    expect(levels.type).toEqual({ en: 'integer, one of 1 | 2 | 3 | 4', zh: '整数，取值 1 | 2 | 3 | 4' });
    const construct = /^(union|intersection|pipe|lazy|transform|custom|any|unknown)$/u;
    const wrong = DATA_FILES.flatMap((f) => (f.schema ? fieldRows(f.schema).filter((r) => construct.test(r.type.en) || construct.test(r.type.zh)).map((r) => `${f.key}:${r.path} (${r.type.en})`) : []));
    expect(wrong).toEqual([]);
  });

  test('maps every kind of file the build publishes under /data/ to its entry', () => {
    const docs = ['lmc-poa-2018-2022'];
    for (const name of ['index.json', 'links.json', 'glossary.json', 'changes.json', 'changes.csv', 'citations', 'lmc-poa-2018-2022.json', 'lmc-poa-2018-2022.csv', 'lmc-poa-2018-2022.zh.akn.xml', 'lmc-poa-2018-2022.en.akn.xml']) {
      expect(dataFileEntry(name, docs)?.key, name).toBeDefined();
    }
    expect(dataFileEntry('unknown.json', docs)).toBeUndefined();
  });

  test('the CSV header is the dictionary\'s columns, in order', async () => {
    const model = await buildModel(projectPaths(), new Diagnostics());
    const csv = DATA_FILES.find((f) => f.key === 'csv')!.schema as z.ZodObject;
    const lines = toCsv(model.documents[0]!).replace(/^\ufeff/u, '').split('\r\n');
    expect(lines[0]).toBe(Object.keys(csv.shape).join(','));
  });
});
