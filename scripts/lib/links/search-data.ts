/**
 * Checks content/search.yaml against the corpus (issue 25): every synonym group has a form the
 * texts use (a group none of whose forms occurs can only be a mistake), no form is listed twice
 * (a form shared with a glossary term is fine: search merges the two groups),
 * and every document form names a document of the corpus, one only, without looking like a
 * clause number.
 */
import type { DocumentData } from '../../../src/schemas/document';
import type { SearchData } from '../../../src/schemas/search';
import { indexTokens, type Language } from '../../../src/lib/search/search-tokens';
import type { DataFile } from '../core/data-file';
import { diagnostic, type Diagnostics } from '../core/diagnostics';

/** Whether the tokens of `form` stand together, in this order, in some clause's text in a language. */
function inTexts(form: string, texts: Record<Language, string[]>): boolean {
  return (['zh', 'en'] as const).some((language) => {
    const wanted = indexTokens(form, language);
    // A form's own last Han character is indexed as a run's end, which the text may continue.
    const tokens = wanted.filter((t, i) => !(t.startsWith('u') && i === wanted.length - 1));
    if (!tokens.length) return false;
    const needle = ` ${tokens.join(' ')} `;
    return texts[language].some((t) => t.includes(needle));
  });
}

const key = (form: string) => form.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();

/** Reports the file's problems; returns the number of synonym groups and document forms checked. */
export function checkSearchData(file: DataFile<SearchData>, documents: DocumentData[], diagnostics: Diagnostics): { synonyms: number; documents: number } {
  const texts: Record<Language, string[]> = { zh: [], en: [] };
  for (const d of documents) {
    for (const c of d.clauses) {
      for (const l of ['zh', 'en'] as const) texts[l].push(` ${[...indexTokens(c.heading?.[l] ?? '', l), ...indexTokens(c.text[l], l)].join(' ')} `);
    }
  }
  const seen = new Map<string, ReturnType<typeof diagnostic>>();
  file.data.synonyms.forEach((group, i) => {
    group.forms.forEach((form, j) => {
      const place = file.locate(['synonyms', i, 'forms', j]);
      const k = key(form);
      const first = seen.get(k);
      if (first) {
        diagnostics.error(`Unexpected form “${form}” listed again, expected each form in one synonym group only`, { file: file.name, place, ruleId: 'duplicate-search-form', cause: first });
      } else {
        seen.set(k, diagnostic(`“${form}” first listed here`, { file: file.name, place, ruleId: 'duplicate-search-form', fatal: false }));
      }
    });
    if (!group.forms.some((f) => inTexts(f, texts))) {
      diagnostics.error(`Unexpected synonym group none of whose forms the texts use (${group.forms.join(', ')}), expected at least one form found in a clause's Chinese or English`, { file: file.name, place: file.locate(['synonyms', i]), ruleId: 'synonym-not-in-texts' });
    }
  });

  const ids = new Set(documents.map((d) => d.id));
  const owner = new Map<string, string>();
  for (const [id, entry] of Object.entries(file.data.documents)) {
    if (!ids.has(id)) {
      diagnostics.error(`Unexpected document \`${id}\`, expected one of ${[...ids].join(', ')}`, { file: file.name, place: file.locate(['documents', id]), ruleId: 'unknown-document' });
      continue;
    }
    entry.forms.forEach((form, j) => {
      const place = file.locate(['documents', id, 'forms', j]);
      if (/^[\d.\s]+$/u.test(form)) {
        diagnostics.error(`Unexpected document form “${form}” made of digits and dots, expected a name that cannot be read as a clause number`, { file: file.name, place, ruleId: 'document-form-is-number' });
      }
      const k = key(form).replace(/[\u2010-\u2015\u2212\uFF0D]/gu, '-');
      const other = owner.get(k);
      if (other && other !== id) {
        diagnostics.error(`Unexpected form “${form}” for ${id}, already a form of ${other}: expected each form to name one document`, { file: file.name, place, ruleId: 'duplicate-document-form' });
      }
      owner.set(k, id);
    });
  }
  return { synonyms: file.data.synonyms.length, documents: Object.keys(file.data.documents).length };
}
