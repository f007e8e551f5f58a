/**
 * Meanings of the fields of /data/, in both languages, keyed `file:path` as
 * src/schemas/data-dictionary.ts walks the schemas (`document:clauses[].text`). A field added
 * to a schema needs its meaning here: tests/unit/data-dictionary.test.ts names each one missing.
 */
import type { Localized } from '../schemas/common';

const L = (en: string, zh: string): Localized => ({ en, zh });

/** Fields shared by index.json and {document}.json (the document's metadata). */
const documentFields = (file: string, prefix: string): Record<string, Localized> => ({
  [`${file}:${prefix}id`]: L('The document ID, as in the URL /{lang}/{document}/.', '文件ID，即网址 /{lang}/{document}/ 中的部分。'),
  [`${file}:${prefix}title`]: L('The title in Chinese (as in the source) and the edition\'s English title.', '中文标题（依来源）及本版的英文标题。'),
  [`${file}:${prefix}type`]: L('What kind of document it is.', '文件类型。'),
  [`${file}:${prefix}date`]: L('The date of adoption; null where the sources do not establish it.', '通过日期；来源未载明时为 null。'),
  [`${file}:${prefix}completeness`]: L('Whether the edition has the full text, a published summary, or an excerpt (what survives in the source).', '本版所收为全文、已发布的摘要，还是节选（来源中存留的部分）。'),
  [`${file}:${prefix}witnesses`]: L('The source files that carry the text; the first is the base text the edition follows.', '载有该文本的来源文件；第一个为本版所依据的底本。'),
  [`${file}:${prefix}witnesses[].file`]: L('The source file\'s name, as received; the raw file is at /sources/{file}.', '来源文件名（依原样）；原始文件见 /sources/{file}。'),
  [`${file}:${prefix}witnesses[].sha256`]: L('SHA-256 of the file\'s bytes, to check a copy against.', '文件字节的SHA-256值，用于核对副本。'),
  [`${file}:${prefix}witnesses[].script`]: L('ISO 15924 script of the witness: Hans (Simplified) or Hant (Traditional).', '该文本的ISO 15924书写系统：Hans（简体）或 Hant（繁体）。'),
  [`${file}:${prefix}officialTitle`]: L('The issuing body\'s own English title, where it differs from title.en (e.g. a "Mekong-Lancang" title); absent otherwise.', '发布机构自己的英文标题，与 title.en 不同时才有（如作“Mekong-Lancang”的标题）；否则不出现。'),
  [`${file}:${prefix}officialTitle.en`]: L('The official English title, as the issuing body publishes it.', '发布机构公布的官方英文标题。'),
  [`${file}:${prefix}officialTitle.evidence`]: L('Where the official title is published: at least one source.', '官方标题的出处：至少一个来源。'),
  [`${file}:${prefix}officialTitle.evidence[].title`]: L('The title of the page or document that shows the official title.', '载有官方标题的网页或文件的标题。'),
  [`${file}:${prefix}officialTitle.evidence[].url`]: L('Its address.', '其网址。'),
});

