/** Report stage: renderers for the scan report. */
export { renderText, renderSummaryLine, type TextRenderOptions, type RunFigures } from './render-text';
export { renderJson } from './render-json';
export { outletLabel } from './document-label';
export { shorten } from './shorten';
export { renderNdjsonPair, renderNdjsonTail } from './render-ndjson';
