/**
 * The outlet × outlet matrix of the HTML report: a row per source outlet, a
 * column per copying outlet, each cell the pairs between them, shaded by count
 * (a heat map). Undirected pairs (order unknown) stand in both cells, marked ↔.
 */
import type { OutletReuse } from '../outlet-reuse';
import { counted } from '../count-by';
import { escapeHtml } from '../escape-html';

/** Heat class `h0`–`h5` of `count` against `max`, on a log scale. */
export function heatClass(count: number, max: number): string {
  if (count <= 0 || max <= 0) return 'h0';
  return `h${Math.max(1, Math.min(5, Math.ceil((5 * Math.log1p(count)) / Math.log1p(max))))}`;
}

interface Cell {
  directed: number;
  undirected: number;
  uncredited: number;
}

/** The matrix as an HTML table over the `maxOutlets` outlets with most pairs. */
export function renderOutletMatrix(reuse: OutletReuse, maxOutlets: number): string {
  const shown = reuse.nodes.map((n, i) => ({ n, i })).filter(({ n }) => n.pairs > 0).slice(0, maxOutlets);
  if (shown.length === 0) return '<p class="note">No pairs between outlets.</p>';
  const position = new Map(shown.map(({ i }, k) => [i, k]));
  const cells: Cell[][] = shown.map(() => shown.map(() => ({ directed: 0, undirected: 0, uncredited: 0 })));
  for (const l of reuse.links) {
    const a = position.get(l.from);
    const b = position.get(l.to);
    if (a === undefined || b === undefined) continue;
    const ab = cells[a]?.[b];
    const ba = cells[b]?.[a];
    if (ab === undefined || ba === undefined) continue;
    ab.directed += l.directed;
    ab.uncredited += l.uncredited;
    ab.undirected += l.undirected;
    if (a !== b) ba.undirected += l.undirected;
  }
  let max = 0;
  for (const row of cells) for (const c of row) max = Math.max(max, c.directed + c.undirected);
  const head = shown.map(({ n }) => `<th scope="col" title="${escapeHtml(n.label)}">${escapeHtml(n.label)}</th>`).join('');
  const rows = shown.map(({ n }, a) => {
    const tds = shown.map(({ n: m }, b) => {
      const c = cells[a]?.[b] ?? { directed: 0, undirected: 0, uncredited: 0 };
      const total = c.directed + c.undirected;
      const tip = `${n.label} → ${m.label}: ${counted(c.directed, 'directed pair')} (${c.uncredited} uncredited), ${c.undirected} undirected`;
      const text = total === 0 ? '' : `${c.directed > 0 ? c.directed : ''}${c.undirected > 0 ? `${c.directed > 0 ? ' + ' : ''}${c.undirected}↔` : ''}`;
      return `<td class="${heatClass(total, max)}${a === b ? ' self' : ''}" title="${escapeHtml(tip)}">${text}</td>`;
    });
    return `<tr><th scope="row" title="${escapeHtml(n.label)}">${escapeHtml(n.label)}</th>${tds.join('')}</tr>`;
  });
  const more = reuse.nodes.filter((n) => n.pairs > 0).length - shown.length;
  return (
    `<div class="matrix-wrap"><table class="matrix"><thead><tr><th class="corner">source ↓ · copy →</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>` +
    (more > 0 ? `<p class="note">${counted(more, 'more outlet')} with pairs not shown.</p>` : '')
  );
}
