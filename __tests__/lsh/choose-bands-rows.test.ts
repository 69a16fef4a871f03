import { chooseBandsRows } from '../../src/lsh/choose-bands-rows';
import { candidateProbability } from '../../src/lsh/candidate-probability';
import { OptionsError } from '../../src/errors';

/*
 * Reference values: datasketch's `_optimal_param` reproduced in Python with
 * `scipy.integrate.quad` (the integrator datasketch uses), printing the best
 * three (error, b, r):
 *   (0.5, 128)            -> (25, 5)   0.043737; next (24, 5) 0.043896
 *   (0.8, 128)            -> (9, 13)   0.029297; next (9, 14) 0.029386
 *   (0.75, 256)           -> (21, 12)  0.028812; next (20, 12) 0.028952
 *   (0.75, 256, 0.1, 0.9) -> (28, 9)   0.012834; next (27, 9) 0.012922
 *   (0.3, 200)            -> (37, 3)   0.0411950; next (36, 3) 0.0411965 (a near tie)
 *   (0.5, 16)             -> (5, 3)
 * The (0.75, 256) pair is also the example in text-dedup's `optimal_param` docstring.
 */
describe('chooseBandsRows', () => {
  it.each([
    [128, 0.5, 25, 5],
    [128, 0.8, 9, 13],
    [256, 0.75, 21, 12],
    [200, 0.3, 37, 3],
    [16, 0.5, 5, 3],
  ])('numPerm %i, threshold %f -> %i bands x %i rows', (numPerm, threshold, bands, rows) => {
    const choice = chooseBandsRows(numPerm, threshold);
    expect(choice).toEqual({ bands, rows });
    expect(choice.bands * choice.rows).toBeLessThanOrEqual(numPerm);
  });

  it('weighs false negatives when asked: more bands, fewer rows', () => {
    expect(chooseBandsRows(256, 0.75, { falsePositive: 0.1, falseNegative: 0.9 })).toEqual({ bands: 28, rows: 9 });
  });

  it('solves a case small enough to do by hand (numPerm 2, threshold 0.4)', () => {
    // Candidates (b, r) with b·r <= 2, error = (FP + FN) / 2:
    //   (1,1): P = s;        FP = ∫0^.4 s = 0.08;            FN = ∫.4^1 (1-s) = 0.18      -> 0.13
    //   (1,2): P = s²;       FP = .4³/3 = 0.021333;          FN = 0.6 - (1-.064)/3 = 0.288 -> 0.154667
    //   (2,1): P = 2s - s²;  FP = .16 - .021333 = 0.138667;  FN = ∫.4^1 (1-s)² = .6³/3 = 0.072 -> 0.105333
    expect(chooseBandsRows(2, 0.4)).toEqual({ bands: 2, rows: 1 });
  });

  it('breaks exact ties towards fewer bands, then fewer rows, as datasketch does', () => {
    // numPerm 2, threshold 0.5: (1,1) FP = FN = 1/8; (1,2) FP = 1/24, FN = 5/24; (2,1) FP = 5/24,
    // FN = 1/24: every error is exactly 1/8, and datasketch (strict <) keeps the first, (1,1).
    expect(chooseBandsRows(2, 0.5)).toEqual({ bands: 1, rows: 1 });
  });

  it('puts the S-curve crossing near the threshold (128, 0.5)', () => {
    const { bands, rows } = chooseBandsRows(128, 0.5);
    // 25 x 5 crosses 1/2 at (1 - 2^(-1/25))^(1/5) ≈ 0.487.
    expect(candidateProbability(0.45, bands, rows)).toBeLessThan(0.5);
    expect(candidateProbability(0.55, bands, rows)).toBeGreaterThan(0.5);
  });

  it('rejects out-of-range arguments with OptionsError', () => {
    expect(() => chooseBandsRows(0, 0.5)).toThrow(OptionsError);
    expect(() => chooseBandsRows(2000, 0.5)).toThrow(OptionsError);
    expect(() => chooseBandsRows(128, 0)).toThrow(/threshold/);
    expect(() => chooseBandsRows(128, 1.2)).toThrow(OptionsError);
    expect(() => chooseBandsRows(128, Number.NaN)).toThrow(OptionsError);
    expect(() => chooseBandsRows(128, 0.5, { falsePositive: -1, falseNegative: 1 })).toThrow(/lsh-weights/);
    expect(() => chooseBandsRows(128, 0.5, { falsePositive: 0, falseNegative: 0 })).toThrow(OptionsError);
  });
});
