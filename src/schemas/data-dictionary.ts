/**
 * The data dictionary (issue 17): every file under /data/, and every field of each, read from
 * the zod schemas the build validates the files with, so that it cannot drift from them. Types,
 * presence and emptiness come from walking the schemas; meanings, in both languages, from
 * MEANINGS below, keyed `file:path`. tests/unit/data-dictionary.test.ts fails on a field that
 * has no meaning here (and on a meaning whose field is gone), naming the key to add.
 */
import { z } from 'astro/zod';
import { clauseId, documentId, isoDate, lineRange, localized, sourceFile, type Localized } from './common';
import { documentDataSchema, indexSchema } from './document';
import { glossaryTerm } from './glossary';
import { clauseRef, linksFileSchema } from './links';
import { changesSchema } from './changes';
import { sha256, translationStatus } from './reviews';

/** /data/glossary.json: the glossary's terms (content/glossary.yaml without its exceptions). */
export const glossaryFileSchema = z.object({ terms: z.array(glossaryTerm) }).strict();

/** One row of /data/{document}.csv; its keys, in order, are the header row (scripts/lib/generate/exports.ts). */
export const csvRowSchema = z
  .object({
    id: clauseId,
    parent: z.string(),
    number: z.string(),
    heading_zh: z.string(),
    heading_en: z.string(),
    text_zh: z.string(),
    text_en: z.string(),
    source: z.string(),
    translation_status: translationStatus,
  })
  .strict();

/** One row of /data/changes.csv; its keys, in order, are the header row (scripts/lib/publish/downloads.ts). */
export const changesCsvRowSchema = z
  .object({
    from_document: documentId,
    to_document: documentId,
    from_sections: z.string(),
    to_sections: z.string(),
    status: z.string(),
    origin: z.string(),
    commitment: z.string(),
    from_heading_zh: z.string(),
    to_heading_zh: z.string(),
    from_heading_en: z.string(),
    to_heading_en: z.string(),
    level_changes: z.string(),
  })
  .strict();

export interface DataFileEntry {
  /** Key of the file in MEANINGS and the anchor of its section (`#file-<key>`). */
  key: string;
  /** Its URL pattern under the site. */
  url: string;
  title: Localized;
  about: Localized;
  /** The schema of the file (a JSON file) or of one row (CSV); absent for XML. */
  schema?: z.ZodType;
  /** For files without a schema: their elements, described by hand. */
  elements?: { name: string; meaning: Localized }[];
}

const L = (en: string, zh: string): Localized => ({ en, zh });

/**
 * Every kind of file under /data/. A new data file needs an entry here: the dictionary test
 * compares this list with the files the build writes to dist/data/.
 */
