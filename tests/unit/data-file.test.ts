/** Data files read again in one process (`npm run dev`): a kept parse serves only the same text. */
import { describe, expect, test } from 'vitest';
import { z } from 'astro/zod';
import { keepParses, parseDataText, parsedYaml } from '../../scripts/lib/core/data-file';
import { Diagnostics, formatDiagnostic } from '../../scripts/lib/core/diagnostics';
import { localized } from '../../src/schemas/common';

const schema = z.object({ title: z.string() });

describe('keepParses', () => {
  test('the same text under the same name is parsed once; another text is parsed again', () => {
    keepParses();
    const first = parsedYaml('title: 一\n', 'content/a.yaml');
    expect(parsedYaml('title: 一\n', 'content/a.yaml')).toBe(first);
    expect(parsedYaml('title: 一\n', 'content/b.yaml')).not.toBe(first);
    const changed = parsedYaml('title: 二\n', 'content/a.yaml');
    expect(changed).not.toBe(first);
    expect(changed.doc.toJS()).toEqual({ title: '二' });
  });

  test('a file with a syntax error is never kept: the error is reported at each read, and the mended file is read afresh', () => {
    keepParses();
    const broken = 'title: [一\n';
    for (let i = 0; i < 2; i++) {
      const diagnostics = new Diagnostics();
      expect(parseDataText(schema, broken, 'content/c.yaml', diagnostics)).toBeUndefined();
      expect(diagnostics.messages.map(formatDiagnostic).join('\n')).toMatch(/^content\/c\.yaml:\d+:\d+: error: Unexpected YAML syntax/u);
    }
    const diagnostics = new Diagnostics();
    expect(parseDataText(schema, 'title: 一\n', 'content/c.yaml', diagnostics)?.data).toEqual({ title: '一' });
    expect(diagnostics.messages).toEqual([]);
  });

  test('a kept parse still reports a schema error at its line, read after read', () => {
    keepParses();
    for (let i = 0; i < 2; i++) {
      const diagnostics = new Diagnostics();
      expect(parseDataText(schema, 'other: 1\ntitle: 2\n', 'content/d.yaml', diagnostics)).toBeUndefined();
      expect(diagnostics.messages.map(formatDiagnostic).join('\n')).toMatch(/^content\/d\.yaml:2:\d+: error: /u);
    }
  });
});

describe('a comma inside { … }', () => {
  const label = z.object({ label: z.object({ zh: z.string(), en: z.string() }) });

  test('is an error at the words it cut off, not a shorter value: YAML ends a value in { … } at a comma', () => {
    const diagnostics = new Diagnostics();
    const text = 'label: { zh: 社会人文, en: Social, cultural and people-to-people exchanges }\n';
    expect(parseDataText(label, text, 'content/topics.yaml', diagnostics)).toBeUndefined();
    const [message, ...rest] = diagnostics.messages.map(formatDiagnostic);
    expect(rest).toEqual([]);
    expect(message).toBe('content/topics.yaml:1:32: error: Unexpected text “cultural and people-to-people exchanges” after a comma in { … }, expected a key and its value: a comma ends the value before it, so quote a value that has one ("Social, cultural and people-to-people exchanges") or write the mapping one key a line [flow-mapping-comma]');
  });

  test('a quoted value keeps its comma', () => {
    const diagnostics = new Diagnostics();
    const text = 'label: { zh: 社会人文, en: "Social, cultural and people-to-people exchanges" }\n';
    expect(parseDataText(label, text, 'content/topics.yaml', diagnostics)?.data).toEqual({ label: { zh: '社会人文', en: 'Social, cultural and people-to-people exchanges' } });
    expect(diagnostics.messages).toEqual([]);
  });
});

describe('a text in both languages', () => {
  test('with a key besides zh and en is an error at that key, not a key dropped without a word', () => {
    const diagnostics = new Diagnostics();
    const text = 'label:\n  zh: 社会人文\n  en: Social, cultural and people-to-people exchanges\n  fr: Social\n';
    expect(parseDataText(z.object({ label: localized }), text, 'content/topics.yaml', diagnostics)).toBeUndefined();
    expect(diagnostics.messages.map(formatDiagnostic).join('\n')).toMatch(/^content\/topics\.yaml:4:3: error: .*fr/u);
  });
});
