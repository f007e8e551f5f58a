/**
 * Bilingual diffs of a continued or reworded pair (issue 15): the Chinese by word, as
 * Intl.Segmenter('zh') segments it (its dictionary knows the corpus's common words, and
 * anything else falls to single characters), the English by word, with the `diff` package.
 */
import { diffArrays, diffWords } from 'diff';

export interface DiffPart {
  text: string;
  /** `ins` for text only in the later version, `del` for text only in the earlier, absent where both have it. */
  op?: 'ins' | 'del';
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The words of a Chinese text, punctuation included, in order (joined, they give the text back). */
export function zhWords(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment);
}

/** Joins neighbouring parts of the same kind, so that a run of changed words is one <ins> or <del>. */
function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    if (!p.text) continue;
    const last = out[out.length - 1];
    if (last && last.op === p.op) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/** The earlier and later Chinese, word by word. */
export function diffZh(before: string, after: string): DiffPart[] {
  return merge(diffArrays(zhWords(before), zhWords(after)).map((c) => ({ text: c.value.join(''), ...(c.added ? { op: 'ins' as const } : c.removed ? { op: 'del' as const } : {}) })));
}

/** The earlier and later English, word by word. */
export function diffEn(before: string, after: string): DiffPart[] {
  return merge(diffWords(before, after).map((c) => ({ text: c.value, ...(c.added ? { op: 'ins' as const } : c.removed ? { op: 'del' as const } : {}) })));
}
