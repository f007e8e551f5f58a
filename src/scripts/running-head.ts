/**
 * The running head of a document page (see RunningHead), loaded on the first scroll: on a page
 * that is not scrolled there is nothing to show.
 */
const bar = document.querySelector<HTMLElement>('.running-head')!;
const lang = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
const articles = [...document.querySelectorAll<HTMLElement>('.clauses > article.clause')];
// Each heading clause's label: its printed number and its heading in the reader's language.
// An English reader gets the canonical number where the printed one is Chinese (（三） is 2.3).
const labels = new Map<string, { text: string; lang: string }>();
for (const a of articles) {
  const own = a.querySelector(`.heading.${lang}:not(.untranslated)`);
  const heading = own ?? a.querySelector('.heading.zh');
  if (!heading) continue;
  const printed = a.querySelector('.clause-number a')?.firstChild?.textContent?.trim() ?? '';
  const number = lang === 'en' && /\p{Script=Han}/u.test(printed) ? a.id : printed;
  labels.set(a.id, { text: `${number}${/[、）)]$/u.test(number) ? '' : ' '}${heading.textContent!.trim()}`, lang: own ? document.documentElement.lang : 'zh-CN' });
}
let shown = '';
/** The last clause whose top has passed under the bar (binary search: the articles are in page order). */
function current(): HTMLElement | undefined {
  const line = bar.offsetHeight + 8;
  let lo = 0;
  let hi = articles.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (articles[mid]!.getBoundingClientRect().top <= line) (found = mid), (lo = mid + 1);
    else hi = mid - 1;
  }
  return found >= 0 ? articles[found] : undefined;
}
function update() {
  const at = current();
  const ids: string[] = [];
  if (at) {
    const parts = at.id.split('.');
    for (let i = 1; i <= parts.length; i++) {
      const id = parts.slice(0, i).join('.');
      if (labels.has(id)) ids.push(id);
    }
  }
  const key = ids.join(' ');
  if (key === shown) return;
  shown = key;
  bar.hidden = ids.length === 0;
  bar.replaceChildren(...ids.flatMap((id, i) => {
    const a = document.createElement('a');
    a.href = `#${id}`;
    const label = labels.get(id)!;
    a.textContent = label.text;
    a.lang = label.lang;
    return i === 0 ? [a] : [document.createTextNode(' › '), a];
  }));
}
let queued = false;
addEventListener('scroll', () => {
  if (queued) return;
  queued = true;
  requestAnimationFrame(() => {
    queued = false;
    update();
  });
}, { passive: true });
addEventListener('hashchange', update);
update();

export {};
