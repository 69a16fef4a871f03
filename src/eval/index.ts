/**
 * Evaluation against PAN's text-alignment corpus (pure; the corpus reader is
 * `ingest/read-pan-corpus.ts`): PAN's XML format, and PAN's measures (precision, recall, granularity, plagdet).
 */
export {
  computePanMeasures,
  measureByCategory,
  type PanCase,
  type PanDetection,
  type PanPairResult,
  type PanCategorizedPairResult,
  type PanMeasures,
  type PanCategoryMeasures,
  type PanMeasuresByCategory,
} from './pan-measures';
export {
  renderDetectionXml,
  parsePanXml,
  escapeAttribute,
  DETECTION_FEATURE,
  CASE_FEATURE,
  type PanXml,
  type PanFeature,
} from './pan-xml';
