/** Issue 14: official names, house style and the second reader's corrections, checked on the real corpus. */
import { beforeAll, describe, expect, test } from 'vitest';
import { Diagnostics } from '../../scripts/lib/diagnostics';
import { buildModel, type Model } from '../../scripts/lib/model';
import { projectPaths } from '../../scripts/lib/paths';

let model: Model;
beforeAll(async () => {
  model = await buildModel(projectPaths(), new Diagnostics());
});

const doc = (id: string) => model.documents.find((d) => d.id === id)!;
const clause = (d: string, id: string) => doc(d).clauses.find((c) => c.id === id)!;

describe('the English of the edition', () => {
  test('Vientiane preamble.p2: the leaders reaffirm that multilateralism and win-win cooperation are vital', () => {
    const en = clause('lmc-vientiane-declaration-2020', 'preamble.p2').text.en ?? '';
    expect(en).toMatch(/reaffirm that strengthening multilateralism and supporting win-win cooperation are vital/u);
    expect(en).not.toMatch(/to reaffirm the strengthening/u);
  });
});