export const DATA_FILES: DataFileEntry[] = [
  { key: 'index', url: '/data/index.json', title: L('List of documents', '文件列表'), about: L('JSON (UTF-8, no BOM). Every document of the edition, without its clauses, and the edition itself.', 'JSON（UTF-8，无BOM）。本版所有文件（不含条款）及版本信息。'), schema: indexSchema },
  { key: 'document', url: '/data/{document}.json', title: L('One document, every clause', '单个文件及其全部条款'), about: L('JSON (UTF-8, no BOM), one file per document: its metadata and every clause in reading order.', 'JSON（UTF-8，无BOM），每个文件一份：文件信息及按阅读顺序排列的全部条款。'), schema: documentDataSchema({ draft: false }) },
  { key: 'links', url: '/data/links.json', title: L('Cross-links between clauses', '条款间的交叉链接'), about: L('JSON (UTF-8, no BOM). Every link from a clause of one document to a clause of another.', 'JSON（UTF-8，无BOM）。从一个文件的条款到另一文件条款的全部链接。'), schema: linksFileSchema },
  { key: 'glossary', url: '/data/glossary.json', title: L('Glossary', '术语表'), about: L('JSON (UTF-8, no BOM). The one English rendering of each term, with definitions.', 'JSON（UTF-8，无BOM）。每个术语唯一的英文译法及释义。'), schema: glossaryFileSchema },
  { key: 'csv', url: '/data/{document}.csv', title: L('One document as a table', '单个文件的表格'), about: L('CSV (RFC 4180), UTF-8 with a byte order mark (BOM) so that spreadsheet programs read Chinese correctly, CRLF line ends, a header row, then one row per clause in reading order. Fields containing a comma, a semicolon, a quotation mark or a line break are quoted. A cell starting with =, +, -, @, a tab or a carriage return starts with an apostrophe, and so does one after a comma, semicolon or tab inside a cell, so that no spreadsheet runs it as a formula, whatever its list separator.', 'CSV（RFC 4180），带字节顺序标记（BOM）的UTF-8编码（便于电子表格软件正确显示中文），CRLF换行，首行为表头，其后每条款一行，按阅读顺序排列。含逗号、分号、引号或换行的字段加引号。以 =、+、-、@、制表符或回车开头的单元格前加撇号，单元格内逗号、分号或制表符之后的此类字符前亦加撇号，使电子表格无论以何种列表分隔符都不将其作为公式执行。'), schema: csvRowSchema },
  { key: 'changes', url: '/data/changes.json', title: L('What changed between plans', '前后文件的变化'), about: L('JSON (UTF-8, no BOM). Each document compared with its successor, section by section: the status of each change and the direction of its commitments.', 'JSON（UTF-8，无BOM）。每个文件与其后继文件逐部分比较：每项变化的状态及承诺力度的变化方向。'), schema: changesSchema },
  { key: 'changes-csv', url: '/data/changes.csv', title: L('What changed, as a table', '变化一览表'), about: L('CSV like the documents’ tables (UTF-8 with a BOM, CRLF line ends, a header row), one row per change of /data/changes.json, with both documents’ section headings or opening words. Cells are quoted and neutralised as in the documents’ tables, so that no spreadsheet runs one as a formula.', 'CSV，格式同各文件的表格（带BOM的UTF-8、CRLF换行、首行为表头），/data/changes.json 的每项变化一行，并列出两文件的部分标题或开头文字。单元格的引号和撇号规则同各文件的表格，使电子表格不将其作为公式执行。'), schema: changesCsvRowSchema },
  {
    key: 'citations', url: '/data/citations/', title: L('Citations for reference managers', '供文献管理软件使用的引用'),
    about: L('BibTeX (UTF-8) and CSL-JSON (UTF-8, no BOM), from the same citation model as the clause pages’ citation blocks, in each interface language: the issuing body as author, the edition as the container with its version, and, in English, the edition’s editors as translator. The files carry no access date; the pages add the day of reading to what they offer for download. In a build without a published address, each URL starts with a labelled blank ([address of this site]/, [本站网址]/), which the pages replace with the address they are served from.', 'BibTeX（UTF-8）和 CSL-JSON（UTF-8，无BOM），与条款页引用区块出自同一引用模型，每种界面语言各一份：发布机构为作者，本版（含版本号）为所属网站，英文版另以本版编者为译者。文件不含访问日期；页面在提供下载时加上阅读当天的日期。未设定发布地址的构建中，网址以标注的空白（[本站网址]/、[address of this site]/）开头，页面会将其替换为实际访问的地址。'),
    elements: [
      { name: '{document}/{clause}.{zh,en}.bib', meaning: L('One clause’s BibTeX entry (@misc): the issuing body as author, the title with the clause, the URL of its page in that language, the document’s date. Its key is the document ID, the clause ID and the language joined by hyphens, every character other than a letter or digit a hyphen (lmc-poa-2018-2022-4-2-5-en; the whole document: lmc-poa-2018-2022-document-en).', '单条款的 BibTeX 条目（@misc）：发布机构为作者，含条款编号的标题、该语言条款页网址、文件日期。其键为文件ID、条款ID和语言以连字符相连，字母和数字以外的字符均作连字符（lmc-poa-2018-2022-4-2-5-en；整个文件为 lmc-poa-2018-2022-document-en）。') },
      { name: '{document}/{clause}.{zh,en}.json', meaning: L('One clause’s CSL-JSON: an array of one item of type webpage, which citeproc-js prints as the page shows (GB/T 7714 [EB/OL], Chicago author-date).', '单条款的 CSL-JSON：含一项（类型 webpage）的数组，citeproc-js 按页面所示格式输出（GB/T 7714 [EB/OL]、芝加哥作者-日期）。') },
      { name: '{document}.{zh,en}.bib', meaning: L('The whole document’s BibTeX: its own entry, then every clause’s.', '整个文件的 BibTeX：先是文件本身的条目，其后为每一条款的条目。') },
    ],
  },
  {
    key: 'akn', url: '/data/{document}.{zh,en}.akn.xml', title: L('One document in Akoma Ntoso 3.0', '单个文件的 Akoma Ntoso 3.0 格式'),
    about: L('XML (UTF-8) in the Akoma Ntoso 3.0 namespace, one file per language expression of the same work (zh: Chinese, en: English). Every file validates against the OASIS Akoma Ntoso 3.0 schema (xmllint, in the tests).', 'Akoma Ntoso 3.0 命名空间的XML（UTF-8），同一作品的每种语言表现形式一份（zh为中文，en为英文）。每个文件均通过 OASIS Akoma Ntoso 3.0 模式验证（测试中用 xmllint）。'),
    elements: [
      { name: 'doc/@name', meaning: L('The document type: plan, declaration or initiative.', '文件类型：plan（行动计划）、declaration（宣言）或 initiative（倡议）。') },
      { name: 'FRBRWork', meaning: L('The work: its URI /akn/lmc/doc/{type}/{date}/{document} (the date of adoption, or “undated”), its date, its author and its name. The date is named “adoption” where the sources give it; a work they do not date (the innovation corridor initiative) carries the edition’s date named “edition”, since the schema requires one. The author is the body that issued the text (see author in /data/{document}.json), else the edition.', '作品：URI 为 /akn/lmc/doc/{类型}/{日期}/{文件}（通过日期，未载明时为 undated）、日期、作者及名称。来源载明通过日期的，日期名为 adoption；来源未载明日期的作品（创新走廊倡议）因模式要求必须有日期，填本版发布日期，名为 edition。作者为发布文本的机构（见 /data/{document}.json 的 author），否则为本版。') },
      { name: 'FRBRExpression', meaning: L('The language expression: the work URI plus /{zho|eng}@{edition version}, FRBRlanguage, and the edition’s publication date named “version”. Its author is the issuing body for the Chinese, the edition for its English translation.', '语言表现形式：作品URI加 /{zho|eng}@{版本号}、FRBRlanguage，以及名为 version 的本版发布日期。中文的作者为发布机构，英文译本的作者为本版。') },
      { name: 'FRBRManifestation', meaning: L('This XML file: the expression URI plus /main.xml, the edition’s publication date named “generation” (the same bytes whenever the edition is rebuilt), its author (the edition) and its format.', '本XML文件：表现形式URI加 /main.xml、名为 generation 的本版发布日期（同一版本每次重建字节相同）、作者（本版）及格式。') },
      { name: 'references/TLCOrganization', meaning: L('The organisations the FRBR authors refer to: the issuing bodies and the edition, each with an eId and an href in the Akoma Ntoso ontology form /ontology/organization/{eId}, which does not depend on where the site is hosted.', 'FRBR 作者所指的机构：发布机构及本版，各有 eId 及 Akoma Ntoso 本体形式的 href /ontology/organization/{eId}，与网站托管地址无关。') },
      { name: 'preface/p/docTitle', meaning: L('The title in the file’s language.', '该语言的标题。') },
      { name: 'preamble/p/@eId', meaning: L('A paragraph before the first numbered clause (clause ID preamble.p<n>, eId preamble__para_<n>).', '第一个编号条款之前的段落（条款ID preamble.p<n>，eId 为 preamble__para_<n>）。') },
      { name: 'hcontainer[@name=clause]/@eId', meaning: L('A numbered clause. Its eId is derived from its clause ID: 4.2.5 is clause_4__clause_2__clause_5.', '编号条款。eId 由条款ID派生：4.2.5 为 clause_4__clause_2__clause_5。') },
      { name: 'paragraph/@eId', meaning: L('An unnumbered paragraph under a clause: 4.1.1.p2 is clause_4__clause_1__clause_1__para_2.', '条款下的无编号段落：4.1.1.p2 为 clause_4__clause_1__clause_1__para_2。') },
      { name: 'num', meaning: L('The document’s own number as printed, e.g. （一）.', '文件原有编号，如（一）。') },
      { name: 'heading', meaning: L('The clause heading in the file’s language.', '该语言的条款标题。') },
      { name: 'content/p', meaning: L('The clause text in the file’s language; empty where the clause is a heading only.', '该语言的条款正文；仅有标题的条款为空。') },
    ],
  },
];

