import { lowBits, lowBitsAgreement, lowBitsInto } from '../../src/minhash';

describe('16-bit signatures', () => {
  it('keep the low 16 bits of each value, in place or in a new array', () => {
    const values = Uint32Array.of(0x12345678, 0xffff0001, 0x0000abcd);
    expect(Array.from(lowBits(values))).toEqual([0x5678, 0x0001, 0xabcd]);
    const out = new Uint16Array(5);
    lowBitsInto(values, out, 2);
    expect(Array.from(out)).toEqual([0, 0, 0x5678, 0x0001, 0xabcd]);
  });

  it('estimate by the share of agreeing positions, at any offsets', () => {
    const a = Uint16Array.of(9, 1, 2, 3, 4);
    const b = Uint16Array.of(1, 2, 7, 4, 9, 9);
    expect(lowBitsAgreement(a, 1, b, 0, 4)).toBe(0.75);
    expect(lowBitsAgreement(a, 0, a, 0, 5)).toBe(1);
    expect(lowBitsAgreement(a, 0, b, 0, 5)).toBe(0);
  });
});
