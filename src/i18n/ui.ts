/** Interface strings, one typed table per language (ui-en.ts, ui-zh.ts). Every key must exist in both. */
import { en, type Shape } from './ui-en';
import { zh } from './ui-zh';

export const languages = ['zh', 'en'] as const;
export type Lang = (typeof languages)[number];

/** BCP 47 tags for lang attributes. zh-CN (Simplified, as written in mainland China): Pagefind keys its index and Chinese segmentation on the html lang. */
export const langTag: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export const ui: Record<Lang, Shape<typeof en>> = { en, zh };

export function isLang(value: string | undefined): value is Lang {
  return (languages as readonly string[]).includes(value ?? '');
}
