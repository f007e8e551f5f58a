/**
 * The citation metadata's addresses (src/components/CitationMeta.astro), a part of the reading
 * pages' one module (reader.ts): without a published address, the served one fills the blank.
 */
import { fillPageAddresses, personaliseCitationFiles } from './site-address';

export function fillCitationMeta(today: Date): void {
  fillPageAddresses();
  // The whole document's BibTeX, where the page offers it: the served address and today's access date.
  void personaliseCitationFiles(isoDate(today));
}

/** 2026-12-07: the access date as BibTeX and GB/T 7714 print it. */
export const isoDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
