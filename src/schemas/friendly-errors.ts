/**
 * The one place where schema issues become readable messages: each issue names the
 * path it concerns, what was found and what was expected, and, when the caller can
 * locate paths in the file, the line and column.
 */
import type { z } from 'astro/zod';

export interface LocatedIssue {
  path: (string | number)[];
  message: string;
  line?: number;
  column?: number;
}

/** Finds the line and column of a path in the parsed file, if known. */
export type Locator = (path: (string | number)[]) => { line: number; column: number } | undefined;

function describe(issue: z.core.$ZodIssue): string {
  const at = issue.path.length ? issue.path.join('.') : '(top level)';
  switch (issue.code) {
    case 'invalid_type':
      return `Unexpected value at \`${at}\`, ${issue.message.replace(/^Invalid input: /, '')}`;
    case 'unrecognized_keys':
      return `Unexpected key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')} at \`${at}\`, expected only the keys the schema defines`;
    case 'invalid_value':
      return `Unexpected value at \`${at}\`, expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_key': {
      // A record's key that fails its own schema (e.g. a clause id with a space): say which, and why.
      const parent = issue.path.length > 1 ? issue.path.slice(0, -1).join('.') : '(top level)';
      const why = issue.issues.map((i) => i.message).find((m) => m.startsWith('expected')) ?? 'expected a valid key';
      return `Unexpected key \`${String(issue.path[issue.path.length - 1])}\` at \`${parent}\`, ${why}`;
    }
    default:
      return `Unexpected value at \`${at}\`, ${issue.message}`;
  }
}

/** Turns a zod error into located, readable issues. */
export function friendlyIssues(error: z.ZodError, locate?: Locator): LocatedIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) as (string | number)[];
    // Unknown keys are reported at their own node where possible.
    const extra = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]!] : path;
    let place = locate?.(extra);
    for (let n = path.length; !place && n >= 0; n--) place = locate?.(path.slice(0, n));
    return { path, message: describe(issue), line: place?.line, column: place?.column };
  });
}

/** Parses `data`, throwing one Error whose message lists every issue with its place. */
export function parseWithFriendlyErrors<T extends z.ZodType>(schema: T, data: unknown, file: string, locate?: Locator): z.infer<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const lines = friendlyIssues(result.error, locate).map((i) => `${file}${i.line ? `:${i.line}:${i.column}` : ''}: ${i.message} [schema]`);
  throw new Error(lines.join('\n'));
}
