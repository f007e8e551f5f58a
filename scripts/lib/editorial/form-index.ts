/**
 * The forms of the glossary's and the names register's matchers, indexed by their first two
 * characters: a text is read once, and at each place only the forms that start with its two
 * characters are compared, where searching for each form in turn read the text once per form
 * (hundreds of times; most of the terminology and names stages' time at 10×).
 */

/** A UTF-16 code unit pair as one number (a form of one unit has its own table). */
const pair = (text: string, at: number) => text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);

export class FormIndex {
  private readonly long = new Map<number, number[]>();
  private readonly short = new Map<number, number[]>();

  /** `forms`: the texts to find, already folded as the haystacks will be (case, quotes). */
  constructor(private readonly forms: readonly string[]) {
    forms.forEach((form, i) => {
      if (form.length === 0) throw new Error(`FormIndex: form ${i + 1} is empty, expected at least one character`);
      const table = form.length === 1 ? this.short : this.long;
      const key = form.length === 1 ? form.charCodeAt(0) : pair(form, 0);
      const list = table.get(key);
      if (list) list.push(i);
      else table.set(key, [i]);
    });
  }

  /**
   * Every place where a form occurs in `haystack` and `allowed(at)` holds, overlapping places
   * included: form by form in the order given, each in text order, as `indexOf` form by form
   * finds them (so a matcher's choices between overlapping forms stay the same).
   */
  occurrences(haystack: string, allowed: (at: number) => boolean): { form: number; at: number }[] {
    const found: { form: number; at: number }[] = [];
    for (let at = 0; at < haystack.length; at++) {
      const one = this.short.get(haystack.charCodeAt(at));
      const two = at + 1 < haystack.length ? this.long.get(pair(haystack, at)) : undefined;
      if ((!one && !two) || !allowed(at)) continue;
      if (one) for (const form of one) found.push({ form, at });
      if (two) for (const form of two) if (haystack.startsWith(this.forms[form]!, at)) found.push({ form, at });
    }
    return found.sort((a, b) => a.form - b.form || a.at - b.at);
  }
}
