/** Align stage: verify candidate pairs and align reused passages to exact spans. */
export { alignDocuments, alignSettingsOf, ALIGN_SETTING_KEYS, type AlignSettings, type AlignedPassage, type AlignedSegment } from './align-documents';
export { joinCondensed, groupSimilarity, type JoinableSegment, type JoinMasks } from './join-condensed';
export type { AlignableDocument } from './alignable-document';
export { findExactMatches, type ExactMatch, type ExactMatchOptions } from './exact-matches';
export { selectMatches } from './select-matches';
export { chainMatches, type MatchChain } from './chain-matches';
export { editSimilarity, joinWords } from './edit-similarity';
export { trimToSentences, type ChainRange } from './trim-to-sentences';
export {
  buildSentenceVectors,
  findSentenceSeeds,
  rangeCosine,
  type SentenceSeed,
  type SentenceVectors,
  type SparseVector,
  type SeedThresholds,
} from './sentence-seeds';
export { clusterSeeds, extendSeeds, type SentenceFragment, type SentenceBarriers } from './extend-seeds';
export { mergePassages, type ProposedPassage } from './merge-passages';
export { prepareAlignable } from './prepare-alignable';
export { selectSeeds, type AnchoredRange } from './select-seeds';
export { REPEATED_LINE_BOILERPLATE } from './prepare-alignable';
export { MIN_SEED_TERMS } from './sentence-seeds';