/** One field of a data file, as the dictionary shows it. */
export interface FieldRow {
  /** `documents[].title`, `clauses[].translation.status`… */
  path: string;
  type: Localized;
  /** May the field be left out? */
  optional: boolean;
  /** May it be null? */
  nullable: boolean;
  /** May it be an empty string, list or object? */
  empty: boolean;
}

type Def = { type: string; [key: string]: unknown };
const def = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const checks = (s: z.ZodType) => ((def(s).checks as { _zod: { def: { check: string; minimum?: number; format?: string } } }[] | undefined) ?? []).map((c) => c._zod.def);

/** Named building blocks, recognised by identity, shown as one type rather than walked. */
const NAMED: [z.ZodType, Localized][] = [
  [localized, L('text in both languages { zh, en }', '中英文文本 { zh, en }')],
  [isoDate, L('date YYYY-MM-DD', '日期 YYYY-MM-DD')],
  [clauseId, L('clause ID', '条款ID')],
  [documentId, L('document ID', '文件ID')],
  [sourceFile, L('source file name', '来源文件名')],
  [lineRange, L('[first, last] line numbers', '[首行, 末行] 行号')],
  [sha256, L('SHA-256, 64 hex digits', 'SHA-256，64位十六进制')],
  [clauseRef, L('clause reference document#clause', '条款引用 文件#条款')],
];

