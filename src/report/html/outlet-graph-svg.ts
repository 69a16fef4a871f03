/**
 * The who-copied-whom graph of the HTML report, as inline SVG: outlets on a
 * circle, an arrow from source outlet to copying outlet for directed pairs
 * (red when some are uncredited), a dashed line for undirected pairs, stroke
 * width growing with the number of pairs. Every label is escaped text.
 */
import type { OutletReuse } from '../outlet-reuse';
import { counted } from '../count-by';
import { escapeHtml } from '../escape-html';
import { shorten } from '../shorten';

const SIZE = 440;
const CENTER = SIZE / 2;
const RING = 150;

function fixed(x: number): string {
  return x.toFixed(1);
}

/** The graph over the `maxOutlets` outlets with most pairs. */
export function renderOutletGraph(reuse: OutletReuse, maxOutlets: number): string {
  const shown = reuse.nodes.map((n, i) => ({ n, i })).filter(({ n }) => n.pairs > 0).slice(0, maxOutlets);
  if (shown.length === 0) return '';
  const maxPairs = Math.max(...shown.map(({ n }) => n.pairs));
  const place = new Map(
    shown.map(({ n, i }, k) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * k) / shown.length;
      return [i, { x: CENTER + RING * Math.cos(angle), y: CENTER + RING * Math.sin(angle), angle, r: 4 + 8 * Math.sqrt(n.pairs / maxPairs), label: n.label, pairs: n.pairs }];
    }),
  );
  const maxLink = Math.max(1, ...reuse.links.map((l) => l.directed + l.undirected));
  const edges: string[] = [];
  for (const l of reuse.links) {
    const a = place.get(l.from);
    const b = place.get(l.to);
    if (a === undefined || b === undefined) continue;
    for (const [count, directed] of [[l.directed, true], [l.undirected, false]] as const) {
      if (count === 0) continue;
      const width = fixed(0.75 + (2.75 * Math.log1p(count)) / Math.log1p(maxLink));
      const tip = `${a.label} ${directed ? '→' : '↔'} ${b.label}: ${count} ${directed ? 'directed' : 'undirected'} pair${count === 1 ? '' : 's'}${directed ? `, ${l.uncredited} uncredited` : ''}`;
      const cls = directed ? (l.uncredited > 0 ? 'e-uncredited' : 'e-credited') : 'e-undirected';
      let d: string;
      if (a === b) {
        // a loop inside the ring (outside, the node's label is), for pairs within one node (duplicates of one outlet, documents of unknown outlet)
        const ox = a.x - Math.cos(a.angle) * (a.r + 22);
        const oy = a.y - Math.sin(a.angle) * (a.r + 22);
        d = `M${fixed(a.x)},${fixed(a.y)} C${fixed(ox + 28 * Math.sin(a.angle))},${fixed(oy - 28 * Math.cos(a.angle))} ${fixed(ox - 28 * Math.sin(a.angle))},${fixed(oy + 28 * Math.cos(a.angle))} ${fixed(a.x)},${fixed(a.y)}`;
      } else {
        // a slight bend to the right of the direction, so A→B and B→A stay apart; ends on the circles
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const len = Math.hypot(dx, dy);
        const ux = dx / len;
        const uy = dy / len;
        const sx = a.x + ux * a.r;
        const sy = a.y + uy * a.r;
        const ex = b.x - ux * (b.r + (directed ? 3 : 0));
        const ey = b.y - uy * (b.r + (directed ? 3 : 0));
        const bend = directed ? 0.12 * len : 0;
        const cx = (sx + ex) / 2 - uy * bend;
        const cy = (sy + ey) / 2 + ux * bend;
        d = `M${fixed(sx)},${fixed(sy)} Q${fixed(cx)},${fixed(cy)} ${fixed(ex)},${fixed(ey)}`;
      }
      edges.push(`<path class="${cls}" d="${d}" stroke-width="${width}"${directed && a !== b ? ` marker-end="url(#arrow-${l.uncredited > 0 ? 'u' : 'c'})"` : ''}><title>${escapeHtml(tip)}</title></path>`);
    }
  }
  const nodes = [...place.values()].map((p) => {
    const lx = CENTER + (RING + p.r + 8) * Math.cos(p.angle);
    const ly = CENTER + (RING + p.r + 8) * Math.sin(p.angle);
    const anchor = Math.abs(Math.cos(p.angle)) < 0.3 ? 'middle' : Math.cos(p.angle) > 0 ? 'start' : 'end';
    const dy = Math.sin(p.angle) > 0.7 ? '0.9em' : Math.sin(p.angle) < -0.7 ? '-0.2em' : '0.35em';
    return (
      `<g><circle cx="${fixed(p.x)}" cy="${fixed(p.y)}" r="${fixed(p.r)}" fill="#4a5a6a"><title>${escapeHtml(`${p.label}: ${counted(p.pairs, 'pair')}`)}</title></circle>` +
      `<text x="${fixed(lx)}" y="${fixed(ly)}" dy="${dy}" text-anchor="${anchor}">${escapeHtml(shorten(p.label, 28))}</text></g>`
    );
  });
  const marker = (id: string, colour: string): string =>
    `<marker id="arrow-${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`;
  return (
    `<svg class="graph" xmlns="http://www.w3.org/2000/svg" viewBox="-90 0 ${SIZE + 180} ${SIZE}" width="${SIZE + 180}" height="${SIZE}" role="img" aria-label="Who copied whom: outlets and the pairs between them">` +
    `<defs>${marker('u', '#b42318')}${marker('c', '#5b6570')}</defs>` +
    `<g fill="none"${edges.length > 40 ? ' class="dense"' : ''}>${edges.join('')}</g>${nodes.join('')}</svg>`
  );
}
