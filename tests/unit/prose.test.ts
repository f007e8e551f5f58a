import { describe, expect, test } from 'vitest';
import { proseParts } from '../../src/lib/reading/prose';

const rendered = (text: string, lang: 'zh' | 'en') => proseParts(text, lang, lang).map((p) => (typeof p === 'string' ? p : `[${p.label}]`)).join('');

describe('proseParts', () => {
  test('renders each reference as a labelled link', () => {
    expect(rendered('See lmc-naypyitaw-declaration-2023#14.', 'en')).toBe('See [Nay Pyi Taw Declaration, para. 14].');
  });

  // A reference is written apart from the words around it; in Chinese its label starts and
  // ends with a full-width bracket or a Han character, beside which a space is a gap.
  test('in Chinese, drops the space that sets a reference apart from Chinese beside it', () => {
    expect(rendered('（参见 lmc-naypyitaw-declaration-2023#14）', 'zh')).toBe('（参见[《内比都宣言》第十四段]）');
    expect(rendered('与 lmc-naypyitaw-declaration-2023#14 的写法一致', 'zh')).toBe('与[《内比都宣言》第十四段]的写法一致');
    expect(rendered('见 lmc-naypyitaw-declaration-2023#14 及 lmc-naypyitaw-declaration-2023#1', 'zh')).toBe('见[《内比都宣言》第十四段]及[《内比都宣言》第一段]');
  });

  test('keeps the space beside Latin letters and digits, and in English', () => {
    expect(rendered('ASEAN lmc-naypyitaw-declaration-2023#14 2023', 'zh')).toBe('ASEAN [《内比都宣言》第十四段] 2023');
    expect(rendered('as in lmc-naypyitaw-declaration-2023#14 and', 'en')).toBe('as in [Nay Pyi Taw Declaration, para. 14] and');
  });
});
