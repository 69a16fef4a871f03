/**
 * The banding S-curve (Leskovec, Rajaraman & Ullman, *Mining of Massive
 * Datasets*, ch. 3.4.2): with `bands` bands of `rows` rows, two sets of Jaccard
 * similarity `s` agree on one given band with probability `s^rows`, so they
 * share at least one band bucket — become a candidate pair — with probability
 * `1 − (1 − s^rows)^bands`.
 */

/**
 * Probability that two sets of Jaccard similarity `s` become a candidate pair
 * under `bands` × `rows` banding: `1 − (1 − s^rows)^bands`.
 *
 * The curve crosses 1/2 near `(1/bands)^(1/rows)`; e.g. `bands = 25, rows = 5`:
 * `candidateProbability(0.5, 25, 5) = 1 − (31/32)^25 ≈ 0.548`.
 */
export function candidateProbability(s: number, bands: number, rows: number): number {
  return 1 - Math.pow(1 - Math.pow(s, rows), bands);
}
