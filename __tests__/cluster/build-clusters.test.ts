import { buildClusters, type ClusterPairInput } from '../../src/cluster';
import { OptionsError } from '../../src/errors';
import type { PublishedTime } from '../../src/model';

const MIN = 60_000;
const DAY = 86_400_000;
const t0 = Date.UTC(2024, 2, 5, 9, 0);

const at = (ms: number): PublishedTime => ({
  kind: 'instant', text: new Date(ms).toISOString(), interval: { from: ms, to: ms + MIN }, zoneSource: 'explicit', zone: 'UTC',
});
const onDate = (ms: number): PublishedTime => ({ kind: 'date', text: '2024-03-05', interval: { from: ms, to: ms + DAY } });
const pair = (source: string, target: string, ...passages: [number, number, number, number][]): ClusterPairInput => ({
  source,
  target,
  passages: passages.map(([s0, s1, t0_, t1]) => ({ source: { start: s0, end: s1 }, target: { start: t0_, end: t1 } })),
});

describe('buildClusters', () => {
  test('a story shared by 4 documents is one cluster with the original as origin', () => {
    // A-B and A-C share A[0,100) and A[10,120) (overlapping: one node); B-D continues B's copy.
    const pairs = [pair('A', 'B', [0, 100, 5, 105]), pair('A', 'C', [10, 120, 0, 110]), pair('B', 'D', [50, 150, 20, 120])];
    const docs = [
      { id: 'A', published: at(t0) },
      { id: 'B', published: at(t0 + 90 * MIN) },
      { id: 'C', published: at(t0 + 135 * MIN) },
      { id: 'D', published: at(t0 + 180 * MIN) },
    ];
    expect(buildClusters(pairs, docs)).toEqual([
      {
        id: 1,
        size: 4,
        members: [
          { id: 'A', spans: [{ start: 0, end: 120 }] },
          { id: 'B', spans: [{ start: 5, end: 150 }] },
          { id: 'C', spans: [{ start: 0, end: 110 }] },
          { id: 'D', spans: [{ start: 20, end: 120 }] },
        ],
        origin: 'A',
        originBasis: 'earliest',
      },
    ]);
  });

  test('reuse between two documents only is no cluster (minMembers 3)', () => {
    expect(buildClusters([pair('A', 'B', [0, 100, 0, 100])], [])).toEqual([]);
    // ...unless asked for pairs too.
    expect(buildClusters([pair('A', 'B', [0, 100, 0, 100])], [], 2)).toHaveLength(1);
  });

  test('disjoint spans of one document keep two stories apart; clusters sorted by size', () => {
    // Story 1 in X[0,100): X, P, Q. Story 2 in X[500,600): X, R, S, T.
    const pairs = [
      pair('X', 'P', [0, 100, 0, 100]),
      pair('X', 'Q', [20, 90, 0, 70]),
      pair('X', 'R', [500, 600, 0, 100]),
      pair('R', 'S', [0, 100, 0, 100]),
      pair('S', 'T', [10, 60, 30, 80]),
    ];
    const clusters = buildClusters(pairs, []);
    expect(clusters.map((c) => [c.id, c.size, c.members.map((m) => m.id)])).toEqual([
      [1, 4, ['R', 'S', 'T', 'X']],
      [2, 3, ['P', 'Q', 'X']],
    ]);
    expect(clusters[1]?.members.find((m) => m.id === 'X')?.spans).toEqual([{ start: 0, end: 100 }]);
  });

  test('equal sizes: more characters first, then the first member id', () => {
    const pairs = [pair('a', 'b', [0, 10, 0, 10]), pair('b', 'c', [0, 10, 0, 10]), pair('d', 'e', [0, 50, 0, 50]), pair('e', 'f', [0, 50, 0, 50])];
    expect(buildClusters(pairs, []).map((c) => c.members[0]?.id)).toEqual(['d', 'a']);
    const same = [pair('m', 'n', [0, 10, 0, 10]), pair('n', 'o', [0, 10, 0, 10]), pair('g', 'h', [0, 10, 0, 10]), pair('h', 'i', [0, 10, 0, 10])];
    expect(buildClusters(same, []).map((c) => c.members[0]?.id)).toEqual(['g', 'm']);
  });

  test('the earliest interval overlapping another: no origin, simultaneous', () => {
    const pairs = [pair('A', 'B', [0, 100, 0, 100]), pair('A', 'C', [0, 100, 0, 100])];
    // B is a whole day (date only) that contains A's minute; C is later than both.
    const docs = [
      { id: 'A', published: at(t0) },
      { id: 'B', published: onDate(Date.UTC(2024, 2, 5)) },
      { id: 'C', published: at(Date.UTC(2024, 2, 7)) },
    ];
    expect(buildClusters(pairs, docs)[0]).toMatchObject({ origin: null, originBasis: 'simultaneous' });
  });

  test('intervals that only touch are ordered, as in decideDirection', () => {
    const pairs = [pair('A', 'B', [0, 100, 0, 100]), pair('A', 'C', [0, 100, 0, 100])];
    const docs = [{ id: 'A', published: at(t0) }, { id: 'B', published: at(t0 + MIN) }, { id: 'C', published: at(t0 + MIN) }];
    expect(buildClusters(pairs, docs)[0]).toMatchObject({ origin: 'A', originBasis: 'earliest' });
  });

  test('a member without a time: no origin, time-unknown, even if the others are ordered', () => {
    const pairs = [pair('A', 'B', [0, 100, 0, 100]), pair('A', 'C', [0, 100, 0, 100])];
    const docs = [{ id: 'A', published: at(t0) }, { id: 'B', published: at(t0 + DAY) }, { id: 'C', published: null }];
    expect(buildClusters(pairs, docs)[0]).toMatchObject({ origin: null, originBasis: 'time-unknown' });
    // A document absent from `documents` is undated too.
    expect(buildClusters(pairs, docs.slice(0, 2))[0]).toMatchObject({ origin: null, originBasis: 'time-unknown' });
  });

  test('overlapping spans of one document are one node and are merged; touching ones are not one node', () => {
    // B[0,60) and B[40,100) overlap: A and C join through B.
    const joined = buildClusters([pair('A', 'B', [0, 60, 0, 60]), pair('C', 'B', [0, 60, 40, 100])], []);
    expect(joined).toHaveLength(1);
    expect(joined[0]?.members.find((m) => m.id === 'B')?.spans).toEqual([{ start: 0, end: 100 }]);
    // B[0,50) and B[50,100) only touch: two components of two documents each.
    expect(buildClusters([pair('A', 'B', [0, 50, 0, 50]), pair('C', 'B', [0, 50, 50, 100])], [])).toEqual([]);
  });

  test('is deterministic whatever the order of pairs and passages', () => {
    const pairs = [pair('A', 'B', [0, 100, 5, 105], [300, 400, 300, 400]), pair('A', 'C', [10, 120, 0, 110]), pair('C', 'D', [300, 350, 0, 50]), pair('D', 'E', [0, 50, 0, 50])];
    const forward = buildClusters(pairs, []);
    const backward = buildClusters([...pairs].reverse().map((p) => ({ ...p, passages: [...p.passages].reverse() })), []);
    expect(backward).toEqual(forward);
  });

  test('rejects minMembers below 2 or not an integer', () => {
    expect(() => buildClusters([], [], 1)).toThrow(OptionsError);
    expect(() => buildClusters([], [], 2.5)).toThrow(OptionsError);
  });
});
