import { describe, expect, test } from 'vitest';
import { normaliseZh, RULES, stripMarkdown } from '../../scripts/lib/sources/normalise';
import { readMarker, splitInlineHeading } from '../../scripts/lib/sources/numbering';
import { chineseNumeral } from '../../src/lib/chinese-numerals';

describe('normaliseZh', () => {
  test.each([
    ['removes stray spaces inside Chinese text', '推动大湄公河经济发展和 社会进步，建设更加和 平', '推动大湄公河经济发展和社会进步，建设更加和平'],
    ['makes punctuation full-width in Chinese text', '计划(2018-2022),旨在:', '计划（2018-2022），旨在：'],
    ['keeps a comma between digits', '共1,020个', '共1,020个'],
    ['turns hyphen look-alikes into a hyphen', '(2018‐2022)', '（2018-2022）'],
    ['keeps the em dash of the source', '澜沧江—湄公河', '澜沧江—湄公河'],
    ['removes indentation', '\u00a0\u00a0本《行动计划》', '本《行动计划》'],
    ['keeps markup-like characters verbatim', '《关于修订<框架协议>的议定书》{x}', '《关于修订<框架协议>的议定书》{x}'],
  ])('%s', (_name, input, output) => {
    expect(normaliseZh(input)).toBe(output);
  });

  test('documents every rule in both languages', () => {
    for (const rule of RULES) expect(rule.id && rule.en && rule.zh).toBeTruthy();
  });

  test('strips Markdown markup from markdown sources', () => {
    expect(stripMarkdown('**4.1.1 高层交往。**每两年召开  ')).toBe('4.1.1 高层交往。每两年召开');
    expect(stripMarkdown('# 标题')).toBe('标题');
  });
});

describe('numbering', () => {
  test.each([['一', 1], ['十', 10], ['十五', 15], ['二十', 20], ['二十五', 25], ['一百零三', 103]])('reads %s as %i', (text, value) => {
    expect(chineseNumeral(text)).toBe(value);
  });

  test.each([
    ['一、发展目标', 'cn-dun', 1],
    ['二十五、我们感谢', 'cn-dun', 25],
    ['（一）秉持', 'cn-paren', 1],
    ['(十一) 鼓励', 'cn-paren', 11],
    ['1.举行年度', 'arabic-dot', 1],
    ['4.2.5 水资源', 'decimal', 5],
    ['4.1 政治安全事务', 'decimal', 1],
  ])('reads the marker of %s', (text, kind, value) => {
    expect(readMarker(text)).toMatchObject({ kind, value });
  });

  test.each([['2018年至2019年'], ['1982年《公约》'], ['10+3宏观经济研究办公室'], ['30.5%；也有']])('finds no marker in %s', (text) => {
    expect(readMarker(text)).toBeUndefined();
  });

  test('splits an inline heading only when the first sentence is a short phrase', () => {
    expect(splitInlineHeading('水资源合作。制定计划。')).toEqual({ heading: '水资源合作', body: '制定计划。' });
    expect(splitInlineHeading('支持进一步提升金融包容性，实现可持续发展。主要通过')).toBeUndefined();
  });
});
