/**
 * Reading an article's published date from its own text, or from a metadata value.
 */
import { chooseDateCandidate, type DateCandidate } from './date-candidate';
import { findDateCandidates, isValidClock, isValidDate, parseOffset } from './find-date-candidates';

/** Only this many non-empty lines at the top of an article are searched for a date. */
export const PUBLISHED_SCAN_LINES = 12;
/** ...and only dates starting within this many characters from the top. */
export const PUBLISHED_SCAN_CHARS = 1500;

/**
 * Find the published date of an article in its text: date candidates in the first
 * {@link PUBLISHED_SCAN_LINES} non-empty lines that start within the first
 * {@link PUBLISHED_SCAN_CHARS} characters (dates deeper in are about the story, not the
 * article). Of those, the most precise wins, then the earliest (see
 * {@link chooseDateCandidate}).
 *
 * @returns the chosen candidate (offsets into `text`), or `null`: never a guess.
 */
export function extractPublished(text: string): DateCandidate | null {
  const linesEnd = endOfNonEmptyLines(text, PUBLISHED_SCAN_LINES);
  const startLimit = Math.min(linesEnd, PUBLISHED_SCAN_CHARS);
  // Search a little past the limit so that a date starting just before it is read whole.
  const region = text.slice(0, Math.min(linesEnd, PUBLISHED_SCAN_CHARS + 100));
  const candidates = findDateCandidates(region).filter((c) => c.start < startLimit);
  return chooseDateCandidate(candidates);
}

/**
 * Read a date from a metadata value (a JSONL field, a manifest entry, an HTML meta tag),
 * e.g. `2022-02-12T12:29:05Z` or `Sat, 12 Feb 2022 12:29:00 +0000`; or, the whole
 * value, a Unix time ({@link parseUnixTime}) or ISO 8601's compact form
 * ({@link parseCompactIsoTime}: `20220212T122905Z`, `20220212122905`).
 *
 * @returns the most precise, earliest date in `value`, or `null` when there is none.
 */
export function parsePublishedValue(value: string): DateCandidate | null {
  return parseUnixTime(value) ?? parsePlainIsoTime(value) ?? parseCompactIsoTime(value) ?? chooseDateCandidate(findDateCandidates(value));
}

/** A whole value in the commonest dump form, `2022-02-12T12:29:05.123+03:00` (time, seconds and zone optional). */
const PLAIN_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A metadata value that is a plain ISO 8601 date or date-time, read directly:
 * what {@link findDateCandidates} reads from it (a property test holds the two
 * to the same answer), without running every date pattern over it, which
 * took a fifth of the main thread's reading of a 10k dump. `null` hands any
 * other value (and any out of range: a year outside 1800–2199, an impossible
 * day or time, an offset beyond ±14 hours) to the general reading.
 */
export function parsePlainIsoTime(value: string): DateCandidate | null {
  const m = PLAIN_ISO.exec(value);
  return m === null ? null : wholeValueCandidate(m, 0, value.length, 1, 4, 7);
}

/** `20220212`, `20220212T1840`, `20220212T184005Z`, `20220212T184005+0330`, `20220212184005`. */
const COMPACT_ISO = /^(\s*)(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{2}:?\d{2})?|(\d{2})(\d{2})(\d{2}))?\s*$/i;

/**
 * A metadata value in ISO 8601's basic (compact) form, as feeds, crawl
 * indexes and event databases give it: a date (`20220212`), a date-time with
 * `T` (`20220212T1840`, seconds and an offset optional: `20220212T184005Z`), or
 * fourteen digits (`20220212184005`: GDELT, the Wayback Machine's timestamps).
 * Without an offset the time is a local time of unknown zone, as everywhere
 * (an outlets file may give the zone): fourteen digits say nothing of UTC
 * even where a source's documentation does. Only these shapes, so that a Unix
 * time (9, 10, 12 or 13 digits) is not read as one; `null` for any other value
 * or one out of range.
 */
export function parseCompactIsoTime(value: string): DateCandidate | null {
  const m = COMPACT_ISO.exec(value);
  if (m === null) return null;
  return wholeValueCandidate(m, m[1]!.length, value.trimEnd().length, 2, m[5] !== undefined ? 5 : 9, 8);
}

/**
 * The candidate a whole-value form's match `m` read, spanning `[start, end)`
 * of the value: its groups from `date` on are the year, month and day, from
 * `clock` on the hour, minute and second (each absent when not given), at
 * `zone` the offset as written; `null` when any part is out of range. Groups
 * are read by number: slicing the match array made parsePlainIsoTime, which
 * reads every record's date, ten times slower.
 */
function wholeValueCandidate(m: RegExpExecArray, start: number, end: number, date: number, clock: number, zone: number): DateCandidate | null {
  const [year, month, day] = [Number(m[date]), Number(m[date + 1]), Number(m[date + 2])];
  if (!isValidDate(year, month, day)) return null;
  if (m[clock] === undefined) return { start, end, year, month, day, time: null, offsetMinutes: null };
  const second = m[clock + 2];
  const time = { hour: Number(m[clock]), minute: Number(m[clock + 1]), second: second === undefined ? null : Number(second) };
  if (!isValidClock(time.hour, time.minute, time.second)) return null;
  const written = m[zone];
  const offsetMinutes = written === undefined ? null : parseOffset(written);
  if (written !== undefined && offsetMinutes === null) return null;
  return { start, end, year, month, day, time, offsetMinutes };
}

/** Seconds since 1970 (9 or 10 digits, a fraction allowed) or milliseconds (12 or 13 digits). */
const UNIX_TIME = /^\s*(?:(\d{9,10})(?:\.\d+)?|(\d{12,13}))\s*$/;

/**
 * A metadata value that is a Unix time, as dumps often give it (`1644691200`,
 * `1644691200.5`, `1644691200000`): an instant in UTC, to the second. Only
 * these lengths (1973 to 2286), so that a year or a `20220212` is not read
 * as one.
 */
export function parseUnixTime(value: string): DateCandidate | null {
  const match = UNIX_TIME.exec(value);
  if (match === null) return null;
  const ms = match[1] !== undefined ? Number(match[1]) * 1000 : Math.floor(Number(match[2]) / 1000) * 1000;
  const at = new Date(ms);
  return {
    start: match.index + match[0].length - match[0].trimStart().length,
    end: match.index + match[0].trimEnd().length,
    year: at.getUTCFullYear(),
    month: at.getUTCMonth() + 1,
    day: at.getUTCDate(),
    time: { hour: at.getUTCHours(), minute: at.getUTCMinutes(), second: at.getUTCSeconds() },
    offsetMinutes: 0,
  };
}

/** Offset just past the `count`-th line that holds more than whitespace (or the text's end). */
function endOfNonEmptyLines(text: string, count: number): number {
  const lineBreak = /\r\n|\n|\r/g;
  let seen = 0;
  let lineStart = 0;
  for (;;) {
    const match = lineBreak.exec(text);
    const lineEnd = match === null ? text.length : match.index;
    if (text.slice(lineStart, lineEnd).trim() !== '') seen += 1;
    if (seen >= count || match === null) return lineEnd;
    lineStart = match.index + match[0].length;
  }
}
