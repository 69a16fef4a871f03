/**
 * Condensed copies: one passage made of several aligned segments.
 *
 * A copier that condenses an article (a brief, a summary, a rewrite that
 * drops paragraphs) writes one stretch of text whose pieces come from places
 * of the source that lie in the same order but far apart. Each piece aligns
 * on its own; reported apart, one act of reuse would read as several.
 * Segments are joined into one passage when, on the copy's side (`b`), they
 * follow each other within `condenseGap` tokens with no boilerplate between,
 * and on the source's side (`a`) they come in the same order without
 * overlapping, whatever lies between (that is what the copier left out),
 * provided it is not boilerplate either. Segments of different quotation
 * status stay apart, as in `mergePassages`.
 *
 * The joined passage spans from its first segment to its last on both sides;
 * it keeps its segments, so coverage, kinds and highlighting can use exactly
 * what was reused, and its similarity is the segments' similarity weighted by
 * their length on the copy's side.
 */
import type { Span } from '../model';
import { countMarked } from '../text';

/** One aligned stretch, in token ranges and character spans. */
export interface JoinableSegment {
  readonly aTokens: Span;
  readonly bTokens: Span;
  readonly b: Span;
  readonly quoted: boolean;
  readonly similarity: number;
}

/** Boilerplate masks of both documents (token flags). */
export interface JoinMasks {
  readonly a?: Uint8Array;
  readonly b?: Uint8Array;
}

function marked(mask: Uint8Array | undefined, from: number, to: number): boolean {
  return mask !== undefined && to > from && countMarked(mask, from, to) > 0;
}

/** Can `next` follow `last` in one condensed passage? */
function joins(last: JoinableSegment, next: JoinableSegment, condenseGap: number, masks: JoinMasks): boolean {
  const gapB = next.bTokens.start - last.bTokens.end;
  return (
    gapB >= 0 &&
    gapB <= condenseGap &&
    next.aTokens.start >= last.aTokens.end &&
    last.quoted === next.quoted &&
    !marked(masks.b, last.bTokens.end, next.bTokens.start) &&
    !marked(masks.a, last.aTokens.end, next.aTokens.start)
  );
}

/**
 * Group segments (sorted by their start in `b`, not overlapping in `b`) into
 * condensed passages; each group lists its segments in order. `condenseGap`
 * 0 leaves every segment alone.
 */
export function joinCondensed<T extends JoinableSegment>(
  segments: readonly T[],
  condenseGap: number,
  masks: JoinMasks = {},
): T[][] {
  const groups: T[][] = [];
  for (const s of segments) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    if (group !== undefined && last !== undefined && condenseGap > 0 && joins(last, s, condenseGap, masks)) group.push(s);
    else groups.push([s]);
  }
  return groups;
}

/** Similarity of a group: its segments' similarities weighted by their length in `b`. */
export function groupSimilarity(group: readonly JoinableSegment[]): number {
  let weight = 0;
  let sum = 0;
  for (const s of group) {
    const w = s.b.end - s.b.start;
    weight += w;
    sum += w * s.similarity;
  }
  return weight === 0 ? 0 : sum / weight;
}
