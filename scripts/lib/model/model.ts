/**
 * The validated clause model of every document: recipes → paragraphs → clauses,
 * collated with second witnesses, with the editors' notes attached.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { documentDataSchema, type DocumentData, type Note } from '../../../src/schemas/document';
import { editionSchema, type Edition } from '../../../src/schemas/edition';
import { friendlyIssues } from '../../../src/schemas/friendly-errors';
import { glossarySchema, type Glossary } from '../../../src/schemas/glossary';
import type { NamesRegister } from '../../../src/schemas/names';
import { searchDataSchema, type SearchData } from '../../../src/schemas/search';
import { variantsSchema, type Variants } from '../../../src/schemas/variants';
import { accountLines, type Accounting } from '../sources/accounting';
import { assembleParagraphs, parseClauses, type DraftClause } from '../sources/clauses';
import { collate } from '../sources/collate';
import { readDataFile } from '../core/data-file';
import type { Diagnostics } from '../core/diagnostics';
import { normaliseZh } from '../sources/normalise';
import { display, type ProjectPaths } from '../core/paths';
import { loadRecipes, type LoadedRecipe } from '../sources/recipes';
import { loadSources, type SourceFile } from '../sources/sources';
import { checkTerminology } from '../editorial/terminology';
import { checkStyle } from '../editorial/style';
import { checkNames, loadNames } from '../editorial/names';
import { checkTypography } from '../editorial/typography';
import { crossLink, type CrossLinks } from '../links/crosslinks';
import { checkPermanence, type Permanence } from './registry';
import { loadTranslation, type LoadedTranslation } from '../editorial/translations';
import { checkNotes } from '../editorial/note-checks';
import { checkReferences } from '../links/references';
import { checkReviews, type Provenance } from '../editorial/reviews';
import { checkRecipeTodos } from '../sources/draft-recipe';
import type { DataFile } from '../core/data-file';
import { loadLexicon, readCommitments } from '../editorial/commitments';
import { buildChanges } from '../links/changes';
import { checkSearchData } from '../links/search-data';
import type { ChangesData } from '../../../src/schemas/changes';

export interface Model {
  edition: Edition;
  sources: Map<string, SourceFile>;
  recipes: LoadedRecipe[];
  accounting: Accounting;
  documents: DocumentData[];
  translations: Map<string, LoadedTranslation>;
  glossary?: DataFile<Glossary>;
  /** The names register, content/names.yaml (issue 27; absent in projects without one). */
  names?: DataFile<NamesRegister>;
  /** Topics, cross-links and named documents (absent in projects without content/topics.yaml). */
  crossLinks?: CrossLinks;
  permanence: Permanence;
  /** /data/changes.json (issue 15; absent in projects without the compared documents). */
  changes?: ChangesData;
  /** Search synonyms and documents' short forms (issue 25; absent in projects without content/search.yaml). */
  search?: DataFile<SearchData>;
}

/** Stage timings and counts are reported by the caller; each step here is one stage. */
export interface StageHooks {
  stage<T>(name: string, run: () => Promise<T> | T, summary: (result: T) => string): Promise<T>;
}

const plainHooks: StageHooks = { stage: async (_name, run) => run() };

