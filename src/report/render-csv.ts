/**
 * CSV reports (RFC 4180): CRLF line ends; a field holding a comma, a double
 * quote, CR or LF is quoted, its quotes doubled; a header row first.
 *
 * Two tables, two formats:
 * - `csv` ({@link renderCsvPairs}): one row per pair, in report order (rank 1 first);
 * - `csv-passages` ({@link renderCsvPassages}): one row per passage, carrying its
 *   pair's rank and ids, both spans as `[start, end)` offsets and both texts.
 *
 * A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula:
 * text taken from the articles (titles, URLs, outlet names, passage texts) that
 * starts with one of these, or with a tab or CR, gets a leading `'` (OWASP's
 * advice); ids, numbers and names reprint chose are written as they are.
 */
import type { Pair, Report, ReportDocument } from '../model';
import { isDuplicate } from '../attribute';
import { sisterGroup } from './document-label';

const CRLF = '\r\n';

/** One field, quoted when it must be. */
export function csvField(value: string | number | boolean | null): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Text from the input, defused for spreadsheets (see the module header). */
export function csvText(value: string | null): string | null {
  return value !== null && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvTable(header: readonly string[], rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',') + CRLF).join('');
}

function round(x: number, digits = 4): number {
  return Number(x.toFixed(digits));
}

/** Columns of the pairs table. */
export const CSV_PAIR_COLUMNS = [
  'rank', 'source', 'target', 'source_outlet', 'target_outlet', 'directed', 'basis', 'relation', 'score',
  'coverage_source', 'coverage_target', 'estimated_similarity', 'credited', 'credit_kind', 'credit_names',
  'passages', 'verbatim', 'near_verbatim', 'paraphrase', 'quote', 'source_title', 'target_title',
  'source_url', 'target_url', 'source_published', 'target_published', 'sister_group', 'same_outlet', 'duplicate_record',
] as const;

function pairRow(rank: number, pair: Pair, docs: ReadonlyMap<string, ReportDocument>): (string | number | boolean | null)[] {
  const s = docs.get(pair.source);
  const t = docs.get(pair.target);
  const kinds = (k: string): number => pair.passages.filter((p) => p.kind === k).length;
  return [
    rank, pair.source, pair.target, csvText(s?.outlet ?? null), csvText(t?.outlet ?? null), pair.directed, pair.basis, pair.relation,
    round(pair.score), round(pair.coverage.source), round(pair.coverage.target), round(pair.estimatedSimilarity),
    pair.credited, pair.credit?.kind ?? null, csvText(pair.credit?.names.join(' ') ?? null),
    pair.passages.length, kinds('verbatim'), kinds('near-verbatim'), kinds('paraphrase'), kinds('quote'),
    csvText(s?.title ?? null), csvText(t?.title ?? null), csvText(s?.url ?? null), csvText(t?.url ?? null),
    s?.published?.text ?? null, t?.published?.text ?? null, csvText(sisterGroup(pair, docs)), pair.sameOutlet, isDuplicate(pair),
  ];
}

/** The pairs table: one row per pair, rank 1 first. */
export function renderCsvPairs(report: Report): string {
  const docs = new Map(report.documents.map((d) => [d.id, d]));
  return csvTable(CSV_PAIR_COLUMNS, report.pairs.map((pair, i) => pairRow(i + 1, pair, docs)));
}

/** Columns of the passages table. */
export const CSV_PASSAGE_COLUMNS = [
  'rank', 'source', 'target', 'relation', 'passage', 'kind', 'similarity', 'segments',
  'source_start', 'source_end', 'target_start', 'target_end', 'source_text', 'target_text',
] as const;

/**
 * The passages table: one row per passage, pairs in rank order, passages in
 * report order (by target start). `source_text` is `text.slice(source_start,
 * source_end)` of the source document (empty without its text), likewise the target.
 */
export function renderCsvPassages(report: Report, texts: ReadonlyMap<string, string>): string {
  const rows: (string | number | boolean | null)[][] = [];
  report.pairs.forEach((pair, i) => {
    const s = texts.get(pair.source);
    const t = texts.get(pair.target);
    pair.passages.forEach((p, j) => {
      rows.push([
        i + 1, pair.source, pair.target, pair.relation, j + 1, p.kind, round(p.similarity), p.segments?.length ?? null,
        p.source.start, p.source.end, p.target.start, p.target.end,
        csvText(s?.slice(p.source.start, p.source.end) ?? null), csvText(t?.slice(p.target.start, p.target.end) ?? null),
      ]);
    });
  });
  return csvTable(CSV_PASSAGE_COLUMNS, rows);
}
