/** Align stage: verify candidate pairs and align reused passages to exact spans. */
export { alignDocuments, type AlignSettings, type AlignedPassage } from './align-documents';
export { findExactMatches, type ExactMatch, type ExactMatchOptions } from './exact-matches';
export { selectMatches } from './select-matches';
export { chainMatches, type MatchChain } from './chain-matches';
export { editSimilarity, joinWords } from './edit-similarity';
export { trimToSentences, type ChainRange } from './trim-to-sentences';