/** Builds the whole model, throwing a BuildError listing every fatal problem. */
export async function buildModel(paths: ProjectPaths, diagnostics: Diagnostics, hooks: StageHooks = plainHooks): Promise<Model> {
  const sources = await hooks.stage('sources', async () => {
    const result = await loadSources(paths, diagnostics);
    diagnostics.throwIfFatal();
    return result;
  }, (s) => `${s.size} files verified (sha256, UTF-8, LF)`);

  const { recipes, edition } = await hooks.stage('recipes', async () => {
    const editionFile = await readDataFile(editionSchema, paths.edition, display(paths.root, paths.edition), diagnostics);
    const result = await loadRecipes(paths, sources, diagnostics);
    // New documents (issue 17): every TODO the editor has not decided yet, located.
    await checkRecipeTodos(result, (name) => path.join(paths.root, name), diagnostics);
    diagnostics.throwIfFatal();
    return { recipes: result, edition: editionFile!.data };
  }, (r) => `${r.recipes.length} documents`);

  const accounting = await hooks.stage('accounting', () => {
    const result = accountLines(sources, recipes, diagnostics);
    diagnostics.throwIfFatal();
    return result;
  }, (a) => `${[...a.files.values()].reduce((n, c) => n + c.length, 0)} source lines accounted for`);

  const drafts = await hooks.stage('clauses', () => {
    const result = recipes.map((recipe) => ({ recipe, clauses: draftClauses(recipe, sources, diagnostics) }));
    diagnostics.throwIfFatal();
    return result;
  }, (d) => `${d.reduce((n, x) => n + x.clauses.length, 0)} clauses`);

  await hooks.stage('collation', async () => {
    let count = 0;
    for (const { recipe, clauses } of drafts) count += await collateWitnesses(paths, recipe, clauses, sources, diagnostics);
    diagnostics.throwIfFatal();
    return count;
  }, (n) => `${n} recorded variants checked`);

  const translations = await hooks.stage('translation', async () => {
    const result = new Map<string, LoadedTranslation>();
    for (const { recipe, clauses } of drafts) result.set(recipe.data.id, await loadTranslation(paths, recipe.data.id, clauses, edition.draft || recipe.data.draft, diagnostics));
    // A draft document (issue 17) in a published edition: its missing English is reported at its recipe's `draft`.
    for (const { recipe } of drafts) {
      const n = result.get(recipe.data.id)!.missing;
      if (recipe.data.draft && !edition.draft && n > 0) diagnostics.warn(`Unexpected ${n} untranslated clause(s) in ${recipe.data.id}, expected none once it is published: this document is a draft and pages mark them`, { file: recipe.name, place: recipe.locate(['draft']), ruleId: 'draft-document' });
    }
    const missing = edition.draft ? [...result.values()].reduce((n, t) => n + t.missing, 0) : 0;
    if (missing > 0) diagnostics.warn(`Unexpected ${missing} untranslated clause(s), expected none: this is a draft edition (content/edition.yaml) and pages mark them`, { file: display(paths.root, paths.edition), ruleId: 'draft-edition' });
    diagnostics.throwIfFatal();
    return result;
  }, (t) => {
    const total = drafts.reduce((n, d) => n + d.clauses.length, 0);
    const missing = [...t.values()].reduce((n, x) => n + x.missing, 0);
    return `${total - missing} of ${total} clauses in English${edition.draft ? ' (draft)' : ''}`;
  });

  // Translation provenance (issue 17): each clause's English reviewed, draft or outdated.
  const provenance = await hooks.stage('review', async () => {
    const result = await checkReviews(paths, drafts, translations, diagnostics);
    diagnostics.throwIfFatal();
    return result;
  }, (p) => {
    const counts: Record<string, number> = { reviewed: 0, outdated: 0, draft: 0 };
    for (const clauses of p.values()) for (const t of clauses.values()) counts[t.status]!++;
    return `${counts.reviewed} reviewed, ${counts.outdated} outdated, ${counts.draft} draft`;
  });

  const documents = drafts.map(({ recipe, clauses }) => toDocument(recipe, clauses, sources, edition, translations.get(recipe.data.id)!, diagnostics, provenance.get(recipe.data.id)!));
  diagnostics.throwIfFatal();

  const glossaryFile = path.join(paths.root, 'content', 'glossary.yaml');
  const glossary = await hooks.stage('terminology', async () => {
    if (!existsSync(glossaryFile)) {
      diagnostics.warn('Unexpected missing glossary, expected content/glossary.yaml: terminology not checked', { file: 'content/glossary.yaml', ruleId: 'missing-glossary' });
      return { file: undefined, checks: 0 };
    }
    const file = await readDataFile(glossarySchema, glossaryFile, display(paths.root, glossaryFile), diagnostics);
    diagnostics.throwIfFatal();
    const locate = (document: string, clause: string) => {
      const t = translations.get(document)!;
      const place = t.file?.locate(['clauses', clause]);
      return { file: t.name, line: place?.line, column: place?.column };
    };
    const checks = checkTerminology(file!, documents, locate, diagnostics);
    diagnostics.throwIfFatal();
    return { file, checks };
  }, (g) => (g.file ? `${g.file.data.terms.length} glossary terms, ${g.checks} uses checked` : 'no glossary'));

  // Note checks (issue 20): renderings named by notes, the one reference form, source lines.
  await hooks.stage('notes', async () => {
    const variants: DataFile<Variants>[] = [];
    for (const recipe of recipes) {
      const file = path.join(paths.variants, `${recipe.data.id}.yaml`);
      if (recipe.data.witnesses.length === 0 || !existsSync(file)) continue;
      const record = await readDataFile(variantsSchema, file, display(paths.root, file), diagnostics);
      if (record) variants.push(record);
    }
    const count = await checkNotes({ root: paths.root, documents, recipes, translations, glossary: glossary.file, variants, sources }, diagnostics);
    diagnostics.throwIfFatal();
    return count;
  }, (n) => `${n} notes, definitions and judgements checked`);

  // House style (issue 14): calques in the English are warnings located at the words.
  await hooks.stage('style', () => checkStyle(paths, documents, diagnostics), (s) => (s ? `${s.rules} rules, ${s.checked} English texts, ${s.warnings} warnings` : 'no style rules'));
  // Typography (issue 27): curly quotation marks and apostrophes in the edition's prose.
  await hooks.stage('typography', () => checkTypography(paths, diagnostics), (t) => `${t.files} files of prose, ${t.straight} straight quotation marks, ${t.connectors} hyphens between Chinese names, ${t.joins} Latin words against Chinese`);
  // Names (issue 27): every name the English prints is a glossary term or in content/names.yaml.
  const names = await hooks.stage('names', async () => {
    const register = await loadNames(paths, diagnostics);
    diagnostics.throwIfFatal();
    return { register, result: await checkNames(paths, documents, glossary.file, register, diagnostics) };
  }, ({ result: r }) => `${r.glossary} glossary terms and ${r.register} registered names (${r.byStatus.official} official, ${r.byStatus.established} established, ${r.byStatus.edition} edition); ${r.candidates} candidates, ${r.unregistered} unregistered; ${r.titles} 《》 titles, ${r.unregisteredTitles} unregistered; ${r.acronyms} acronyms spelled out twice or used before`);
  // ── commitments (issue 15): each clause's governing verbs and their levels ──
  const lexicon = await hooks.stage('commitments', async () => {
    if (!existsSync(path.join(paths.root, 'content', 'commitments.yaml'))) return undefined;
    const file = await loadLexicon(paths, diagnostics);
    diagnostics.throwIfFatal();
    return { lexicon: file!.data, ...readCommitments(documents, file!.data, diagnostics, (f) => sources.get(f)?.name ?? f) };
  }, (c) => (c ? `${c.commitments} commitments, ${c.unknown} unknown verb-like openings` : 'no commitment lexicon'));

  const crossLinks = await hooks.stage('links', async () => {
    if (!existsSync(path.join(paths.root, 'content', 'topics.yaml'))) return undefined;
    const result = await crossLink(paths, documents, diagnostics);
    diagnostics.throwIfFatal();
    return result;
  }, (c) => (c ? `${c.links.length} cross-links, ${c.topics.length} topics, ${c.named.length} named documents` : 'no topics'));

  // Reading edition: references in prose (document#clause) must name real clauses, since pages link them.
  await hooks.stage('references', async () => {
    const files: DataFile<unknown>[] = [...recipes, ...[...translations.values()].flatMap((t) => (t.file ? [t.file] : []))];
    if (glossary.file) files.push(glossary.file);
    for (const recipe of recipes) {
      const variants = path.join(paths.variants, `${recipe.data.id}.yaml`);
      if (!existsSync(variants)) continue;
      const record = await readDataFile(variantsSchema, variants, display(paths.root, variants), diagnostics);
      if (record) files.push(record);
    }
    const count = checkReferences(files, documents, diagnostics);
    diagnostics.throwIfFatal();
    return count;
  }, (n) => `${n} references to clauses checked`);

  // ── changes (issue 15): each document against its successor ──
  const changes = await hooks.stage('changes', () => buildChanges(paths, documents, crossLinks?.links ?? [], lexicon?.lexicon, diagnostics), (c) => (c ? c.comparisons.map((x) => `${x.changes.length} changes ${x.from} → ${x.to}`).join(', ') : 'no comparisons'));

  // issue 25: the editors' search synonyms and documents' short forms, checked against the texts.
  const searchFile = path.join(paths.root, 'content', 'search.yaml');
  const search = await hooks.stage('synonyms', async () => {
    if (!existsSync(searchFile)) return undefined;
    const file = await readDataFile(searchDataSchema, searchFile, display(paths.root, searchFile), diagnostics);
    return file ? { file, ...checkSearchData(file, documents, diagnostics) } : undefined;
  }, (s) => (s ? `${s.synonyms} synonym groups, short forms of ${s.documents} documents` : 'no search synonyms'));

  const published = documents.filter((d) => !recipes.find((r) => r.data.id === d.id)?.data.draft);
  const permanence = await hooks.stage('registry', () => checkPermanence(paths, published, diagnostics, edition), (p) => `${p.registered} published clause ids kept, ${p.added} new, ${p.redirects.length} redirects`);

  return {
    edition,
    sources,
    recipes,
    accounting,
    documents,
    translations,
    glossary: glossary.file,
    names: names.register,
    crossLinks,
    permanence,
    changes,
    search: search?.file,
  };
}

