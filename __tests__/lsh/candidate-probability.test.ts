import { candidateProbability } from '../../src/lsh/candidate-probability';

describe('candidateProbability', () => {
  it('is 1 - (1 - s^r)^b on hand-computed points', () => {
    // b = 25, r = 5, s = 0.5: 1 - (31/32)^25 = 1 - e^(25·ln 0.96875) = 1 - e^(-0.79372) ≈ 0.54784.
    expect(candidateProbability(0.5, 25, 5)).toBeCloseTo(1 - (31 / 32) ** 25, 14);
    expect(candidateProbability(0.5, 25, 5)).toBeCloseTo(0.54784, 5);
    // b = 25, r = 5, s = 0.8: 0.8^5 = 0.32768; 1 - 0.67232^25 ≈ 1 - 4.9e-5.
    expect(candidateProbability(0.8, 25, 5)).toBeCloseTo(0.99995, 5);
    // One band of one row: the probability is s itself.
    expect(candidateProbability(0.3, 1, 1)).toBeCloseTo(0.3, 15);
    // b = 2, r = 1: 1 - (1 - s)^2 = 2s - s^2 = 0.64 at s = 0.4.
    expect(candidateProbability(0.4, 2, 1)).toBeCloseTo(0.64, 15);
  });

  it('goes from 0 to 1 and crosses 1/2 where (1 - s^r)^b = 1/2', () => {
    expect(candidateProbability(0, 25, 5)).toBe(0);
    expect(candidateProbability(1, 25, 5)).toBe(1);
    // s^5 = 1 - 2^(-1/25) = 0.027345 -> s = 0.027345^(1/5) ≈ 0.4868.
    expect(candidateProbability(0.4868, 25, 5)).toBeCloseTo(0.5, 3);
    let previous = -1;
    for (let s = 0; s <= 1; s += 0.01) {
      const p = candidateProbability(s, 25, 5);
      expect(p).toBeGreaterThanOrEqual(previous);
      previous = p;
    }
  });
});
