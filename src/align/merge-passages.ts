/**
 * One passage per copied stretch, from both channels' proposals (token ranges).
 *
 * 1. Proposals that overlap on both sides are the same reuse seen twice: their
 *    union is kept (exact anchors fix the extents of a verbatim stretch, the
 *    sentence channel widens it over reworded sentences).
 * 2. Neighbours in the same order on both sides, separated by at most `maxGap`
 *    tokens on each side, are one stretch (granularity stays near 1).
 * 3. Proposals that still overlap on the second document's side (one copied
 *    text claimed by two places of the first) keep the larger one.
 */

/** A proposed passage in token coordinates. */
export interface ProposedPassage {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
  /** Tokens matched exactly (anchor channel), 0 for sentence-only proposals. */
  readonly matched: number;
}

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
  };
}

function byB(p: ProposedPassage, q: ProposedPassage): number {
  return p.bStart - q.bStart || p.aStart - q.aStart || p.bEnd - q.bEnd || p.aEnd - q.aEnd;
}

/** Merge proposals as described in the module header; result sorted by `bStart`. */
export function mergePassages(proposals: readonly ProposedPassage[], maxGap: number): ProposedPassage[] {
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
        const gapB = p.bStart - q.bEnd;
        const gapA = p.aStart - q.aEnd;
        const neighbours = gapB >= 0 && gapB <= maxGap && gapA >= 0 && gapA <= maxGap;
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
