/**
 * Growing sentence seeds into passages (after Sanchez-Perez et al., PAN 2014).
 *
 * Seeds are clustered alternately on each side: sorted by their sentence in
 * the second document, a gap of more than `maxGap` sentences splits a
 * cluster; then the same on the first document's side; repeated until nothing
 * splits. Alternating keeps reordered paragraphs apart while letting a
 * passage absorb sentences the copier left out or added. A cluster becomes a
 * fragment (its sentence range on each side) when the cosine of the summed
 * sentence vectors of the two ranges exceeds `minCosine`; otherwise its seeds
 * are clustered again with a gap one smaller, down to zero. A sentence that is
 * mostly boilerplate is a barrier: no cluster spans it.
 */
import { rangeCosine, type SentenceSeed, type SentenceVectors } from './sentence-seeds';

/** A sentence-range fragment `[aFrom, aTo)` × `[bFrom, bTo)` with its range cosine. */
export interface SentenceFragment {
  readonly aFrom: number;
  readonly aTo: number;
  readonly bFrom: number;
  readonly bTo: number;
  readonly cosine: number;
  /** Number of seeds in the cluster that are not quoted (see `SentenceSeed.quoted`). */
  readonly seeds: number;
  /** The highest cosine among the cluster's free seeds (neither quoted nor anchored). */
  readonly bestSeed: number;
}

/** Per sentence, 1 where no cluster may span it (boilerplate). */
export interface SentenceBarriers {
  readonly a: Uint8Array;
  readonly b: Uint8Array;
}

function barrierBetween(barrier: Uint8Array | undefined, from: number, to: number): boolean {
  if (barrier === undefined) return false;
  for (let i = from + 1; i < to; i++) if (barrier[i] === 1) return true;
  return false;
}

function splitBy(
  seeds: readonly SentenceSeed[],
  key: (s: SentenceSeed) => number,
  maxGap: number,
  barrier?: Uint8Array,
): SentenceSeed[][] {
  const sorted = [...seeds].sort((p, q) => key(p) - key(q) || p.a - q.a || p.b - q.b);
  const out: SentenceSeed[][] = [];
  let current: SentenceSeed[] = [];
  let last = -Infinity;
  for (const s of sorted) {
    if (current.length > 0 && (key(s) - last - 1 > maxGap || barrierBetween(barrier, last, key(s)))) {
      out.push(current);
      current = [];
    }
    current.push(s);
    last = Math.max(last, key(s));
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Cluster seeds alternately by both sides until stable. */
export function clusterSeeds(seeds: readonly SentenceSeed[], maxGap: number, barriers?: SentenceBarriers): SentenceSeed[][] {
  let clusters: SentenceSeed[][] = [[...seeds]];
  for (let round = 0; round < 50; round++) {
    const bySecond = clusters.flatMap((c) => splitBy(c, (s) => s.b, maxGap, barriers?.b));
    const byFirst = bySecond.flatMap((c) => splitBy(c, (s) => s.a, maxGap, barriers?.a));
    const stable = byFirst.length === clusters.length;
    clusters = byFirst;
    if (stable) break;
  }
  return clusters.filter((c) => c.length > 0);
}

/** Grow seeds into validated fragments. */
export function extendSeeds(
  seeds: readonly SentenceSeed[],
  vectors: SentenceVectors,
  maxGap: number,
  minCosine: number,
  barriers?: SentenceBarriers,
): SentenceFragment[] {
  const out: SentenceFragment[] = [];
  const visit = (group: readonly SentenceSeed[], gap: number): void => {
    for (const cluster of clusterSeeds(group, gap, barriers)) {
      const aFrom = Math.min(...cluster.map((s) => s.a));
      const aTo = Math.max(...cluster.map((s) => s.a)) + 1;
      const bFrom = Math.min(...cluster.map((s) => s.b));
      const bTo = Math.max(...cluster.map((s) => s.b)) + 1;
      const cosine = rangeCosine(vectors, aFrom, aTo, bFrom, bTo);
      const unquoted = cluster.filter((s) => s.quoted !== true);
      const free = unquoted.filter((s) => s.anchored !== true);
      if (free.length === 0) continue;
      const bestSeed = Math.max(...free.map((s) => s.cosine));
      if (cosine > minCosine) out.push({ aFrom, aTo, bFrom, bTo, cosine, seeds: unquoted.length, bestSeed });
      else if (gap > 0 && cluster.length > 1) visit(cluster, gap - 1);
    }
  };
  if (seeds.length > 0) visit(seeds, maxGap);
  return out.sort((p, q) => p.bFrom - q.bFrom || p.aFrom - q.aFrom);
}
