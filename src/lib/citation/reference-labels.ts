/**
 * Readable labels for clause references (`document#clause`, see references.ts) in either
 * language: "Nay Pyi Taw Declaration, para. 1" / 《内比都宣言》第一段.
 *
 * The scheme follows each document's own shape. Plans are cited by section (their
 * top-level 一、二、) and clause (4.2.5, as the plans print it); declarations and the
 * initiative by paragraph, their sub-items as items (第二段第（四）项, para. 2(4)), except that a
 * top-level number with provisions under it (the Vientiane Declaration's 一、 to 四、) is a
 * section; unnumbered paragraphs (`.p3`) as paragraphs of what contains them, the preamble's as
 * preamble paragraphs.
 */
import type { Lang } from '../../i18n/ui';
import { chineseNumber } from '../chinese-numerals';

interface Titled {
  id: string;
  type: 'plan' | 'declaration' | 'initiative';
  title: { zh: string; en: string };
  /** The document's clauses, to tell a declaration's sections from its paragraphs. */
  clauses?: { id: string; parent: string | null }[];
}

/** Short titles for running prose; a document not listed here is cited by its full title. */
const SHORT_TITLES: Record<string, { zh: string; en: string }> = {
  'lmc-poa-2018-2022': { zh: '五年行动计划（2018—2022）', en: 'Plan of Action 2018–2022' },
  'lmc-poa-2023-2027': { zh: '五年行动计划（2023—2027）', en: 'Plan of Action 2023–2027' },
  'asean-china-poa-2021-2025': { zh: '中国—东盟行动计划（2021—2025）', en: 'ASEAN-China Plan of Action 2021–2025' },
  'lmc-vientiane-declaration-2020': { zh: '万象宣言', en: 'Vientiane Declaration' },
  'lmc-naypyitaw-declaration-2023': { zh: '内比都宣言', en: 'Nay Pyi Taw Declaration' },
  'lmc-innovation-corridor-initiative': { zh: '创新走廊共同倡议', en: 'Innovation Corridor Initiative' },
};

/** The short title of a document in a language, without book-title marks. */
export function shortTitle(lang: Lang, doc: Titled): string {
  return SHORT_TITLES[doc.id]?.[lang] ?? doc.title[lang] ?? doc.title.zh;
}

/** Where a clause sits in its document, e.g. "clause 4.2.5" / 第4.2.5条, without the title. */
export function clausePosition(lang: Lang, doc: Pick<Titled, 'type' | 'clauses'>, clause: string): string {
  const { type } = doc;
  const parts = clause.split('.');
  const last = parts[parts.length - 1]!;
  const paragraph = /^p(\d+)$/u.exec(last);
  if (paragraph) {
    const n = Number(paragraph[1]);
    const parent = parts.slice(0, -1).join('.');
    if (parent === 'preamble') return lang === 'zh' ? `序言第${chineseNumber(n)}段` : `preamble, para. ${n}`;
    return lang === 'zh' ? `${clausePosition(lang, doc, parent)}第${chineseNumber(n)}段` : `${clausePosition(lang, doc, parent)}, para. ${n}`;
  }
  const numbers = parts.map(Number);
  if (type === 'plan') {
    if (numbers.length === 1) return lang === 'zh' ? `第${chineseNumber(numbers[0]!)}部分` : `section ${clause}`;
    return lang === 'zh' ? `第${clause}条` : `clause ${clause}`;
  }
  const sectioned = (doc.clauses ?? []).some((c) => c.parent === parts[0] && !/\.p\d+$/u.test(c.id));
  const unit = sectioned ? { zh: '部分', en: 'section' } : { zh: '段', en: 'para.' };
  if (numbers.length === 1) return lang === 'zh' ? `第${chineseNumber(numbers[0]!)}${unit.zh}` : `${unit.en} ${clause}`;
  if (numbers.length === 2) return lang === 'zh' ? `第${chineseNumber(numbers[0]!)}${unit.zh}第（${chineseNumber(numbers[1]!)}）项` : `${unit.en} ${numbers[0]}(${numbers[1]})`;
  return lang === 'zh' ? `第${clause}段` : `para. ${clause}`;
}

/** The label of a reference: "Nay Pyi Taw Declaration, para. 1" / 《内比都宣言》第一段. */
export function referenceLabel(lang: Lang, doc: Titled, clause: string): string {
  return lang === 'zh' ? `《${shortTitle('zh', doc)}》${clausePosition('zh', doc, clause)}` : `${shortTitle('en', doc)}, ${clausePosition('en', doc, clause)}`;
}
