/** Finding glossary terms in a clause's English: whole words, any case, but an acronym only as written. */
import { describe, expect, test } from 'vitest';
import { TermMatcher } from '../../scripts/lib/editorial/terminology';
import type { GlossaryTerm } from '../../src/schemas/glossary';

const term = (id: string, en: string, enVariants: string[] = []) => ({ id, zh: id, zhVariants: [], en, enVariants, kind: 'institution' }) as unknown as GlossaryTerm;
const matcher = new TermMatcher([
  term('who', 'World Health Organization', ['WHO']),
  term('lmc', 'Lancang-Mekong Cooperation', ['LMC']),
  term('msmes', 'MSMEs'),
  term('lancang-river', 'Lancang River', ['Lancang']),
  term('mekong-river', 'Mekong River', ['Mekong']),
  term('asean', 'ASEAN'),
]);
const found = (text: string) => matcher.findEn(text).map((o) => `${o.term.id}:${text.slice(o.start, o.end)}`);

describe('TermMatcher.findEn', () => {
  test('an acronym is found as written, never as a common word in another case (the Nay Pyi Taw Declaration’s “rural leaders who drive prosperity”)', () => {
    expect(found('support for rural leaders who drive prosperity')).toEqual([]);
    expect(found('Who will lead? The Who and the wHO')).toEqual([]);
    expect(found('cooperation with the WHO and the LMC')).toEqual(['who:WHO', 'lmc:LMC']);
    expect(found('agricultural MSMEs and msmes')).toEqual(['msmes:MSMEs']);
  });

  test('a name in words is found in any case, as a whole word', () => {
    expect(found('the world health organization and the Lancang-Mekong cooperation mechanism')).toEqual(['who:world health organization', 'lmc:Lancang-Mekong cooperation']);
    expect(found('WHOle')).toEqual([]);
  });

  test('a one-word form inside a hyphenated compound is the compound’s on the page, but renders its Chinese for the check', () => {
    const text = 'the Lancang-Mekong Youth Exchange and Cooperation Center, the Lancang River, the Mekong subregion, ASEAN-China relations';
    expect(found(text)).toEqual(['lancang-river:Lancang River', 'mekong-river:Mekong', 'asean:ASEAN']);
    const checked = matcher.findEn('flood and drought emergencies on the Lancang-Mekong River', { compounds: true }).map((o) => o.term.id);
    expect(checked).toEqual(['lancang-river', 'mekong-river']);
  });

  test('a name of several words after a hyphenated word is the compound’s too (“the Lancang-Mekong River” is not the Mekong River)', () => {
    expect(found('flood and drought on the Lancang-Mekong River, and the Mekong River basin')).toEqual(['mekong-river:Mekong River']);
    expect(matcher.findEn('joint research on the Lancang-Mekong River', { compounds: true }).map((o) => o.term.id)).toEqual(['lancang-river', 'mekong-river']);
  });
});
