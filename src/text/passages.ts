/**
 * Passage windows for fingerprinting: runs of whole sentences of at least
 * `minWords` words, one window starting at every sentence (a document shorter
 * than that is one window). Because windows
 * follow sentences, not lines or paragraphs, a re-paragraphed copy yields the
 * same windows as its source.
 */
import type { Sentence } from './sentences';

/** A window of consecutive tokens `[tokenStart, tokenEnd)`. */
export interface PassageWindow {
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

/** Build sentence-aligned windows of at least `minWords` tokens (the last ones may be shorter). */
export function buildPassageWindows(sentences: readonly Sentence[], minWords: number): PassageWindow[] {
  const out: PassageWindow[] = [];
  let j = 0;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    if (s === undefined) break;
    if (j < i) j = i;
    // Extend j until the window [i, j] has at least minWords tokens.
    while (j + 1 < sentences.length && (sentences[j]?.tokenEnd ?? 0) - s.tokenStart < minWords) j++;
    const end = sentences[j]?.tokenEnd ?? s.tokenEnd;
    // A short tail window is a suffix of the one before; so is every later one.
    if (end - s.tokenStart < minWords && out.length > 0) break;
    out.push({ tokenStart: s.tokenStart, tokenEnd: end });
  }
  return out;
}
