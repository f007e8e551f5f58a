import { describe, expect, test } from 'vitest';
import { phrases } from '../../src/lib/phrases';

/** Where a title may break: between its phrases. */
const breaks = (text: string) => phrases(text).join('|');

describe('phrases: where a Chinese title may break', () => {
  test('keeps words whole that the segmenter cuts into single characters (领导|人, 内|比|都, 东|盟)', () => {
    expect(breaks('澜沧江—湄公河合作第四次领导人会议内比都宣言')).toBe('澜沧江—湄公河|合作|第四次|领导人|会议|内比都|宣言');
    expect(breaks('落实中国—东盟面向和平与繁荣的战略伙伴关系联合宣言的行动计划（2021-2025）'))
      .toBe('落实|中国—东盟|面向|和平与|繁荣的|战略|伙伴|关系|联合|宣言的|行动|计划|（2021-2025）');
  });

  test('never parts a connector from its names or years, nor brackets from what they hold', () => {
    expect(breaks('澜沧江—湄公河合作五年行动计划（2023—2027）（摘要）')).toBe('澜沧江—湄公河|合作|五年|行动|计划|（2023—2027）|（摘要）');
    expect(breaks('《五年行动计划（2023—2027）》第4.2.5条')).toBe('《五年|行动|计划|（2023—2027）》|第4.2.5条');
  });

  test('gives back the text unchanged, character for character', () => {
    for (const text of ['文件时间线（2018—2027）', '澜沧江—湄公河地区创新走廊建设共同倡议', 'Plan of Action 2023–2027', '']) {
      expect(phrases(text).join('')).toBe(text);
    }
  });

  test('leaves text without Han characters in one piece: Latin text breaks at its spaces', () => {
    expect(phrases('Vientiane Declaration')).toEqual(['Vientiane Declaration']);
  });
});
