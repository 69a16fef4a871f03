/**
 * Reading an article's published date from its own text, or from a metadata value.
 */
import { chooseDateCandidate, type DateCandidate } from './date-candidate';
import { findDateCandidates } from './find-date-candidates';

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
 * e.g. `2022-02-12T12:29:05Z` or `Sat, 12 Feb 2022 12:29:00 +0000`.
 *
 * @returns the most precise, earliest date in `value`, or `null` when there is none.
 */
export function parsePublishedValue(value: string): DateCandidate | null {
  return chooseDateCandidate(findDateCandidates(value));
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