/** Walks a schema into one row per field (objects inside lists are walked too). */
export function fieldRows(schema: z.ZodType): FieldRow[] {
  const rows: FieldRow[] = [];
  const visit = (s: z.ZodType, path: string, flags: { optional: boolean; nullable: boolean }) => {
    const d = def(s);
    const named = NAMED.find(([n]) => n === s);
    if (named) {
      rows.push({ path, type: named[1], ...flags, empty: acceptsEmpty(s) });
      return;
    }
    switch (d.type) {
      case 'optional': return visit(d.innerType as z.ZodType, path, { ...flags, optional: true });
      case 'default': return visit(d.innerType as z.ZodType, path, flags);
      case 'nullable': return visit(d.innerType as z.ZodType, path, { ...flags, nullable: true });
      case 'pipe': return visit(d.out as z.ZodType, path, flags);
      case 'object': {
        if (path && !path.endsWith('[]')) rows.push({ path, type: L('object', '对象'), ...flags, empty: false });
        for (const [key, value] of Object.entries(d.shape as Record<string, z.ZodType>)) visit(value, path ? `${path}.${key}` : key, { optional: false, nullable: false });
        return;
      }
      case 'array': {
        const element = d.element as z.ZodType;
        const inner = def(element).type === 'object' && !NAMED.some(([n]) => n === element);
        rows.push({ path, type: inner ? L('list of objects', '对象列表') : L(`list of ${typeName(element).en}`, `${typeName(element).zh}列表`), ...flags, empty: acceptsEmpty(s) });
        if (inner) visit(element, `${path}[]`, { optional: false, nullable: false });
        return;
      }
      default:
        rows.push({ path, type: typeName(s), ...flags, empty: acceptsEmpty(s) });
    }
  };
  visit(schema, '', { optional: false, nullable: false });
  return rows;
}

