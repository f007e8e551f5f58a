/**
 * Synthetic corpora for the benchmark: `scale` copies of every real document, each a new
 * document with the same shape (numbering depths, headings, clause lengths, notes, English)
 * and Chinese text perturbed deterministically from a seed, drawing replacement characters
 * from the corpus's own character frequencies. Glossary terms are left intact so the
 * terminology check holds. Written as a complete project content/ folder.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { DocumentData } from '../../src/schemas/document';
import type { GlossaryTerm } from '../../src/schemas/glossary';
import type { Model } from './model';
import { TermMatcher } from './terminology';
import { sha256Hex, writeReviews } from './reviews';

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HAN = /\p{Script=Han}/u;

/**
 * Replaces a share of the Han characters outside glossary terms. A draw that happens to
 * spell a glossary term the original did not have is drawn again (then the text is kept).
 */
function perturb(text: string, terms: TermMatcher, alphabet: string[], random: () => number, rate: number): string {
  const before = termSet(text, terms);
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = perturbOnce(text, terms, alphabet, random, rate);
    if (termSet(candidate, terms) === before) return candidate;
  }
  return text;
}

const termSet = (text: string, terms: TermMatcher) => [...new Set(terms.findZh(text).map((o) => o.term.id))].sort().join(' ');

function perturbOnce(text: string, terms: TermMatcher, alphabet: string[], random: () => number, rate: number): string {
  const protectedSpans = terms.findZh(text);
  const chars = [...text];
  let offset = 0;
  return chars
    .map((ch) => {
      const at = offset;
      offset += ch.length;
      // The first characters stay, so a paragraph never turns into a numbered line (一、…).
      if (at < 3 || !HAN.test(ch) || protectedSpans.some((o) => o.start <= at && at < o.end)) return ch;
      return random() < rate ? alphabet[Math.floor(random() * alphabet.length)]! : ch;
    })
    .join('');
}

/** The source line that parses back into this clause (see scripts/lib/clauses.ts). */
function sourceLine(clause: DocumentData['clauses'][number]): string {
  if (!clause.number) return clause.text.zh;
  const sep = /^\d+(\.\d+)+$/u.test(clause.number) ? ' ' : '';
  if (clause.heading && clause.text.zh) return `${clause.number}${sep}${clause.heading.zh}。${clause.text.zh}`;
  return `${clause.number}${sep}${clause.heading?.zh ?? clause.text.zh}`;
}

export interface SyntheticCorpus {
  documents: number;
  clauses: number;
  sourceBytes: number;
}

