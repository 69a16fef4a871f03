import fc from 'fast-check';
import { getZoneOffsetMs, isValidTimeZone, zonedWallTimeToUtc } from '../../src/ingest/zoned-wall-time-to-utc';

const utc = (iso: string): number => Date.parse(iso);

describe('zonedWallTimeToUtc', () => {
  test('Asia/Tehran is +03:30 in February 2022: 18:40 → 15:10Z', () => {
    expect(zonedWallTimeToUtc(2022, 2, 12, 18, 40, 0, 'Asia/Tehran')).toBe(utc('2022-02-12T15:10:00Z'));
  });

  test.each([
    // [wall time, zone, UTC] — offsets from the IANA database
    [[2022, 2, 12, 12, 29, 0], 'Etc/UTC', '2022-02-12T12:29:00Z'],
    [[2022, 2, 12, 18, 40, 0], 'Europe/Moscow', '2022-02-12T15:40:00Z'], // MSK +03:00, no DST since 2014
    [[2022, 2, 12, 12, 0, 0], 'America/New_York', '2022-02-12T17:00:00Z'], // EST −05:00
    [[2022, 7, 1, 12, 0, 0], 'America/New_York', '2022-07-01T16:00:00Z'], // EDT −04:00
    [[2022, 2, 12, 12, 0, 0], 'Europe/Berlin', '2022-02-12T11:00:00Z'], // CET +01:00
    [[2022, 7, 1, 12, 0, 0], 'Europe/Berlin', '2022-07-01T10:00:00Z'], // CEST +02:00
    [[2022, 6, 1, 12, 0, 0], 'Asia/Tehran', '2022-06-01T07:30:00Z'], // IRDT +04:30 (DST until 2022-09-22)
    [[2022, 2, 12, 0, 0, 0], 'Asia/Kolkata', '2022-02-11T18:30:00Z'], // IST +05:30, day before in UTC
  ] as const)('%j in %s → %s', (wall, zone, expected) => {
    const [y, mo, d, h, mi, s] = wall;
    expect(zonedWallTimeToUtc(y, mo, d, h, mi, s, zone)).toBe(utc(expected));
  });

  test('a time that does not exist (clocks forward) moves forward by the gap', () => {
    // Berlin 2022-03-27: 02:00 CET → 03:00 CEST. 02:30 is read as 03:30 CEST = 01:30Z.
    expect(zonedWallTimeToUtc(2022, 3, 27, 2, 30, 0, 'Europe/Berlin')).toBe(utc('2022-03-27T01:30:00Z'));
  });

  test('a time that occurs twice (clocks back) gives the earlier instant', () => {
    // Berlin 2022-10-30: 03:00 CEST → 02:00 CET. 02:30 CEST = 00:30Z (02:30 CET = 01:30Z).
    expect(zonedWallTimeToUtc(2022, 10, 30, 2, 30, 0, 'Europe/Berlin')).toBe(utc('2022-10-30T00:30:00Z'));
  });

  test('property: the result shows the same wall time in the zone, and no earlier instant does', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Tehran', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(...zones),
        (t0, zone) => {
          const t = Math.floor(t0 / 1000) * 1000;
          const wall = new Date(t + getZoneOffsetMs(t, zone));
          const result = zonedWallTimeToUtc(
            wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate(),
            wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds(), zone,
          );
          expect(result + getZoneOffsetMs(result, zone)).toBe(wall.getTime());
          expect(result).toBeLessThanOrEqual(t); // earlier of two readings, never later
        },
      ),
      { seed: 20220212, numRuns: 500 },
    );
  });
});

describe('getZoneOffsetMs', () => {
  test('Tehran, February 2022: +03:30', () => {
    expect(getZoneOffsetMs(utc('2022-02-12T15:10:00Z'), 'Asia/Tehran')).toBe(3.5 * 3_600_000);
  });
});

describe('isValidTimeZone', () => {
  test('IANA names yes, others no', () => {
    expect(isValidTimeZone('Asia/Tehran')).toBe(true);
    expect(isValidTimeZone('Etc/UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
