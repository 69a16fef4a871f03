/**
 * Turning a date found in text into a {@link PublishedTime}: what is known, at what
 * precision, and the range of UTC instants the statement allows.
 */
import type { Interval, PublishedTime } from '../model';
import type { DateCandidate } from './date-candidate';
import { zonedWallTimeToUtc } from './zoned-wall-time-to-utc';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Earliest zone on Earth is UTC+14: a wall time there is 14 h before the same UTC wall time. */
const EAST_MS = 14 * HOUR_MS;
/** Latest zone is UTC−12. */
const WEST_MS = 12 * HOUR_MS;

/**
 * Build the published time for a candidate.
 *
 * - Explicit offset → `instant`, `zoneSource: 'explicit'`, zone `UTC±hh:mm`,
 *   interval `[t, t + precision)`: precision 60 s for `HH:MM`, 1 s with seconds
 *   (fractions of a second are dropped, so `12:29:05.9` is `[12:29:05, 12:29:06)`).
 * - Wall time, `zone` given (the outlet's IANA zone) → `instant`, `zoneSource: 'outlet'`.
 * - Wall time, no zone → `local`, interval `[wall − 14 h, wall + precision + 12 h)`:
 *   any zone from UTC+14 to UTC−12.
 * - Date only → `date`: with `zone`, that calendar day in the zone; without,
 *   `[day 00:00Z − 14 h, day 24:00Z + 12 h)`.
 *
 * @param zone IANA zone of the outlet, or `null` when unknown. An explicit offset in the
 *   text always wins over it.
 */
export function buildPublishedTime(candidate: DateCandidate, zone: string | null): PublishedTime {
  const { year, month, day, time, offsetMinutes } = candidate;
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (time === null) {
    const interval: Interval =
      zone === null
        ? { from: Date.UTC(year, month - 1, day) - EAST_MS, to: Date.UTC(year, month - 1, day + 1) + WEST_MS }
        : {
            from: zonedWallTimeToUtc(year, month, day, 0, 0, 0, zone),
            // Date.UTC normalises day + 1 past the month's end; read the next day back from it.
            to: nextDayStartInZone(year, month, day, zone),
          };
    return { kind: 'date', text: date, interval };
  }

  const clock = `${pad(time.hour)}:${pad(time.minute)}${time.second === null ? '' : `:${pad(time.second)}`}`;
  const precision = time.second === null ? MINUTE_MS : 1000;
  const wall = Date.UTC(year, month - 1, day, time.hour, time.minute, time.second ?? 0);

  if (offsetMinutes !== null) {
    const from = wall - offsetMinutes * MINUTE_MS;
    const offset = formatOffset(offsetMinutes);
    return {
      kind: 'instant',
      text: `${date}T${clock}${offset}`,
      interval: { from, to: from + precision },
      zoneSource: 'explicit',
      zone: `UTC${offset}`,
    };
  }
  if (zone !== null) {
    const from = zonedWallTimeToUtc(year, month, day, time.hour, time.minute, time.second ?? 0, zone);
    // The zone's offset at that instant. Inside a DST gap the wall time was moved forward;
    // `02:30+01:00` then still names the instant used. Old local-mean-time offsets with
    // seconds cannot be written as ±hh:mm, so those fall back to UTC.
    const offsetMs = wall - from;
    const text =
      offsetMs % MINUTE_MS === 0
        ? `${date}T${clock}${formatOffset(offsetMs / MINUTE_MS)}`
        : new Date(from).toISOString();
    return { kind: 'instant', text, interval: { from, to: from + precision }, zoneSource: 'outlet', zone };
  }
  return {
    kind: 'local',
    text: `${date}T${clock}`,
    interval: { from: wall - EAST_MS, to: wall + precision + WEST_MS },
  };
}

function nextDayStartInZone(year: number, month: number, day: number, zone: string): number {
  const next = new Date(Date.UTC(year, month - 1, day) + DAY_MS);
  return zonedWallTimeToUtc(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, 0, 0, zone);
}

/** `+03:30`, `-05:00`, `+00:00` for minutes east of UTC. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
