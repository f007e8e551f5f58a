/**
 * Stage: /data/changes.json (issue 15). Pairs the sections of each document with its
 * successor's through the cross-links (continues, implements, related), applies the editors'
 * pairs and unpairs (content/changes.yaml), groups them into changes, and compares the
 * commitments of each change: each earlier commitment is matched to the later one whose object
 * shares most of its wording, and the matched levels give the direction.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DocumentData } from '../../../src/schemas/document';
import type { LinkData } from '../../../src/schemas/links';
import { changesCurationSchema, type Change, type ChangesData, type CommitmentDirection } from '../../../src/schemas/changes';
import type { Lexicon } from '../../../src/schemas/commitments';
import { COMPARISONS, groupChanges, kept, sectionText, sections, type Edge } from '../../../src/lib/changes/compare';
import { CommitmentReader } from '../editorial/commitments';
import { readDataFile } from '../core/data-file';
import type { Diagnostics } from '../core/diagnostics';
import { display, type ProjectPaths } from '../core/paths';

/** Below this share of an earlier commitment's object found in a later one, the two are not the same commitment. */
const SAME_OBJECT = 0.3;

interface Found {
  clause: string;
  zh: string;
  chain: string;
  level: 1 | 2 | 3 | 4;
  object: string;
}

function commitmentsOf(doc: DocumentData, clauses: string[], reader: CommitmentReader): Found[] {
  const byId = new Map(doc.clauses.map((c) => [c.id, c]));
  return clauses.flatMap((id) => {
    const reading = reader.read(byId.get(id)!.text.zh);
    return reading.commitments.map((c, i) => ({ clause: id, zh: c.zh, chain: reading.spans[i]!.chain, level: c.level, object: reading.spans[i]!.object }));
  });
}

/** Matches earlier to later commitments by their objects, best first, one to one. */
export function matchCommitments(before: Found[], after: Found[]): [Found, Found][] {
  const candidates: { a: Found; b: Found; score: number }[] = [];
  for (const a of before) for (const b of after) {
    const score = Math.min(kept(a.object, b.object), 1) * 0.5 + Math.min(kept(b.object, a.object), 1) * 0.5;
    if (score >= SAME_OBJECT) candidates.push({ a, b, score });
  }
  candidates.sort((x, y) => y.score - x.score);
  const usedA = new Set<Found>();
  const usedB = new Set<Found>();
  const out: [Found, Found][] = [];
  for (const c of candidates) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    out.push([c.a, c.b]);
  }
  return out;
}

/** The direction of a change from its matched commitments (or, with none matched, the strongest level on each side). */
export function direction(before: Found[], after: Found[], matched: [Found, Found][]): CommitmentDirection {
  if (!before.length && !after.length) return 'same';
  if (!before.length) return 'stronger';
  if (!after.length) return 'weaker';
  const up = matched.some(([a, b]) => b.level > a.level);
  const down = matched.some(([a, b]) => b.level < a.level);
  if (up && down) return 'mixed';
  if (up) return 'stronger';
  if (down) return 'weaker';
  if (matched.length) return 'same';
  const max = (list: Found[]) => Math.max(...list.map((f) => f.level));
  return max(after) > max(before) ? 'stronger' : max(after) < max(before) ? 'weaker' : 'same';
}

