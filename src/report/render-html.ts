/**
 * The HTML report: one self-contained file (inline style and script, inline
 * SVG; no fonts, images or other requests): headline figures, an outlet ×
 * outlet heat map, a who-copied-whom graph, the ranked pairs with a
 * side-by-side view of each built on demand, the clusters and the groups of
 * duplicate records.
 *
 * Safety: every text from the input (article text, title, URL, outlet name,
 * id) is either escaped into the markup ({@link escapeHtml}) or carried in the
 * JSON data block with `<`, `>` and `&` escaped, and put on the page by the
 * script through `textContent`. The page's Content-Security-Policy allows only
 * this renderer's own style and script (by SHA-256) and no fetches, so even a
 * slip in escaping would run nothing.
 */
import { createHash } from 'node:crypto';
import type { DuplicateRecords, Pair, Report, ReportDocument, ReuseCluster } from '../model';
import { pairCount, percent } from './count-by';
import { describeOrigin, DUPLICATE_RECORD_MEANING, outletKnown, outletLabel, pairNote, sisterGroup } from './document-label';
import { escapeHtml, jsonForScript } from './escape-html';
import { REPORT_SCRIPT } from './html/html-script';
import { REPORT_CSS } from './html/html-style';
import { renderOutletGraph } from './html/outlet-graph-svg';
import { renderOutletMatrix } from './html/outlet-matrix-html';
import { buildViewData, KIND_ORDER } from './html/report-data';
import { computeOutletReuse } from './outlet-reuse';
import { shorten } from './shorten';

