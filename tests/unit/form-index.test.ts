/**
 * The form index the glossary's and the names register's matchers share: it must find exactly
 * what a search for each form with indexOf finds, in the same order, at a fraction of the cost
 * (one pass over a text rather than one per form).
 */
import { describe, expect, test } from 'vitest';
import { FormIndex } from '../../scripts/lib/editorial/form-index';
import { Diagnostics } from '../../scripts/lib/core/diagnostics';
import { buildModel } from '../../scripts/lib/model/model';
import { projectPaths } from '../../scripts/lib/core/paths';

/** What the matchers did before the index: each form in turn, each of its places in turn. */
function perForm(haystack: string, needles: string[], allowed: (at: number) => boolean) {
  const out: { form: number; at: number }[] = [];
  needles.forEach((needle, form) => {
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) if (allowed(at)) out.push({ form, at });
  });
  return out;
}

const everywhere = () => true;

describe('FormIndex', () => {
  test('finds every place of every form, overlapping ones included, form by form and then in text order', () => {
    const needles = ['aa', 'a', 'aaa', 'ab', 'b'];
    const index = new FormIndex(needles);
    expect(index.occurrences('aaab aab', everywhere)).toEqual(perForm('aaab aab', needles, everywhere));
    expect(index.occurrences('aaab aab', everywhere).slice(0, 3)).toEqual([{ form: 0, at: 0 }, { form: 0, at: 1 }, { form: 0, at: 5 }]);
  });

  test('a form at the very end of the text, and one longer than the text', () => {
    const needles = ['湄公河', '河', '澜沧江—湄公河合作'];
    expect(new FormIndex(needles).occurrences('澜湄合作与湄公河', everywhere)).toEqual([{ form: 0, at: 5 }, { form: 1, at: 7 }]);
  });

  test('asks the caller which starts to keep', () => {
    const needles = ['lmc', 'mc'];
    const afterSpace = (at: number) => at === 0 || ' '.includes('xlmc lmc'[at - 1]!);
    expect(new FormIndex(needles).occurrences('xlmc lmc', afterSpace)).toEqual([{ form: 0, at: 5 }]);
  });

  test('characters outside the Basic Multilingual Plane count as two, as indexOf counts them', () => {
    const needles = ['𠀀a', 'a', '𠀀'];
    const text = 'x𠀀a𠀀';
    expect(new FormIndex(needles).occurrences(text, everywhere)).toEqual(perForm(text, needles, everywhere));
  });

  test('refuses an empty form, which would match everywhere', () => {
    expect(() => new FormIndex(['ok', ''])).toThrow(/form 2 is empty/u);
  });

  test('on the corpus: every glossary form in every clause, as the per-form search finds them', async () => {
    const model = await buildModel(projectPaths(), new Diagnostics());
    const terms = model.glossary!.data.terms;
    const zh = terms.flatMap((t) => [t.zh, ...t.zhVariants]);
    const en = terms.flatMap((t) => [t.en, ...t.enVariants]).map((s) => s.toLowerCase());
    const zhIndex = new FormIndex(zh);
    const enIndex = new FormIndex(en);
    let compared = 0;
    for (const doc of model.documents) {
      for (const clause of doc.clauses) {
        const chinese = clause.text?.zh ?? '';
        const english = (clause.text?.en ?? '').toLowerCase();
        expect(zhIndex.occurrences(chinese, everywhere)).toEqual(perForm(chinese, zh, everywhere));
        expect(enIndex.occurrences(english, everywhere)).toEqual(perForm(english, en, everywhere));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(400);
  });
});
