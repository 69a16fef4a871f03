/** MinHash signatures: a seeded signer and the Jaccard estimate. */
export { createMinHasher, type MinHasher } from './create-min-hasher';
export { createOnePermutationHasher } from './create-one-permutation-hasher';
export { estimateJaccard } from './estimate-jaccard';
export { lowBits, lowBitsAgreement, lowBitsInto } from './low-bits';
export {
  MAX_NUM_PERM,
  resolveMinHashParams,
  assertSameMinHashParams,
  describeMinHashParamsDifference,
  type MinHashParams,
  type MinHashScheme,
} from './minhash-params';
export { derivePermutationKeys } from './permutation-keys';
export { viewSignature, EMPTY_MIN, type Signature, type SignatureBlock } from './signature';
