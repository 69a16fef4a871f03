/** Locality-sensitive hashing over MinHash signatures: banding choice and the band index. */
export { candidateProbability } from './candidate-probability';
export { chooseBandsRows, type Banding, type BandingWeights } from './choose-bands-rows';
export { computeBandKey, computeBandKeys, fillBandKeys16 } from './compute-band-keys';
export { bandedPairs, bandPairsInto, BandingScratch, BucketFigures, pairSortedBand, PairBuffer, sortFilledBand, type BandingInput, type BandingStats, type BandPairing, type BucketPairing } from './banded-pairs';
export {
  createLshIndex,
  resolveLshIndexParams,
  DEFAULT_MAX_BUCKET_SIZE,
  type CandidatePair,
  type LshIndex,
  type LshIndexParams,
  type LshStats,
} from './create-lsh-index';
