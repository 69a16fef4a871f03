/**
 * reprint's public API. Everything the CLI does is available here.
 *
 * @example
 * ```ts
 * import { scan, renderText } from 'reprint';
 * const report = await scan(['samples']);
 * process.stdout.write(renderText(report));
 * ```
 */
export type {
  Span,
  Interval,
  PublishedTime,
  MetaSource,
  ArticleMeta,
  Article,
  Warning,
  PassageKind,
  RelationKind,
  Passage,
  Pair,
  ReportDocument,
  Report,
  PairCredit,
  ReuseCluster,
  DuplicateRecords,
} from './model';
export { ReprintError, InputError, OptionsError, ParameterMismatchError, FormatError, InternalError } from './errors';
export { resolveOptions, DEFAULTS, type ScanOptions, type ResolvedOptions, type FieldMap } from './options';
export { scan, scanWithTexts, scanArticles, SCHEMA_VERSION, type ScanResult, type ScanRun, type ScanTextsRun, type ScanHooks, type ScanPhase } from './pipeline';
export { readInputs } from './ingest';
export { alignDocuments, type AlignSettings, type AlignedPassage } from './align';
export { tokenizeText, normalizeText, findQuotedSpans, NORMALIZER_VERSION } from './text';
export { createMinHasher, estimateJaccard, type Signature } from './minhash';
export { createLshIndex, chooseBandsRows } from './lsh';
export { decideDirection, findCredits, findCreditFor } from './attribute';
export { buildClusters, groupDuplicates } from './cluster';
export {
  renderText,
  renderJson,
  renderHtml,
  renderCsvPairs,
  renderCsvPassages,
  renderMarkdown,
  renderReport,
  REPORT_FORMATS,
  type TextRenderOptions,
  type HtmlRenderOptions,
  type MarkdownRenderOptions,
  type ReportFormat,
  type RenderReportOptions,
} from './report';
export { openIndex, type OpenedIndex, type OpenIndexHow } from './pipeline/open-index';
export { addArticlesToIndex, addInputsToIndex, contentHash, type IndexAddResult, type IndexInputsResult, type IndexPhase, type IndexRun } from './pipeline/index-articles';
export { checkDrafts, draftShareOf, type CheckResult, type DraftShare } from './pipeline/check-drafts';
export { readArticles } from './pipeline/read-articles';
export { openIndexStore, IndexStore, INDEX_FORMAT, INDEX_SCHEMA_VERSION, type IndexParameters, type IndexStats } from './store';
export { main } from './cli/main';
export type { Io } from './cli/io';
