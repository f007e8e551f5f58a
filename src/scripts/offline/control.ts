/**
 * The "Read offline" control on the about pages (src/components/OfflineCopy.astro): one button
 * to save the edition (its size on it), progress while it downloads, what is saved and when,
 * and a button to remove it. The work is copy.ts's; this only shows it.
 */
import { copyEvents, CopyError, readState, remove, save, support, type CopyState, type Progress } from './copy';

type Strings = typeof import('../../i18n/ui').ui.en.offline;

const section = document.querySelector<HTMLElement>('#offline.offline-copy');
if (section) init(section);

function init(root: HTMLElement): void {
  const t = JSON.parse(root.dataset.strings!) as Strings;
  const locale = root.dataset.locale!;
  const status = root.querySelector<HTMLElement>('.offline-status')!;
  const box = root.querySelector<HTMLElement>('.offline-progress')!;
  const bar = box.querySelector('progress')!;
  const counts = box.querySelector<HTMLElement>('.offline-counts')!;
  const saveButton = root.querySelector<HTMLButtonElement>('[data-action="save"]')!;
  const saveLabel = saveButton.querySelector<HTMLElement>('.offline-save-label')!;
  const removeButton = root.querySelector<HTMLButtonElement>('[data-action="remove"]')!;
  const size = Number(root.querySelector<HTMLDataElement>('data.offline-size')?.value ?? 0);

  const mb = (bytes: number) => `${(bytes / 1e6).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;
  const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/gu, (_m, k: string) => String(typeof values[k] === 'number' ? (values[k] as number).toLocaleString(locale) : values[k] ?? ''));
  let busy = false;

  const show = (state: CopyState | undefined) => {
    box.hidden = true;
    saveButton.disabled = removeButton.disabled = false;
    saveLabel.textContent = t.save;
    saveButton.hidden = !!state;
    removeButton.hidden = !state;
    if (!state) {
      status.textContent = t.none;
      return;
    }
    // Dates as the edition writes them: 6 December 2026, 2026年12月6日.
    const date = new Date(state.saved).toLocaleDateString(locale === 'en' ? 'en-GB' : locale, { day: 'numeric', month: 'long', year: 'numeric' });
    // Chinese sentences follow one another without a space.
    const joiner = locale.startsWith('zh') ? '' : ' ';
    status.textContent = [fill(t.saved, { version: state.manifest.version, totalMb: mb(state.manifest.bytes), date }), ...(navigator.onLine ? [] : [t.offlineNow])].join(joiner);
  };

  const progress = (p: Progress) => {
    const heading = fill(p.updating ? t.updating : t.saving, { version: p.version });
    // The status (read out by screen readers) changes once per save; the counts beside the bar as it goes.
    if (status.textContent !== heading) status.textContent = heading;
    box.hidden = false;
    bar.max = p.totalBytes || 1;
    bar.value = p.bytes;
    counts.textContent = fill(t.counts, { files: p.files, totalFiles: p.totalFiles, mb: mb(p.bytes), totalMb: mb(p.totalBytes) });
    saveButton.hidden = removeButton.hidden = true;
  };

  const failed = (error: unknown) => {
    const kind = error instanceof CopyError ? error.kind : 'unreachable';
    const detail = error instanceof CopyError ? error.detail : String(error);
    status.textContent = fill(t.errors[kind], { detail, totalMb: mb(size) });
    box.hidden = true;
    saveLabel.textContent = t.retry;
    saveButton.hidden = false;
    saveButton.disabled = false;
  };

  const supported = support();
  if (supported !== 'ok') {
    status.textContent = t[supported];
    return;
  }
  // What the control shows comes from the last read of the copy only: a read begun before the
  // reader's own action (a save, a removal) is dropped when it ends.
  let generation = 0;
  const view = () => {
    const mine = ++generation;
    void readState().then((state) => {
      if (mine === generation && !busy) show(state);
    });
  };
  copyEvents.addEventListener('progress', (event) => progress((event as CustomEvent<Progress>).detail));
  // This page's own save or removal shows its own outcome; a change made in another tab, or by
  // the update check, is read again.
  copyEvents.addEventListener('change', () => {
    if (!busy) view();
  });
  saveButton.addEventListener('click', async () => {
    generation++;
    busy = true;
    saveButton.disabled = true;
    try {
      show(await save());
    } catch (error) {
      failed(error);
    } finally {
      busy = false;
    }
  });
  removeButton.addEventListener('click', async () => {
    generation++;
    busy = true;
    removeButton.disabled = true;
    try {
      await remove();
      show(undefined);
      status.textContent = t.removed;
    } finally {
      busy = false;
    }
  });
  window.addEventListener('online', view);
  window.addEventListener('offline', view);
  view();
}
