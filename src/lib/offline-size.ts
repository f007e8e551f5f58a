/**
 * Where a page shows the size of the offline copy (src/components/OfflineCopy.astro): rendered
 * as 0, and filled in by the build's offline stage (scripts/lib/publish/offline.ts), which alone knows
 * the total once every file is written.
 */
export const SIZE_PLACEHOLDER = '<data class="offline-size" value="0">0 MB</data>';
