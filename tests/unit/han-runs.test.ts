/** Runs of Chinese inside English (src/lib/reading/han.ts): what goes under lang="zh-CN". */
import { describe, expect, test } from 'vitest';
import { hanRuns } from '../../src/lib/reading/han';

const marked = (text: string) => hanRuns(text).map((r) => (r.han ? `[${r.text}]` : r.text)).join('');

describe('hanRuns', () => {
  test('leaves the English quotation marks around Chinese to the English: under zh-CN they are set full width, with a gap (“鼓” ends)', () => {
    expect(marked('the word 鼓励 (“鼓” ends line 133); beginning “励进一步完善”, it stands')).toBe('the word [鼓励] (“[鼓]” ends line 133); beginning “[励进一步完善]”, it stands');
    expect(marked('glossed ‘plan’ for 计划 (‘计划’)')).toBe('glossed ‘plan’ for [计划] (‘[计划]’)');
  });

  test('keeps the marks only Chinese uses, and the Chinese punctuation and connectors, with the Chinese', () => {
    expect(marked('the 《宣言》 and （一） of 中国-东盟, 中国—东盟合作。')).toBe('the [《宣言》] and [（一）] of [中国-东盟], [中国—东盟合作。]');
    expect(marked('rendered “中国-东盟命运共同体”。')).toBe('rendered “[中国-东盟命运共同体]”。');
  });
});
