/** BibTeX downloads keep BibTeX's brace balance whatever a title holds (security review L9). */
import { describe, expect, test } from 'vitest';
import { bibtex, type CitationModel } from '../../src/lib/citation/citation';

const model = (title: string): CitationModel => ({ lang: 'en', id: 'x#1', key: 'x-1-en', authors: ['ASEAN'], title, container: 'Mekong Plans', version: '0.1.0', issued: '2024-01-01', url: 'https://example.org/en/x/1/' });

/** Brace depth as BibTeX counts it: every brace, escaped or not. */
function depths(text: string): { final: number; min: number } {
  let depth = 0;
  let min = 0;
  for (const c of text) {
    if (c === '{') depth++;
    if (c === '}') min = Math.min(min, --depth);
  }
  return { final: depth, min };
}

describe('bibtex', () => {
  test.each([
    ['an unbalanced title that would open a second entry', '… } , note = {BIBINJECT} @misc{evil, title={x'],
    ['a title that closes its field early', 'Plan}} , note = {injected'],
    ['a lone opening brace', 'Plan {of Action'],
    ['a backslash', 'Plan \\ Action \\}'],
  ])('%s stays one field of one entry', (_name, title) => {
    const entry = bibtex(model(title));
    expect(depths(entry)).toEqual({ final: 0, min: 0 });
    // The title field is the whole of its line: nothing of it became another field.
    const fields = entry.split('\n').slice(1, -1).map((l) => l.trim().split(' = ')[0]);
    expect(fields).toEqual(['author', 'title', 'howpublished', 'version', 'year', 'date', 'url', 'langid']);
    expect(entry.match(/@misc\{/gu)).toHaveLength(1);
  });

  test('writes braces, backslashes and TeX specials as commands LaTeX prints as the characters', () => {
    expect(bibtex(model('A {b} \\ 50% & #1_x $'))).toContain('title = {{A \\textbraceleft{}b\\textbraceright{} \\textbackslash{} 50\\% \\& \\#1\\_x \\$}}');
  });

  test('leaves ordinary titles, Chinese included, as they are', () => {
    expect(bibtex(model('《澜湄合作五年行动计划》第4.2.5条'))).toContain('title = {{《澜湄合作五年行动计划》第4.2.5条}}');
  });
});
