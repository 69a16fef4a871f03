/**
 * One passage per copied stretch, from both channels' proposals (token ranges).
 *
 * 1. Proposals that overlap on both sides are the same reuse seen twice: their
 *    union is kept (exact anchors fix the extents of a verbatim stretch, the
 *    sentence channel widens it over reworded sentences).
 * 2. Neighbours are one stretch, in the same order or not (copies reorder
 *    sentences and paragraphs; granularity stays near 1): separated by at
 *    most `maxGap` tokens on each side, or by a balanced gap of up to
 *    `BALANCED_GAP_FACTOR × maxGap` on both sides whose lengths differ by at
 *    most `2 × maxGap` — an unmatched stretch on both sides is a reworded part
 *    of the same copy, while a long gap on one side only is the copier's own
 *    insertion (or the source's text left out) and keeps passages apart.
 *    A gap that holds boilerplate is never bridged (boilerplate does not
 *    extend a match). Neighbours of different quotation status (one inside quotation marks on
 *    both sides, the other not) stay apart: a quoted statement and the
 *    outlet's own text around it are different kinds of reuse.
 * 3. Proposals that still overlap on the second document's side (one copied
 *    text claimed by two places of the first) keep the larger one.
 */

import { countMarked } from '../text';

/** A proposed passage in token coordinates. */
export interface ProposedPassage {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
  /** Tokens matched exactly (anchor channel), 0 for sentence-only proposals. */
  readonly matched: number;
  /** Inside quotation marks on both sides (see `quoteShare`). */
  readonly quoted: boolean;
}

/** How much longer than `maxGap` a gap present on both sides may be. */
export const BALANCED_GAP_FACTOR = 6;

function overlaps(x0: number, x1: number, y0: number, y1: number): boolean {
  return x0 < y1 && y0 < x1;
}

function union(p: ProposedPassage, q: ProposedPassage): ProposedPassage {
  return {
    aStart: Math.min(p.aStart, q.aStart),
    aEnd: Math.max(p.aEnd, q.aEnd),
    bStart: Math.min(p.bStart, q.bStart),
    bEnd: Math.max(p.bEnd, q.bEnd),
    matched: p.matched + q.matched,
    quoted: p.quoted && q.quoted,
  };
}

function byB(p: ProposedPassage, q: ProposedPassage): number {
  return p.bStart - q.bStart || p.aStart - q.aStart || p.bEnd - q.bEnd || p.aEnd - q.aEnd;
}

function anyMarked(mask: Uint8Array | undefined, from: number, to: number): boolean {
  return mask !== undefined && countMarked(mask, from, to) > 0;
}

/** Merge proposals as described in the module header; result sorted by `bStart`. */
export function mergePassages(
  proposals: readonly ProposedPassage[],
  maxGap: number,
  masks: { readonly a?: Uint8Array; readonly b?: Uint8Array } = {},
): ProposedPassage[] {
  let list = [...proposals].sort(byB);
  // 1 + 2, to a fixed point: union overlapping-on-both-sides and ordered neighbours.
  for (let changed = true; changed; ) {
    changed = false;
    const out: ProposedPassage[] = [];
    for (const p of list) {
      let merged = false;
      for (let k = out.length - 1; k >= 0; k--) {
        const q = out[k];
        if (q === undefined) continue;
        const both = overlaps(p.aStart, p.aEnd, q.aStart, q.aEnd) && overlaps(p.bStart, p.bEnd, q.bStart, q.bEnd);
        const gapB = Math.max(0, Math.max(p.bStart, q.bStart) - Math.min(p.bEnd, q.bEnd));
        const gapA = Math.max(0, Math.max(p.aStart, q.aStart) - Math.min(p.aEnd, q.aEnd));
        const furniture =
          anyMarked(masks.a, Math.min(p.aEnd, q.aEnd), Math.max(p.aStart, q.aStart)) ||
          anyMarked(masks.b, Math.min(p.bEnd, q.bEnd), Math.max(p.bStart, q.bStart));
        const neighbours =
          !furniture &&
          p.quoted === q.quoted &&
          ((gapB <= maxGap && gapA <= maxGap) ||
          (Math.max(gapA, gapB) <= BALANCED_GAP_FACTOR * maxGap && Math.abs(gapA - gapB) <= 2 * maxGap));
        if (both || neighbours) {
          out[k] = union(q, p);
          merged = true;
          changed = true;
          break;
        }
      }
      if (!merged) out.push(p);
    }
    list = out.sort(byB);
  }
  // 3: on the second side, larger proposals win over those they overlap.
  const bySize = [...list].sort(
    (p, q) => q.bEnd - q.bStart + (q.aEnd - q.aStart) - (p.bEnd - p.bStart + (p.aEnd - p.aStart)) || byB(p, q),
  );
  const kept: ProposedPassage[] = [];
  for (const p of bySize) {
    if (kept.some((q) => overlaps(p.bStart, p.bEnd, q.bStart, q.bEnd))) continue;
    kept.push(p);
  }
  return kept.sort(byB);
}
