/**
 * The scripts of the reading pages (a document page and a clause page), one module: each part
 * does nothing where its elements are absent. The parts that need code only once the reader
 * acts load it then (src/scripts/in-place.ts, copy-link.ts, term-tips.ts, running-head.ts), so
 * that a page carries little more than its text (issue 24's budget). The components named
 * below hold the markup and say what each part is for.
 */
import { anchorTarget } from '../lib/reading/anchor-redirect';
import { fillCitationMeta } from './citation-meta';
import { fillCitations } from './citation';

/** A plain left click: the only one a script takes over from a link. */
const plain = (e: MouseEvent) => e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;

// ViewSwitch: the remembered view. Storage can be disabled; the switch still works for the page.
const KEY = 'mekong-plans:view';
let saved: string | null = null;
try {
  saved = localStorage.getItem(KEY);
} catch {
  // See above.
}
for (const radio of document.querySelectorAll<HTMLInputElement>('.view-switch input[name="view"]')) {
  if (radio.value === saved) radio.checked = true;
  radio.addEventListener('change', () => {
    try {
      localStorage.setItem(KEY, radio.value);
    } catch {
      // See above.
    }
  });
}

// PrintButton: shown only where it can work.
for (const button of document.querySelectorAll<HTMLButtonElement>('.print-button')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}

// AnchorRedirects: an old #anchor to its clause's new id (the map read at each change).
const redirect = () => {
  const holder = document.getElementById('anchor-redirects');
  if (!holder) return;
  const target = anchorTarget(JSON.parse(holder.dataset.map!) as Record<string, string>, location.hash);
  if (target) location.replace(`#${target}`);
};
redirect();
addEventListener('hashchange', redirect);

// ParallelTexts: a parallel or a note's other language opens in place.
for (const a of document.querySelectorAll('.parallels li a')) a.setAttribute('aria-expanded', 'false');
document.addEventListener('click', (event) => {
  if (!(event.target as Element).closest?.('.parallels li a, .pt-close, .clauses a.note-other') || !plain(event)) return;
  event.preventDefault();
  void import('./in-place').then((m) => m.handle(event));
});

// GlossaryTips: definitions on hover and focus, a press keeps one open.
if (document.getElementById('term-tip')) {
  let tips: Promise<typeof import('./term-tips')> | undefined;
  const pass = (event: Event) => {
    const term = (event.target as Element).closest?.('a.term');
    if (event.type === 'click' && term) {
      if (!plain(event as MouseEvent)) return;
      event.preventDefault();
    }
    if (!term && !tips) return;
    void (tips ??= import('./term-tips')).then((m) => m.handle(event));
  };
  for (const type of ['mouseover', 'mouseout', 'focusin', 'focusout', 'click', 'keydown']) document.addEventListener(type, pass);
}

// CopyLinks: one button that comes to the clause a pointer or the keyboard reaches.
if (document.getElementById('copy-link-labels') && navigator.clipboard && matchMedia('(hover: hover)').matches) {
  let copy: Promise<typeof import('./copy-link')> | undefined;
  const follow = (e: Event) => {
    if (!(e.target as Element).closest?.('.clauses .clause')) return;
    void (copy ??= import('./copy-link')).then((m) => m.follow(e));
  };
  document.addEventListener('pointerover', follow);
  document.addEventListener('focusin', follow);
}

// RunningHead: from the first scroll on, a jump to a clause included.
if (document.querySelector('.running-head')) addEventListener('scroll', () => void import('./running-head'), { once: true, passive: true });

// CitationMeta (both pages) and Citation (the clause page): addresses, access dates, copy. In
// this module rather than each component's own, so that a page loads one file, not four; last,
// so that an error there leaves the reading parts above working.
const today = new Date();
fillCitationMeta(today);
fillCitations(today);