/** Parses one recipe's base text into draft clauses and attaches the recipe's notes. */
export function draftClauses(recipe: LoadedRecipe, sources: Map<string, SourceFile>, diagnostics: Diagnostics): DraftClause[] {
  const data = recipe.data;
  const paragraphs = assembleParagraphs(data.text, sources, recipe.name, recipe.locate, 'text', diagnostics);
  const notHeadings = new Set(Object.entries(data.clauses).filter(([, o]) => o.heading === false).map(([id]) => id));
  const clauses = parseClauses(paragraphs, sources, { inlineHeadings: data.inlineHeadings, notHeadings }, diagnostics);
  if (clauses.length === 0) {
    diagnostics.error('Unexpected document without clauses, expected its text segments to contain at least one line of text', { file: recipe.name, place: recipe.locate(['text']), ruleId: 'empty-document' });
    return clauses;
  }
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const attach = (id: string, note: Note, at: (string | number)[]) => {
    const clause = byId.get(id);
    if (clause) clause.notes.push(note);
    else diagnostics.error(`Unexpected clause id \`${id}\`, expected a clause of ${data.id}`, { file: recipe.name, place: recipe.locate(at), ruleId: 'unknown-clause' });
  };
  data.exclude.forEach((ex, i) => {
    if (ex.attach) attach(ex.attach, { kind: 'editorial', zh: ex.reason.zh, en: ex.reason.en }, ['exclude', i, 'attach']);
  });
  data.notes.forEach((n, i) => attach(n.clause, { kind: n.kind, zh: n.zh, en: n.en }, ['notes', i, 'clause']));
  for (const id of Object.keys(data.clauses)) {
    if (!byId.has(id)) diagnostics.error(`Unexpected clause id \`${id}\`, expected a clause of ${data.id}`, { file: recipe.name, place: recipe.locate(['clauses', id]), ruleId: 'unknown-clause' });
  }
  return clauses;
}

