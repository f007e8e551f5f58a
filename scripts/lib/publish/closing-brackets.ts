/**
 * A link that ends with a full-width closing bracket (数据（JSON）, a title ending （2021-2025）):
 * the bracket's glyph stands in the left half of its em, and the link's underline ran on under
 * the blank right half. Each page is finished with such a bracket in `<span class="cb">`, which
 * the stylesheet sets half as wide (letter-spacing: -0.5em) and gives the half back as a margin,
 * outside the underline, so the text after the link keeps its place. Where punctuation follows the
 * link (）。, 》，) the browser already sets the bracket half wide against it, and nothing is done.
 * Only the markup changes: the text selected, copied and indexed keeps every character.
 *
 * It works on the page as the finishing step holds it (as connectors.ts does): its UTF-8 bytes
 * read as latin1, one character per byte. The brackets: ） (EF BC 89), 》 」 』 】 〕 (E3 80 8B,
 * 8D, 8F, 91, 95).
 */

const CLOSING = '\\xEF\\xBC\\x89|\\xE3\\x80[\\x8B\\x8D\\x8F\\x91\\x95]';
/** Punctuation after the link that the bracket is already set against: ，；：！？） and 、。》」』】〕. */
const PUNCTUATION = '\\xEF\\xBC[\\x8C\\x9B\\x9A\\x81\\x9F\\x89]|\\xE3\\x80[\\x81\\x82\\x8B\\x8D\\x8F\\x91\\x95]';
const OPEN = '<span class="cb">';
/**
 * The elements whose content is not running text (group 1), passed over whole, and comments;
 * then a closing bracket (group 3), maybe already marked (group 2), as the last character of a
 * link's text, with the inline elements' end tags up to the link's (group 4), not followed by
 * punctuation. No `i` flag: it would let the byte classes match their upper-case latin1 twins.
 */
const LINK_END = new RegExp(
  `<(script|style|textarea|title|svg|pre|code|option)\\b[^>]*>[\\s\\S]*?<\\/\\1\\s*>|<!--[\\s\\S]*?-->|(${OPEN})?(${CLOSING})((?:<\\/(?:span|abbr|dfn|em|strong|b|i|q|cite)>)*<\\/a>)(?!${PUNCTUATION})`,
  'gu',
);

/** The page (latin1, as finish-pages reads it) with each link-ending closing bracket of its body marked `cb`; a page already marked is returned unchanged. */
export function markClosingBrackets(html: string): string {
  const body = html.search(/<body\b/iu);
  if (body < 0) return html;
  return html.slice(0, body) + html.slice(body).replace(LINK_END, (match: string, skipped: string | undefined, marked: string | undefined, bracket: string | undefined, ends: string | undefined) => {
    if (skipped !== undefined || bracket === undefined || marked !== undefined) return match;
    return `${OPEN}${bracket}</span>${ends}`;
  });
}
