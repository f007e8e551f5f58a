/**
 * Clause references typed into search (issue 25): "4.2.5", "第4.2.5条", "P23 4.2.5",
 * "2023–2027 4.2.5", "内比都宣言第十四段", "Nay Pyi Taw Declaration, para. 14", the forms the
 * edition's own citations print (reference-labels.ts) and the documents' short forms the editors
 * keep in content/search.yaml. A reference leads to its clause; it is never a text search, so a
 * number in free text (3.0, 2030) never matches a clause number.
 *
 * A whole query is a reference when it is a position, optionally with a document: a clause ID
 * with a dot (4.2.5, 4.1.1.p2, preamble.p3), or a number with a marker (第十四段, 第4.2.5条,
 * clause 4.2.5, para. 14, § 3). With a document, a bare number is a position too (P23 5).
 */
import { chineseNumeral } from '../chinese-numerals';

export interface CatalogueDocument {
  id: string;
  /** Names a reader may give the document: short forms, short titles, titles. */
  forms: string[];
  /** Its clause IDs. */
  clauses: string[];
}

export interface ClauseReference {
  document: string;
  clause: string;
}

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D~～]/gu;
/** Text compared for document forms: NFKC, one kind of dash, no book-title marks, lower case, single spaces. */
const simplify = (text: string) => text.normalize('NFKC').replace(DASHES, '-').replace(/[《》〈〉<>]/gu, ' ').replace(/\s+/gu, ' ').trim().toLowerCase();

const NUMBER = '(\\d+(?:\\.\\d+)*|[〇零一二两三四五六七八九十百]+)';
const value = (n: string) => (/^\d/u.test(n) ? n : String(chineseNumeral(n) ?? ''));

interface Position { id: string; marked: boolean }

/** A position in a document as a clause ID, and whether the text marked it as one. */
function position(text: string): Position | undefined {
  const t = text.replace(/^[\s,，、:：;；.。]+|[\s,，、:：;；。]+$/gu, '');
  let m: RegExpExecArray | null;
  if ((m = /^(preamble\.p\d+|\d+(?:\.\d+)*(?:\.p\d+)?)$/u.exec(t))) return { id: m[1]!, marked: m[1]!.includes('.') };
  if ((m = new RegExp(`^序言第?${NUMBER}段$`, 'u').exec(t))) return { id: `preamble.p${value(m[1]!)}`, marked: true };
  if ((m = /^preamble,? ?(?:para(?:graph)?\.?|¶) ?(\d+)$/u.exec(t))) return { id: `preamble.p${m[1]}`, marked: true };
  if ((m = new RegExp(`^第?${NUMBER}段第?[（(]${NUMBER}[）)]项?$`, 'u').exec(t))) return { id: `${value(m[1]!)}.${value(m[2]!)}`, marked: true };
  if ((m = new RegExp(`^第${NUMBER}(?:条|段|款|项|部分|节)?$|^${NUMBER}(?:条|段|款|项|部分|节)$`, 'u').exec(t))) return { id: value(m[1] ?? m[2]!), marked: true };
  if ((m = /^(?:clause|cl\.?|section|sec\.?|§|para(?:graph)?\.?|¶|item|article|art\.?|no\.?) ?(\d+(?:\.\d+)*)(?: ?\((\d+)\))?$/u.exec(t))) return { id: m[2] ? `${m[1]}.${m[2]}` : m[1]!, marked: true };
  // A paragraph of a position: "section 4, para. 2", "第四部分第二段".
  if ((m = /^(.+?),? ?(?:para(?:graph)?\.?|¶) ?(\d+)$/u.exec(t)) || (m = new RegExp(`^(.+?)第${NUMBER}段$`, 'u').exec(t))) {
    const outer = position(m[1]!);
    if (outer) return { id: `${outer.id}.p${value(m[2]!)}`, marked: true };
  }
  return undefined;
}

/** The document a query names, if any: the longest form found, on word boundaries in Latin script. */
function documentIn(query: string, catalogue: CatalogueDocument[]): { doc: CatalogueDocument; rest: string } | undefined {
  let best: { doc: CatalogueDocument; form: string; at: number } | undefined;
  for (const doc of catalogue) {
    for (const raw of doc.forms) {
      const form = simplify(raw);
      if (!form) continue;
      for (let at = query.indexOf(form); at >= 0; at = query.indexOf(form, at + 1)) {
        const before = query[at - 1] ?? ' ';
        const after = query[at + form.length] ?? ' ';
        if (/[a-z0-9]/u.test(form[0]!) && /[a-z0-9]/u.test(before)) continue;
        if (/[a-z0-9]/u.test(form.at(-1)!) && /[a-z0-9]/u.test(after)) continue;
        if (!best || form.length > best.form.length) best = { doc, form, at };
        break;
      }
    }
  }
  return best ? { doc: best.doc, rest: query.slice(0, best.at) + ' ' + query.slice(best.at + best.form.length) } : undefined;
}

/** The clauses a query refers to, in catalogue order; undefined when the query is not a reference. */
export function findReference(query: string, catalogue: CatalogueDocument[]): ClauseReference[] | undefined {
  const q = simplify(query);
  if (!q || !/\d|[一二三四五六七八九十]/u.test(q)) return undefined;
  const named = documentIn(q, catalogue);
  if (named) {
    const at = position(named.rest.trim());
    if (!at) return undefined;
    return named.doc.clauses.includes(at.id) ? [{ document: named.doc.id, clause: at.id }] : undefined;
  }
  const at = position(q);
  if (!at || !at.marked) return undefined;
  const found = catalogue.filter((d) => d.clauses.includes(at.id)).map((d) => ({ document: d.id, clause: at.id }));
  return found.length ? found : undefined;
}
