/** A large corpus's search index in bundles: how the records are cut (scripts/lib/publish/search-index.ts). */
import { describe, expect, test } from 'vitest';
import { bundleRecords } from '../../scripts/lib/publish/search-index';

describe('bundleRecords', () => {
  test('split the records in order, each bundle filled up to the bound before the next', () => {
    const records = ['a'.repeat(40), 'b'.repeat(10), 'c'.repeat(30), 'd'.repeat(20), 'e'.repeat(25), 'f'.repeat(5)].map((content) => ({ url: content[0]!, content, language: 'und', meta: {}, filters: {} }));
    const urls = (bundles: typeof records[]) => bundles.map((b) => b.map((r) => r.url).join(''));
    expect(urls(bundleRecords(records, 200))).toEqual(['abcdef']);
    expect(urls(bundleRecords(records, 70))).toEqual(['ab', 'cd', 'ef']);
    expect(urls(bundleRecords(records, 65))).toEqual(['ab', 'cd', 'ef']);
    // A record over the bound is a bundle of its own, never split.
    expect(urls(bundleRecords(records, 35))).toEqual(['a', 'b', 'c', 'd', 'ef']);
    expect(urls(bundleRecords(records, 10))).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    for (const limit of [40, 45, 50, 60, 90, 130]) {
      const bundles = bundleRecords(records, limit);
      expect(urls(bundles).join('')).toBe('abcdef');
      const sizes = bundles.map((b) => b.reduce((sum, r) => sum + r.content.length, 0));
      for (const size of sizes) expect(size, `${limit}: ${urls(bundles)}`).toBeLessThanOrEqual(limit);
      // Filled: no bundle could have taken the next one's first record.
      for (const [i, b] of bundles.slice(1).entries()) expect(sizes[i]! + b[0]!.content.length).toBeGreaterThan(limit);
    }
  });
});
