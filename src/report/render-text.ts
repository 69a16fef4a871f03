/**
 * The plain-text report: pairs ranked by score, each with outlets, direction
 * and its basis, relation, coverage of each side and the top passages quoted
 * (shortened) with their offsets; then the reuse clusters, the groups of
 * duplicate records, and the documents and what is known of them.
 *
 * On a terminal the CLI asks for colour (ANSI: relation, passage kinds, credit)
 * and a width: long lines then wrap at spaces under their own indent, and quotes
 * are shortened with "…" to fit one line. Without these options the output is
 * plain and lines are not wrapped.
 */
import type { Pair, PassageKind, RelationKind, Report, ReportDocument } from '../model';
import { describeTime } from '../attribute';
import { applyStyle, type TextStyle } from './ansi-style';
import { countBy, counted, pairCount, percent, thousands } from './count-by';
import { describeOrigin, DUPLICATE_RECORD_MEANING, outletLabel, pairNote, sisterGroup } from './document-label';
import { shorten } from './shorten';
import { topPassages } from './top-passages';

/** Options of {@link renderText}. */
export interface TextRenderOptions {
  /** Passages shown per pair (the rest are counted). @default 3 */
  readonly passagesPerPair?: number;
  /** Characters of passage text shown (at most; a width can shorten it further). @default 160 */
  readonly quoteChars?: number;
  /** Texts by document id, to quote passages; without them only offsets are shown. */
  readonly texts?: ReadonlyMap<string, string>;
  /** ANSI colour. @default false */
  readonly color?: boolean;
  /** Columns to fit (lines wrapped, quotes shortened); absent: no wrapping. @default undefined */
  readonly width?: number;
}

/** Colour of each passage kind, shared with the legend of the HTML report in spirit. */
const KIND_STYLE: Readonly<Record<PassageKind, TextStyle>> = { verbatim: 'red', 'near-verbatim': 'magenta', paraphrase: 'blue', quote: 'cyan' };
const RELATION_STYLE: Readonly<Record<RelationKind, TextStyle>> = { syndication: 'red', partial: 'yellow', 'shared-quote': 'cyan' };

/** One logical line; `style` colours it whole, `word` colours the first occurrence of a word in it. */
interface Line {
  readonly text: string;
  readonly style?: TextStyle;
  readonly word?: { readonly text: string; readonly style: TextStyle };
  /** A quote: shortened to fit rather than wrapped. */
  readonly quote?: string;
}

function renderPair(rank: number, pair: Pair, docs: ReadonlyMap<string, ReportDocument>, options: TextRenderOptions): Line[] {
  const arrow = pair.directed ? '→' : '↔';
  const lines: Line[] = [
    { text: `${rank}. ${outletLabel(docs.get(pair.source))} ${arrow} ${outletLabel(docs.get(pair.target))}`, style: 'bold' },
    { text: `   ${pair.source} ${arrow} ${pair.target}`, style: 'dim' },
    {
      text: `   relation: ${pair.relation}   score: ${pair.score.toFixed(3)}   coverage: source ${percent(pair.coverage.source)}, target ${percent(pair.coverage.target)}`,
      word: { text: pair.relation, style: RELATION_STYLE[pair.relation] },
    },
    { text: `   direction: ${pair.directed ? 'directed' : 'undirected'} (${pair.basis}): ${pair.basisDetail}` },
    pair.credit === null
      ? { text: '   credit: none found — uncredited reuse', style: 'yellow' }
      : { text: `   credit: credited (${pair.credit.kind}: ${pair.credit.names.join(', ')}) in ${pair.credit.in} at [${pair.credit.span.start}, ${pair.credit.span.end})`, style: 'green' },
    { text: `   passages: ${pair.passages.length} (${countBy(pair.passages.map((p) => p.kind))})` },
  ];
  const group = sisterGroup(pair, docs);
  if (group !== null) lines.splice(lines.length - 1, 0, { text: `   owner: sister outlets, both of ${group} (outlets file)` });
  const note = pairNote(pair, docs);
  if (note !== null) lines.splice(lines.length - 1, 0, { text: pair.sameOutlet ? `   outlet: ${note}` : `   ${note} (see Duplicate records below)` });
  const shown = topPassages(pair, options.passagesPerPair ?? 3);
  const text = options.texts?.get(pair.source);
  for (const p of shown) {
    const condensed = p.segments === undefined ? '' : ` (condensed: ${p.segments.length} segments, source text left out between them)`;
    lines.push({
      text: `   - ${p.kind}, similarity ${p.similarity.toFixed(2)}: source [${p.source.start}, ${p.source.end}) ↔ target [${p.target.start}, ${p.target.end})${condensed}`,
      word: { text: p.kind, style: KIND_STYLE[p.kind] },
    });
    if (text !== undefined) lines.push({ text: '     ', quote: text.slice(p.source.start, p.source.end), style: 'dim' });
  }
  const hidden = pair.passages.length - shown.length;
  if (hidden > 0) lines.push({ text: `   … and ${counted(hidden, 'more passage')}` });
  return lines;
}

