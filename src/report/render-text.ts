/**
 * The plain-text report: pairs ranked by score, each with outlets, direction
 * and its basis, relation, coverage of each side and the top passages quoted
 * (shortened) with their offsets; then the documents and what is known of them.
 */
import type { Pair, Report, ReportDocument } from '../model';
import { describeTime } from '../attribute';
import { outletLabel } from './document-label';
import { shorten } from './shorten';

/** Options of {@link renderText}. */
export interface TextRenderOptions {
  /** Passages shown per pair (the rest are counted). @default 3 */
  readonly passagesPerPair?: number;
  /** Characters of passage text shown. @default 160 */
  readonly quoteChars?: number;
  /** Texts by document id, to quote passages; without them only offsets are shown. */
  readonly texts?: ReadonlyMap<string, string>;
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** "6 pairs{middle} (1 syndication, 4 partial, 1 shared-quote)". */
function pairCount(report: Report, middle = ''): string {
  const relations = countBy(report.pairs.map((p) => p.relation));
  return `${report.pairs.length} pair${report.pairs.length === 1 ? '' : 's'}${middle}${relations !== '' ? ` (${relations})` : ''}`;
}

function countBy<T extends string>(items: readonly T[]): string {
  const counts = new Map<T, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  return [...counts.entries()].map(([k, n]) => `${n} ${k}`).join(', ');
}

function renderPair(rank: number, pair: Pair, docs: ReadonlyMap<string, ReportDocument>, options: TextRenderOptions): string[] {
  const arrow = pair.directed ? '→' : '↔';
  const lines = [
    `${rank}. ${outletLabel(docs.get(pair.source))} ${arrow} ${outletLabel(docs.get(pair.target))}`,
    `   ${pair.source} ${arrow} ${pair.target}`,
    `   relation: ${pair.relation}   score: ${pair.score.toFixed(3)}   coverage: source ${percent(pair.coverage.source)}, target ${percent(pair.coverage.target)}`,
    `   direction: ${pair.directed ? 'directed' : 'undirected'} (${pair.basis}): ${pair.basisDetail}`,
    pair.credit === null
      ? '   credit: none found — uncredited reuse'
      : `   credit: credited (${pair.credit.kind}: ${pair.credit.names.join(', ')}) in ${pair.credit.in} at [${pair.credit.span.start}, ${pair.credit.span.end})`,
    `   passages: ${pair.passages.length} (${countBy(pair.passages.map((p) => p.kind))})`,
  ];
  const shown = [...pair.passages]
    .sort((p, q) => q.source.end - q.source.start - (p.source.end - p.source.start) || p.source.start - q.source.start)
    .slice(0, options.passagesPerPair ?? 3);
  const text = options.texts?.get(pair.source);
  for (const p of shown) {
    const condensed = p.segments === undefined ? '' : ` (condensed: ${p.segments.length} segments, source text left out between them)`;
    lines.push(
      `   - ${p.kind}, similarity ${p.similarity.toFixed(2)}: source [${p.source.start}, ${p.source.end}) ↔ target [${p.target.start}, ${p.target.end})${condensed}`,
    );
    if (text !== undefined) lines.push(`     "${shorten(text.slice(p.source.start, p.source.end), options.quoteChars ?? 160)}"`);
  }
  const hidden = pair.passages.length - shown.length;
  if (hidden > 0) lines.push(`   … and ${hidden} more passage${hidden === 1 ? '' : 's'}`);
  return lines;
}

function renderDocument(doc: ReportDocument): string {
  const published = doc.published === null ? 'published unknown' : `published ${describeTime(doc.published)}`;
  return `  ${doc.id}: ${outletLabel(doc)}; ${published}; ${doc.length} chars${doc.title !== null ? `; "${shorten(doc.title, 60)}"` : ''}`;
}

/** Render a report as plain text (no colour). Ends with a newline. */
export function renderText(report: Report, options: TextRenderOptions = {}): string {
  const docs = new Map(report.documents.map((d) => [d.id, d]));
  const out = [`reprint: ${report.documents.length} documents, ${pairCount(report, ' with reused passages')}`, ''];
  report.pairs.forEach((pair, i) => {
    out.push(...renderPair(i + 1, pair, docs, options), '');
  });
  if (report.pairs.length === 0) out.push('No reused passages found.', '');
  if (report.clusters.length > 0) {
    out.push('Reuse clusters (passages shared by 3 or more documents), largest first:');
    for (const c of report.clusters) {
      const origin =
        c.origin !== null ? `origin ${outletLabel(docs.get(c.origin))} (${c.origin})` : c.originBasis === 'simultaneous' ? 'origin: simultaneous (times tie within their precision)' : 'origin unknown (a member has no published time)';
      out.push(`  #${c.id}: ${c.size} documents; ${origin}`);
      for (const m of c.members) {
        const chars = m.spans.reduce((n, sp) => n + sp.end - sp.start, 0);
        out.push(`    - ${m.id} (${outletLabel(docs.get(m.id))}): ${m.spans.length} span${m.spans.length === 1 ? '' : 's'}, ${chars} chars`);
      }
    }
    out.push('');
  }
  out.push('Documents:');
  for (const d of report.documents) out.push(renderDocument(d));
  if (report.warnings.length > 0) out.push('', `${report.warnings.length} input warning${report.warnings.length === 1 ? '' : 's'} (see stderr or the JSON report).`);
  return `${out.join('\n')}\n`;
}

/** What a run took, for {@link renderSummaryLine}. */
export interface RunFigures {
  readonly seconds: number;
  /** Characters of text scanned. */
  readonly chars: number;
}

/** The one-line summary a scan prints on stderr at its end. Ends with a newline. */
export function renderSummaryLine(report: Report, run: RunFigures): string {
  const rate =
    run.seconds > 0
      ? ` (${(report.documents.length / run.seconds).toFixed(0)} articles/s, ${(run.chars / 1e6 / run.seconds).toFixed(1)} M chars/s)`
      : '';
  return (
    `reprint: ${report.documents.length} articles, ${pairCount(report)}, ` +
    `${report.clusters.length} clusters, ${report.warnings.length} warnings in ${run.seconds.toFixed(1)} s${rate}\n`
  );
}
