/** The opening words of a text, for a list that names clauses by their start. */
import type { Lang } from '../../i18n/ui';

/** At most about 30 Chinese characters or 12 English words, cut at a word and marked with an ellipsis. */
export function excerpt(text: string, lang: Lang): string {
  if (lang === 'zh') return [...text].length > 30 ? `${[...text].slice(0, 30).join('')}…` : text;
  const words = text.split(/\s+/u);
  return words.length > 12 ? `${words.slice(0, 12).join(' ').replace(/[,;:]$/u, '')}…` : text;
}
