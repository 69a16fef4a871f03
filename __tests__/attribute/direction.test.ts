import { decideDirection } from '../../src/attribute';
import type { PublishedTime } from '../../src/model';

const MIN = 60_000;
const HOUR = 3_600_000;
const t0 = Date.UTC(2022, 1, 12, 12, 29);

const instant = (ms: number, text: string): PublishedTime => ({
  kind: 'instant', text, interval: { from: ms, to: ms + MIN }, zoneSource: 'explicit', zone: 'UTC',
});

describe('decideDirection', () => {
  test('the earlier of two non-overlapping instants is the source, whatever the argument order', () => {
    const sputnik = { id: 'b', published: instant(t0, '2022-02-12T12:29+00:00') };
    const taghrib = { id: 'a', published: instant(Date.UTC(2022, 1, 12, 15, 10), '2022-02-12T18:40') };
    for (const [x, y] of [[sputnik, taghrib], [taghrib, sputnik]] as const) {
      const d = decideDirection(x, y);
      expect(d).toMatchObject({ source: 'b', target: 'a', directed: true, basis: 'published-time' });
    }
  });

  test('a local time of unknown zone overlaps anything within ±14 hours: undirected', () => {
    const wall = Date.UTC(2022, 1, 12, 18, 40);
    const local: PublishedTime = { kind: 'local', text: '2022-02-12T18:40', interval: { from: wall - 14 * HOUR, to: wall + MIN + 12 * HOUR } };
    const d = decideDirection({ id: 'x', published: instant(t0, 'x') }, { id: 'y', published: local });
    expect(d).toMatchObject({ directed: false, basis: 'times-overlap', source: 'x', target: 'y' });
  });

  test('a missing time leaves the pair undirected, lexically first id as source', () => {
    const d = decideDirection({ id: 'z', published: null }, { id: 'm', published: instant(t0, 'x') });
    expect(d).toMatchObject({ directed: false, basis: 'time-unknown', source: 'm', target: 'z' });
    expect(d.basisDetail).toContain('z');
  });

  test('intervals that only touch are ordered ([a, b) then [b, c))', () => {
    const d = decideDirection({ id: 'p', published: instant(t0 + MIN, 'later') }, { id: 'q', published: instant(t0, 'earlier') });
    expect(d).toMatchObject({ directed: true, source: 'q', target: 'p' });
  });
});
