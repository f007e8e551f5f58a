/**
 * The clause page's citation block (src/components/Citation.astro), a part of the reading pages'
 * one module (reader.ts): nothing happens where the page has no citation formats.
 */
// Fill in today's date as the access date (and, without a published address, the address the
// page is served from), offer one-click copy, and make the per-clause downloads carry the same
// text as the page (access date included).
import { isoDate } from './citation-meta';
import { withServedAddress } from './site-address';

export function fillCitations(today: Date): void {
  const iso = isoDate(today);
  // Chicago's form of the date, as citeproc-js prints it: December 1, 2026.
  const us = today.toLocaleDateString('en-US', { day: 'numeric', month: 'long', year: 'numeric' });
  for (const block of document.querySelectorAll<HTMLElement>('.citation-format')) {
    const pre = block.querySelector('pre')!;
    const template = withServedAddress(pre.dataset.template!);
    if (block.dataset.format === 'csl') {
      const items = JSON.parse(withServedAddress(pre.textContent!)) as { accessed?: unknown }[];
      for (const item of items) item.accessed = { 'date-parts': [[today.getFullYear(), today.getMonth() + 1, today.getDate()]] };
      pre.textContent = JSON.stringify(items, null, 2);
    } else {
      pre.textContent = template.replaceAll('@@ACCESSED@@', block.dataset.format === 'chicago' ? us : iso);
    }
    const download = document.querySelector<HTMLAnchorElement>(`.citation-downloads a[data-format="${block.dataset.format}"]`);
    if (download) {
      const type = block.dataset.format === 'csl' ? 'application/vnd.citationstyles.csl+json' : 'application/x-bibtex';
      download.href = URL.createObjectURL(new Blob([`${pre.textContent}\n`], { type: `${type};charset=utf-8` }));
    }
    const button = block.querySelector<HTMLButtonElement>('.copy-citation')!;
    if (!navigator.clipboard) continue;
    button.hidden = false;
    const label = button.textContent!;
    let timer: ReturnType<typeof setTimeout> | undefined;
    button.addEventListener('click', async () => {
      await navigator.clipboard.writeText(pre.textContent!);
      const status = document.querySelector<HTMLElement>('.citation [role="status"]')!;
      status.textContent = `${status.dataset.copied}: ${block.querySelector('dt')!.firstChild!.textContent!.trim()}`;
      // Visible too: the button says so for two seconds.
      button.textContent = `${status.dataset.copied} ✓`;
      clearTimeout(timer);
      timer = setTimeout(() => (button.textContent = label), 2000);
    });
  }
}
