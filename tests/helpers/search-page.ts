/** Running queries on the built search page, the way a reader does (the form), many at a time. */
import type { Page } from 'playwright-core';

/** The clause a result or offered link leads to, as document#clause (null for any other address). */
export const clauseOf = (href: string): string | null => /\/(?:zh|en)\/([a-z0-9-]+)\/([a-z0-9.]+)\/(?:index\.html)?$/u.exec(new URL(href, 'http://x/').pathname)?.slice(1).join('#') ?? null;

export interface Answer {
  query: string;
  /** The status line as shown. */
  status: string;
  /** The results' clauses, in rank order. */
  results: string[];
  /** Every link of the answer (offered clauses, suggestions, results) in page order. */
  links: string[];
}

/**
 * Submits each query in the page's search form and waits for its answer (the status line
 * settles on something other than "searching"). The page must be the search page.
 */
export async function answers(page: Page, queries: string[]): Promise<Answer[]> {
  return page.evaluate(async (queries) => {
    const app = document.getElementById('search-app')!;
    const searching = (JSON.parse(app.dataset.labels!) as Record<string, string>).searching;
    const input = document.querySelector<HTMLInputElement>('#search-input')!;
    const status = app.querySelector<HTMLElement>('.search-status')!;
    const out: { query: string; status: string; results: string[]; links: string[] }[] = [];
    for (const query of queries) {
      status.textContent = '';
      input.value = query;
      input.form!.requestSubmit();
      const started = performance.now();
      // Polled, not observed: the answer may settle in several steps.
      while (!status.textContent || status.textContent === searching) {
        if (performance.now() - started > 15_000) throw new Error(`no answer to ${query}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const links = [...app.querySelectorAll<HTMLAnchorElement>('a[href]')].filter((a) => !a.closest('form') && a.offsetParent !== null).map((a) => a.href);
      out.push({ query, status: status.textContent ?? '', results: [...app.querySelectorAll<HTMLAnchorElement>('.results .result-link')].map((a) => a.href), links });
    }
    return out;
  }, queries);
}
