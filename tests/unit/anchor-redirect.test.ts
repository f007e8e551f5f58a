/** Old anchors on a document page: only moved clauses are followed, whatever the address holds. */
import { describe, expect, test } from 'vitest';
import { anchorTarget } from '../../src/lib/reading/anchor-redirect';

const map = { '4.2.5': '4.2.6', 'preamble.p1': 'preamble.p2', '水': '4.1' };

describe('anchorTarget', () => {
  test('follows a moved clause, plain or percent-encoded', () => {
    expect(anchorTarget(map, '#4.2.5')).toBe('4.2.6');
    expect(anchorTarget(map, '#preamble.p1')).toBe('preamble.p2');
    expect(anchorTarget(map, `#${encodeURIComponent('水')}`)).toBe('4.1');
  });

  test("ignores what only the object's prototype has", () => {
    for (const hash of ['#constructor', '#__proto__', '#toString', '#hasOwnProperty', '#valueOf']) expect(anchorTarget(map, hash), hash).toBeUndefined();
  });

  test('a malformed escape neither throws nor matches', () => {
    for (const hash of ['#%', '#%E4%B', '#4.2.5%']) expect(() => anchorTarget(map, hash), hash).not.toThrow();
    expect(anchorTarget(map, '#%E4%B')).toBeUndefined();
    expect(anchorTarget({ '%E4%B': '1' }, '#%E4%B')).toBe('1');
  });

  test('an empty or unknown anchor stays', () => {
    expect(anchorTarget(map, '')).toBeUndefined();
    expect(anchorTarget(map, '#9.9')).toBeUndefined();
  });
});
