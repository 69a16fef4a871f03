/**
 * A date or date-time found in text, before any time zone is applied.
 */

/**
 * A calendar date, optionally with a wall-clock time and an explicit UTC offset,
 * as read from text. Months are 1-based. Fractions of a second are dropped.
 */
export interface DateCandidate {
  /** UTF-16 offsets of the match in the string that was searched, `[start, end)`. */
  readonly start: number;
  readonly end: number;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Wall-clock time, `null` for a date without a time of day. */
  readonly time: {
    readonly hour: number;
    readonly minute: number;
    /** `null` when the text gives minutes only (precision 60 s). */
    readonly second: number | null;
  } | null;
  /** Explicit offset from UTC in minutes (`Z`, `GMT`, `+0300`), or `null` when none is stated. */
  readonly offsetMinutes: number | null;
}

/**
 * How precise a candidate is: 3 for an instant (time and offset), 2 for a local
 * wall-clock time, 1 for a date.
 */
export function rankDateCandidate(candidate: DateCandidate): 1 | 2 | 3 {
  if (candidate.time === null) return 1;
  return candidate.offsetMinutes === null ? 2 : 3;
}

/**
 * Pick the best candidate: the most precise (instant > local > date), and among equal
 * precision the earliest (a published time precedes an updated one). Ties keep text order.
 *
 * @returns the chosen candidate, or `null` for an empty list.
 */
export function chooseDateCandidate(candidates: readonly DateCandidate[]): DateCandidate | null {
  let best: DateCandidate | null = null;
  for (const candidate of candidates) {
    if (best === null) {
      best = candidate;
      continue;
    }
    const rank = rankDateCandidate(candidate);
    const bestRank = rankDateCandidate(best);
    if (rank > bestRank || (rank === bestRank && getComparableMs(candidate) < getComparableMs(best))) {
      best = candidate;
    }
  }
  return best;
}

/**
 * Milliseconds for ordering candidates of the same rank: the UTC instant when an
 * offset is known, otherwise the wall-clock time read as if it were UTC.
 */
export function getComparableMs(candidate: DateCandidate): number {
  const { year, month, day, time, offsetMinutes } = candidate;
  const wall = Date.UTC(year, month - 1, day, time?.hour ?? 0, time?.minute ?? 0, time?.second ?? 0);
  return wall - (offsetMinutes ?? 0) * 60_000;
}
