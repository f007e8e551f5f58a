/**
 * Where a Chinese title may break: between its phrases, never inside a word (the design review,
 * item 9, found 内比都宣/言 on the home page; on a phone a balanced heading broke 第四/次). A title is cut
 * where Intl.Segmenter('zh') finds words, then put back together where that cut would misread:
 *
 * - single characters the segmenter leaves alone: two or more in a row are one word (内|比|都,
 *   东|盟); one alone goes with a number beside it (第|4.2.5|条) or else with the word before it
 *   (领导|人, 繁荣|的, 和平|与), or the word after it at the start;
 * - a connector holds the names or years on either side (澜沧江—湄公河, 2023—2027), as on the
 *   page's text (scripts/lib/publish/connectors.ts);
 * - an opening bracket or quotation mark goes with what follows, a closing one or a comma with
 *   what precedes.
 *
 * The phrases joined are the text, character for character; a text without Han characters is
 * one phrase (Latin text breaks at its spaces). The page shows them with `<wbr>` between and
 * `word-break: keep-all` (src/components/Phrases.astro).
 */

const HAN = /^\p{Script=Han}$/u;
const HAS_HAN = /\p{Script=Han}/u;
const NUMBER = /^[\d.]+$/u;
const CONNECTOR = /^[-\u2010-\u2015\uFF0D\u2500]+$/u;
const OPENING = /[（《〈「『“‘【〔(\[]$/u;
const CLOSING = /^[）》〉」』”’】〕)\]，、。：；！？,.:;!?]/u;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Titles cut so far: a document's title stands on every page of the site, in both interfaces. */
const cut = new Map<string, readonly string[]>();

/** `text` cut into the phrases a line may break between. */
export function phrases(text: string): readonly string[] {
  let found = cut.get(text);
  if (!found) cut.set(text, (found = Object.freeze(cutPhrases(text))));
  return found;
}

function cutPhrases(text: string): string[] {
  if (!HAS_HAN.test(text)) return [text];
  const words = [...segmenter.segment(text)].map((s) => s.segment);
  const single = (i: number) => HAN.test(words[i] ?? '');
  // glue[i]: words i and i + 1 stay on one line.
  const glue = words.slice(1).map((next, i) => {
    const word = words[i]!;
    return CONNECTOR.test(word) || CONNECTOR.test(next) || OPENING.test(word) || CLOSING.test(next) || (single(i) && single(i + 1));
  });
  // A single character on its own: to a number beside it, else to the word before, else after.
  for (let i = 0; i < words.length; i++) {
    if (!single(i) || single(i - 1) || single(i + 1)) continue;
    if (NUMBER.test(words[i + 1] ?? '')) glue[i] = true;
    else if (i > 0) glue[i - 1] = true;
    else if (i + 1 < words.length) glue[i] = true;
  }
  const out: string[] = [words[0]!];
  for (let i = 1; i < words.length; i++) {
    if (glue[i - 1]) out[out.length - 1] += words[i];
    else out.push(words[i]!);
  }
  return out;
}
