import { selectMatches } from '../../src/align';

describe('selectMatches', () => {
  test('longest first; a shorter match keeps its longest free stretch', () => {
    const long = { aStart: 0, bStart: 0, length: 10 };
    // overlaps the long match on a[8..10) and continues to a[14)
    const overlapping = { aStart: 8, bStart: 20, length: 6 };
    expect(selectMatches([overlapping, long], 20, 30, 3)).toEqual([
      { aStart: 0, bStart: 0, length: 10 },
      { aStart: 10, bStart: 22, length: 4 },
    ]);
  });

  test('a stretch shorter than minLength is dropped', () => {
    const long = { aStart: 0, bStart: 0, length: 10 };
    const mostlyTaken = { aStart: 7, bStart: 12, length: 4 }; // free part a[10..11): 1 token
    expect(selectMatches([long, mostlyTaken], 20, 20, 3)).toEqual([long]);
  });

  test('the same target text matched twice in the source is used once', () => {
    // b[0..5) matches a[0..5) and a[10..15): only one survives
    const out = selectMatches([{ aStart: 10, bStart: 0, length: 5 }, { aStart: 0, bStart: 0, length: 5 }], 20, 10, 3);
    expect(out).toEqual([{ aStart: 0, bStart: 0, length: 5 }]);
  });
});
