/**
 * The alignment engine: two prepared documents in, reused passages out, each
 * as exact original spans on both sides with its edit similarity. One engine
 * serves `scan`, `align` and `check`.
 *
 * Two channels feed one merge (see docs in each file):
 * - anchors: word k-gram exact matches → one-to-one selection → chaining
 *   across small gaps → trimming stray words past a sentence end; these win
 *   verbatim and lightly edited copies and give exact extents;
 * - sentences: stemmed tf-isf sentence seeds, one-to-one, not already
 *   explained by anchors → two-sided clustering with validation; these carry
 *   reworded and reordered copies.
 * Then `mergePassages` makes one segment per stretch; short ones are
 * dropped; each gets its edit similarity; `joinCondensed` joins the segments
 * of a condensed copy into one passage.
 */
import { InternalError } from '../errors';
import type { Span } from '../model';
import type { ResolvedOptions } from '../options';
import { countMarked, quotedShare } from '../text';
import type { AlignableDocument } from './alignable-document';
import { chainMatches } from './chain-matches';
import { editSimilarity, joinWords } from './edit-similarity';
import { findExactMatches } from './exact-matches';
import { groupSimilarity, joinCondensed } from './join-condensed';
import { extendSeeds } from './extend-seeds';
import { mergePassages, type ProposedPassage } from './merge-passages';
import { selectMatches } from './select-matches';
import { buildSentenceVectors, findSentenceSeeds } from './sentence-seeds';
import { selectSeeds } from './select-seeds';
import { trimToSentences } from './trim-to-sentences';

/** The resolved options the alignment engine reads (their meaning and defaults: `options.ts`). */
export const ALIGN_SETTING_KEYS = [
  'anchorSize',
  'maxGap',
  'minPassageWords',
  'maxOccurrences',
  'maxEditChars',
  'sentenceChannel',
  'seedCosine',
  'seedDice',
  'sentenceGap',
  'fragmentCosine',
  'minSentenceSeeds',
  'strongSeedCosine',
  'minSentencePassageChars',
  'quoteShare',
  'condenseGap',
] as const;

/** Settings of the alignment engine: the part of the resolved options it reads. */
export type AlignSettings = Pick<ResolvedOptions, (typeof ALIGN_SETTING_KEYS)[number]>;

/** Pick the alignment settings out of resolved options. */
export function alignSettingsOf(options: ResolvedOptions): AlignSettings {
  return Object.fromEntries(ALIGN_SETTING_KEYS.map((key) => [key, options[key]])) as unknown as AlignSettings;
}

/** One contiguous aligned stretch between document `a` and document `b`. */
export interface AlignedSegment {
  readonly a: Span;
  readonly b: Span;
  /** Token ranges `[start, end)` on both sides. */
  readonly aTokens: Span;
  readonly bTokens: Span;
  /** Tokens covered by exact matches (0 when only the sentence channel found it). */
  readonly matched: number;
  /** Edit similarity of the two spans, in [0, 1]. */
  readonly similarity: number;
  /** Inside quotation marks on both sides. */
  readonly quoted: boolean;
}

/**
 * A reused passage between document `a` and document `b`: one segment, or
 * several when a condensed copy joins them (see `joinCondensed`). Its spans
 * run from the first segment to the last; `matched` is their sum and
 * `similarity` their length-weighted mean.
 */
export interface AlignedPassage extends AlignedSegment {
  /** The aligned stretches, in order; just the passage itself when it has one. */
  readonly segments: readonly AlignedSegment[];
}

/** Mark a token-range proposal as quoted when both sides are mostly inside quotation marks. */
function withQuoteStatus(
  a: AlignableDocument,
  b: AlignableDocument,
  p: Omit<ProposedPassage, 'quoted'>,
  quoteShare: number,
): ProposedPassage {
  const quoted =
    quotedShare(a.quotes, spanOf(a, p.aStart, p.aEnd)) >= quoteShare &&
    quotedShare(b.quotes, spanOf(b, p.bStart, p.bEnd)) >= quoteShare;
  return { ...p, quoted };
}

function anchorProposals(a: AlignableDocument, b: AlignableDocument, settings: AlignSettings): ProposedPassage[] {
  const ta = a.text.tokens;
  const tb = b.text.tokens;
  const matches = findExactMatches(ta.hash, tb.hash, {
    anchorSize: settings.anchorSize,
    maxOccurrences: settings.maxOccurrences,
    aMask: a.boilerplate,
    bMask: b.boilerplate,
  });
  const selected = selectMatches(matches, ta.count, tb.count, settings.anchorSize);
  const out: ProposedPassage[] = [];
  for (const chain of chainMatches(selected, settings.maxGap)) {
    const r = trimToSentences(chain, a.text.normalized.text, ta, b.text.normalized.text, tb, settings.anchorSize - 1);
    const matched = chain.matched - (chain.aEnd - r.aEnd + (r.aStart - chain.aStart));
    if (matched >= settings.minPassageWords) out.push(withQuoteStatus(a, b, { ...r, matched }, settings.quoteShare));
  }
  return out;
}

