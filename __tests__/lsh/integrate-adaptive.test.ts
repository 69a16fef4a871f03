import { integrateAdaptive } from '../../src/lsh/integrate-adaptive';

describe('integrateAdaptive', () => {
  it('matches closed forms', () => {
    expect(integrateAdaptive((x) => x ** 3, 0, 1)).toBeCloseTo(0.25, 14); // Simpson is exact for cubics
    expect(integrateAdaptive(Math.sin, 0, Math.PI)).toBeCloseTo(2, 10);
    expect(integrateAdaptive(Math.exp, 0, 1)).toBeCloseTo(Math.E - 1, 10);
    // A steep S-curve like the banding ones: ∫_0^1 x^40 dx = 1/41.
    expect(integrateAdaptive((x) => x ** 40, 0, 1, 1e-12)).toBeCloseTo(1 / 41, 10);
  });

  it('is 0 on an empty interval', () => {
    expect(integrateAdaptive(() => 1, 0.5, 0.5)).toBe(0);
  });
});
