/**
 * Stage 5: collation. A second witness is parsed like the base, converted to Simplified
 * with opencc-js, and compared clause by clause. Differences that are only script or
 * regional vocabulary (listed as equivalences) or dash style are not variants; every
 * other difference must be recorded, with a judgement, in content/variants/. A variant
 * the data does not record, or a recorded one the texts do not show, stops the build.
 */
import * as OpenCC from 'opencc-js';
import { diffChars } from 'diff';
import type { Note } from '../../../src/schemas/document';
import type { Variants } from '../../../src/schemas/variants';
import type { DraftClause } from './clauses';
import type { DataFile } from '../core/data-file';
import type { Diagnostics } from '../core/diagnostics';

/** Dash style is typography, not a reading: compare with every dash folded to one. */
const foldDashes = (text: string) => text.replace(/[-—–]/gu, '-');

function shortName(file: string): string {
  return file.slice(0, 3);
}

function variantNote(v: Variants['variants'][number], base: string, witness: string): Note {
  const follows = v.adopt === 'witness';
  return {
    kind: 'variant',
    zh: `底本（${shortName(base)}）作“${v.base}”，繁体本（${shortName(witness)}）作“${v.witnessOriginal}”（转为简体：“${v.witness}”）。${follows ? `本版从${shortName(witness)}。` : '本版从底本。'}${v.judgement.zh}`,
    en: `The base witness (${shortName(base)}) reads “${v.base}”; the Traditional-script witness (${shortName(witness)}) reads “${v.witnessOriginal}” (“${v.witness}” in Simplified). ${follows ? `This edition follows ${shortName(witness)}.` : 'This edition keeps the base reading.'} ${v.judgement.en}`,
  };
}

/** Describes the remaining differences of two texts as `-base +witness` hunks. */
function hunks(base: string, witness: string): string {
  return diffChars(base, witness)
    .filter((c) => c.added || c.removed)
    .map((c) => `${c.added ? '+' : '-'}“${c.value}”`)
    .join(' ');
}

export interface CollationResult {
  /** Recorded variants checked against the texts. */
  variants: number;
}

/**
 * Collates `witness` clauses against `base` clauses in place: checks every difference
 * is recorded, applies adopted readings and adds a variant note to each clause concerned.
 */
export function collate(base: DraftClause[], witness: DraftClause[], record: DataFile<Variants>, baseFile: string, diagnostics: Diagnostics): CollationResult {
  const { data } = record;
  const convert = OpenCC.Converter({ from: data.conversion.from, to: data.conversion.to });
  const byId = new Map(witness.map((c) => [c.id, c]));
  const baseIds = new Set(base.map((c) => c.id));
  for (const w of witness) {
    if (!baseIds.has(w.id)) diagnostics.error(`Unexpected clause ${w.id} in the witness, expected every witness clause in the base text`, { file: w.sourceName, place: w.place, ruleId: 'witness-extra-clause' });
  }
  const used = new Set<number>();
  for (const clause of base) {
    const other = byId.get(clause.id);
    if (!other) {
      diagnostics.error(`Unexpected clause ${clause.id} missing from the witness ${data.witness}, expected the witness to have every clause of the base`, { file: clause.sourceName, place: clause.place, ruleId: 'witness-missing-clause' });
      continue;
    }
    for (const field of ['heading', 'text'] as const) {
      const baseText = clause[field] ?? '';
      const original = other[field] ?? '';
      let witnessText = convert(original);
      for (const eq of data.equivalences) witnessText = witnessText.split(eq.witness).join(eq.base);
      data.variants.forEach((v, index) => {
        if (v.clause !== clause.id || v.field !== field) return;
        used.add(index);
        if (!baseText.includes(v.base) || !witnessText.includes(v.witness) || !original.includes(v.witnessOriginal)) {
          diagnostics.error(`Unexpected variant record for ${clause.id} ${field}: the texts do not read “${v.base}” / “${v.witness}” (“${v.witnessOriginal}”), expected readings found in both witnesses`, { file: record.name, place: record.locate(['variants', index]), ruleId: 'stale-variant' });
          return;
        }
        witnessText = witnessText.replace(v.witness, v.base);
        clause.notes.push(variantNote(v, baseFile, data.witness));
        if (v.adopt === 'witness') clause[field] = (clause[field] ?? '').replace(v.base, v.witness);
      });
      if (foldDashes(baseText) !== foldDashes(witnessText)) {
        diagnostics.error(`Unexpected unrecorded variant in ${clause.id} ${field}: ${hunks(foldDashes(baseText), foldDashes(witnessText))}, expected every difference between the witnesses recorded in ${record.name}`, { file: other.sourceName, place: other.place, ruleId: 'unrecorded-variant' });
      }
    }
  }
  data.variants.forEach((v, index) => {
    if (!used.has(index)) diagnostics.error(`Unexpected variant record for clause ${v.clause} ${v.field}, expected a clause of that id in both witnesses`, { file: record.name, place: record.locate(['variants', index]), ruleId: 'stale-variant' });
  });
  return { variants: data.variants.length };
}
