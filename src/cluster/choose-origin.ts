/**
 * The origin of a group of documents that carry the same text, by the rule of
 * `attribute/direction.ts` (published times are intervals; only disjoint
 * intervals are ordered) applied to every member at once:
 * 1. any member without a published time → no origin, `time-unknown` (an
 *    undated member could be the first: nobody can be proved earliest);
 * 2. else the member whose interval ends at or before the start of every other
 *    member's interval (`x.to <= y.from`) → that member, `earliest`;
 * 3. else (the earliest-ending interval overlaps another member's) → no origin,
 *    `simultaneous`.
 */
import type { OriginBasis, PublishedTime } from '../model';

export type { OriginBasis };

/** A document's published time, for choosing the origin. */
export interface OriginCandidate {
  readonly id: string;
  readonly published: PublishedTime | null;
}

/** The member published before every other beyond their precision, or `null` and why not. */
export function chooseOrigin(members: readonly OriginCandidate[]): { origin: string | null; originBasis: OriginBasis } {
  const dated: { id: string; from: number; to: number }[] = [];
  for (const m of members) {
    if (m.published === null) return { origin: null, originBasis: 'time-unknown' };
    dated.push({ id: m.id, ...m.published.interval });
  }
  const first = dated.find((x) => dated.every((y) => y === x || x.to <= y.from));
  return first === undefined ? { origin: null, originBasis: 'simultaneous' } : { origin: first.id, originBasis: 'earliest' };
}
