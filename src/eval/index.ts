/**
 * Evaluation against PAN's text-alignment corpus: reading the corpus and its ground
 * truth, PAN's XML format, and PAN's measures (precision, recall, granularity, plagdet).
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
export {
  readPanCorpus,
  readPanText,
  groundTruthName,
  type PanCorpus,
  type PanPair,
  type PanTextKind,
} from './read-pan-corpus';
