/**
 * No line break at a connector (issue 24's design review, item 9): a line that ends "中国-"
 * and goes on "东盟", or that starts "—湄公河" (which reads as 一湄公河), misreads the name.
 * The sources' connectors are kept as they are (docs/reading.md, "Connectors"), so a page
 * marks each run of a Han character or digit, its connector (- ‐ ‑ ‒ – — ― － ─) and the next
 * Han character or digit as one that does not break: `<span class="nb">国-东</span>`, which
 * the stylesheet sets `white-space: nowrap`. Only the page's markup changes: its text (what
 * is selected and copied, what Pagefind indexes) keeps every character, and nothing is added
 * to the data files, the downloads, the citations or the attributes (titles, descriptions).
 *
 * It works on the page as the finishing step holds it: its UTF-8 bytes read as latin1, one
 * character per byte, so nothing is decoded and encoded again. Han characters from U+4000 to
 * U+9FFF are the three bytes E4–E9 80–BF 80–BF; a continuation byte (80–BF) is never one of
 * the lead bytes matched, so a match always starts on a whole character.
 */

const HAN_OR_DIGIT = '(?:[\\xE4-\\xE9][\\x80-\\xBF]{2}|[0-9])';
/** - U+002D, U+2010–U+2015 (hyphen to horizontal bar: \xE2\x80\x90–\x95), U+FF0D (full-width hyphen), U+2500 (a box-drawing line some sources use). */
const CONNECTOR = '(?:-|\\xE2\\x80[\\x90-\\x95]|\\xEF\\xBC\\x8D|\\xE2\\x94\\x80)';
const CONNECTED = new RegExp(`${HAN_OR_DIGIT}(?:${CONNECTOR}+${HAN_OR_DIGIT})+`, 'gu');
/**
 * A page's pieces: an element whose content is not running text (kept whole), a comment, a tag,
 * or text (group 2). Attribute values cannot hold `<` or `>`: Astro escapes them.
 */
const PIECES = /<(script|style|textarea|title|svg|pre|code|option)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<[^>]*>|([^<]+)/giu;
const OPEN = '<span class="nb">';
/** An inline element holding only text (a glossary term, a language run), ending or starting with a Han character or digit; `n` is its tag's group. */
const INLINE = '(a|span|abbr|dfn|em|strong|b|i|q|cite)';
const ends = (n: number) => `<${INLINE}\\b[^>]*>[^<]*${HAN_OR_DIGIT}<\\/\\${n}>`;
const starts = (n: number) => `<${INLINE}\\b[^>]*>${HAN_OR_DIGIT}[^<]*<\\/\\${n}>`;
/**
 * A connector between elements (`<a class="term">澜沧江</a>—<a class="term">湄公河</a>`, `中国-<a …>东盟</a>`):
 * a break is governed by the element that holds both sides, so the span holds the elements whole.
 * `<` cannot stand in an attribute value, so none of these starts or ends inside one; the elements
 * whose content is not running text (group 1) are passed over whole. No `i` flag: it would let
 * the byte class of Han lead bytes match their upper-case latin1 twins (C4–C9).
 */
const ACROSS = new RegExp(
  `<(script|style|textarea|title|svg|pre|code|option)\\b[^>]*>[\\s\\S]*?<\\/\\1\\s*>|<!--[\\s\\S]*?-->|(?:${ends(2)}|${HAN_OR_DIGIT})${CONNECTOR}+${starts(3)}|${ends(4)}${CONNECTOR}+${HAN_OR_DIGIT}`,
  'gu',
);

/**
 * What every match of ACROSS but a passed-over element holds: an inline element's end tag right
 * before a connector, or a connector right before its start tag. Most pages have neither (90 of
 * 1,094), and this plain search costs a fraction of ACROSS's alternatives at every `<`.
 */
const MAYBE_ACROSS = new RegExp(`<\\/${INLINE}>${CONNECTOR}|${CONNECTOR}<${INLINE}\\b`, 'u');

/** The page (latin1, as finish-pages reads it) with every connector run of its body's text marked `nb`; a page already marked is returned unchanged. */
export function joinConnectors(html: string): string {
  const body = html.search(/<body\b/iu);
  if (body < 0) return html;
  let previous = '';
  const from = html.slice(body);
  const across = !MAYBE_ACROSS.test(from) ? from : from.replace(ACROSS, (run: string, skipped: string | undefined, ...rest: unknown[]) => {
    const at = rest.at(-2) as number;
    const whole = rest.at(-1) as string;
    if (skipped !== undefined || run.startsWith('<!--') || whole.slice(at - OPEN.length, at) === OPEN) return run;
    return `${OPEN}${run}</span>`;
  });
  const joined = across.replace(PIECES, (piece: string, _element: string | undefined, text: string | undefined) => {
    const after = previous;
    previous = piece;
    // Text already in a run's span: a page finished twice is not marked twice.
    if (text === undefined || after === OPEN) return piece;
    return text.replace(CONNECTED, (run) => `${OPEN}${run}</span>`);
  });
  return html.slice(0, body) + joined;
}