function renderDocument(doc: ReportDocument): string {
  const published = doc.published === null ? 'published unknown' : `published ${describeTime(doc.published)}`;
  return `  ${doc.id}: ${outletLabel(doc)}; ${published}; ${doc.length} chars${doc.title !== null ? `; "${shorten(doc.title, 60)}"` : ''}`;
}

/** Break `text` at spaces into lines of at most `width` columns; continuation lines are indented by `hang`. */
function wrap(text: string, width: number, hang: string): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    if (cut <= hang.length) break; // one long word: leave it whole
    out.push(rest.slice(0, cut).trimEnd());
    rest = hang + rest.slice(cut + 1).trimStart();
  }
  out.push(rest);
  return out;
}

/** Lay out one logical line: shorten a quote or wrap a long line, then colour. */
function layOut(line: Line, options: TextRenderOptions): string[] {
  const quoteChars = options.quoteChars ?? 160;
  if (line.quote !== undefined) {
    const room = options.width === undefined ? quoteChars : Math.min(quoteChars, Math.max(20, options.width - line.text.length - 2));
    const quoted = `${line.text}"${shorten(line.quote, room)}"`;
    return [options.color === true && line.style !== undefined ? line.text + applyStyle(quoted.slice(line.text.length), line.style) : quoted];
  }
  const indent = /^ */.exec(line.text)?.[0] ?? '';
  const rows = options.width === undefined ? [line.text] : wrap(line.text, options.width, `${indent}  `);
  if (options.color !== true) return rows;
  let word = line.word;
  return rows.map((row) => {
    if (line.style !== undefined) return applyStyle(row, line.style);
    if (word === undefined) return row;
    const at = row.indexOf(word.text);
    if (at < 0) return row;
    const styled = row.slice(0, at) + applyStyle(word.text, word.style) + row.slice(at + word.text.length);
    word = undefined;
    return styled;
  });
}

/** Render a report as text. Ends with a newline. Plain and unwrapped unless `color` or `width` is given. */
export function renderText(report: Report, options: TextRenderOptions = {}): string {
  const docs = new Map(report.documents.map((d) => [d.id, d]));
  const out: Line[] = [{ text: `reprint: ${report.documents.length} documents, ${pairCount(report.pairs, ' with reused passages')}`, style: 'bold' }, { text: '' }];
  report.pairs.forEach((pair, i) => {
    out.push(...renderPair(i + 1, pair, docs, options), { text: '' });
  });
  if (report.pairs.length === 0) out.push({ text: 'No reused passages found.' }, { text: '' });
  if (report.clusters.length > 0) {
    out.push({ text: 'Reuse clusters (passages shared by 3 or more documents), largest first:', style: 'bold' });
    for (const c of report.clusters) {
      out.push({ text: `  #${c.id}: ${c.size} documents; ${describeOrigin(c, docs)}` });
      for (const m of c.members) {
        const chars = m.spans.reduce((n, sp) => n + sp.end - sp.start, 0);
        out.push({ text: `    - ${m.id} (${outletLabel(docs.get(m.id))}): ${counted(m.spans.length, 'span')}, ${chars} chars` });
      }
    }
    out.push({ text: '' });
  }
  if (report.duplicates.length > 0) {
    out.push({ text: `Duplicate records (one article several times over: ${DUPLICATE_RECORD_MEANING}), largest group first:`, style: 'bold' });
    for (const g of report.duplicates) {
      out.push({ text: `  #${g.id}: ${g.size} documents; ${describeOrigin(g, docs)}` });
      for (const id of g.members) out.push({ text: `    - ${id} (${outletLabel(docs.get(id))})` });
    }
    out.push({ text: '' });
  }
  out.push({ text: 'Documents:', style: 'bold' });
  for (const d of report.documents) out.push({ text: renderDocument(d) });
  if (report.warnings.length > 0) {
    out.push({ text: '' }, { text: `${counted(report.warnings.length, 'input warning')} (see stderr or the JSON report).`, style: 'yellow' });
  }
  return `${out.flatMap((line) => layOut(line, options)).join('\n')}\n`;
}

/** What a run took, for {@link renderSummaryLine}. */
export interface RunFigures {
  readonly seconds: number;
  /** Characters of text scanned. */
  readonly chars: number;
}

/** The one-line summary a scan prints on stderr at its end (groups of duplicate records only when there are some). Ends with a newline. */
export function renderSummaryLine(report: Report, run: RunFigures): string {
  const rate =
    run.seconds > 0
      ? ` (${thousands(report.documents.length / run.seconds)} articles/s, ${(run.chars / 1e6 / run.seconds).toFixed(1)} M chars/s)`
      : '';
  const duplicates = report.duplicates.length > 0 ? `${counted(report.duplicates.length, 'group')} of duplicate records, ` : '';
  return (
    `reprint: ${counted(report.documents.length, 'article')}, ${pairCount(report.pairs)}, ` +
    `${counted(report.clusters.length, 'cluster')}, ${duplicates}${counted(report.warnings.length, 'warning')} in ${run.seconds.toFixed(1)} s${rate}\n`
  );
}
