/**
 * Glossary definitions in place (see GlossaryTips), loaded when a term is first pointed at,
 * focused or pressed: on hover and focus a tooltip under the term; on a press (a tap on a
 * phone) the same definition stays open, with a link to the glossary entry, instead of leaving
 * the document (issue 24). Escape, or a press elsewhere, closes it.
 */
const tip = document.getElementById('term-tip')!;
const lang = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
const more = tip.dataset.more!;
let glossary: Promise<Record<string, string>> | undefined;
let pinned = false;
// A term links to the glossary page of its text's language; the tips are the interface's.
const load = (link: HTMLAnchorElement) => (glossary ??= fetch(new URL(`../../${lang}/glossary/tips.json`, link.href)).then((r) => r.json()));

async function show(link: HTMLAnchorElement, pin: boolean) {
  const definition = (await load(link))[new URL(link.href).hash.slice(1)];
  if (!definition) return;
  tip.replaceChildren(definition);
  if (pin) {
    const a = document.createElement('a');
    a.href = link.href;
    a.textContent = more;
    tip.append(' ', a);
  }
  tip.lang = lang === 'zh' ? 'zh-CN' : 'en';
  tip.classList.toggle('pinned', pin);
  const box = link.getBoundingClientRect();
  tip.style.left = `${Math.max(8, Math.min(box.left + scrollX, scrollX + innerWidth - Math.min(360, innerWidth - 16) - 8))}px`;
  tip.style.top = `${box.bottom + scrollY + 4}px`;
  tip.hidden = false;
  pinned = pin;
  link.setAttribute('aria-describedby', 'term-tip');
}

function hide() {
  tip.hidden = true;
  pinned = false;
  for (const a of document.querySelectorAll('a.term[aria-describedby]')) a.removeAttribute('aria-describedby');
}

/** One event the page's stub passed on. */
export function handle(event: Event): void {
  const link = (event.target as Element).closest?.<HTMLAnchorElement>('a.term');
  switch (event.type) {
    case 'mouseover':
    case 'focusin':
      if (link && !pinned) void show(link, false);
      break;
    case 'mouseout':
    case 'focusout':
      if (link && !pinned) hide();
      break;
    case 'click':
      if (link) void show(link, true);
      else if (pinned && !tip.contains(event.target as Node)) hide();
      break;
    case 'keydown':
      if ((event as KeyboardEvent).key === 'Escape') hide();
      break;
  }
}
