/**
 * Text as the browser lays it out, character by character: what the typesetting tests read to
 * find where lines break and how wide a character is set.
 */
import type { Page } from 'playwright-core';

/** An element's text with each character's box (its top and width; undefined where it is not laid out) and its font size in px. */
export interface LaidOutText {
  text: string;
  tops: (number | undefined)[];
  widths: (number | undefined)[];
  fontSize: number;
}

/** The text of every element `selector` matches, as laid out now. */
export async function laidOutText(page: Page, selector: string): Promise<LaidOutText[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let text = '';
      const tops: (number | undefined)[] = [];
      const widths: (number | undefined)[] = [];
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        text += node.data;
        for (let i = 0; i < node.data.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          tops.push(rect?.top);
          widths.push(rect?.width);
        }
      }
      return { text, tops, widths, fontSize: parseFloat(getComputedStyle(el).fontSize) };
    }),
  );
}

/**
 * Each character's line, counted from 0 (undefined where it is not laid out): a character
 * starts a new line when its box stands more than 4 px below the line's first character (the
 * boxes of one line may differ by a pixel or two between Chinese and Latin glyphs).
 */
export function lineNumbers(t: LaidOutText): (number | undefined)[] {
  let line = -1;
  let top = -Infinity;
  return t.tops.map((y) => {
    if (y === undefined) return undefined;
    if (y - top > 4) {
      line++;
      top = y;
    }
    return line;
  });
}