/** Writes a synthetic project content/ into `root` (which must not exist yet). */
export async function writeSyntheticCorpus(model: Model, realRoot: string, root: string, scale: number, seed = 20261122): Promise<SyntheticCorpus> {
  const content = path.join(root, 'content');
  await mkdir(path.join(content, 'sources'), { recursive: true });
  await mkdir(path.join(content, 'recipes'), { recursive: true });
  await mkdir(path.join(content, 'translations'), { recursive: true });
  for (const file of ['glossary.yaml', 'names.yaml', 'topics.yaml', 'edition.yaml']) await cp(path.join(realRoot, 'content', file), path.join(content, file));
  // The glossary's exceptions name clauses by document id: each copy gets its own (issue 27).
  const exceptions = model.glossary?.data.exceptions ?? [];
  if (exceptions.length > 0) {
    const copies = exceptions.flatMap((e) => Array.from({ length: scale - 1 }, (_, i) => ({ ...e, document: `${e.document}-s${i + 2}` })));
    await writeFile(path.join(content, 'glossary.yaml'), stringify({ terms: model.glossary!.data.terms, exceptions: [...exceptions, ...copies] }));
  }
  await writeFile(path.join(content, 'links.yaml'), 'confirm: []\nadd: []\nreject: []\n');
  const terms = new TermMatcher((model.glossary?.data.terms ?? []) as GlossaryTerm[]);
  const alphabet = model.documents.flatMap((d) => d.clauses.flatMap((c) => [...`${c.heading?.zh ?? ''}${c.text.zh}`].filter((ch) => HAN.test(ch))));
  const random = prng(seed);
  const manifest: string[] = [];
  let n = 0;
  let clauses = 0;
  let sourceBytes = 0;
  for (let copy = 1; copy <= scale; copy++) {
    for (const doc of model.documents) {
      n++;
      // Copy 1 keeps the real ids, so pages that name a document (the plan comparison) still build.
      const id = copy === 1 ? doc.id : `${doc.id}-s${copy}`;
      const file = `${String(n % 1000).padStart(3, '0')}_${createHash('sha256').update(id).digest('hex').slice(0, 16)}.txt`;
      const lines = [doc.title.zh];
      const english: Record<string, { heading?: string; text?: string }> = {};
      const notHeadings: Record<string, { heading: false }> = {};
      const notes: { clause: string; kind: string; zh: string; en: string }[] = [];
      const translationNotes: typeof notes = [];
      // Reviewed against the perturbed Chinese, as the real corpus is: pages carry no draft marks.
      const reviews: [string, { reviewed: string; of: string }][] = [];
      for (const clause of doc.clauses) {
        const heading = clause.heading ? perturb(clause.heading.zh, terms, alphabet, random, 0.35) : undefined;
        const text = clause.text.zh ? perturb(clause.text.zh, terms, alphabet, random, 0.35) : '';
        const c = { ...clause, heading: heading !== undefined ? { zh: heading, en: clause.heading!.en } : undefined, text: { zh: text, en: clause.text.en } };
        lines.push(sourceLine(c));
        if (clause.number && !clause.heading && !/[。；;：:！!？?]$/u.test(text)) notHeadings[clause.id] = { heading: false };
        english[clause.id] = { ...(clause.heading ? { heading: clause.heading.en } : {}), ...(clause.text.zh ? { text: clause.text.en } : {}) };
        reviews.push([clause.id, { reviewed: clause.translation.reviewed ?? '2026-12-01', of: sha256Hex(text) }]);
        for (const note of clause.notes) {
          if (note.kind === 'editorial') notes.push({ clause: clause.id, kind: 'editorial', zh: note.zh, en: note.en });
          else if (note.kind === 'translation' || note.kind === 'context') translationNotes.push({ clause: clause.id, kind: note.kind, zh: note.zh, en: note.en });
        }
        clauses++;
      }
      const text = `${lines.join('\n')}\n`;
      sourceBytes += Buffer.byteLength(text);
      await writeFile(path.join(content, 'sources', file), text);
      manifest.push(`  - file: ${file}\n    sha256: ${createHash('sha256').update(text).digest('hex')}\n    script: Hans\n    format: text\n    what: { en: Synthetic copy ${copy} of ${doc.id}., zh: ${doc.id}的合成副本${copy}。 }\n    origin: { en: Generated by scripts/lib/synthetic.ts for the benchmark., zh: 由基准测试脚本生成。 }\n`);
      const inline = doc.clauses.some((c) => c.heading && c.text.zh && c.number);
      await writeFile(path.join(content, 'recipes', `${id}.yaml`), stringify({
        id, type: doc.type, date: doc.date, completeness: doc.completeness,
        title: { zh: doc.title.zh, en: doc.title.en }, base: file, inlineHeadings: inline,
        metadata: [{ file, lines: [1, 1], role: 'title', reason: { en: 'The title.', zh: '标题。' } }],
        text: [{ file, lines: [2, lines.length] }],
        notes, clauses: notHeadings,
      }));
      await writeFile(path.join(content, 'translations', `${id}.yaml`), stringify({ document: id, clauses: english, notes: translationNotes }));
      await writeReviews(path.join(content, 'translations', `${id}.reviews.yaml`), id, reviews);
    }
  }
  await writeFile(path.join(content, 'sources', 'manifest.yaml'), `sources:\n${manifest.join('')}`);
  return { documents: n, clauses, sourceBytes };
}