/** Whether the schema accepts an empty value of its kind: "", [], {} or { zh: "", en: "" }. */
function acceptsEmpty(s: z.ZodType): boolean {
  const kind = def(s).type;
  const empty = s === localized ? { zh: '', en: '' } : kind === 'string' ? '' : kind === 'array' ? [] : kind === 'record' ? {} : undefined;
  return empty !== undefined && s.safeParse(empty).success;
}

function typeName(s: z.ZodType): Localized {
  const named = NAMED.find(([n]) => n === s);
  if (named) return named[1];
  const d = def(s);
  switch (d.type) {
    case 'string': return L('string', '字符串');
    case 'number': return checks(s).some((c) => c.check === 'number_format') ? L('integer', '整数') : L('number', '数值');
    case 'boolean': return L('true or false', 'true 或 false');
    case 'enum': { const v = Object.values(d.entries as Record<string, string>).join(' | '); return L(`one of ${v}`, `取值 ${v}`); }
    case 'literal': { const v = (d.values as unknown[]).map((x) => JSON.stringify(x)).join(' | '); return L(v, v); }
    case 'union': {
      // The type of the values, not the schema's construct: literals of one kind are "one of" them.
      const options = d.options as z.ZodType[];
      const values = options.flatMap((o) => (def(o).type === 'literal' ? (def(o).values as unknown[]) : [undefined]));
      if (values.every((v) => typeof v === 'number')) {
        const v = values.join(' | ');
        return values.every(Number.isInteger) ? L(`integer, one of ${v}`, `整数，取值 ${v}`) : L(`number, one of ${v}`, `数值，取值 ${v}`);
      }
      if (values.every((v) => typeof v === 'string')) { const v = values.join(' | '); return L(`one of ${v}`, `取值 ${v}`); }
      const each = options.map(typeName);
      return L(each.map((t) => t.en).join(' or '), each.map((t) => t.zh).join('或'));
    }
    case 'optional': case 'nullable': case 'default': return typeName(d.innerType as z.ZodType);
    case 'array': return L(`list of ${typeName(d.element as z.ZodType).en}`, `${typeName(d.element as z.ZodType).zh}列表`);
    default: return L(d.type, d.type);
  }
}

/** `file:path` keys of every field the schemas have, for the meanings table. */
export function fieldKeys(files: DataFileEntry[] = DATA_FILES): string[] {
  return files.flatMap((f) => (f.schema ? fieldRows(f.schema).map((r) => `${f.key}:${r.path}`) : []));
}

/** Fields without a meaning, and meanings without a field. */
export function dictionaryGaps(meanings: Record<string, Localized>, files: DataFileEntry[] = DATA_FILES): { missing: string[]; stale: string[] } {
  const keys = fieldKeys(files);
  const known = new Set(keys);
  return {
    missing: keys.filter((k) => !meanings[k]?.en || !meanings[k]?.zh),
    stale: Object.keys(meanings).filter((k) => !known.has(k)),
  };
}

/** Which entry of DATA_FILES describes a file of dist/data/ (by name), if any. */
export function dataFileEntry(name: string, documents: string[], files: DataFileEntry[] = DATA_FILES): DataFileEntry | undefined {
  return files.find((f) => {
    const pattern = f.url.replace(/^\/data\//u, '');
    // A folder of files (citations/) is described as a whole.
    if (pattern.endsWith('/')) return name === pattern.slice(0, -1);
    const names = pattern.includes('{document}')
      ? documents.flatMap((d) => (pattern.includes('{zh,en}') ? ['zh', 'en'].map((l) => pattern.replace('{document}', d).replace('{zh,en}', l)) : [pattern.replace('{document}', d)]))
      : [pattern];
    return names.includes(name);
  });
}
