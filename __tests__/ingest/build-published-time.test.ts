import { buildPublishedTime, formatOffset } from '../../src/ingest/build-published-time';
import type { DateCandidate } from '../../src/ingest/date-candidate';

const H = 3_600_000;
const utc = (iso: string): number => Date.parse(iso);
const candidate = (fields: Partial<DateCandidate>): DateCandidate => ({
  start: 0, end: 0, year: 2022, month: 2, day: 12, time: null, offsetMinutes: null, ...fields,
});

describe('buildPublishedTime', () => {
  test('explicit offset, minute precision: [t, t + 60 s)', () => {
    // 2022-02-12T12:29+0000 (seed 004)
    expect(buildPublishedTime(candidate({ time: { hour: 12, minute: 29, second: null }, offsetMinutes: 0 }), null)).toEqual({
      kind: 'instant',
      text: '2022-02-12T12:29+00:00',
      interval: { from: utc('2022-02-12T12:29:00Z'), to: utc('2022-02-12T12:30:00Z') },
      zoneSource: 'explicit',
      zone: 'UTC+00:00',
    });
  });

  test('explicit offset, seconds: [t, t + 1 s), offset applied', () => {
    // 12:29:05+03:00 = 09:29:05Z
    expect(buildPublishedTime(candidate({ time: { hour: 12, minute: 29, second: 5 }, offsetMinutes: 180 }), null)).toEqual({
      kind: 'instant',
      text: '2022-02-12T12:29:05+03:00',
      interval: { from: utc('2022-02-12T09:29:05Z'), to: utc('2022-02-12T09:29:06Z') },
      zoneSource: 'explicit',
      zone: 'UTC+03:00',
    });
  });

  test('an explicit offset wins over the outlet zone', () => {
    const result = buildPublishedTime(candidate({ time: { hour: 12, minute: 29, second: null }, offsetMinutes: 0 }), 'Asia/Tehran');
    expect(result).toMatchObject({ zoneSource: 'explicit', zone: 'UTC+00:00' });
  });

  test('wall time, no zone: local, [wall − 14 h, wall + 60 s + 12 h)', () => {
    // 2022-02-12T16:59 (seed 002)
    expect(buildPublishedTime(candidate({ time: { hour: 16, minute: 59, second: null } }), null)).toEqual({
      kind: 'local',
      text: '2022-02-12T16:59',
      interval: { from: utc('2022-02-12T02:59:00Z'), to: utc('2022-02-13T05:00:00Z') },
    });
  });

  test('wall time with the outlet zone: instant via outlet (seed 001, Tehran)', () => {
    expect(buildPublishedTime(candidate({ time: { hour: 18, minute: 40, second: null } }), 'Asia/Tehran')).toEqual({
      kind: 'instant',
      text: '2022-02-12T18:40+03:30',
      interval: { from: utc('2022-02-12T15:10:00Z'), to: utc('2022-02-12T15:11:00Z') },
      zoneSource: 'outlet',
      zone: 'Asia/Tehran',
    });
  });

  test('date, no zone: from 00:00 at UTC+14 to 24:00 at UTC−12', () => {
    // [2022-02-12T00:00Z − 14 h, 2022-02-13T00:00Z + 12 h) = [02-11T10:00Z, 02-13T12:00Z)
    expect(buildPublishedTime(candidate({}), null)).toEqual({
      kind: 'date',
      text: '2022-02-12',
      interval: { from: utc('2022-02-11T10:00:00Z'), to: utc('2022-02-13T12:00:00Z') },
    });
  });

  test('date with the outlet zone: that day in the zone', () => {
    // Tehran +03:30: 2022-02-12T00:00 = 02-11T20:30Z; 02-13T00:00 = 02-12T20:30Z
    expect(buildPublishedTime(candidate({}), 'Asia/Tehran').interval).toEqual({
      from: utc('2022-02-11T20:30:00Z'),
      to: utc('2022-02-12T20:30:00Z'),
    });
    // Month end: 2022-02-28 in Berlin (+01:00) → [02-27T23:00Z, 02-28T23:00Z)
    expect(buildPublishedTime(candidate({ day: 28 }), 'Europe/Berlin').interval).toEqual({
      from: utc('2022-02-27T23:00:00Z'),
      to: utc('2022-02-28T23:00:00Z'),
    });
    // A 23-hour day: Berlin 2022-03-27 (clocks forward) → [03-26T23:00Z, 03-27T22:00Z)
    expect(buildPublishedTime(candidate({ month: 3, day: 27 }), 'Europe/Berlin').interval).toEqual({
      from: utc('2022-03-26T23:00:00Z'),
      to: utc('2022-03-27T22:00:00Z'),
    });
  });

  test('every interval is non-empty', () => {
    const r = buildPublishedTime(candidate({ time: { hour: 0, minute: 0, second: 0 } }), null);
    expect(r.interval.to - r.interval.from).toBe(26 * H + 1000);
  });
});

describe('formatOffset', () => {
  test('signs and half hours', () => {
    expect(formatOffset(0)).toBe('+00:00');
    expect(formatOffset(210)).toBe('+03:30');
    expect(formatOffset(-300)).toBe('-05:00');
    expect(formatOffset(-570)).toBe('-09:30');
  });
});
