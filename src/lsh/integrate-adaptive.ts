/**
 * Numerical integration for the band/row optimiser: adaptive Simpson
 * quadrature with Richardson correction (Lyness 1969). Exact for cubics; for
 * the smooth S-curves of banding it reaches the requested absolute error with a
 * few dozen to a few hundred evaluations.
 */

/**
 * `∫_a^b f(x) dx` to within about `epsilon` (absolute), splitting intervals
 * until the Simpson estimates of the halves agree, at most `maxDepth` times.
 */
export function integrateAdaptive(
  f: (x: number) => number,
  a: number,
  b: number,
  epsilon = 1e-12,
  maxDepth = 40,
): number {
  if (b <= a) return 0;
  const fa = f(a);
  const fb = f(b);
  const m = (a + b) / 2;
  const fm = f(m);
  const whole = ((b - a) / 6) * (fa + 4 * fm + fb);
  return refine(f, a, b, fa, fm, fb, whole, epsilon, maxDepth);
}

function refine(
  f: (x: number) => number,
  a: number,
  b: number,
  fa: number,
  fm: number,
  fb: number,
  whole: number,
  epsilon: number,
  depth: number,
): number {
  const m = (a + b) / 2;
  const lm = (a + m) / 2;
  const rm = (m + b) / 2;
  const flm = f(lm);
  const frm = f(rm);
  const left = ((m - a) / 6) * (fa + 4 * flm + fm);
  const right = ((b - m) / 6) * (fm + 4 * frm + fb);
  const delta = left + right - whole;
  if (depth <= 0 || Math.abs(delta) <= 15 * epsilon) {
    return left + right + delta / 15;
  }
  return (
    refine(f, a, m, fa, flm, fm, left, epsilon / 2, depth - 1) +
    refine(f, m, b, fm, frm, fb, right, epsilon / 2, depth - 1)
  );
}
