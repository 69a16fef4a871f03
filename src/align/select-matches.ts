/**
 * One-to-one selection of exact matches: every token of either document is
 * used by at most one match. Longer matches win; a shorter match that runs into
 * tokens already taken keeps its longest free stretch. This settles repeated
 * text (a title printed twice, a sentence quoted twice) in favour of the
 * longest consistent reading.
 */
import type { ExactMatch } from './exact-matches';

/** Select non-overlapping matches (on both sides), longest first; result sorted by `bStart`. */
export function selectMatches(
  matches: readonly ExactMatch[],
  aLength: number,
  bLength: number,
  minLength: number,
): ExactMatch[] {
  const order = [...matches].sort(
    (x, y) => y.length - x.length || x.bStart - y.bStart || x.aStart - y.aStart,
  );
  const usedA = new Uint8Array(aLength);
  const usedB = new Uint8Array(bLength);
  const out: ExactMatch[] = [];
  for (const m of order) {
    // Longest stretch of m whose tokens are free on both sides.
    let bestStart = 0;
    let bestLen = 0;
    let runStart = 0;
    for (let t = 0; t <= m.length; t++) {
      const free = t < m.length && usedA[m.aStart + t] === 0 && usedB[m.bStart + t] === 0;
      if (free) continue;
      if (t - runStart > bestLen) {
        bestLen = t - runStart;
        bestStart = runStart;
      }
      runStart = t + 1;
    }
    if (bestLen < minLength) continue;
    const sel = { aStart: m.aStart + bestStart, bStart: m.bStart + bestStart, length: bestLen };
    usedA.fill(1, sel.aStart, sel.aStart + bestLen);
    usedB.fill(1, sel.bStart, sel.bStart + bestLen);
    out.push(sel);
  }
  return out.sort((x, y) => x.bStart - y.bStart || x.aStart - y.aStart);
}