/** Builds the comparisons; undefined where a document of a comparison is missing (fixture projects). */
export async function buildChanges(paths: ProjectPaths, documents: DocumentData[], links: LinkData[], lexicon: Lexicon | undefined, diagnostics: Diagnostics): Promise<ChangesData | undefined> {
  const byId = new Map(documents.map((d) => [d.id, d]));
  if (!lexicon || !COMPARISONS.every(([a, b]) => byId.has(a) && byId.has(b))) return undefined;
  const file = path.join(paths.root, 'content', 'changes.yaml');
  const curation = existsSync(file) ? await readDataFile(changesCurationSchema, file, display(paths.root, file), diagnostics) : undefined;
  diagnostics.throwIfFatal();
  const reader = new CommitmentReader(lexicon);
  const comparisons = COMPARISONS.map(([fromId, toId]) => {
    const earlier = byId.get(fromId)!;
    const later = byId.get(toId)!;
    const se = sections(earlier);
    const sl = sections(later);
    const edges = new Map<string, Edge>();
    for (const l of links) {
      if (l.type === 'references') continue;
      const [fd, fc] = l.from.split('#') as [string, string];
      const [td, tc] = l.to.split('#') as [string, string];
      const pair = fd === fromId && td === toId ? [fc, tc] : fd === toId && td === fromId ? [tc, fc] : undefined;
      if (!pair) continue;
      const a = se.of(pair[0]!);
      const b = sl.of(pair[1]!);
      if (!a || !b) continue;
      const key = `${a}|${b}`;
      const score = l.score ?? 1;
      if (!edges.has(key) || edges.get(key)!.score < score) edges.set(key, { from: a, to: b, score, curated: edges.get(key)?.curated ?? false });
    }
    const reasons = new Map<string, { zh: string; en: string }[]>();
    const entry = curation?.data.comparisons.findIndex((c) => c.from === fromId && c.to === toId) ?? -1;
    const cur = entry >= 0 ? curation!.data.comparisons[entry]! : undefined;
    const check = (list: 'pair' | 'unpair', i: number, end: 'from' | 'to', id: string, s: typeof se) => {
      if (!s.ids.includes(id)) diagnostics.error(`Unexpected section \`${id}\`, expected a section of ${end === 'from' ? fromId : toId}: ${s.ids.join(', ')}`, { file: curation!.name, place: curation!.locate(['comparisons', entry, list, i, end]), ruleId: 'unknown-section' });
    };
    cur?.unpair.forEach((u, i) => {
      check('unpair', i, 'from', u.from, se);
      check('unpair', i, 'to', u.to, sl);
      if (!edges.delete(`${u.from}|${u.to}`)) diagnostics.error(`Unexpected unpair of ${u.from} and ${u.to}, expected a pair the links make`, { file: curation!.name, place: curation!.locate(['comparisons', entry, 'unpair', i]), ruleId: 'unknown-pair' });
      for (const id of [`from:${u.from}`, `to:${u.to}`]) reasons.set(id, [...(reasons.get(id) ?? []), u.reason]);
    });
    cur?.pair.forEach((p, i) => {
      check('pair', i, 'from', p.from, se);
      check('pair', i, 'to', p.to, sl);
      edges.set(`${p.from}|${p.to}`, { from: p.from, to: p.to, score: 1, curated: true });
      reasons.set(`pair:${p.from}|${p.to}`, [p.reason]);
    });
    diagnostics.throwIfFatal();
    const keptShare = (a: string, b: string) => kept(sectionText(earlier, se, a, 'zh'), sectionText(later, sl, b, 'zh'));
    const groups = groupChanges(se.ids, sl.ids, [...edges.values()], keptShare);
    const changes: Change[] = groups.map((g) => {
      const before = commitmentsOf(earlier, g.from.flatMap((id) => se.clauses(id).map((c) => c.id)), reader);
      const after = commitmentsOf(later, g.to.flatMap((id) => sl.clauses(id).map((c) => c.id)), reader);
      const matched = matchCommitments(before, after);
      const why = [
        ...g.from.flatMap((a) => g.to.flatMap((b) => reasons.get(`pair:${a}|${b}`) ?? [])),
        ...g.from.flatMap((a) => reasons.get(`from:${a}`) ?? []),
        ...g.to.flatMap((b) => reasons.get(`to:${b}`) ?? []),
      ];
      const strip = ({ object: _o, ...f }: Found) => f;
      return {
        from: g.from,
        to: g.to,
        status: g.status,
        origin: g.curated || why.length ? 'curated' : 'auto',
        commitment: direction(before, after, matched),
        levels: matched.filter(([a, b]) => a.level !== b.level).map(([a, b]) => ({ from: strip(a), to: strip(b) })),
        ...(why.length ? { reasons: [...new Map(why.map((r) => [r.en, r])).values()] } : {}),
      };
    });
    return { from: fromId, to: toId, changes };
  });
  return { comparisons };
}
