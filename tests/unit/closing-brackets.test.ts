import { describe, expect, test } from 'vitest';
import { markClosingBrackets } from '../../scripts/lib/publish/closing-brackets';

// As finish-pages holds a page: its UTF-8 bytes read as latin1.
const page = (body: string) => Buffer.from(`<!doctype html><html><head><title>（甲）</title></head><body>${body}</body></html>`, 'utf8').toString('latin1');
const text = (latin1: string) => Buffer.from(latin1, 'latin1').toString('utf8');
const marked = (body: string) => text(markClosingBrackets(page(body))).replace(/^.*<body>|<\/body>.*$/gsu, '');

describe('markClosingBrackets', () => {
  test('marks a full-width closing bracket that ends a link, inside the inline elements that end with it', () => {
    expect(marked('<a href="d">数据（JSON）</a>')).toBe('<a href="d">数据（JSON<span class="cb">）</span></a>');
    expect(marked('<li><a href="t"><span class="phrases">计划<wbr>（2021-2025）</span></a></li>')).toBe('<li><a href="t"><span class="phrases">计划<wbr>（2021-2025<span class="cb">）</span></span></a></li>');
    expect(marked('<a href="n">见《万象宣言》</a>后文')).toBe('<a href="n">见《万象宣言<span class="cb">》</span></a>后文');
  });

  test('leaves a bracket the browser already sets against punctuation after the link, one inside the text, and an opening one', () => {
    for (const body of ['<a href="d">数据（JSON）</a>。', '<a href="d">（一）</a>，', '<a href="c">（一）<span class="canonical">2.1</span></a>', '<a href="x">（甲</a>', '<p>数据（JSON）</p>']) expect(marked(body)).toBe(body);
  });

  test('leaves the head, scripts, code and comments, and marks a page only once', () => {
    const body = '<script>"<a>（）</a>"</script><pre><a>（甲）</a></pre><!-- <a>（甲）</a> -->';
    expect(marked(body)).toBe(body);
    expect(text(markClosingBrackets(page('')))).toContain('<title>（甲）</title>');
    const once = markClosingBrackets(page('<a href="d">数据（JSON）</a>'));
    expect(markClosingBrackets(once)).toBe(once);
  });
});
