/** Stage 2: the recipes, one per document, validated against their schema and the sources. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { recipeSchema, type Recipe } from '../../../src/schemas/recipe';
import { readDataFile, type DataFile } from '../core/data-file';
import type { Diagnostics } from '../core/diagnostics';
import { display, type ProjectPaths } from '../core/paths';
import type { SourceFile } from './sources';

export type LoadedRecipe = DataFile<Recipe>;

/** Loads every recipe in content/recipes/, sorted by document id. */
export async function loadRecipes(paths: ProjectPaths, sources: Map<string, SourceFile>, diagnostics: Diagnostics): Promise<LoadedRecipe[]> {
  const names = (await readdir(paths.recipes)).filter((n) => n.endsWith('.yaml')).sort();
  const recipes: LoadedRecipe[] = [];
  for (const fileName of names) {
    const file = path.join(paths.recipes, fileName);
    const recipe = await readDataFile(recipeSchema, file, display(paths.root, file), diagnostics);
    if (!recipe) continue;
    if (`${recipe.data.id}.yaml` !== fileName) {
      diagnostics.error(`Unexpected document id \`${recipe.data.id}\`, expected \`${fileName.replace(/\.yaml$/u, '')}\` (the file name)`, { file: recipe.name, place: recipe.locate(['id']), ruleId: 'recipe-id-mismatch' });
    }
    checkRanges(recipe, sources, diagnostics);
    recipes.push(recipe);
  }
  return recipes;
}

type RangeList = 'metadata' | 'text' | 'witnesses' | 'exclude';
const LISTS: RangeList[] = ['metadata', 'text', 'witnesses', 'exclude'];

/** Every range in a recipe, with the path of its entry for locating messages. */
export function* recipeRanges(recipe: LoadedRecipe): Generator<{ list: RangeList; index: number; file: string; lines: [number, number] }> {
  for (const list of LISTS) {
    for (const [index, entry] of recipe.data[list].entries()) yield { list, index, file: entry.file, lines: entry.lines };
  }
}

/** Checks that each range names a known source and stays inside it. */
function checkRanges(recipe: LoadedRecipe, sources: Map<string, SourceFile>, diagnostics: Diagnostics): void {
  if (!sources.has(recipe.data.base)) {
    diagnostics.error(`Unexpected source \`${recipe.data.base}\`, expected a file listed in content/sources/manifest.yaml`, { file: recipe.name, place: recipe.locate(['base']), ruleId: 'unknown-source' });
  }
  for (const range of recipeRanges(recipe)) {
    const source = sources.get(range.file);
    if (!source) {
      diagnostics.error(`Unexpected source \`${range.file}\`, expected a file listed in content/sources/manifest.yaml`, { file: recipe.name, place: recipe.locate([range.list, range.index, 'file']), ruleId: 'unknown-source' });
      continue;
    }
    const last = range.lines[1];
    if (last > source.lines.length) {
      diagnostics.error(`Unexpected line ${last} in \`${range.file}\`, expected a line number ≤ ${source.lines.length} (the file has ${source.lines.length} lines)`, { file: recipe.name, place: recipe.locate([range.list, range.index, 'lines', 1]), ruleId: 'range-past-end' });
    }
  }
}
