/**
 * Stage 3: every line of every source is accounted for, exactly once: in a document's
 * text, as a collated witness, as document metadata, or excluded with a reason. Blank
 * lines carry no text and are counted as such. Anything else stops the build.
 */
import type { Diagnostics, Place } from '../core/diagnostics';
import { diagnostic } from '../core/diagnostics';
import { recipeRanges, type LoadedRecipe } from './recipes';
import type { SourceFile } from './sources';

export type LineUse = 'text' | 'witness' | 'metadata' | 'excluded' | 'blank';

export interface LineClaim {
  use: LineUse;
  document?: string;
  /** For exclusions: furniture, dateline, unrelated, duplicate. For metadata: the role. */
  kind?: string;
  reason?: { zh: string; en: string };
  recipe?: string;
  place?: Place;
}

export interface Accounting {
  /** For each source file, one claim per line (index 0 = line 1). */
  files: Map<string, LineClaim[]>;
}

const USE: Record<string, LineUse> = { text: 'text', witnesses: 'witness', metadata: 'metadata', exclude: 'excluded' };

/** Builds the per-line accounting and reports overlaps and unaccounted lines. */
export function accountLines(sources: Map<string, SourceFile>, recipes: LoadedRecipe[], diagnostics: Diagnostics): Accounting {
  const files = new Map<string, (LineClaim | undefined)[]>();
  for (const [name, source] of sources) files.set(name, new Array(source.lines.length).fill(undefined));

  for (const recipe of recipes) {
    for (const range of recipeRanges(recipe)) {
      const claims = files.get(range.file);
      if (!claims) continue; // reported as unknown-source
      const entry = recipe.data[range.list][range.index]!;
      const place = recipe.locate([range.list, range.index, 'lines']);
      const claim: LineClaim = {
        use: USE[range.list]!,
        document: recipe.data.id,
        kind: 'kind' in entry ? entry.kind : 'role' in entry ? entry.role : undefined,
        reason: 'reason' in entry ? entry.reason : undefined,
        recipe: recipe.name,
        place,
      };
      for (let line = range.lines[0]; line <= Math.min(range.lines[1], claims.length); line++) {
        const previous = claims[line - 1];
        if (previous) {
          const cause = diagnostic(`First claimed here for ${previous.document} (${previous.use})`, { file: previous.recipe!, place: previous.place, ruleId: 'overlapping-ranges' });
          diagnostics.error(`Unexpected second claim on line ${line} of \`${range.file}\`, expected each source line in exactly one range`, { file: recipe.name, place, ruleId: 'overlapping-ranges', cause });
          break;
        }
        claims[line - 1] = claim;
      }
    }
  }

  const result = new Map<string, LineClaim[]>();
  for (const [name, claims] of files) {
    const source = sources.get(name)!;
    const complete = claims.map((claim, i) => {
      const text = source.lines[i]!;
      // A blank line carries no text: inside a text range it only separates paragraphs.
      const blank = /^[\s\u00a0\u3000]*$/u.test(text);
      if (claim) return blank && (claim.use === 'text' || claim.use === 'witness') ? { use: 'blank' as const } : claim;
      if (blank) return { use: 'blank' as const };
      diagnostics.error(`Unexpected text not accounted for (“${text.trim().slice(0, 24)}…”), expected the line in a recipe's text, witnesses, metadata or exclude list`, { file: source.name, place: { line: i + 1, column: 1 }, ruleId: 'unaccounted-line' });
      return { use: 'blank' as const };
    });
    result.set(name, complete);
  }
  return { files: result };
}

/** Counts lines per use (and per exclusion kind) for one file. */
export function summarise(claims: LineClaim[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const claim of claims) {
    const key = claim.use === 'excluded' ? `excluded:${claim.kind}` : claim.use;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