/** Options of {@link renderHtml}. */
export interface HtmlRenderOptions {
  /** Outlets in the matrix and the graph (those with most pairs). @default 20 */
  readonly maxOutlets?: number;
  /** Clusters listed (largest first). @default 200 */
  readonly maxClusters?: number;
  /** Groups of duplicate records listed (largest first). @default 200 */
  readonly maxDuplicateGroups?: number;
  /** Page title. @default "reprint report" */
  readonly title?: string;
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function figure(label: string, value: number | string): string {
  return `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(String(value))}</dd></div>`;
}

function renderFigures(report: Report, outlets: number): string {
  const by = (r: string): number => report.pairs.filter((p) => p.relation === r).length;
  const uncredited = report.pairs.filter((p) => p.directed && !p.credited).length;
  return (
    '<dl class="figures">' +
    figure('documents', report.documents.length) +
    figure('pairs', report.pairs.length) +
    figure('syndication', by('syndication')) +
    figure('partial', by('partial')) +
    figure('shared quote', by('shared-quote')) +
    figure('directed, uncredited', uncredited) +
    figure('outlets known', outlets) +
    figure('clusters', report.clusters.length) +
    figure('duplicate groups', report.duplicates.length) +
    figure('input warnings', report.warnings.length) +
    '</dl>'
  );
}

function docCell(doc: ReportDocument | undefined, id: string): string {
  const title = doc?.title ?? null;
  return (
    `<td class="doc"><div>${escapeHtml(outletLabel(doc))}</div><div class="id">${escapeHtml(id)}</div>` +
    (title !== null ? `<div class="title">${escapeHtml(shorten(title, 90))}</div>` : '') +
    '</td>'
  );
}

function renderPairRow(pair: Pair, index: number, docs: ReadonlyMap<string, ReportDocument>): string {
  const kinds = KIND_ORDER.map((k) => ({ k, n: pair.passages.filter((p) => p.kind === k).length }))
    .filter(({ n }) => n > 0)
    .map(({ k, n }) => `<span class="chip k-${escapeHtml(k)}">${n} ${escapeHtml(k)}</span>`)
    .join(' ');
  const credit =
    pair.credit === null
      ? `<span class="${pair.directed ? 'uncredited' : ''}">none</span>`
      : `<span class="chip credit">${escapeHtml(pair.credit.kind)}: ${escapeHtml(pair.credit.names.join(', '))}</span>`;
  const group = sisterGroup(pair, docs);
  const sisters = group === null ? '' : ` <span class="chip" title="both outlets belong to this owner group (outlets file)">sister outlets: ${escapeHtml(group)}</span>`;
  const note = pairNote(pair, docs);
  const noteChip = note === null ? '' : ` <span class="chip" title="${pair.sameOutlet ? 'both articles are of this outlet' : 'see Duplicate records'}">${escapeHtml(note)}</span>`;
  return (
    `<tr><td class="num">${index + 1}</td>${docCell(docs.get(pair.source), pair.source)}` +
    `<td title="${escapeHtml(pair.basisDetail)}">${pair.directed ? '→' : '↔'}</td>${docCell(docs.get(pair.target), pair.target)}` +
    `<td><span class="rel rel-${escapeHtml(pair.relation)}">${escapeHtml(pair.relation)}</span></td><td class="num">${pair.score.toFixed(3)}</td>` +
    `<td class="num">${percent(pair.coverage.source)} / ${percent(pair.coverage.target)}</td><td>${kinds}</td><td>${credit}${sisters}${noteChip}</td>` +
    `<td><button type="button" class="view" data-pair="${index}" aria-expanded="false">side by side</button></td></tr>`
  );
}

/**
 * A document as listed in a group: `Sputnik International (sputniknews.com) 004_…`
 * with the id in small type; the id alone when the outlet is unknown (a dump
 * without URLs would repeat "unknown outlet" before every member).
 */
function memberHtml(id: string, docs: ReadonlyMap<string, ReportDocument>): string {
  const doc = docs.get(id);
  const outlet = outletKnown(doc) ? `${escapeHtml(outletLabel(doc))} ` : '';
  return `${outlet}<span class="id">${escapeHtml(id)}</span>`;
}

/** Where a cluster or a group of duplicate records started, or why none is named (`describeOrigin`'s words, the id in small type). */
function originHtml(group: Pick<ReuseCluster, 'origin' | 'originBasis'>, docs: ReadonlyMap<string, ReportDocument>): string {
  return group.origin !== null ? `origin ${memberHtml(group.origin, docs)}` : escapeHtml(describeOrigin(group, docs));
}

function renderClusters(report: Report, texts: ReadonlyMap<string, string>, docs: ReadonlyMap<string, ReportDocument>, max: number): string {
  if (report.clusters.length === 0) return '<p class="note">No passage is shared by three or more documents.</p>';
  const items = report.clusters.slice(0, max).map((c) => {
    const members = c.members.map((m) => memberHtml(m.id, docs)).join(', ');
    const first = c.members[0];
    const span = first?.spans[0];
    const text = first !== undefined ? texts.get(first.id) : undefined;
    const quote = span !== undefined && text !== undefined ? `<blockquote dir="auto">${escapeHtml(shorten(text.slice(span.start, span.end), 240))}</blockquote>` : '';
    return `<li><strong>#${c.id}</strong>: ${c.size} documents; ${originHtml(c, docs)}<br>${members}${quote}</li>`;
  });
  const more = report.clusters.length - max;
  return `<ol class="clusters">${items.join('')}</ol>${more > 0 ? `<p class="note">… and ${more} more clusters (see the JSON report).</p>` : ''}`;
}

function renderDuplicateGroups(groups: readonly DuplicateRecords[], docs: ReadonlyMap<string, ReportDocument>, max: number): string {
  if (groups.length === 0) return '<p class="note">No two articles are duplicate records.</p>';
  const items = groups.slice(0, max).map((g) => `<li><strong>#${g.id}</strong>: ${g.size} documents; ${originHtml(g, docs)}<br>${g.members.map((id) => memberHtml(id, docs)).join(', ')}</li>`);
  const more = groups.length - max;
  return `<ol class="clusters" id="duplicate-groups">${items.join('')}</ol>${more > 0 ? `<p class="note">… and ${more} more groups (see the JSON report).</p>` : ''}`;
}

/** Render a report as one self-contained HTML page. */
export function renderHtml(report: Report, texts: ReadonlyMap<string, string>, options: HtmlRenderOptions = {}): string {
  const docs = new Map(report.documents.map((d) => [d.id, d]));
  const reuse = computeOutletReuse(report);
  const maxOutlets = options.maxOutlets ?? 20;
  const known = reuse.nodes.filter((n) => n.outlet !== null).length;
  const csp = `default-src 'none'; style-src ${sha256(REPORT_CSS)}; script-src ${sha256(REPORT_SCRIPT)}; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const title = options.title ?? 'reprint report';
  const legend =
    '<div class="legend">passage kinds: ' +
    KIND_ORDER.map((k) => `<span class="chip k-${escapeHtml(k)}">${escapeHtml(k)}</span>`).join(' ') +
    ' <span class="chip credit">credit line</span></div>';
  const rows = report.pairs.map((p, i) => renderPairRow(p, i, docs)).join('\n');
  const body = [
    '<main>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="sub">${report.documents.length} documents, ${escapeHtml(pairCount(report.pairs, ' with reused passages'))}. ` +
      'Text shown here comes from the scanned articles; nothing in it runs.</p>',
    renderFigures(report, known),
    '<h2 id="who">Who copied whom</h2>',
    '<p class="note">Pairs between outlets: a row per source outlet (published first), a column per copying outlet; ↔ counts pairs whose order is unknown (in both cells). ' +
      'In the graph, arrows run from source to copy (red: some pairs uncredited); dashed lines are pairs of unknown order. Documents of unknown outlet are one node.</p>',
    `<div class="outlets">${renderOutletMatrix(reuse, maxOutlets)}${renderOutletGraph(reuse, maxOutlets)}</div>`,
    '<h2 id="ranked">Pairs, by score</h2>',
    legend,
    report.pairs.length === 0
      ? ''
      : '<div class="filter"><input type="search" id="filter" placeholder="filter: outlet, id, title, relation, kind…" aria-label="filter pairs"> <span id="filter-count" class="note"></span></div>',
    report.pairs.length === 0
      ? '<p>No reused passages found.</p>'
      : '<table class="pairs" id="pairs"><thead><tr><th>#</th><th>source</th><th></th><th>target</th><th>relation</th><th>score</th><th>coverage (source / target)</th><th>passages</th><th>credit</th><th></th></tr></thead>' +
        `<tbody>\n${rows}\n</tbody></table>`,
    '<h2 id="clusters">Clusters: passages shared by three or more documents</h2>',
    renderClusters(report, texts, docs, options.maxClusters ?? 200),
    '<h2 id="duplicates">Duplicate records: one article several times over</h2>',
    `<p class="note">Two articles are joined when ${escapeHtml(DUPLICATE_RECORD_MEANING)}, whatever their outlets. A group means the same text, not which copy to keep.</p>`,
    renderDuplicateGroups(report.duplicates, docs, options.maxDuplicateGroups ?? 200),
    `<details><summary>Parameters (schemaVersion ${report.schemaVersion})</summary><pre>${escapeHtml(JSON.stringify(report.parameters, null, 2))}</pre></details>`,
    '</main>',
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}: ${report.documents.length} documents, ${report.pairs.length} pairs</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    `<script type="application/json" id="reprint-data">${jsonForScript(buildViewData(report, texts))}</script>`,
    report.pairs.length > 0 ? `<script>${REPORT_SCRIPT}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

