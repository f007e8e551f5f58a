/** The about/method page, in both interface languages. Keep it true to README.md. */
import type { Lang } from './ui';

export interface Section {
  id: string;
  title: string;
  paragraphs: string[];
}

export const about: Record<Lang, { title: string; sections: Section[] }> = {
  en: {
    title: 'About this edition',
    sections: [
      {
        id: 'sources',
        title: 'Sources',
        paragraphs: [
          'The edition is built from five files as received (listed below and on the Sources page; each file’s own page gives its SHA-256): a plain-text export of the 2018–2022 plan, a social-media article in Traditional script carrying the 2023–2027 summary, newspaper pages in Markdown carrying the 2023–2027 summary, the Nay Pyi Taw Declaration and the opening of the innovation corridor initiative among unrelated articles, a newsletter reprinting the Vientiane Declaration, and a web page with the ASEAN-China plan.',
          'Every line of every source is accounted for: it belongs to a clause, is a second witness collated against the base text, describes a document (title, date), is blank, or is excluded with a reason (page furniture, datelines, unrelated articles, a duplicate). The source viewer shows each file line by line with that accounting.',
        ],
      },
      {
        id: 'repairs',
        title: 'Repairs',
        paragraphs: [
          'Where the sources are defective the edition repairs them in data, never by hand in the text, and says so in an editorial note on the clause concerned: paragraphs split by a page break are joined, fragments printed out of order are put back, a truncated duplicate is removed, unrelated articles and page furniture are left out.',
          'The summary of the 2023–2027 plan survives in two witnesses. The Simplified newspaper text (002) is the base, being in the script the document was issued in; the Traditional text (001) was converted with Taiwan-style vocabulary and is collated against it clause by clause after conversion back to Simplified. Each real difference is a variant note with both readings and a judgement; in two clauses (5.3 and 5.5) the edition follows 001 because the base reading is evidently a slip.',
        ],
      },
      {
        id: 'normalisation',
        title: 'Normalisation',
        paragraphs: [
          'The Chinese text is shown with a few typographic rules applied and nothing else changed: Unicode NFC; indentation removed; stray spaces inside Chinese text removed; half-width punctuation in Chinese text made full-width; hyphen look-alikes made a plain hyphen. The sources’ choice between “-” and “—” is kept, and so are the angle brackets that source 004 uses inside a title. The raw files remain available for comparison.',
        ],
      },
      {
        id: 'translation',
        title: 'Translation',
        paragraphs: [
          'The English translation is the editors’ own; no published English version was copied. It keeps the force of each verb of commitment (strengthen, promote, explore, encourage, support) and every number, date and named document. Names of institutions, initiatives and documents follow established official usage, one rendering per term, listed in the glossary; the build checks that each term found in a clause’s Chinese has its rendering in that clause’s English. Every other name the English prints (bodies, meetings, programmes, funds, documents, events, places) is in the edition’s names register, with the owner’s publication that prints it, or with the reason why the English is the edition’s own: the build finds every capitalised name, acronym and title in 《》 in the English and reports any that is in neither list. A name is spelled out once in a clause, then shortened to its acronym. Quotation marks and apostrophes are typographic (“ ” ‘ ’).',
          'Each clause’s English records when an editor last reviewed it against the Chinese. If a later correction of the source or of a repair changes the Chinese, the clause is marked “English awaiting review” until it is reviewed again; English not yet reviewed is marked as a draft. The status is in the data files (translation.status) and the CSV downloads.',
        ],
      },
      {
        id: 'note-checks',
        title: 'How we check the notes',
        paragraphs: [
          'The notes, the glossary and the variant judgements are checked in two ways. The build verifies what can be verified mechanically, and stops on any failure: where a note says a term is rendered by an English form, that form stands in the English of the clauses the sentence cites (or anywhere in the edition when it cites none); every reference to a clause is written in the one form document#clause, which the pages turn into a link; every reference to a line of a source (“source 001 line 3”) names a line that the file has; every quotation of English in a translator’s note stands in the English of the clause (or of the clauses its sentence cites) unless the note says it is a literal gloss or another text’s English; and every quotation of Chinese in a sentence that names source lines stands in those lines. What the build cannot verify an editor checks by reading: that a note says no more than the clauses it cites (no status, date or figure the texts do not give), that its Chinese and English say the same thing, that facts from outside the corpus are well established, and that an editorial note describes its repair completely.',
        ],
      },
      {
        id: 'ids',
        title: 'Clause IDs and URLs',
        paragraphs: [
          'Each clause has an ID taken from the document’s own numbering, in Arabic numerals joined by dots: 一、 becomes 1, （一） under section 2 becomes 2.1, and 1. under that 2.1.1; decimal numbers such as 4.2.5 are kept. Unnumbered paragraphs are numbered within their parent (4.1.1.p2); paragraphs before the first number are preamble.p1, preamble.p2 and so on. IDs never depend on heading text or on the build.',
          'Every clause has its own page, /en/{document}/{clause}/ or /zh/{document}/{clause}/, which is the address to cite; in the whole document, /en/{document}/#{clause} reaches the same clause. The data behind every page is published at /data/index.json and /data/{document}.json.',
        ],
      },
      // ── commitments and changes (issue 15) ──
      {
        id: 'commitments',
        title: 'Commitments and what changed',
        paragraphs: [
          'Each clause lists its commitments: the verbs that govern its provisions, in reading order, each at one of four levels: 1 explore or consider (探讨, 研究, 考虑, 探索), 2 encourage, support or welcome (鼓励, 支持, 欢迎), 3 strengthen, promote or deepen (加强, 推动, 促进, 深化), 4 act: implement, hold, establish, carry out (落实, 实施, 举办, 建立, 开展). Only governing verbs count: 探讨建立 “explore the possibility of establishing” is one level-1 commitment, not a 1 and a 4. Verbs that state or appraise (赞赏, 重申) commit to nothing. The edition’s lexicon gives each verb its English and level, with a note where the level needs judgement; a verb it does not know is reported to the editors, never given a level.',
          'The comparison page sets each plan and declaration against its successor, section by section: continued (most of the text kept), reworded, merged, split, new or dropped, and whether the commitments became stronger or weaker. Sections are paired through the cross-links, and the editors correct the pairing with a reason for each correction. For each continued section the later clause shows the earlier text word by word, insertions underlined and deletions struck through; for each reworded section it shows the earlier and the later text in two columns (one after the other on a phone); either way it calls out every change of level. All changes are also published as /data/changes.json and, for spreadsheets, /data/changes.csv.',
        ],
      },
      {
        id: 'cite',
        title: 'How to cite',
        paragraphs: [
          'Cite the clause page: the document title, the clause number, “Mekong Plans edition”, the URL and the date you consulted it. For example: Five-Year Plan of Action on Lancang-Mekong Cooperation (2018-2022), clause 4.2.5, Mekong Plans edition, /en/lmc-poa-2018-2022/4.2.5/.',
        ],
      },
    ],
  },
  zh: {
    title: '关于本版',
    sections: [
      {
        id: 'sources',
        title: '来源',
        paragraphs: [
          '本版依据收到的五个文件整理（列于下方及“来源”页；各文件页载其 SHA-256 值）：2018—2022年行动计划的纯文本导出稿；载有2023—2027年行动计划摘要的繁体字社交媒体文章；以 Markdown 保存的报纸版面，载有2023—2027年行动计划摘要、内比都宣言和创新走廊倡议开头部分，夹杂无关文章；转载万象宣言的一期简报；以及载有中国—东盟行动计划的网页。',
          '每个来源的每一行都有交代：或属某一条款，或为与底本对校的另一文本，或为文件信息（标题、日期），或为空行，或注明理由予以排除（页面元素、电头、无关文章、重复段落）。来源查看页逐行显示这些交代。',
        ],
      },
      {
        id: 'repairs',
        title: '校订',
        paragraphs: [
          '来源有缺陷之处，本版以数据方式校订，从不手改正文，并在相关条款的校勘注中说明：因换页断开的段落予以接合，错序的片段予以复原，残缺的重复段落予以删除，无关文章和页面元素不予收录。',
          '2023—2027年行动计划摘要有两个文本。以简体报纸文本（002）为底本，因其为文件发布时所用字体；繁体文本（001）经台湾用语转换，本版将其转回简体后逐条对校。每处实质异文均出异文注，列出两种读法并加按断；其中5.3和5.5两处底本显系笔误，本版从001。',
        ],
      },
      {
        id: 'normalisation',
        title: '规范化',
        paragraphs: [
          '中文正文仅作以下排版处理，其余不改：Unicode 统一为 NFC；删除段首缩进；删除中文文本中的多余空格；中文文本中的半角标点改为全角；形似连字符的字符改为连字符。来源在“-”与“—”之间的用法，以及来源004书名中的尖括号，均照旧保留。原始文件可供对照。',
        ],
      },
      {
        id: 'translation',
        title: '翻译',
        paragraphs: [
          '英文译文为本版编者自译，未抄录任何已发布的英文本。译文保持各承诺动词的力度（加强、推动、探讨、鼓励、支持），保留所有数字、日期和文件名称。机构、倡议和文件名称遵循通行的官方译法，每个术语只用一种译法，列入术语表；构建时检查每条中文中出现的术语在该条英文中是否使用了其译法。英文中的其他名称（机构、会议、项目、基金、文件、活动、地名）均列入本版的名称登记表，注明载有该名称的所属方发布文本，或说明英文为本版自译的理由：构建程序找出英文中所有大写名称、缩略语和书名号中的标题，凡两表均未收录者一律报告。名称在同一条款中只完整拼写一次，其后用缩略语。引号和撇号一律用弯引号（“”和‘’）。',
          '每条英文译文均记录编者上次依照中文审校的日期。此后若对来源或修复的更正改动了中文，该条即标为“英文译文待审校”，直至重新审校；尚未审校的译文标为草稿。译文状态见数据文件（translation.status）及 CSV 下载文件。',
        ],
      },
      {
        id: 'note-checks',
        title: '注释如何核查',
        paragraphs: [
          '注释、术语表和异文判断经两种方式核查。凡可机械核验的，由构建程序核验，任何一项不符即停止构建：注释称某术语“译作”某英文形式时，该形式须见于同句所引条款的英文（未引条款时须见于本版英文）；凡指称条款，一律写作“文件#条款”（document#clause）这一种形式，页面将其显示为链接；凡指称来源的某一行（如“来源001第3行”），该行须在该文件中存在；译注中引用的英文须见于该条（或同句所引条款）的英文，除非注释说明其为字面直译或其他文本的英文；在指明来源行的句子中引用的中文须见于所指各行。构建程序无法核验的，由编者逐条阅读核对：注释所言不超出所引条款（不添加文本未载的实施状况、日期或数字），中英文所言一致，语料以外的事实确凿可靠，校订注释完整说明所作修复。',
        ],
      },
      {
        id: 'ids',
        title: '条款编号与网址',
        paragraphs: [
          '每一条款的编号取自文件本身的序号，改为阿拉伯数字并以点连接：“一、”为1，第二部分下的“（一）”为2.1，其下的“1.”为2.1.1；4.2.5之类的序号照录。无序号的段落在其上级条款内依次编号（如4.1.1.p2）；第一个序号之前的段落为 preamble.p1、preamble.p2等。编号不随标题文字或构建而改变。',
          '每一条款都有自己的页面，即/zh/{文件}/{条款}/或/en/{文件}/{条款}/，引用时请用此地址；在全文页面中，/zh/{文件}/#{条款}指向同一条款。各页面所据数据发布于/data/index.json 和/data/{文件}.json。',
        ],
      },
      // ── commitments and changes (issue 15) ──
      {
        id: 'commitments',
        title: '承诺与变化',
        paragraphs: [
          '每一条款列出其承诺，即支配各项措施的动词，按行文顺序排列，分为四级：1 探讨、考虑（探讨、研究、考虑、探索）；2 鼓励、支持、欢迎；3 加强、推动、深化（加强、推动、促进、深化）；4 行动：落实、实施、举办、建立、开展。只计支配动词：“探讨建立”是一项1级承诺，而不是1级加4级。陈述或评价性动词（赞赏、重申）不构成承诺。本版的动词表为每个动词给出英译和级别，需要判断之处加注说明；表中没有的动词报告给编辑，不予定级。',
          '对照页面逐部分比较每份计划、宣言与其后继文件：延续（大部分文字保留）、改写、合并、拆分、新增或删去，并标出承诺力度是加强还是减弱。各部分依交叉链接配对，编辑的每项校正都注明理由。对延续的部分，后一文件的条款页面逐词显示与前文的差异，新增文字加下划线，删去文字加删除线；对改写的部分，分两栏对照前后文本（手机上上下排列）；两者都指出每项级别变化。全部变化另以 /data/changes.json 发布，并提供供电子表格使用的 /data/changes.csv。',
        ],
      },
      {
        id: 'cite',
        title: '引用方式',
        paragraphs: [
          '请引用条款页面：文件标题、条款编号、“湄公河合作文件版”、网址及访问日期。例如：澜沧江-湄公河合作五年行动计划（2018-2022），第4.2.5条，湄公河合作文件版，/zh/lmc-poa-2018-2022/4.2.5/。',
        ],
      },
    ],
  },
};

/** The about page's list of the names the edition rendered itself (issue 27, src/components/CoinedNames.astro). */
export const coinedNames: Record<Lang, { title: string; intro: (n: number) => string }> = {
  en: {
    title: 'Names this edition rendered itself, and why',
    intro: (n) => `Every proper name in the English is a glossary term or an entry of the edition’s names register, with where its English comes from: the owner’s own publication (official), consistent usage in reliable sources (established), or the edition itself. These ${n} names are the edition’s own: our look-ups found no publication of their owners printing them in English, or they are general terms. Verify them before quoting them as official names. Each group gives the reason.`,
  },
  zh: {
    title: '本版自译的名称及理由',
    intro: (n) => `英文中的每个专名都列入术语表或本版的名称登记表，并注明其英文来源：名称所属方自己的发布文本（official）、可靠来源的一致用法（established），或本版自译。以下${n}个名称为本版自译：查找中未见其所属方以英文发布，或属一般用语。作为官方名称引用前请先核对。每组注明理由。`,
  },
};

