/**
 * The NDJSON report: one JSON object per line, each with a `type`, so a long
 * scan can be consumed while it runs.
 *
 * - `{"type":"pair", …Pair}`: each confirmed pair as soon as it is found (in
 *   the order found, not ranked; the fields are those of `pairs[]`);
 * - at the end, `{"type":"document", …}` for every document,
 *   `{"type":"cluster", …}` for every cluster (largest first),
 *   `{"type":"duplicates", …}` for every group of duplicate records (largest first),
 *   `{"type":"warning", …}` for every warning, and (a check's report)
 *   `{"type":"draft", …DraftShare}` for every draft;
 * - last, `{"type":"summary", schemaVersion, parameters, documents, pairs,
 *   clusters, duplicates, warnings[, drafts]}` with counts: a stream without it was cut short.
 */
import type { Pair, Report } from '../model';

function line(type: string, value: object): string {
  return `${JSON.stringify({ type, ...value })}\n`;
}

/** The line of one confirmed pair. */
export function renderNdjsonPair(pair: Pair): string {
  return line('pair', pair);
}

/** The lines that close the stream: documents, clusters, duplicate groups, warnings, then the summary. */
export function renderNdjsonTail(report: Report): string {
  return [...renderNdjsonTailLines(report)].join('');
}

/** {@link renderNdjsonTail} line by line (a million documents make a longer string than V8 can hold). */
export function* renderNdjsonTailLines(report: Report): Generator<string> {
  for (const d of report.documents) yield line('document', d);
  for (const c of report.clusters) yield line('cluster', c);
  for (const g of report.duplicates) yield line('duplicates', g);
  for (const w of report.warnings) yield line('warning', w);
  for (const d of report.drafts ?? []) yield line('draft', d);
  yield line('summary', {
    schemaVersion: report.schemaVersion,
    parameters: report.parameters,
    documents: report.documents.length,
    pairs: report.pairs.length,
    clusters: report.clusters.length,
    duplicates: report.duplicates.length,
    warnings: report.warnings.length,
    ...(report.drafts !== undefined ? { drafts: report.drafts.length } : {}),
  });
}
