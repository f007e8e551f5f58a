/**
 * An undated document's citation. Issue 27 dated the innovation corridor initiative, the corpus's
 * only undated text, so the browser test that read "n.d." on its page has nothing left to read:
 * the behaviour is kept here, on a model of an undated clause.
 */
import { describe, expect, test } from 'vitest';
import { chicagoCitation } from '../../src/lib/citation/citation';

describe('chicagoCitation', () => {
  test('prints an undated document’s year as “n.d.” with a single full stop, then the access date', () => {
    const text = chicagoCitation({ lang: 'en', id: 'x', key: 'x', authors: ['An Issuing Body'], title: 'An Undated Initiative, Preamble, Para. 1', container: 'Mekong Plans edition', version: '0.2.0', url: 'https://example.org/en/x/preamble.p1/' }, '2026-12-01');
    expect(text).toContain('An Issuing Body. n.d. “An Undated Initiative, Preamble, Para. 1.”');
    expect(text).not.toContain('..');
    expect(text).toMatch(/Accessed December 1, 2026\. https:\/\/example\.org\/en\/x\/preamble\.p1\/\.$/u);
  });

  test('prints a dated document’s year and day instead', () => {
    const text = chicagoCitation({ lang: 'en', id: 'x', key: 'x', authors: ['An Issuing Body'], title: 'A Dated Initiative, Para. 3', container: 'Mekong Plans edition', version: '0.2.0', issued: '2023-12-25', url: 'https://example.org/en/x/3/' });
    expect(text).toContain('An Issuing Body. 2023. “A Dated Initiative, Para. 3.”');
    expect(text).toContain('December 25.');
    expect(text).not.toContain('n.d.');
  });
});
