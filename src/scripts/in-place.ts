/**
 * What ParallelTexts opens in place (see there), loaded on the first click that needs it, so
 * that a document page's own scripts stay small: a parallel's text under its clause, a note's
 * other language under the note, both from the clause's own page.
 */
const labels = document.getElementById('parallel-labels')!.dataset;
const pages = new Map<string, Promise<Document>>();
let panels = 0;

/** A clause page, parsed; a failed fetch is forgotten so that the next click tries again. */
function load(url: string): Promise<Document> {
  let page = pages.get(url);
  if (!page) {
    page = fetch(url)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status} ${url}`))))
      .then((html) => new DOMParser().parseFromString(html, 'text/html'));
    page.catch(() => pages.delete(url));
    pages.set(url, page);
  }
  return page;
}

/**
 * One language's column: the clause's heading and text, and those of the paragraphs it heads
 * (a clause page shows them under a heading without text of its own), as plain text: links
 * would point into the wrong page.
 */
function column(articles: Element[], lang: 'zh' | 'en'): HTMLElement | null {
  const col = document.createElement('div');
  col.className = `pt-${lang}`;
  col.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const article of articles) {
    for (const el of article.querySelectorAll(`.heading.${lang}, .text.${lang}`)) {
      const value = el.textContent!.trim();
      if (!value) continue;
      const p = document.createElement('p');
      p.className = el.classList.contains('heading') ? 'pt-heading' : 'pt-body';
      p.textContent = value;
      col.append(p);
    }
  }
  return col.childElementCount ? col : null;
}

/** The provisions a section heads, as the clause page lists them: numbers and names, not links. */
function contents(page: Document): HTMLElement | null {
  const items = [...page.querySelectorAll('.clause-contents li')];
  if (!items.length) return null;
  const list = document.createElement('ol');
  list.className = 'pt-contents';
  for (const item of items) {
    const li = document.createElement('li');
    for (const span of item.querySelectorAll('span')) {
      const s = document.createElement('span');
      if (span.lang) s.lang = span.lang;
      s.textContent = `${span.textContent} `;
      li.append(s);
    }
    list.append(li);
  }
  return list;
}

function close(box: Element) {
  box.querySelector('.parallel-text')?.remove();
  for (const a of box.querySelectorAll('a[aria-expanded="true"]')) a.setAttribute('aria-expanded', 'false');
}


/** A note's other language, from the clause page's note at the same place. */
async function otherNote(link: HTMLAnchorElement) {
  const note = link.closest('details.note')!;
  const notes = [...note.parentElement!.querySelectorAll(':scope > details.note')];
  let text: Element | null | undefined;
  try {
    const page = await load(link.href);
    text = page.querySelectorAll('.clause-page > article.clause')[0]?.querySelectorAll(':scope > .notes > details.note')[notes.indexOf(note)]?.querySelector('.note-other p');
  } catch {
    text = undefined;
  }
  if (!text) {
    location.href = link.href;
    return;
  }
  const copy = document.importNode(text, true) as HTMLElement;
  // Its links were written for the clause page's address.
  for (const a of copy.querySelectorAll('a')) a.href = new URL(a.getAttribute('href')!, link.href).href;
  copy.classList.add('note-other-text');
  link.replaceWith(copy);
}

/** Handles a click the page's stub has already claimed (its default prevented). */
export async function handle(event: MouseEvent): Promise<void> {
  const target = event.target as Element;
  const noteLink = target.closest<HTMLAnchorElement>('.clauses a.note-other');
  if (noteLink) {
    await otherNote(noteLink);
    return;
  }
  const closer = target.closest('.pt-close');
  if (closer) {
    const box = closer.closest('.parallels')!;
    const link = box.querySelector<HTMLAnchorElement>('a[aria-expanded="true"]');
    close(box);
    link?.focus();
    return;
  }
  const link = target.closest<HTMLAnchorElement>('.parallels li a');
  if (!link) return;
  const box = link.closest('.parallels')!;
  const wasOpen = link.getAttribute('aria-expanded') === 'true';
  close(box);
  if (wasOpen) return;
  let page: Document | undefined;
  try {
    page = await load(link.href);
  } catch {
    page = undefined;
  }
  const articles = page ? [...page.querySelectorAll('.clause-page article.clause')] : [];
  if (!page || !articles.length) {
    location.href = link.href;
    return;
  }
  const panel = document.createElement('div');
  panel.className = 'parallel-text';
  panel.id = `parallel-text-${++panels}`;
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', link.textContent!.trim());
  panel.append(...[column(articles, 'zh'), column(articles, 'en'), contents(page)].filter((c): c is HTMLElement => c !== null));
  const foot = document.createElement('p');
  foot.className = 'pt-foot';
  const go = document.createElement('a');
  go.href = link.getAttribute('href')!;
  go.textContent = `${labels.open} →`;
  const shut = document.createElement('button');
  shut.type = 'button';
  shut.className = 'pt-close';
  shut.textContent = labels.close!;
  foot.append(go, shut);
  panel.append(foot);
  close(box);
  box.append(panel);
  link.setAttribute('aria-expanded', 'true');
  link.setAttribute('aria-controls', panel.id);
}
