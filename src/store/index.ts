/** The index store for check mode: one SQLite file of archived articles, signatures and band keys. */
export { openIndexStore, IndexStore, WRITE_WAIT_MS, INDEX_BUSY, type IndexEntry, type IndexRow, type IndexStats, type OpenIndexOptions, type StoredDocument, type WriteCounts } from './index-store';
export { indexParametersOf, resolveIndexOptions, findParameterDifference, RECORDED_REPORT_PARAMETERS, SIGNATURE_BITS, type IndexParameters } from './index-parameters';
export { computeStoreBandKeys, computeWindowBandKeys, storeKey } from './store-band-keys';
export { sortBatchPostings, type SortedBatch, type SortedEntries } from './posting-chunks';
export { BULK_MERGE_FANIN, MERGE_FANIN, MERGE_RANGE_ENTRIES, keyRanges, mergeRanges, SegmentRangeReader, type BucketLookup, type MergeSource } from './posting-segments';
export { checkIndexFile } from './check-index-file';
export { INDEX_FORMAT, INDEX_SCHEMA_VERSION } from './index-schema';
export { encodeText, decodeText } from './blob-codec';
