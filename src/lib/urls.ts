/** Every internal URL of the site, in one place (CONTRACT.md, "URLs"). */
import type { Lang } from '../i18n/ui';

const base = import.meta.env.BASE_URL.replace(/\/?$/u, '/');

export const homeUrl = (lang: Lang) => `${base}${lang}/`;
export const documentUrl = (lang: Lang, doc: string) => `${base}${lang}/${doc}/`;
export const clauseUrl = (lang: Lang, doc: string, clause: string) => `${base}${lang}/${doc}/${clause}/`;
export const clauseAnchorUrl = (lang: Lang, doc: string, clause: string) => `${documentUrl(lang, doc)}#${clause}`;
export const searchUrl = (lang: Lang) => `${base}${lang}/search/`;
export const glossaryUrl = (lang: Lang) => `${base}${lang}/glossary/`;
export const dataUrl = (name: string) => `${base}data/${name}.json`;
export const assetUrl = (path: string) => `${base}${path.replace(/^\//u, '')}`;
/** The source viewer page of a file (without `.txt`), optionally at a line. */
/** The page of every source. */
export const sourcesUrl = (lang: Lang) => `${base}${lang}/sources/`;
export const sourceUrl = (lang: Lang, file: string, line?: number) => `${base}${lang}/sources/${file.replace(/\.txt$/u, '')}/${line ? `#L${line}` : ''}`;
/** The raw source file as received. */
export const rawSourceUrl = (file: string) => `${base}sources/${file}`;
export const aboutUrl = (lang: Lang) => `${base}${lang}/about/`;
export const topicsUrl = (lang: Lang, topic?: string) => `${base}${lang}/topics/${topic ? `${topic}/` : ''}`;
export const compareUrl = (lang: Lang) => `${base}${lang}/compare/`;
export const namedDocumentsUrl = (lang: Lang) => `${base}${lang}/titles/`;
/** The data dictionary (issue 17), optionally at a file's section (`#file-csv`). */
export const dataDictionaryUrl = (lang: Lang, file?: string) => `${base}${lang}/about/data/${file ? `#file-${file}` : ''}`;
