/** Step 6 of the cross-link matcher (links.ts): section-level `related` links between frameworks. */
import { type Candidate, type DocInfo, type linkType, PILLARS } from './link-types';
import { bigrams, cosine, normaliseForMatching, type Unit, type Vector } from './match-units';

/** Words of a heading that name no subject: the verbs and frames of section titles. */
const HEADING_FRAMES = /加强|推进|促进|深化|提升|强化|推动|更紧密的|合作|领域|事务|交流/gu;

/** The subject terms of a heading: what is left between its frames, lists and conjunctions. */
export function headingTerms(heading: string): string[] {
  return normaliseForMatching(heading).replace(HEADING_FRAMES, '|').split(/[|、，,和与及的\s（）()]+/u).filter((t) => [...t].length >= 2);
}

/**
 * Section-level `related` links between frameworks (issue 15). The ASEAN-China plan states
 * a subject in a section heading (3.1 加强公共卫生合作) over short provisions, each of which
 * is too short to match a whole LMC section (4.1.3.1 公共卫生合作) on its text. A section
 * heading over provisions and a headed section of another framework are linked when:
 * - their headings share a subject: a subject term of one contains one of the other's
 *   (`headingTerms`: 减贫 in 社会保障和减贫), or their bigrams, with the stoplist of
 *   provision verbs and frames, have a cosine ≥ `min` (加强…合作 counts for nothing);
 * - they share a subject topic that is not generic (the topics of the section's provisions
 *   count for it), as for every `related` link between frameworks;
 * - no kept link already joins the section or one of its provisions to that clause;
 * - it is the section's best such match in that document, and the clause's best from the
 *   section's document, or nearly (`relative`), scored by how much of the shorter heading
 *   the other covers.
 */
export function sectionLinks(
  units: Unit[],
  kept: Candidate[],
  o: {
    headings: Vector[];
    headingNorms: number[];
    infos: Map<string, DocInfo>;
    typeOf: (i: number, j: number) => ReturnType<typeof linkType>;
    min: number;
    relative: number;
    perDocument: number;
    perUnit: number;
    maxPostings: number;
    topics?: Map<string, string[]>;
    generic: Set<string>;
  },
): Candidate[] {
  const framework = (i: number) => o.infos.get(units[i]!.document)!.framework;
  const index = new Map(units.map((u, i) => [u.ref, i]));
  // A heading over provisions, not over further headings: 3.1 加强公共卫生合作 is a subject,
  // 1 政治与安全合作 (over 1.1, 1.2 …) a pillar.
  const headed = new Set(units.filter((u) => u.heading).flatMap((u) => u.ancestors.map((a) => `${u.document}#${a}`)));
  const sectionsOver = units.map((u, i) => (u.structural && u.heading && !headed.has(u.ref) ? i : -1)).filter((i) => i >= 0);
  const targets = units.map((u, i) => (!u.structural && u.heading ? i : -1)).filter((i) => i >= 0);
  // Subject topics of every headed unit: its own clause's and those of the clauses under it,
  // gathered in one pass over the tags by each clause's enclosing ids.
  const subjects = new Map<number, Set<string>>();
  if (o.topics) {
    for (const [ref, list] of o.topics) {
      const [doc, clause] = ref.split('#') as [string, string];
      const parts = clause.split('.');
      for (let k = 1; k <= parts.length; k++) {
        const i = index.get(`${doc}#${parts.slice(0, k).join('.')}`);
        if (i === undefined || !units[i]!.heading) continue;
        let set = subjects.get(i);
        if (!set) subjects.set(i, (set = new Set()));
        for (const t of list) if (!PILLARS.has(t) && !o.generic.has(t)) set.add(t);
      }
    }
  }
  // Pairs already joined by a kept link, between any clauses enclosing its two ends.
  const joined = new Set<string>();
  for (const c of kept) {
    const ends = [c.from, c.to].map((i) => [units[i]!.ref, ...units[i]!.ancestors.map((a) => `${units[i]!.document}#${a}`)]);
    for (const a of ends[0]!) for (const b of ends[1]!) joined.add(`${a}|${b}`).add(`${b}|${a}`);
  }
  const terms = new Map<number, string[]>();
  const termsOf = (i: number) => terms.get(i) ?? terms.set(i, headingTerms(units[i]!.heading)).get(i)!;
  // Candidates through the headings' bigrams (a contained term shares its bigrams), skipping
  // bigrams too common among the targets, so the work stays linear in the corpus.
  const postings = new Map<string, number[]>();
  for (const t of targets) for (const b of new Set(bigrams(units[t]!.heading))) (postings.get(b) ?? postings.set(b, []).get(b)!).push(t);
  const found: { s: number; t: number; score: number }[] = [];
  for (const s of sectionsOver) {
    const candidates = new Set<number>();
    for (const b of new Set(bigrams(units[s]!.heading))) {
      const list = postings.get(b);
      if (list && list.length <= o.maxPostings) for (const t of list) candidates.add(t);
    }
    const mine = subjects.get(s);
    for (const t of candidates) {
      if (framework(s) === framework(t)) continue;
      const cos = cosine(o.headings[s]!, o.headings[t]!, o.headingNorms[s]!, o.headingNorms[t]!);
      if (cos < o.min && !termsOf(s).some((x) => termsOf(t).some((y) => x.includes(y) || y.includes(x)))) continue;
      const theirs = subjects.get(t);
      if (o.topics && (!mine || !theirs || ![...mine].some((x) => theirs.has(x)))) continue;
      // Scored by how much of the shorter heading the other covers (减贫 is all of 4.2.6's).
      const nmin = Math.min(o.headingNorms[s]!, o.headingNorms[t]!);
      found.push({ s, t, score: Math.min(1, (cos * o.headingNorms[s]! * o.headingNorms[t]!) / (nmin * nmin)) });
    }
  }
  // For each section and each clause, the best match in each other document, and any nearly as good.
  const best = new Map<string, number>();
  const keys = (f: { s: number; t: number }) => [`${f.s}>${units[f.t]!.document}`, `${f.t}<${units[f.s]!.document}`];
  for (const f of found) for (const k of keys(f)) best.set(k, Math.max(best.get(k) ?? 0, f.score));
  // Strongest first, within the same allowances as the other links: `perDocument` per clause
  // and other document, `perUnit` in all (with many documents, a section would otherwise
  // collect a link from each of them).
  const count = new Map<number | string, number>();
  for (const c of kept) for (const k of [c.from, c.to]) count.set(k, (count.get(k) ?? 0) + 1);
  const out: Candidate[] = [];
  found.sort((a, b) => b.score - a.score || a.s - b.s || a.t - b.t);
  for (const f of found) {
    if (keys(f).some((k) => f.score < o.relative * best.get(k)! || (count.get(k) ?? 0) >= o.perDocument) || joined.has(`${units[f.s]!.ref}|${units[f.t]!.ref}`)) continue;
    if ((count.get(f.s) ?? 0) >= o.perUnit || (count.get(f.t) ?? 0) >= o.perUnit) continue;
    for (const k of [f.s, f.t, ...keys(f)]) count.set(k, (count.get(k) ?? 0) + 1);
    const { type, forward } = o.typeOf(f.s, f.t);
    out.push(forward ? { from: f.s, to: f.t, type, score: f.score } : { from: f.t, to: f.s, type, score: f.score });
  }
  return out.sort((a, b) => a.from - b.from || a.to - b.to);
}
