/**
 * Chaining exact matches into passages: matches that follow each other in the
 * same order on both sides, with gaps of at most `maxGap` tokens on each side
 * (a few words inserted, deleted or changed), are one copied stretch. Chains
 * are grown in `b` order; a match joins the open chain it continues with the
 * smallest gap, so reordered paragraphs still form their own chains.
 */
import type { ExactMatch } from './exact-matches';

/** A chain of matches: token ranges on both sides plus how many tokens matched exactly. */
export interface MatchChain {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
  /** Tokens covered by the chain's exact matches. */
  readonly matched: number;
}

interface OpenChain {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  matched: number;
}

/** Chain `matches` (sorted by `bStart`, non-overlapping) with gaps of at most `maxGap` tokens. */
export function chainMatches(matches: readonly ExactMatch[], maxGap: number): MatchChain[] {
  const open: OpenChain[] = [];
  const closed: OpenChain[] = [];
  for (const m of matches) {
    let best: OpenChain | undefined;
    let bestGap = Infinity;
    for (let c = open.length - 1; c >= 0; c--) {
      const chain = open[c];
      if (chain === undefined) continue;
      const gapB = m.bStart - chain.bEnd;
      if (gapB > maxGap) {
        // Matches arrive in b order: this chain can never be continued again.
        closed.push(chain);
        open.splice(c, 1);
        continue;
      }
      const gapA = m.aStart - chain.aEnd;
      if (gapA < 0 || gapA > maxGap || gapB < 0) continue;
      if (gapA + gapB < bestGap) {
        bestGap = gapA + gapB;
        best = chain;
      }
    }
    if (best !== undefined) {
      best.aEnd = m.aStart + m.length;
      best.bEnd = m.bStart + m.length;
      best.matched += m.length;
    } else {
      open.push({
        aStart: m.aStart,
        aEnd: m.aStart + m.length,
        bStart: m.bStart,
        bEnd: m.bStart + m.length,
        matched: m.length,
      });
    }
  }
  return [...closed, ...open]
    .map((c) => ({ ...c }))
    .sort((x, y) => x.bStart - y.bStart || x.aStart - y.aStart);
}
