/**
 * The site's own words outside the data files (interface, about page, data dictionary) follow
 * the house typography the content's typography check holds the data files to: curly quotation
 * marks and apostrophes (docs/editing.md, "Typography"). The data dictionary printed “the
 * edition's version” with a straight apostrophe in 31 places.
 */
import { describe, expect, test } from 'vitest';
import * as about from '../../src/i18n/about';
import { MEANINGS } from '../../src/i18n/data-dictionary';
import { ui } from '../../src/i18n/ui';
import { DATA_FILES } from '../../src/schemas/data-dictionary';

/** Every string under `value`, with its path. */
function strings(value: unknown, at: string): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}.${i}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${at}.${k}`));
  return [];
}

describe('the site’s own words', () => {
  test.each([
    ['the interface', ui],
    ['the about page', about],
    ['the data dictionary’s meanings', MEANINGS],
    ['the data dictionary’s files', DATA_FILES],
  ] as const)('in %s have no straight quotation mark or apostrophe', (_name, words) => {
    const straight = strings(words, '').filter(([, s]) => /['"]/u.test(s)).map(([at, s]) => `${at}: ${s}`);
    expect(straight).toEqual([]);
  });
});
