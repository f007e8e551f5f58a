import { describe, expect, test } from 'vitest';
import { joinConnectors } from '../../scripts/lib/publish/connectors';

// As finish-pages holds a page: its UTF-8 bytes read as latin1.
const page = (body: string, head = '<title>中国-东盟</title>') => Buffer.from(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'utf8').toString('latin1');
const text = (latin1: string) => Buffer.from(latin1, 'latin1').toString('utf8');

describe('joinConnectors', () => {
  test('marks a connector run between Han characters or years, and only the run', () => {
    const out = text(joinConnectors(page('<p>加强中国-东盟合作（2021—2025），澜沧江—湄公河、2018–2022年</p>')));
    expect(out).toContain('<p>加强中<span class="nb">国-东</span>盟合作（202<span class="nb">1—2</span>025），澜沧<span class="nb">江—湄</span>公河、201<span class="nb">8–2</span>022年</p>');
  });

  test('a chain of names is one run where its names are one character, else one run per connector', () => {
    expect(text(joinConnectors(page('<p>甲-乙-丙；印度尼西亚-马来西亚-菲律宾</p>')))).toContain('<p><span class="nb">甲-乙-丙</span>；印度尼西<span class="nb">亚-马</span>来西<span class="nb">亚-菲</span>律宾</p>');
  });

  test('a connector between elements (glossary terms) joins the elements whole', () => {
    const out = text(joinConnectors(page('<p>营、<a class="term" href="#l">澜沧江</a>—<a class="term" href="#m">湄公河</a>青年；中国-<a class="term" href="#a">东盟</a>；<a class="term" href="#c">中国</a>-东盟</p>')));
    expect(out).toContain('<p>营、<span class="nb"><a class="term" href="#l">澜沧江</a>—<a class="term" href="#m">湄公河</a></span>青年；中<span class="nb">国-<a class="term" href="#a">东盟</a></span>；<span class="nb"><a class="term" href="#c">中国</a>-东</span>盟</p>');
    expect(joinConnectors(joinConnectors(page(out)))).toBe(joinConnectors(page(out)));
  });

  test('leaves attributes, the head, scripts, styles, code and SVG, English compounds and text already marked as they are', () => {
    const body = '<a title="中国-东盟" href="/a-b/">ASEAN-China</a><script>"中国-东盟"</script><style>/* 中国-东盟 */</style><pre>中国-东盟</pre><code>1-2</code><svg><text>中国-东盟</text></svg><!-- 中国-<a>东盟</a> -->';
    const html = page(body);
    expect(joinConnectors(html)).toBe(html);
    const once = joinConnectors(page('<p>中国-东盟</p>'));
    expect(joinConnectors(once)).toBe(once);
  });

  test('changes no character of the text', () => {
    const html = page('<p>中国-东盟 2020-11-12 澜沧江－湄公河 江─湄</p>');
    const strip = (s: string) => text(s).replace(/<[^>]*>/gu, '');
    expect(strip(joinConnectors(html))).toBe(strip(html));
  });
});