/** 1 for each sentence that is mostly boilerplate. */
function boilerplateSentences(doc: AlignableDocument): Uint8Array {
  return Uint8Array.from(doc.sentences, (s) =>
    2 * countMarked(doc.boilerplate, s.tokenStart, s.tokenEnd) >= s.tokenEnd - s.tokenStart ? 1 : 0,
  );
}

function sentenceProposals(
  a: AlignableDocument,
  b: AlignableDocument,
  anchors: readonly ProposedPassage[],
  settings: AlignSettings,
): ProposedPassage[] {
  const vectors = buildSentenceVectors(a, b);
  const seeds = selectSeeds(
    findSentenceSeeds(vectors, { cosine: settings.seedCosine, dice: settings.seedDice }),
    a,
    b,
    anchors,
  );
  const out: ProposedPassage[] = [];
  const barriers = { a: boilerplateSentences(a), b: boilerplateSentences(b) };
  for (const f of extendSeeds(seeds, vectors, settings.sentenceGap, settings.fragmentCosine, barriers)) {
    if (f.seeds < settings.minSentenceSeeds && f.bestSeed < settings.strongSeedCosine) continue;
    const sa0 = a.sentences[f.aFrom];
    const sa1 = a.sentences[f.aTo - 1];
    const sb0 = b.sentences[f.bFrom];
    const sb1 = b.sentences[f.bTo - 1];
    if (sa0 === undefined || sa1 === undefined || sb0 === undefined || sb1 === undefined) continue;
    const range = { aStart: sa0.tokenStart, aEnd: sa1.tokenEnd, bStart: sb0.tokenStart, bEnd: sb1.tokenEnd, matched: 0 };
    out.push(withQuoteStatus(a, b, range, settings.quoteShare));
  }
  return out;
}

function spanOf(doc: AlignableDocument, from: number, to: number): Span {
  return { start: doc.text.tokens.start[from] ?? 0, end: doc.text.tokens.end[to - 1] ?? 0 };
}

/** Align two prepared documents. Passages are sorted by their start in `b`. */
export function alignDocuments(a: AlignableDocument, b: AlignableDocument, settings: AlignSettings): AlignedPassage[] {
  const anchors = anchorProposals(a, b, settings);
  const sentences = settings.sentenceChannel ? sentenceProposals(a, b, anchors, settings) : [];
  const merged = mergePassages([...anchors, ...sentences], settings.maxGap, { a: a.boilerplate, b: b.boilerplate });
  const out: AlignedSegment[] = [];
  for (const p of merged) {
    const aSpan = spanOf(a, p.aStart, p.aEnd);
    const bSpan = spanOf(b, p.bStart, p.bEnd);
    if (p.matched === 0) {
      const min = settings.minSentencePassageChars;
      if (aSpan.end - aSpan.start < min || bSpan.end - bSpan.start < min) continue;
    }
    let similarity: number;
    if (aSpan.end - aSpan.start > settings.maxEditChars || bSpan.end - bSpan.start > settings.maxEditChars) {
      similarity = (2 * p.matched) / (p.aEnd - p.aStart + (p.bEnd - p.bStart));
    } else {
      similarity = editSimilarity(
        joinWords(a.text.normalized.text, a.text.tokens, p.aStart, p.aEnd),
        joinWords(b.text.normalized.text, b.text.tokens, p.bStart, p.bEnd),
      );
    }
    out.push({
      a: aSpan,
      b: bSpan,
      aTokens: { start: p.aStart, end: p.aEnd },
      bTokens: { start: p.bStart, end: p.bEnd },
      matched: p.matched,
      similarity,
      quoted: p.quoted,
    });
  }
  return joinCondensed(out, settings.condenseGap, { a: a.boilerplate, b: b.boilerplate }).map(toPassage);
}

function toPassage(group: readonly AlignedSegment[]): AlignedPassage {
  const first = group[0];
  const last = group[group.length - 1];
  if (first === undefined || last === undefined) throw new InternalError('alignDocuments: an empty group of segments');
  if (group.length === 1) return { ...first, segments: [first] };
  return {
    a: { start: first.a.start, end: last.a.end },
    b: { start: first.b.start, end: last.b.end },
    aTokens: { start: first.aTokens.start, end: last.aTokens.end },
    bTokens: { start: first.bTokens.start, end: last.bTokens.end },
    matched: group.reduce((n, s) => n + s.matched, 0),
    similarity: groupSimilarity(group),
    quoted: first.quoted,
    segments: group,
  };
}
