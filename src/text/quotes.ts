/**
 * Quotation regions of an original text: where the article reports someone's
 * words rather than its own. Two outlets quoting the same statement are not
 * copying each other, so passages inside quotation marks in both articles are
 * told apart.
 *
 * Rules, applied per paragraph (a line):
 * - straight and typographic double quotes (and Japanese 「」『』), opening or closing by context
 *   (space before → opening, space after → closing), by glyph when the context
 *   says nothing, and by parity for straight quotes;
 * - a closing quote with no opening one quotes from the paragraph start (news
 *   style drops or loses the opener of a block quote) when an attribution
 *   follows it (`…,” the ministry said`) or it ends the paragraph; elsewhere a
 *   stray closing quote (noisy or garbled text) quotes nothing; an opening
 *   quote with no closing one quotes to the paragraph end (multi-paragraph
 *   quotes);
 * - single quotes count when they pair up within the paragraph; an apostrophe
 *   between letters ("Russia’s") is no quote;
 * - an embedded post ("… — Name (@handle) February 12, 2022") quotes the text
 *   before its dash.
 */
import type { Span } from '../model';

// Japanese corner brackets 「」 and 『』 (the second nests in the first) open and close quotations as “ and ” do.
const DOUBLE = new Set(['"', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033', '\u300C', '\u300D', '\u300E', '\u300F']);
const DOUBLE_OPEN_GLYPH = new Set(['\u201C', '\u201E', '\u201F', '\u00AB', '\u300C', '\u300E']);
const DOUBLE_CLOSE_GLYPH = new Set(['\u201D', '\u00BB', '\u300D', '\u300F']);
const SINGLE = new Set(["'", '\u2018', '\u2019', '\u201A', '\u2039', '\u203A']);
const SINGLE_OPEN_GLYPH = new Set(['\u2018', '\u201A', '\u2039']);
const SINGLE_CLOSE_GLYPH = new Set(['\u2019', '\u203A']);
const ATTRIBUTION_AFTER =
  /^[\s,.;:!?)\]\u2014\u2013-]*(?:\S+\s+){0,5}?(?:said|says|say|told|tells|added|adds|stressed|noted|notes|wrote|writes|explained|argued|asked|according|stated|declared|insisted|continued|concluded|tweeted|posted|warned|claimed|emphasi[sz]ed|reiterated|announced|replied|commented|observed|remarked|underlined|urged)\b/i;
const EMBED_ATTRIBUTION = /\s[\u2014\u2013-]\s*[^\n()]{1,80}\(@\w{1,15}\)\s*\p{L}+\.? \d{1,2}, \d{4}\s*$/u;

type Role = 'open' | 'close' | 'unknown';

function isWordChar(c: string): boolean {
  return c !== '' && /[\p{L}\p{N}]/u.test(c);
}

function roleOf(text: string, i: number, lineStart: number, lineEnd: number, openGlyphs: Set<string>, closeGlyphs: Set<string>): Role {
  const prev = i > lineStart ? text.charAt(i - 1) : '';
  const next = i + 1 < lineEnd ? text.charAt(i + 1) : '';
  const spaceBefore = prev === '' || /[\s([{\u2014\u2013-]/.test(prev);
  const spaceAfter = next === '' || /[\s.,;:!?)\]}\u2014\u2013-]/.test(next);
  if (spaceBefore && !spaceAfter) return 'open';
  if (!spaceBefore && spaceAfter) return 'close';
  const c = text.charAt(i);
  if (openGlyphs.has(c)) return 'open';
  if (closeGlyphs.has(c)) return 'close';
  return 'unknown';
}

/** Find the quoted regions of `text`, sorted and non-overlapping, as original spans. */
export function findQuotedSpans(text: string): Span[] {
  const regions: Span[] = [];
  let lineStart = 0;
  // Only a line carrying a handle "(@" can end in an embedded post; the next one is found once, not per line.
  let handle = text.indexOf('(@');
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (handle >= 0 && handle < lineStart) handle = text.indexOf('(@', lineStart);
    scanLine(text, lineStart, lineEnd, regions, handle >= 0 && handle < lineEnd);
    lineStart = lineEnd + 1;
  }
  return mergeSpans(regions);
}

