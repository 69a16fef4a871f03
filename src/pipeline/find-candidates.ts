/**
 * Candidate document pairs: every passage window is shingled and signed with
 * MinHash; LSH banding proposes passage pairs from different documents whose
 * estimated Jaccard is likely above the threshold. Candidates are not answers:
 * each is verified by alignment afterwards.
 */
import { chooseBandsRows, createLshIndex } from '../lsh';
import { createMinHasher, estimateJaccard, type Signature } from '../minhash';
import type { ResolvedOptions } from '../options';
import { computeShingles } from '../shingle';
import { countMarked } from '../text';
import type { PreparedDocument } from './prepare-document';

/** A pair of documents (indexes into the prepared list, `a < b`) worth aligning. */
export interface CandidateDocumentPair {
  readonly a: number;
  readonly b: number;
  /** Highest estimated Jaccard among the pair's colliding passage windows. */
  readonly estimatedSimilarity: number;
}

/** LSH geometry actually used. */
export interface Banding {
  readonly bands: number;
  readonly rows: number;
}

/** Resolve bands × rows from the options (explicit, or optimised for the threshold). */
export function resolveBanding(options: ResolvedOptions): Banding {
  if (options.bands !== null && options.rows !== null) return { bands: options.bands, rows: options.rows };
  return chooseBandsRows(options.numPerm, options.threshold);
}

/** Sign every window and return candidate document pairs, sorted by (a, b). */
export function findCandidates(
  docs: readonly PreparedDocument[],
  options: ResolvedOptions,
  banding: Banding,
  onProgress?: (documentsSigned: number) => void,
): CandidateDocumentPair[] {
  const hasher = createMinHasher({ numPerm: options.numPerm, seed: options.seed });
  const index = createLshIndex({ ...banding, numPerm: options.numPerm, seed: options.seed });
  const signatures: Signature[] = [];
  const owner: number[] = [];
  docs.forEach((doc, d) => {
    onProgress?.(d);
    for (const w of doc.windows) {
      // Windows that are mostly boilerplate fingerprint nothing.
      if (2 * countMarked(doc.boilerplate, w.tokenStart, w.tokenEnd) >= w.tokenEnd - w.tokenStart) continue;
      const shingles = computeShingles(doc.text.tokens.hash, w.tokenStart, w.tokenEnd, options.shingleSize);
      const sig = hasher.sign(shingles);
      index.insert(signatures.length, d, sig);
      signatures.push(sig);
      owner.push(d);
    }
  });
  const best = new Map<number, number>();
  const n = docs.length;
  for (const c of index.candidatePairs()) {
    const da = owner[c.a] ?? 0;
    const db = owner[c.b] ?? 0;
    const [x, y] = da < db ? [da, db] : [db, da];
    const key = x * n + y;
    const sa = signatures[c.a];
    const sb = signatures[c.b];
    if (sa === undefined || sb === undefined) continue;
    const est = estimateJaccard(sa, sb);
    if (est > (best.get(key) ?? -1)) best.set(key, est);
  }
  return [...best.entries()]
    .map(([key, est]) => ({ a: Math.floor(key / n), b: key % n, estimatedSimilarity: est }))
    .sort((p, q) => p.a - q.a || p.b - q.b);
}
