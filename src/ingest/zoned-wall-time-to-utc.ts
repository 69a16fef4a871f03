/**
 * Converting between UTC instants and wall-clock times in an IANA time zone, using
 * the zone data built into Node (`Intl.DateTimeFormat`).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * The offset of `zone` from UTC at the instant `utcMs`, in milliseconds (positive east
 * of Greenwich: Asia/Tehran in February 2022 gives +03:30 = 12 600 000).
 *
 * @throws RangeError when `zone` is not a zone Node knows.
 */
export function getZoneOffsetMs(utcMs: number, zone: string): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(whole)) parts[part.type] = part.value;
  let year = Number(parts['year']);
  if (parts['era'] === 'BC' || parts['era'] === 'B') year = 1 - year;
  const wall = Date.UTC(
    year,
    Number(parts['month']) - 1,
    Number(parts['day']),
    Number(parts['hour']),
    Number(parts['minute']),
    Number(parts['second']),
  );
  // Date.UTC maps years 0–99 to 1900–1999; correct for that.
  const fixed = year >= 0 && year < 100 ? new Date(wall).setUTCFullYear(year) : wall;
  return fixed - whole;
}

const DAY_MS = 86_400_000;

/**
 * The UTC instant (ms) of a wall-clock time in an IANA zone. `month` is 1-based.
 *
 * Around offset changes: a time that occurs twice (clocks turned back) gives the earlier
 * instant; a time that does not exist (clocks turned forward) is moved forward by the
 * length of the gap (Berlin 2022-03-27 02:30 → 03:30 CEST = 01:30Z), as `Temporal`'s
 * `compatible` disambiguation does. Offsets are sampled a day before and after the wall
 * time, which covers every real zone (offset changes are at least days apart).
 *
 * @example zonedWallTimeToUtc(2022, 2, 12, 18, 40, 0, 'Asia/Tehran') // Date.UTC(2022, 1, 12, 15, 10)
 * @throws RangeError when `zone` is not a zone Node knows.
 */
export function zonedWallTimeToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  zone: string,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const before = getZoneOffsetMs(wall - DAY_MS, zone);
  const after = getZoneOffsetMs(wall + DAY_MS, zone);
  const matches = [wall - before, wall - after]
    .filter((utc) => utc + getZoneOffsetMs(utc, zone) === wall)
    .sort((a, b) => a - b);
  return matches[0] ?? wall - before;
}

/**
 * Whether Node knows `zone` as an IANA time zone name (`Europe/Berlin`, `Etc/UTC`).
 */
export function isValidTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
