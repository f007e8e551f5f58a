/** The real corpus's search index in several bundles, as a corpus over one bundle's bound gets it. */
import { projectPaths } from '../../scripts/lib/core/paths';
import { readGeneratedDocuments } from '../../scripts/lib/generate/emit';
import { searchRecords, writeSearchIndex } from '../../scripts/lib/publish/search-index';

/**
 * Writes the index of content/generated/ into `outDir/pagefind/` with a bound that cuts it into
 * about `count` bundles (records are never split, so a bound of exactly 1/count of the content
 * could need one more); returns how many it wrote.
 */
export async function writeBundledIndex(outDir: string, count: number): Promise<number> {
  const documents = await readGeneratedDocuments(projectPaths());
  const total = searchRecords(documents).reduce((sum, r) => sum + r.content.length, 0);
  return (await writeSearchIndex(documents, outDir, { bundleChars: Math.ceil(total / (count - 0.3)) })).bundles;
}