export const MEANINGS: Record<string, Localized> = {
  'index:edition': L('The edition these files belong to (see the editions on /{lang}/about/).', '这些文件所属的版本（见 /{lang}/about/ 的版本列表）。'),
  'index:edition.version': L('The edition\'s version, MAJOR.MINOR.PATCH; also in the Akoma Ntoso expression URIs.', '版本号，格式为 主.次.修订；亦见于 Akoma Ntoso 表现形式URI。'),
  'index:edition.date': L('The day the edition was published; null where no edition is recorded.', '该版发布日期；未记录版本时为 null。'),
  'index:documents': L('Every document of the edition, in the order of their IDs.', '本版全部文件，按文件ID排序。'),
  ...documentFields('index', 'documents[].'),
  'index:documents[].clauses': L('How many clauses the document has.', '文件的条款数。'),
  'index:documents[].url': L('Where the document\'s own data file is, relative to the site.', '该文件数据文件的地址（相对于本站）。'),

  ...documentFields('document', ''),
  'document:clauses': L('Every clause, in reading order. A clause is a numbered provision or an unnumbered paragraph.', '全部条款，按阅读顺序排列。条款为编号条文或无编号段落。'),
  'document:clauses[].id': L('The clause ID: the document\'s own numbering in Arabic numerals joined by dots (4.2.5), or <parent>.p<n> for an unnumbered paragraph. It never changes: /{lang}/{document}/{clause}/ is the URL to cite.', '条款ID：文件原有编号转为阿拉伯数字并以点连接（4.2.5），无编号段落为 <上级>.p<n>。永不改变：/{lang}/{document}/{clause}/ 为引用网址。'),
  'document:clauses[].parent': L('The ID of the enclosing numbered clause; null at the top level and in the preamble.', '上级编号条款的ID；顶层和序言中为 null。'),
  'document:clauses[].number': L('The document\'s own number as printed, e.g. （一）; absent for unnumbered paragraphs.', '文件原有编号，如（一）；无编号段落无此字段。'),
  'document:clauses[].heading': L('The clause heading, kept apart from its text; absent where the clause has none.', '条款标题，与正文分开；无标题的条款无此字段。'),
  'document:clauses[].text': L('The clause text: the Chinese of the source, faithfully reconstructed, and the edition\'s English. Empty for a heading-only clause.', '条款正文：忠实复原的来源中文，以及本版英文译文。仅有标题的条款为空。'),
  'document:clauses[].source': L('Where the clause is in the source files: runs of lines, in reading order.', '条款在来源文件中的位置：按阅读顺序的行段。'),
  'document:clauses[].source[].file': L('The source file.', '来源文件。'),
  'document:clauses[].source[].lines': L('First and last line, 1-based and inclusive, in the file as received.', '首行和末行（从1起算，含首末），依文件原样计。'),
  'document:clauses[].notes': L('Notes on the clause, in both languages.', '条款注释，中英文。'),
  'document:clauses[].notes[].kind': L('editorial: a repair of the source and why; translation: a translator\'s note; context: a fact the reader needs; variant: a difference between two witnesses, with a judgement.', 'editorial：对来源的修复及理由；translation：译注；context：读者需要的背景事实；variant：两种文本之间的异文及判断。'),
  'document:clauses[].notes[].zh': L('The note in Chinese.', '注释中文。'),
  'document:clauses[].notes[].en': L('The note in English.', '注释英文。'),
  'document:clauses[].topics': L('IDs of the topics the clause is about (see /{lang}/topics/).', '条款所属主题的ID（见 /{lang}/topics/）。'),
  'document:clauses[].translation': L('Translation provenance: whether the English has been reviewed against the Chinese the clause has now.', '译文来历：英文是否已依照条款现有中文审校。'),
  'document:clauses[].translation.status': L('reviewed: checked against the current Chinese; outdated: the Chinese changed after the review, the English awaits review; draft: the English is missing or was never reviewed.', 'reviewed：已依现有中文审校；outdated：审校后中文有改动，英文待审校；draft：英文缺失或从未审校。'),
  'document:clauses[].translation.reviewed': L('The date of the last review; null if never reviewed.', '上次审校日期；从未审校时为 null。'),
  'document:clauses[].translation.of': L('SHA-256 of the Chinese text (text.zh, UTF-8) the English was reviewed against; equal to the hash of the current text.zh while the status is reviewed. Null if never reviewed.', '审校时所依据中文（text.zh，UTF-8）的SHA-256值；状态为 reviewed 时等于现有 text.zh 的哈希值。从未审校时为 null。'),

  'links:links': L('Every cross-link the editors kept; links they rejected are not listed.', '编者保留的全部交叉链接；已否决的链接不列出。'),
  'links:links[].from': L('The clause the link starts from.', '链接起点条款。'),
  'links:links[].to': L('The clause it points to.', '链接指向的条款。'),
  'links:links[].type': L('continues: the later plan carries the commitment on; related: the same subject; references: the clause names the other document; implements: the clause carries out the other.', 'continues：后一计划延续该承诺；related：主题相同；references：条款提及另一文件；implements：条款落实另一文件。'),
  'links:links[].origin': L('auto: found by the build\'s matching; curated: added or confirmed by an editor.', 'auto：由构建时的匹配发现；curated：编者添加或确认。'),
  'links:links[].score': L('The matcher\'s similarity score from 0 to 1; null for a link an editor added.', '匹配相似度，0至1；编者添加的链接为 null。'),

  'glossary:terms': L('Every term of the glossary.', '术语表全部术语。'),
  'glossary:terms[].rendering': L('Where the English rendering comes from.', '英文译名的来源。'),
  'glossary:terms[].rendering.status': L('official: the English of the body that owns the name; established: consistent usage in reliable English sources; edition: the edition\'s own, where no English usage was found.', 'official：名称所属机构使用的英文；established：可靠英文来源的一致用法；edition：未见英文用法时本版自译。'),
  'glossary:terms[].rendering.evidence': L('Sources for an official or established rendering (at least one); empty for the edition\'s own.', 'official 或 established 译名的依据（至少一个）；本版自译时为空。'),
  'glossary:terms[].rendering.evidence[].title': L('The source\'s title.', '来源标题。'),
  'glossary:terms[].rendering.evidence[].url': L('The source\'s address.', '来源网址。'),
  'glossary:terms[].id': L('The term\'s stable ID, the anchor on the glossary page.', '术语的固定ID，即术语表页面上的锚点。'),
  'glossary:terms[].zh': L('The main Chinese form, as in the corpus.', '语料中的主要中文形式。'),
  'glossary:terms[].zhVariants': L('Other Chinese forms found in the corpus.', '语料中的其他中文形式。'),
  'glossary:terms[].en': L('The one English rendering used throughout the translation.', '译文通用的唯一英文译法。'),
  'glossary:terms[].enVariants': L('Other acceptable English forms (abbreviations, inflections).', '其他可接受的英文形式（缩写、词形变化）。'),
  'glossary:terms[].kind': L('What the term names.', '术语所指对象的类别。'),
  'glossary:terms[].definition': L('What the term means, in both languages.', '术语释义，中英文。'),
  'glossary:terms[].note': L('A note on the rendering or its use; absent where there is none.', '关于译法或用法的说明；无说明时无此字段。'),

  'csv:id': L('The clause ID (as in {document}.json).', '条款ID（同 {document}.json）。'),
  'csv:parent': L('The ID of the enclosing numbered clause; empty at the top level and in the preamble.', '上级编号条款的ID；顶层和序言中为空。'),
  'csv:number': L('The document\'s own number as printed; empty for unnumbered paragraphs.', '文件原有编号；无编号段落为空。'),
  'csv:heading_zh': L('The Chinese heading; empty where the clause has none.', '中文标题；无标题时为空。'),
  'csv:heading_en': L('The English heading; empty where the clause has none.', '英文标题；无标题时为空。'),
  'csv:text_zh': L('The Chinese text; empty for a heading-only clause.', '中文正文；仅有标题的条款为空。'),
  'csv:text_en': L('The English text; empty for a heading-only clause (or, in a draft, not yet translated).', '英文正文；仅有标题的条款为空（草稿中尚未翻译时亦为空）。'),
  'csv:source': L('Where the clause is in the sources: file:first-last for each run of lines, separated by spaces.', '条款在来源中的位置：每个行段写作 文件:首行-末行，以空格分隔。'),
  'csv:translation_status': L('The clause\'s translation status: reviewed, draft or outdated (as translation.status in {document}.json).', '条款译文状态：reviewed、draft 或 outdated（同 {document}.json 的 translation.status）。'),
};
