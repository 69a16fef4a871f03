/**
 * The Markdown summary, for a ticket or a pull request: a headline, a table of
 * the top pairs, the longest passages of the top pairs quoted (shortened), and
 * the clusters and the groups of duplicate records. Every text taken from the
 * input is escaped (see {@link escapeMarkdown}) or, for ids in group lists, in
 * a code span ({@link codeSpan}).
 */
import type { Report, ReportDocument, ReuseCluster } from '../model';
import { countBy, counted, pairCount, percent } from './count-by';
import { describeOrigin, DUPLICATE_RECORD_MEANING, outletKnown, outletLabel, pairNote, sisterGroup } from './document-label';
import { shorten } from './shorten';
import { topPassages } from './top-passages';

/** Options of {@link renderMarkdown}. */
export interface MarkdownRenderOptions {
  /** Pairs in the table (the rest are counted). @default 50 */
  readonly maxPairs?: number;
  /** Pairs whose passages are quoted. @default 5 */
  readonly quotedPairs?: number;
  /** Passages quoted per quoted pair. @default 2 */
  readonly passagesPerPair?: number;
  /** Characters of passage text quoted. @default 240 */
  readonly quoteChars?: number;
  /** Clusters listed. @default 10 */
  readonly maxClusters?: number;
  /** Groups of duplicate records listed. @default 10 */
  readonly maxDuplicateGroups?: number;
}

/**
 * Escape text for inline Markdown (CommonMark, GitHub): white space is
 * folded to single spaces, and a backslash goes before every character that
 * could start markup, a table cell (`|`), an HTML tag or entity (`<`, `&`), a
 * reference (`#`, `@`) or, at the start, a heading, list or quote.
 */
export function escapeMarkdown(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const inline = flat.replace(/[\\`*_{}[\]<>|~&#@!]/g, (c) => `\\${c}`);
  return inline.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-+=])/, '\\$1');
}

function docCell(doc: ReportDocument | undefined, id: string): string {
  return `${escapeMarkdown(outletLabel(doc))} (${escapeMarkdown(id)})`;
}

/**
 * Inline code (CommonMark): the text between backtick fences longer than any
 * run of backticks in it, padded with a space when it starts or ends with one.
 */
export function codeSpan(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * A document as a group lists it: its outlet and its id as code, or its id
 * alone when its outlet is unknown (a dump without URLs would repeat "unknown
 * outlet" before each of a group's members).
 */
function memberMarkdown(id: string, docs: ReadonlyMap<string, ReportDocument>): string {
  const doc = docs.get(id);
  return outletKnown(doc) ? `${escapeMarkdown(outletLabel(doc))} ${codeSpan(id)}` : codeSpan(id);
}

/** Where a cluster or a group of duplicate records started, or why none is named (`describeOrigin`'s words, the id as code). */
function originMarkdown(group: Pick<ReuseCluster, 'origin' | 'originBasis'>, docs: ReadonlyMap<string, ReportDocument>): string {
  return group.origin !== null ? `origin ${memberMarkdown(group.origin, docs)}` : escapeMarkdown(describeOrigin(group, docs));
}

/** Render a report as Markdown. Ends with a newline. */
export function renderMarkdown(report: Report, texts: ReadonlyMap<string, string>, options: MarkdownRenderOptions = {}): string {
  const maxPairs = options.maxPairs ?? 50;
  const docs = new Map(report.documents.map((d) => [d.id, d]));
  const uncredited = report.pairs.filter((p) => p.directed && !p.credited).length;
  const out = [
    '## reprint: reused passages',
    '',
    `**${report.documents.length} documents, ${pairCount(report.pairs, ' with reused passages')}**; ` +
      `${counted(uncredited, 'directed pair')} without credit; ${counted(report.clusters.length, 'cluster')}; ` +
      `${counted(report.duplicates.length, 'group')} of duplicate records; ` +
      `${counted(report.warnings.length, 'input warning')}.`,
    '',
  ];
  if (report.pairs.length === 0) out.push('No reused passages found.', '');
  else {
    out.push('| # | source | | target | relation | score | coverage (source / target) | passages | credit |', '|---:|---|:---:|---|---|---:|---|---|---|');
    report.pairs.slice(0, maxPairs).forEach((pair, i) => {
      const group = sisterGroup(pair, docs);
      const note = pairNote(pair, docs);
      const credit =
        (pair.credit === null ? 'none' : `${pair.credit.kind}: ${escapeMarkdown(pair.credit.names.join(', '))}`) +
        (group === null ? '' : `; sister outlets (${escapeMarkdown(group)})`) +
        (note === null ? '' : `; ${escapeMarkdown(note)}`);
      out.push(
        `| ${i + 1} | ${docCell(docs.get(pair.source), pair.source)} | ${pair.directed ? '→' : '↔'} | ${docCell(docs.get(pair.target), pair.target)} | ` +
          `${pair.relation} | ${pair.score.toFixed(3)} | ${percent(pair.coverage.source)} / ${percent(pair.coverage.target)} | ` +
          `${pair.passages.length} (${countBy(pair.passages.map((p) => p.kind))}) | ${credit} |`,
      );
    });
    if (report.pairs.length > maxPairs) out.push('', `… and ${report.pairs.length - maxPairs} more pairs (see the JSON or CSV report).`);
    out.push('', '### Top passages', '');
    report.pairs.slice(0, options.quotedPairs ?? 5).forEach((pair, i) => {
      const text = texts.get(pair.source);
      out.push(`**${i + 1}. ${escapeMarkdown(outletLabel(docs.get(pair.source)))} ${pair.directed ? '→' : '↔'} ${escapeMarkdown(outletLabel(docs.get(pair.target)))}**`, '');
      for (const p of topPassages(pair, options.passagesPerPair ?? 2)) {
        out.push(`- ${p.kind}, similarity ${p.similarity.toFixed(2)}, source [${p.source.start}, ${p.source.end}) ↔ target [${p.target.start}, ${p.target.end})`);
        if (text !== undefined) out.push(`  > ${escapeMarkdown(shorten(text.slice(p.source.start, p.source.end), options.quoteChars ?? 240))}`);
      }
      out.push('');
    });
  }
  if (report.clusters.length > 0) {
    const maxClusters = options.maxClusters ?? 10;
    out.push('### Clusters (passages shared by 3 or more documents)', '');
    for (const c of report.clusters.slice(0, maxClusters)) {
      out.push(`- #${c.id}: ${c.size} documents; ${originMarkdown(c, docs)}; ${c.members.map((m) => memberMarkdown(m.id, docs)).join(', ')}`);
    }
    if (report.clusters.length > maxClusters) out.push(`- … and ${report.clusters.length - maxClusters} more`);
    out.push('');
  }
  if (report.duplicates.length > 0) {
    const maxGroups = options.maxDuplicateGroups ?? 10;
    out.push(`### Duplicate records (one article several times over: ${DUPLICATE_RECORD_MEANING})`, '');
    for (const g of report.duplicates.slice(0, maxGroups)) {
      out.push(`- #${g.id}: ${g.size} documents; ${originMarkdown(g, docs)}; ${g.members.map((id) => memberMarkdown(id, docs)).join(', ')}`);
    }
    if (report.duplicates.length > maxGroups) out.push(`- … and ${report.duplicates.length - maxGroups} more groups (see the JSON report)`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
