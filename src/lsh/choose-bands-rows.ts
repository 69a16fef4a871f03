/**
 * Choosing the LSH banding for a similarity threshold (Leskovec, Rajaraman &
 * Ullman, *Mining of Massive Datasets*, ch. 3.4; the optimiser follows
 * datasketch's `MinHashLSH._optimal_param`).
 *
 * Over all `bands × rows ≤ numPerm`, minimise
 * `wFP · ∫_0^t P(s) ds + wFN · ∫_t^1 (1 − P(s)) ds` with
 * `P(s) = 1 − (1 − s^rows)^bands`: the area under the S-curve below the threshold
 * `t` (pairs that become candidates though less similar — false positives, paid
 * for later by verification) and the area above the curve beyond `t` (pairs
 * similar enough but missed — false negatives, lost for good). Like datasketch,
 * `bands` is scanned from 1 up and `rows` from 1 up within it, and only a
 * smaller error replaces the best so far, so ties go to fewer bands. Errors
 * within {@link TIE} of each other count as ties: they are below the
 * integration error, and rounding must not break exact ties (at
 * `numPerm = 2, threshold = 0.5` all three bandings have error exactly 1/8).
 * Integrals are adaptive Simpson to ~1e-9 absolute (datasketch uses
 * `scipy.integrate.quad`, ~1.5e-8); competing bandings differ by ≥ 1e-6 in the
 * reference cases, so the choice is the same.
 */

import { OptionsError } from '../errors';
import { MAX_NUM_PERM } from '../minhash/minhash-params';
import { candidateProbability } from './candidate-probability';
import { integrateAdaptive } from './integrate-adaptive';

/** Relative cost of the two kinds of error; need not sum to 1. */
export interface BandingWeights {
  /** Weight of the false-positive area. @default 0.5 */
  readonly falsePositive: number;
  /** Weight of the false-negative area. @default 0.5 */
  readonly falseNegative: number;
}

/** A banding of a signature: `bands` bands of `rows` consecutive values each. */
export interface Banding {
  readonly bands: number;
  readonly rows: number;
}

/** Absolute error of each area. */
const EPSILON = 1e-9;
/** Errors closer than this are ties (first found wins). */
const TIE = 1e-9;

const DEFAULT_WEIGHTS: BandingWeights = Object.freeze({ falsePositive: 0.5, falseNegative: 0.5 });

/**
 * The `{ bands, rows }` with `bands · rows ≤ numPerm` that minimises the weighted
 * false-positive and false-negative areas around `threshold`.
 *
 * Reference values (datasketch's algorithm): `(128, 0.5) → 25 × 5`,
 * `(128, 0.8) → 9 × 13`, `(256, 0.75) → 21 × 12`,
 * `(256, 0.75, {falsePositive: 0.1, falseNegative: 0.9}) → 28 × 9`.
 * Costs O(numPerm · ln numPerm) integrals: about 40 ms at 128, 0.5 s at 1024;
 * call it once per run.
 *
 * @throws OptionsError (`num-perm`, `threshold`, `lsh-weights`) on values out of range.
 */
export function chooseBandsRows(
  numPerm: number,
  threshold: number,
  weights: BandingWeights = DEFAULT_WEIGHTS,
): Banding {
  if (!Number.isInteger(numPerm) || numPerm < 1 || numPerm > MAX_NUM_PERM) {
    throw new OptionsError('num-perm', `must be an integer from 1 to ${MAX_NUM_PERM}; got ${String(numPerm)}`);
  }
  if (!(threshold > 0 && threshold < 1)) {
    throw new OptionsError('threshold', `must be a number strictly between 0 and 1; got ${String(threshold)}`);
  }
  const { falsePositive: wfp, falseNegative: wfn } = weights;
  if (!(Number.isFinite(wfp) && Number.isFinite(wfn) && wfp >= 0 && wfn >= 0 && wfp + wfn > 0)) {
    throw new OptionsError(
      'lsh-weights',
      `false-positive and false-negative weights must be finite, non-negative and not both 0; got ${String(wfp)} and ${String(wfn)}`,
    );
  }
  let best: Banding = { bands: 1, rows: 1 };
  let bestError = Infinity;
  for (let bands = 1; bands <= numPerm; bands++) {
    const maxRows = Math.floor(numPerm / bands);
    for (let rows = 1; rows <= maxRows; rows++) {
      const fp = integrateAdaptive((s) => candidateProbability(s, bands, rows), 0, threshold, EPSILON);
      const fn = integrateAdaptive((s) => 1 - candidateProbability(s, bands, rows), threshold, 1, EPSILON);
      const error = wfp * fp + wfn * fn;
      if (error < bestError - TIE) {
        bestError = error;
        best = { bands, rows };
      }
    }
  }
  return Object.freeze(best);
}
