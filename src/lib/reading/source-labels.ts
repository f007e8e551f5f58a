/** How pages name a source file: by its number, never by its file name (issue 24). */
import { ui, type Lang } from '../../i18n/ui';

/** "来源 004" / "Source 004". */
export const sourceLabel = (lang: Lang, file: string) => `${ui[lang].sourceShort} ${file.slice(0, 3)}`;

/** A place in a source: "来源 004 第27行" / "Source 004, line 27"; "第27–29行" / "lines 27–29". */
export function sourcePlace(lang: Lang, file: string, lines: [number, number]): string {
  const [from, to] = lines;
  const span = from === to ? `${from}` : `${from}–${to}`;
  return lang === 'zh' ? `${sourceLabel(lang, file)} 第${span}行` : `${sourceLabel(lang, file)}, ${from === to ? 'line' : 'lines'} ${span}`;
}
