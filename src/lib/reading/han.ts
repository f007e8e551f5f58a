/**
 * Runs of Chinese inside another language's text (issue 24). A Han character in an English
 * paragraph takes the English font stack, which has no Chinese face, so the browser falls back
 * to whatever CJK font it finds first (often a Japanese one: 直 骨 边 with Japanese forms).
 * Marked `lang="zh-CN"`, it gets the Chinese stack.
 */

export interface Run {
  text: string;
  /** The run is Chinese: Han characters, with the CJK punctuation and dashes between them. */
  han: boolean;
}

// A run starts and ends with a Han character or a mark only Chinese uses around one (《宣言》,
// （一）), and may hold CJK punctuation, dashes, Latin digits and full-width forms between. The
// quotation marks “ ” ‘ ’ around Chinese in English prose stay English: under zh-CN the browser
// sets them full width, and (“鼓” ends line 133) showed a gap after the closing mark.
const RUN = /[《（「『]*\p{Script=Han}(?:[\p{Script=Han}\u3000-\u303f\uff01-\uff5e\u2014\u2013\-·•0-9]*\p{Script=Han})?[》）」』。，、；：！？]*/gu;

/** `text` split into Chinese runs and the rest, in order (joined, they give the text back). */
export function hanRuns(text: string): Run[] {
  const out: Run[] = [];
  let at = 0;
  for (const m of text.matchAll(RUN)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index), han: false });
    out.push({ text: m[0], han: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), han: false });
  return out;
}
