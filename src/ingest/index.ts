/**
 * The ingest stage's public API: reading articles and their metadata from disk.
 */
export { readInputs, readInputsToStore, type IngestResult } from './read-inputs';
export {
  resolveIngestOptions,
  DEFAULT_FIELDS,
  DEFAULT_MAX_FILE_BYTES,
  type FieldMap,
  type FieldName,
  type IngestOptions,
  type ResolvedIngestOptions,
  type StdinFormat,
  STDIN_FORMATS,
} from './ingest-options';
export { loadOutlets, parseOutlets, mergeOutlets, OUTLETS_FORMAT_VERSION, type Outlet, type OutletRegistry } from './outlets';
export { loadManifest, parseManifest, mergeManifests, type Manifest, type ManifestEntry } from './manifest';
export { readJsonlRecords, type JsonlEvent, type JsonlRecord, type JsonlReadOptions } from './read-jsonl-records';
export { readLines, readStreamLines, decodeUtf8Lines, type InvalidLineHandler } from './read-lines';
export { openInputBytes, describeStreamError } from './open-input-bytes';
export { readWarcFile, type WarcFileResult, type WarcReadOptions } from './read-warc-file';
export { extractArticleHtml, type ExtractedArticle } from './extract-article-html';
export {
  discoverInputs,
  OUTLETS_FILE_NAME,
  MANIFEST_FILE_NAME,
  STDIN_PATH,
  STDIN_DISPLAY,
  type DiscoveredInputs,
  type InputFile,
} from './discover-inputs';
export { detectFormat, detectInputKind, READ_EXTENSIONS, type InputFormat, type InputCompression, type InputKind } from './detect-format';
export { decodeText, describeInvalidUtf8, type DecodedText } from './decode-text';
export { detectBinary, SNIFF_BYTES } from './detect-binary';
export { findInvalidUtf8, getLineAtByte } from './find-invalid-utf8';
export { reduceHtml, type ReducedHtml } from './reduce-html';
export { extractUrl, isAssetUrl, isHttpUrl, URL_HEAD_LINES, URL_TAIL_LINES } from './extract-url';
export { extractPublished, parsePublishedValue, PUBLISHED_SCAN_CHARS, PUBLISHED_SCAN_LINES } from './extract-published';
export { extractTitle, isTitleLike, TITLE_SCAN_LINES } from './extract-title';
export { findDateCandidates } from './find-date-candidates';
export { chooseDateCandidate, rankDateCandidate, getComparableMs, type DateCandidate } from './date-candidate';
export { buildPublishedTime, formatOffset } from './build-published-time';
export { zonedWallTimeToUtc, getZoneOffsetMs, isValidTimeZone } from './zoned-wall-time-to-utc';
export { getRegisteredDomain, normaliseOutlet } from './registered-domain';
export { assignIds, type AssignedIds, type IdClaim } from './assign-ids';
export { resolveMeta, type MetaInputs, type ResolvedMeta } from './resolve-meta';
export { NOTHING_STATED, rawDocument, readText, statedParts, statedText, STATED_TYPES, type DocumentText, type RawDocument, type StatedParts, type StatedMeta, type StoredText, type TextStore } from './raw-document';
export { WarningCode, type WarningCodeValue } from './warning-codes';
export {
  readPanCorpus,
  readPanText,
  readPanDocument,
  readPanPairs,
  groundTruthName,
  type PairsEntry,
  type PanCorpus,
  type PanPair,
  type PanTextKind,
} from './read-pan-corpus';
export { readUtf8File, type ReadUtf8Options } from './read-utf8-file';
