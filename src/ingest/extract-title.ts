/**
 * Reading an article's headline from the top of its text.
 */
import { findDateCandidates } from './find-date-candidates';

/** The headline is looked for in this many non-empty lines at the top. */
export const TITLE_SCAN_LINES = 3;
const MIN_WORDS = 3;
const MAX_WORDS = 25;
/** Below this share of letters among non-space characters a line is not a headline. */
const MIN_LETTER_SHARE = 0.6;

/**
 * Find the headline: the first of the first {@link TITLE_SCAN_LINES} non-empty lines that
 * {@link isTitleLike} accepts, trimmed. Looking past the first line lets a dateline or a
 * URL line above the headline (common in saved pages) be skipped.
 *
 * @returns the headline, or `null` when none of those lines looks like one.
 */
export function extractTitle(text: string): string | null {
  const lines = text
    .split(/\r\n|\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, TITLE_SCAN_LINES);
  return lines.find(isTitleLike) ?? null;
}

/**
 * Whether a (trimmed) line looks like a headline: 3–25 words; not ending in `.`, `!`, `…`,
 * `:` or `,` (sentences, truncated teasers, labels; a final `?` is fine); no URL; no
 * date; not a byline (`By …`); at least 60% letters among its non-space characters
 * (rules out `Story Code : 538334`).
 */
export function isTitleLike(line: string): boolean {
  const words = line.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length < MIN_WORDS || words.length > MAX_WORDS) return false;
  if (/[.!…:,]$/u.test(line)) return false;
  if (/https?:\/\/|www\./i.test(line)) return false;
  if (/^by\s/i.test(line)) return false;
  if (findDateCandidates(line).length > 0) return false;
  const visible = line.replace(/\s+/g, '');
  const letters = visible.match(/\p{L}/gu)?.length ?? 0;
  return letters / visible.length >= MIN_LETTER_SHARE;
}
