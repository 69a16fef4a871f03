/** Shingling: token runs to 32-bit hashes, and the exact Jaccard they are compared by. */
export { mix32, combine32, hashString32 } from './hash';
export { computeShingles, computeUnmarkedShingles, countShingles, SHINGLE_HASH_START } from './compute-shingles';
export { exactJaccard } from './exact-jaccard';
