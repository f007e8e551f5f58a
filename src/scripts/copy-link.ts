/**
 * The roaming "Copy link" button of a document page (see CopyLinks), loaded when a pointer or
 * the keyboard first comes to a clause.
 */
const labels = document.getElementById('copy-link-labels')!.dataset;
const status = document.getElementById('copy-link-status')!;
const button = document.createElement('button');
button.type = 'button';
button.className = 'copy-link';
button.textContent = labels.label!;
let timer: ReturnType<typeof setTimeout> | undefined;
const place = (number: Element | null | undefined) => {
  if (!number || button.parentElement === number) return;
  clearTimeout(timer);
  button.textContent = labels.label!;
  button.setAttribute('aria-label', `${labels.label} ${number.closest('article')?.id ?? ''}`);
  number.append(button);
};
/** Brings the button to the clause an event is in. */
export function follow(e: Event): void {
  if (e.type === 'pointerover') place((e.target as Element).closest?.('.clauses .clause')?.querySelector('.clause-number'));
  else if (e.target !== button) place((e.target as Element).closest('.clauses .clause-number'));
}
button.addEventListener('click', async () => {
  const link = button.parentElement!.querySelector('a')!;
  // The clean address: the page's folder, without index.html.
  const url = link.href.replace(/index\.html(?=#|$)/u, '');
  await navigator.clipboard.writeText(url);
  button.textContent = `${labels.done} ✓`;
  status.textContent = `${labels.done}: ${url}`;
  clearTimeout(timer);
  timer = setTimeout(() => (button.textContent = labels.label!), 2000);
});
  