function scanLine(text: string, lineStart: number, lineEnd: number, out: Span[], mayEmbed: boolean): void {
  let doubleOpen = -1;
  let singleOpen = -1;
  let free = lineStart; // where an unmatched closing quote would start its region
  for (let i = lineStart; i < lineEnd; i++) {
    // Every quote glyph is '"', "'" or beyond ASCII: skip the rest without a lookup.
    const code = text.charCodeAt(i);
    if (code < 0x80 && code !== 0x22 && code !== 0x27) continue;
    const c = text.charAt(i);
    if (DOUBLE.has(c)) {
      let role = roleOf(text, i, lineStart, lineEnd, DOUBLE_OPEN_GLYPH, DOUBLE_CLOSE_GLYPH);
      if (role === 'unknown') role = doubleOpen >= 0 ? 'close' : 'open';
      if (role === 'open') {
        if (doubleOpen < 0) doubleOpen = i;
      } else if (doubleOpen >= 0) {
        out.push({ start: doubleOpen, end: i + 1 });
        doubleOpen = -1;
        singleOpen = -1;
        free = i + 1;
      } else {
        const rest = text.slice(i + 1, lineEnd);
        if (ATTRIBUTION_AFTER.test(rest) || rest.trim() === '') out.push({ start: free, end: i + 1 });
        singleOpen = -1;
        free = i + 1;
      }
    } else if (SINGLE.has(c) && doubleOpen < 0) {
      const prev = i > lineStart ? text.charAt(i - 1) : '';
      const next = i + 1 < lineEnd ? text.charAt(i + 1) : '';
      if (isWordChar(prev) && isWordChar(next)) continue; // apostrophe
      let role = roleOf(text, i, lineStart, lineEnd, SINGLE_OPEN_GLYPH, SINGLE_CLOSE_GLYPH);
      if (role === 'unknown') role = singleOpen >= 0 ? 'close' : 'open';
      if (role === 'open') {
        if (singleOpen < 0) singleOpen = i;
      } else if (singleOpen >= 0) {
        out.push({ start: singleOpen, end: i + 1 });
        singleOpen = -1;
        free = i + 1;
      }
    }
  }
  if (doubleOpen >= 0) out.push({ start: doubleOpen, end: trimEnd(text, lineStart, lineEnd) });
  if (!mayEmbed) return; // the pattern is costly to try
  const embed = EMBED_ATTRIBUTION.exec(text.slice(lineStart, lineEnd));
  if (embed !== null && embed.index > 0) out.push({ start: lineStart, end: lineStart + embed.index });
}

function trimEnd(text: string, from: number, to: number): number {
  let e = to;
  while (e > from && /\s/.test(text.charAt(e - 1))) e--;
  return e;
}

/** Sort spans and merge overlapping or touching ones. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && s.start <= last.end) {
      if (s.end > last.end) out[out.length - 1] = { start: last.start, end: s.end };
    } else {
      out.push(s);
    }
  }
  return out;
}

/** Number of characters of `span` that lie inside the sorted, disjoint `regions`. */
export function countCovered(regions: readonly Span[], span: Span): number {
  let lo = 0;
  let hi = regions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((regions[mid]?.end ?? 0) <= span.start) lo = mid + 1;
    else hi = mid;
  }
  let covered = 0;
  for (let k = lo; k < regions.length; k++) {
    const r = regions[k];
    if (r === undefined || r.start >= span.end) break;
    covered += Math.min(r.end, span.end) - Math.max(r.start, span.start);
  }
  return covered;
}

/** Share of `span`'s characters inside the quotation `regions` (0 for an empty span). */
export function quotedShare(regions: readonly Span[], span: Span): number {
  return span.end > span.start ? countCovered(regions, span) / (span.end - span.start) : 0;
}
