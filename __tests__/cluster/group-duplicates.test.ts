import { groupDuplicates } from '../../src/cluster';
import type { PublishedTime } from '../../src/model';

const MIN = 60_000;
const t0 = Date.UTC(2024, 2, 5, 9, 0);
const at = (ms: number): PublishedTime => ({
  kind: 'instant', text: new Date(ms).toISOString(), interval: { from: ms, to: ms + MIN }, zoneSource: 'explicit', zone: 'UTC',
});
const pair = (source: string, target: string) => ({ source, target });

describe('groupDuplicates', () => {
  test('pairs that chain join one group (A ≈ B ≈ C), a separate pair is a group of its own; largest first, members sorted', () => {
    const groups = groupDuplicates([pair('c', 'b'), pair('x', 'y'), pair('a', 'b')], []);
    expect(groups).toEqual([
      { id: 1, size: 3, members: ['a', 'b', 'c'], origin: null, originBasis: 'time-unknown' },
      { id: 2, size: 2, members: ['x', 'y'], origin: null, originBasis: 'time-unknown' },
    ]);
  });

  test('groups of one size are ordered by their members, whatever order the pairs come in', () => {
    const forward = groupDuplicates([pair('m', 'n'), pair('d', 'e'), pair('k', 'l')], []);
    const backward = groupDuplicates([pair('l', 'k'), pair('e', 'd'), pair('n', 'm')], []);
    expect(forward.map((g) => g.members)).toEqual([['d', 'e'], ['k', 'l'], ['m', 'n']]);
    expect(backward).toEqual(forward);
  });

  test('the origin is the member published before every other beyond their precision; overlapping times name none', () => {
    const docs = [
      { id: 'late', published: at(t0 + 60 * MIN) },
      { id: 'first', published: at(t0) },
      { id: 'tie1', published: at(t0) },
      { id: 'tie2', published: at(t0 + MIN / 2) },
    ];
    const [earliest, tie] = groupDuplicates([pair('late', 'first'), pair('tie1', 'tie2')], docs);
    expect(earliest).toMatchObject({ members: ['first', 'late'], origin: 'first', originBasis: 'earliest' });
    expect(tie).toMatchObject({ members: ['tie1', 'tie2'], origin: null, originBasis: 'simultaneous' });
    // One member without a time: nobody can be proved first.
    expect(groupDuplicates([pair('first', 'undated')], docs)[0]).toMatchObject({ origin: null, originBasis: 'time-unknown' });
  });

  test('no pairs, no groups; a pair repeated is one group of two', () => {
    expect(groupDuplicates([], [])).toEqual([]);
    expect(groupDuplicates([pair('a', 'b'), pair('b', 'a')], [])).toEqual([{ id: 1, size: 2, members: ['a', 'b'], origin: null, originBasis: 'time-unknown' }]);
  });
});
