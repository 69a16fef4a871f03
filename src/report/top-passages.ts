/** Which passages of a pair a summary quotes: the longest in the source first. */
import type { Pair, Passage } from '../model';

/** The `n` longest passages of `pair` (by source span; ties by source start). */
export function topPassages(pair: Pair, n: number): Passage[] {
  return [...pair.passages]
    .sort((p, q) => q.source.end - q.source.start - (p.source.end - p.source.start) || p.source.start - q.source.start)
    .slice(0, n);
}
