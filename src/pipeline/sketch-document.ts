/**
 * What fingerprinting needs of a document, and nothing more: token hashes, the
 * page-boilerplate mask, passage windows and the distinct anchor k-grams (for
 * collection boilerplate). A few bytes per token in flat typed arrays, so a
 * whole dump's sketches fit in memory and cross to and from worker threads
 * cheaply; texts, offsets, sentences, stems, quotations and credits are built
 * later, by `prepareDocument`, and only for documents in a candidate pair.
 *
 * The sketch is derived from the same steps as `prepareDocument` (same
 * tokeniser, sentence splitter, repeated-line rule, windows), so the windows
 * signed here are the windows a prepared document would have.
 */
import type { ResolvedOptions } from '../options';
import { REPEATED_LINE_BOILERPLATE } from '../align';
import { computeShingles } from '../shingle';
import { buildPassageWindows, markRepeatedLines, splitSentences } from '../text';
import { tokenizeTextTransient } from '../text/tokenize';
import { markBlockedTokens, type BlockedGramSets } from './find-boilerplate';
import { distinctSorted } from './gram-counter';

/** The settings a sketch depends on. */
export interface SketchSettings {
  readonly maxSentenceWords: number;
  readonly passageWords: number;
  readonly anchorSize: number;
  readonly boilerplate: boolean;
}

/** A document reduced to what candidate generation reads. */
export interface DocumentSketch {
  /** uint32 hash of each normalised token. */
  readonly hashes: Uint32Array;
  /** 1 for boilerplate tokens: page level here, collection level added by {@link markSketchBoilerplate}. */
  readonly mask: Uint8Array;
  /** Passage windows as token ranges, flat: `[start0, end0, start1, end1, …]`. */
  readonly windows: Uint32Array;
  /** Distinct hashes of the document's anchor-size k-grams, sorted. */
  readonly grams: Uint32Array;
}

/**
 * Sketch one text. Pure. The tokens are transient (scratch views, see
 * `tokenizeTextTransient`): everything kept is copied out of them.
 */
export function sketchDocument(original: string, settings: SketchSettings): DocumentSketch {
  const text = tokenizeTextTransient(original);
  const { tokens } = text;
  const sentences = splitSentences(original, text.normalized.text, tokens, { maxWords: settings.maxSentenceWords });
  const windows = buildPassageWindows(sentences, settings.passageWords);
  const flat = new Uint32Array(2 * windows.length);
  windows.forEach((w, i) => {
    flat[2 * i] = w.tokenStart;
    flat[2 * i + 1] = w.tokenEnd;
  });
  const hashes = tokens.hash.slice(0, tokens.count);
  const k = settings.anchorSize;
  return {
    hashes,
    mask: settings.boilerplate
      ? markRepeatedLines(text.normalized.text, tokens, REPEATED_LINE_BOILERPLATE)
      : new Uint8Array(tokens.count),
    windows: flat,
    grams: tokens.count >= k ? distinctSorted(computeShingles(hashes, 0, tokens.count, k)) : new Uint32Array(0),
  };
}

/** Mark the collection's blocked k-grams on a sketch's mask (in place; see {@link markBlockedTokens}). */
export function markSketchBoilerplate(
  sketch: Pick<DocumentSketch, 'hashes' | 'mask'>,
  blocked: BlockedGramSets,
  options: Pick<ResolvedOptions, 'anchorSize' | 'passageWords'>,
): void {
  markBlockedTokens(sketch.hashes, sketch.hashes.length, sketch.mask, blocked, options);
}

/** The sketch settings of resolved options. */
export function sketchSettingsOf(options: SketchSettings): SketchSettings {
  const { maxSentenceWords, passageWords, anchorSize, boilerplate } = options;
  return { maxSentenceWords, passageWords, anchorSize, boilerplate };
}