/** Collates each second witness of a recipe against its base text. Returns the number of variants. */
async function collateWitnesses(paths: ProjectPaths, recipe: LoadedRecipe, clauses: DraftClause[], sources: Map<string, SourceFile>, diagnostics: Diagnostics): Promise<number> {
  if (recipe.data.witnesses.length === 0) return 0;
  const file = path.join(paths.variants, `${recipe.data.id}.yaml`);
  const name = display(paths.root, file);
  if (!existsSync(file)) {
    diagnostics.error(`Unexpected second witness without a variants file, expected ${name}`, { file: recipe.name, place: recipe.locate(['witnesses']), ruleId: 'missing-variants' });
    return 0;
  }
  const record = await readDataFile(variantsSchema, file, name, diagnostics);
  if (!record) return 0;
  let count = 0;
  for (const [index, w] of recipe.data.witnesses.entries()) {
    if (w.file !== record.data.witness) {
      diagnostics.error(`Unexpected witness \`${w.file}\`, expected the witness named in ${name} (\`${record.data.witness}\`)`, { file: recipe.name, place: recipe.locate(['witnesses', index, 'file']), ruleId: 'missing-variants' });
      continue;
    }
    const paragraphs = assembleParagraphs([w], sources, recipe.name, recipe.locate, 'witnesses', diagnostics);
    const witnessClauses = parseClauses(paragraphs, sources, { inlineHeadings: recipe.data.inlineHeadings, notHeadings: new Set(Object.keys(recipe.data.clauses)) }, diagnostics);
    count += collate(clauses, witnessClauses, record, recipe.data.base, diagnostics).variants;
  }
  return count;
}

