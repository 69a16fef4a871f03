/** Report stage: renderers for the scan report. */
export { renderText, renderSummaryLine, type TextRenderOptions, type RunFigures } from './render-text';
export { renderJson, renderJsonChunks } from './render-json';
export { describeOrigin, outletKnown, outletLabel, pairNote, sameOutletNote, sisterGroup, DUPLICATE_PERCENT, DUPLICATE_RECORD_MEANING } from './document-label';
export { shorten } from './shorten';
export { renderNdjsonPair, renderNdjsonTail, renderNdjsonTailLines } from './render-ndjson';
export { renderHtml, type HtmlRenderOptions } from './render-html';
export { renderCsvPairs, renderCsvPassages, csvField, CSV_PAIR_COLUMNS, CSV_PASSAGE_COLUMNS } from './render-csv';
export { renderMarkdown, escapeMarkdown, codeSpan, type MarkdownRenderOptions } from './render-markdown';
export { quotesTexts, renderReport, renderReportChunks, REPORT_FORMATS, type ReportFormat, type RenderReportOptions } from './render-report';
export { computeOutletReuse, type OutletReuse, type OutletNode, type OutletLink } from './outlet-reuse';
export { escapeHtml } from './escape-html';
export { thousands } from './count-by';
