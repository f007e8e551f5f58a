/** Interface strings, one typed table per language. Every key must exist in both. */
export const languages = ['zh', 'en'] as const;
export type Lang = (typeof languages)[number];

/** BCP 47 tags for lang attributes. zh-CN (Simplified, as written in mainland China): Pagefind keys its index and Chinese segmentation on the html lang. */
export const langTag: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

const en = {
  siteName: 'Mekong Plans',
  siteTagline: 'Cooperation plans of the Lancang-Mekong Cooperation and of China and ASEAN, in Chinese and English',
  documents: 'Documents',
  search: 'Search',
  home: 'Home',
  otherLanguage: '中文界面',
  clauses: 'clauses',
  type: { plan: 'Plan of action', declaration: 'Declaration', initiative: 'Initiative' },
  completeness: { full: 'Full text', summary: 'Summary', excerpt: 'Excerpt' },
  dateUnknown: 'Date not established by the sources',
  clause: 'Clause',
  permalink: 'Permalink',
  source: 'Source',
  lines: 'lines',
  line: 'line',
  notes: 'Notes',
  noteKind: { editorial: 'Editorial', translation: 'Translation', context: 'Context', variant: 'Variant' },
  untranslated: 'English translation not yet available.',
  preamble: 'Preamble',
  wholeDocument: 'Whole document',
  previous: 'Previous',
  next: 'Next',
  searchLabel: 'Search the texts',
  searchNeedsServer: 'Search runs in your browser and needs the site to be served over HTTP; it does not work from a file opened directly.',
  data: 'Data (JSON)',
  languageSwitch: 'Interface language',
  chooseLanguage: 'Choose the interface language',
  skipToContent: 'Skip to content',
  glossary: 'Glossary',
  glossaryIntro: 'One English rendering per term, used throughout the translation. Terms are marked in the texts; their definitions show on hover or keyboard focus.',
  rendering: 'Rendering',
  variants: 'Other forms',
  termKind: { institution: 'Institution', mechanism: 'Mechanism', initiative: 'Initiative', document: 'Document', meeting: 'Meeting', fund: 'Fund', place: 'Place', 'policy-term': 'Policy term' },
} as const;

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const zh: Shape<typeof en> = {
  siteName: '湄公河合作文件',
  siteTagline: '澜沧江—湄公河合作及中国—东盟合作计划，中英对照',
  documents: '文件',
  search: '搜索',
  home: '首页',
  otherLanguage: 'English interface',
  clauses: '条',
  type: { plan: '行动计划', declaration: '宣言', initiative: '倡议' },
  completeness: { full: '全文', summary: '摘要', excerpt: '节选' },
  dateUnknown: '来源未载明日期',
  clause: '条款',
  permalink: '永久链接',
  source: '来源',
  lines: '行',
  line: '行',
  notes: '注释',
  noteKind: { editorial: '校勘', translation: '翻译', context: '背景', variant: '异文' },
  untranslated: '英文译文尚未完成。',
  preamble: '序言',
  wholeDocument: '全文',
  previous: '上一条',
  next: '下一条',
  searchLabel: '搜索文本',
  searchNeedsServer: '搜索在浏览器中运行，须通过HTTP访问本站；直接打开文件时无法使用。',
  data: '数据（JSON）',
  languageSwitch: '界面语言',
  chooseLanguage: '选择界面语言',
  skipToContent: '跳到正文',
  glossary: '术语表',
  glossaryIntro: '每个术语只用一种英文译法，全书统一。正文中的术语有标记，鼠标悬停或键盘聚焦时显示释义。',
  rendering: '译法',
  variants: '其他形式',
  termKind: { institution: '机构', mechanism: '机制', initiative: '倡议', document: '文件', meeting: '会议', fund: '基金', place: '地名', 'policy-term': '政策用语' },
};

export const ui: Record<Lang, Shape<typeof en>> = { en, zh };

export function isLang(value: string | undefined): value is Lang {
  return (languages as readonly string[]).includes(value ?? '');
}
