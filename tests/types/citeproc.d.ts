/** The part of citeproc-js (npm `citeproc`, no published types) that the citation tests use. */
declare module 'citeproc' {
  interface Sys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): object;
  }
  class Engine {
    constructor(sys: Sys, style: string, lang?: string, forceLang?: boolean);
    setOutputFormat(format: 'text' | 'html' | 'rtf'): void;
    updateItems(ids: string[]): void;
    /** [formatting parameters, one string per entry]; false when the style has no bibliography. */
    makeBibliography(): [object, string[]] | false;
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
}
