/**
 * The glossary's index (issue 24): its terms in the interface language's order, grouped by
 * initial. English terms by their first letter; Chinese terms by the pinyin initial of their
 * first character, read from the same zh-CN collation that sorts them (ICU orders Han
 * characters by pinyin), so the groups always follow the sorted list.
 */
import type { Lang } from '../../i18n/ui';

/** Digits and anything else that is not a letter: one group, first. */
export const OTHER_INITIAL = '0–9';

const zhCollator = new Intl.Collator('zh-CN');
const enCollator = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * The first character of each pinyin initial in zh-CN collation order (no syllable begins
 * with i, u or v). A character's initial is the last letter whose first character does not
 * sort after it.
 */
const PINYIN_STARTS: [string, string][] = [
  ['A', '阿'], ['B', '八'], ['C', '嚓'], ['D', '哒'], ['E', '妸'], ['F', '发'], ['G', '旮'], ['H', '哈'],
  ['J', '丌'], ['K', '咔'], ['L', '垃'], ['M', '妈'], ['N', '拏'], ['O', '噢'], ['P', '妑'], ['Q', '七'],
  ['R', '呥'], ['S', '仨'], ['T', '他'], ['W', '屲'], ['X', '夕'], ['Y', '丫'], ['Z', '帀'],
];

/** A term's name without the quotation marks or brackets it may open with (“一带一路”倡议, 《…》). */
export const sortKey = (name: string) => name.replace(/^[^\p{L}\p{N}]+/u, '');

/** The index letter of a name: its first letter, or the pinyin initial of its first Han character. */
export function initialOf(name: string): string {
  const first = sortKey(name).charAt(0);
  if (/\p{Script=Han}/u.test(first)) {
    let letter = OTHER_INITIAL;
    for (const [l, start] of PINYIN_STARTS) if (zhCollator.compare(first, start) >= 0) letter = l;
    return letter;
  }
  if (/\p{L}/u.test(first)) return first.normalize('NFD').charAt(0).toUpperCase();
  return OTHER_INITIAL;
}

export interface IndexGroup<T> {
  initial: string;
  items: T[];
}

/** Items sorted by their name in `lang` (leading punctuation ignored), grouped by initial, in order. */
export function indexGroups<T>(items: T[], name: (item: T) => string, lang: Lang): IndexGroup<T>[] {
  const collator = lang === 'zh' ? zhCollator : enCollator;
  const sorted = [...items].sort((a, b) => collator.compare(sortKey(name(a)), sortKey(name(b))));
  const groups: IndexGroup<T>[] = [];
  for (const item of sorted) {
    const initial = initialOf(name(item));
    const last = groups.at(-1);
    if (last?.initial === initial) last.items.push(item);
    else groups.push({ initial, items: [item] });
  }
  return groups;
}
