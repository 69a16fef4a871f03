/** Cluster stage: reuse clusters of documents that carry the same story, and their origin. */
export {
  buildClusters,
  DEFAULT_MIN_MEMBERS,
  type Cluster,
  type ClusterMember,
  type ClusterPairInput,
  type ClusterDocumentInput,
  type OriginBasis,
} from './build-clusters';
