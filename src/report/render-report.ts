/**
 * One entry for every complete-report format, so `scan` and `check` render
 * alike: {@link renderReport}(report, texts, format, options) → the file's text.
 */
import type { Report } from '../model';
import { renderCsvPairs, renderCsvPassages } from './render-csv';
import { renderHtml, type HtmlRenderOptions } from './render-html';
import { renderJson, renderJsonChunks } from './render-json';
import { renderMarkdown, type MarkdownRenderOptions } from './render-markdown';
import { renderNdjsonPair, renderNdjsonTail, renderNdjsonTailLines } from './render-ndjson';
import { renderText } from './render-text';

/** Every report format, in the order `--help` lists them. */
export const REPORT_FORMATS = ['text', 'json', 'ndjson', 'html', 'csv', 'csv-passages', 'md'] as const;

/** A report format. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Whether `format` quotes passages, and so needs {@link renderReport}'s `texts`. */
export function quotesTexts(format: ReportFormat): boolean {
  return format === 'text' || format === 'html' || format === 'csv-passages' || format === 'md';
}

/** Options of {@link renderReport}; each applies to the formats named. */
export interface RenderReportOptions {
  /** text: ANSI colour. @default false */
  readonly color?: boolean;
  /** text: columns to fit; absent, lines are not wrapped. @default undefined */
  readonly width?: number;
  /** html: renderer options. */
  readonly html?: HtmlRenderOptions;
  /** md: renderer options. */
  readonly markdown?: MarkdownRenderOptions;
}

/** Render a complete report in `format`. `texts` (id → original text) quote passages. */
export function renderReport(report: Report, texts: ReadonlyMap<string, string>, format: ReportFormat, options: RenderReportOptions = {}): string {
  switch (format) {
    case 'text':
      return renderText(report, {
        texts,
        ...(options.color !== undefined ? { color: options.color } : {}),
        ...(options.width !== undefined ? { width: options.width } : {}),
      });
    case 'json':
      return renderJson(report);
    case 'ndjson':
      return report.pairs.map(renderNdjsonPair).join('') + renderNdjsonTail(report);
    case 'html':
      return renderHtml(report, texts, options.html);
    case 'csv':
      return renderCsvPairs(report);
    case 'csv-passages':
      return renderCsvPassages(report, texts);
    case 'md':
      return renderMarkdown(report, texts, options.markdown);
  }
}

/**
 * {@link renderReport} in pieces whose concatenation is its string: JSON and
 * NDJSON a value or line at a time (a report of a million documents does not
 * fit in one string), the other formats whole.
 */
export function* renderReportChunks(report: Report, texts: ReadonlyMap<string, string>, format: ReportFormat, options: RenderReportOptions = {}): Generator<string> {
  if (format === 'json') {
    yield* renderJsonChunks(report);
  } else if (format === 'ndjson') {
    for (const pair of report.pairs) yield renderNdjsonPair(pair);
    yield* renderNdjsonTailLines(report);
  } else {
    yield renderReport(report, texts, format, options);
  }
}
