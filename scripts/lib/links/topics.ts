/**
 * Tags every clause with topics from the taxonomy (content/topics.yaml).
 *
 * The rule, in order:
 * 1. Subjects and priority areas: a topic applies when one of its keywords occurs in the
 *    clause's heading or text, or in the heading of an enclosing clause (a heading names
 *    the subject of everything under it: 4.2.6.p3 举办澜湄合作村长论坛 is under 4.2.6 农业).
 * 2. A clause that still has none takes the subjects at least half of its children have
 *    (3 工作架构 takes `institutions` from its paragraphs), or all of its children's
 *    subjects when each child has one and they are at most four (5 支撑体系); 4 务实合作, over every subject,
 *    takes none.
 * 3. Pillars: from the headings of the clause and its ancestors (4.1 政治安全事务 and all
 *    under it); outside any pillar section, from the `pillar` of its subjects and areas;
 *    a clause with neither subjects nor pillars takes its children's pillars.
 * 4. A clause left with nothing takes the topics of the clause before it in reading
 *    order (the Vientiane Declaration's preamble.p14 我们特此宣布： belongs with its
 *    preamble).
 * Topics are listed in taxonomy order. Matching reads 澜沧江—湄公河 as 澜湄 and uses NFKC.
 */
import type { DocumentData } from '../../../src/schemas/document';
import type { Topic } from '../../../src/schemas/topics';

export type { Topic } from '../../../src/schemas/topics';

const fold = (text: string) => text.normalize('NFKC').replace(/澜沧江[-—–]?湄公河/gu, '澜湄').toLowerCase();

/** The topic ids whose keywords occur in `text`, optionally only of some kinds. */
export function matchTopics(text: string, topics: Topic[], kinds: Topic['kind'][] = ['priority-area', 'subject']): string[] {
  const t = fold(text);
  return topics.filter((topic) => kinds.includes(topic.kind) && foldedKeywords(topic).some((k) => t.includes(k))).map((topic) => topic.id);
}

/** A topic's keywords folded, once per topic rather than once per clause (the taxonomy is read once and not changed). */
const folded = new WeakMap<Topic, string[]>();
function foldedKeywords(topic: Topic): string[] {
  let keywords = folded.get(topic);
  if (!keywords) folded.set(topic, (keywords = topic.keywords.map(fold)));
  return keywords;
}

/**
 * Tags every clause of every document: a map from `document#clause` to topic ids, in
 * taxonomy order, never empty (see the module comment for the rule). Throws if the
 * taxonomy cannot give a clause any topic, so an untagged clause never ships.
 */
export function tagClauses(documents: DocumentData[], topics: Topic[]): Map<string, string[]> {
  const order = new Map(topics.map((t, i) => [t.id, i]));
  const byId = new Map(topics.map((t) => [t.id, t]));
  const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort((a, b) => order.get(a)! - order.get(b)!);
  const result = new Map<string, string[]>();
  for (const doc of documents) {
    const clauses = new Map(doc.clauses.map((c) => [c.id, c]));
    const children = new Map<string, string[]>();
    for (const c of doc.clauses) if (c.parent) children.set(c.parent, [...(children.get(c.parent) ?? []), c.id]);
    const ancestors = (id: string) => {
      const out: string[] = [];
      for (let p = clauses.get(id)!.parent; p; p = clauses.get(p)?.parent ?? null) out.push(p);
      return out;
    };
    const subjects = new Map<string, string[]>();
    for (const c of doc.clauses) {
      const headings = [c.heading?.zh ?? '', ...ancestors(c.id).map((a) => clauses.get(a)!.heading?.zh ?? '')].join('\n');
      subjects.set(c.id, matchTopics(`${headings}\n${c.text.zh}`, topics));
    }
    // Children before parents (reverse reading order), so a heading sees what its
    // children inherited. A subject most children share is the section's subject; a
    // heading over many subjects (4 务实合作) takes none, only the pillars below.
    for (const c of [...doc.clauses].reverse()) {
      const kids = children.get(c.id) ?? [];
      if (subjects.get(c.id)!.length || !kids.length) continue;
      const votes = new Map<string, number>();
      for (const k of kids) for (const t of subjects.get(k)!) votes.set(t, (votes.get(t) ?? 0) + 1);
      const shared = [...votes].filter(([, n]) => n * 2 >= kids.length).map(([t]) => t);
      // A few children on a few subjects (5 支撑体系: funding, think tanks, institutions)
      // are the section's subjects together.
      const each = kids.every((k) => subjects.get(k)!.length);
      subjects.set(c.id, sorted(shared.length || votes.size > 4 || !each ? shared : votes.keys()));
    }
    const tags = new Map<string, string[]>();
    for (const c of [...doc.clauses].reverse()) {
      const headings = [c.heading?.zh ?? '', ...ancestors(c.id).map((a) => clauses.get(a)!.heading?.zh ?? '')].join('\n');
      const own = subjects.get(c.id)!;
      let pillars = matchTopics(headings, topics, ['pillar']);
      if (!pillars.length) pillars = own.map((id) => byId.get(id)!.pillar).filter((p): p is string => !!p);
      if (!pillars.length && !own.length) pillars = (children.get(c.id) ?? []).flatMap((k) => tags.get(k)!.filter((t) => byId.get(t)!.kind === 'pillar'));
      tags.set(c.id, sorted([...pillars, ...own]));
    }
    let previous: string[] = [];
    for (const c of doc.clauses) {
      if (!tags.get(c.id)!.length) tags.set(c.id, previous);
      previous = tags.get(c.id)!;
      if (!previous.length) throw new Error(`Unexpected clause ${doc.id}#${c.id} without a topic, expected the taxonomy (content/topics.yaml) to give every clause one`);
      result.set(`${doc.id}#${c.id}`, previous);
    }
  }
  return result;
}
