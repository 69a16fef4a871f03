/** Text stage: normalisation with offset maps, tokens, sentences, passage windows, quotations. */
export { NORMALIZER_VERSION, normalizeText, type NormalizedText } from './normalize';
export { tokenizeText, originalEnd, type Tokens, type TokenizedText } from './tokenize';
export { splitSentences, type Sentence, type SentenceOptions } from './sentences';
export { buildPassageWindows, type PassageWindow } from './passages';
export { findQuotedSpans, mergeSpans, countCovered, quotedShare } from './quotes';
export { computeTerms, termOf } from './terms';
export { STOPWORDS } from './stopwords';
export { markRepeatedLines, markBlockedGrams, markShortRuns, countMarked, type BlockedGrams } from './boilerplate';
