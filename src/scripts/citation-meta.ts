/**
 * The citation metadata's addresses (src/components/CitationMeta.astro), a part of the reading
 * pages' one module (reader.ts): without a published address, the served one fills the blank.
 */
import { fillPageAddresses, personaliseCitationFiles } from './site-address';
fillPageAddresses();
// The whole document's BibTeX, where the page offers it: the served address and today's access date.
const today = new Date();
void personaliseCitationFiles(`${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`);
