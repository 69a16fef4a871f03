/** Cluster stage: reuse clusters of documents that carry the same story, duplicate groups, and their origin. */
export {
  buildClusters,
  DEFAULT_MIN_MEMBERS,
  type Cluster,
  type ClusterMember,
  type ClusterPairInput,
  type ClusterDocumentInput,
} from './build-clusters';
export { chooseOrigin, type OriginBasis, type OriginCandidate } from './choose-origin';
export { groupDuplicates, type DuplicateGroup, type DuplicatePairInput } from './group-duplicates';
