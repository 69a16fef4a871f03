import { compareCodeUnits } from '../src/code-unit-order';

describe('compareCodeUnits', () => {
  test('orders by UTF-16 code unit, not by the locale', () => {
    // The locale puts "a" before "B" and "é" beside "e"; code units put every capital first,
    // "é" (U+00E9) after "z", and a surrogate pair (an emoji, 0xD83D…) before U+FFFD.
    const words = ['é', 'b', '\u{1F600}', 'B', 'z', '\uFFFD', 'a', 'e'];
    expect([...words].sort(compareCodeUnits)).toEqual(['B', 'a', 'b', 'e', 'z', 'é', '\u{1F600}', '\uFFFD']);
    expect([...words].sort((x, y) => x.localeCompare(y))).not.toEqual([...words].sort(compareCodeUnits));
  });

  test('is 0 only for equal strings, and antisymmetric', () => {
    expect(compareCodeUnits('id-7', 'id-7')).toBe(0);
    expect(compareCodeUnits('id-10', 'id-9')).toBe(-1);
    expect(compareCodeUnits('id-9', 'id-10')).toBe(1);
    expect(compareCodeUnits('', 'a')).toBe(-1);
  });
});
