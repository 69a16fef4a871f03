/** Pipeline: where stages are wired. */
export { scan, scanWithTexts, scanArticles, type ScanResult, type ScanRun, type ScanTextsRun, type ScanHooks, type ScanPhase, describeParameters, SCHEMA_VERSION } from './scan';
export { prepareDocument, type PreparedDocument } from './prepare-document';
export { findCandidates, resolveBanding, type CandidateDocumentPair, type Banding } from './find-candidates';
export { comparePair } from './compare-pair';
export { alignPanPairs, type PanAlignJob, type RunOptions } from './align-pan-pairs';
export { PanAligner, detectPanPair, type PanAlignerConfig } from './pan-aligner';
