/** What every interface-language page needs: its paths and its language's strings. */
import { languages, ui, type Lang } from '../i18n/ui';

/** getStaticPaths for a page that exists once per interface language. */
export const languagePaths = () => languages.map((lang) => ({ params: { lang } }));

/** The interface language of a page, its strings, the other language, and the BCP 47 tag of its text. */
export function pageLanguage(param: string | undefined) {
  const lang = param as Lang;
  return { lang, t: ui[lang], other: (lang === 'zh' ? 'en' : 'zh') as Lang, tag: lang === 'zh' ? 'zh-CN' : 'en' };
}