/** Assembles the contract's document data and validates it. */
function toDocument(recipe: LoadedRecipe, clauses: DraftClause[], sources: Map<string, SourceFile>, edition: Edition, translation: LoadedTranslation, diagnostics: Diagnostics, provenance: Provenance extends Map<string, infer M> ? M : never): DocumentData {
  const data = recipe.data;
  const witnessFiles = [data.base, ...data.witnesses.map((w) => w.file).filter((f) => f !== data.base)];
  const doc = {
    id: data.id,
    title: { zh: normaliseZh(data.title.zh), en: data.title.en },
    ...(data.officialTitle ? { officialTitle: data.officialTitle } : {}),
    ...(data.author ? { author: { zh: data.author.zh, en: data.author.en } } : {}),
    type: data.type,
    date: data.date,
    completeness: data.completeness,
    witnesses: witnessFiles.map((file) => {
      const s = sources.get(file)!;
      return { file, sha256: s.sha256, script: s.script };
    }),
    clauses: clauses.map((c) => {
      const en = translation.english.get(c.id);
      return {
        id: c.id,
        parent: c.parent,
        ...(c.number ? { number: c.number } : {}),
        ...(c.heading !== undefined ? { heading: { zh: c.heading, en: en?.heading ?? '' } } : {}),
        text: { zh: c.text, en: c.text ? (en?.text ?? '') : '' },
        source: c.source,
        notes: [...c.notes, ...(en?.notes ?? [])],
        topics: [],
        translation: provenance.get(c.id)!,
        commitments: [],
      };
    }),
  };
  const result = documentDataSchema({ draft: edition.draft || data.draft }).safeParse(doc);
  if (!result.success) {
    for (const issue of friendlyIssues(result.error)) {
      const i = issue.path[1];
      const clause = typeof i === 'number' ? clauses[i] : undefined;
      diagnostics.error(issue.message, { file: clause?.sourceName ?? recipe.name, place: clause?.place, ruleId: 'invalid-model' });
    }
  }
  return doc as DocumentData;
}
