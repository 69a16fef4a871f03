/** Pairs summed per pair of outlets, and the heat classes of the matrix. */
import { computeOutletReuse } from '../../src/report';
import { heatClass } from '../../src/report/html/outlet-matrix-html';
import { renderOutletGraph } from '../../src/report/html/outlet-graph-svg';
import type { Pair, Report, ReportDocument } from '../../src';

function doc(id: string, outlet: string | null, outletName: string | null = null): ReportDocument {
  return { id, outlet, outletName, outletGroup: null, url: null, published: null, title: null, length: 1000 };
}

function pair(source: string, target: string, directed: boolean, credited: boolean, chars: number): Pair {
  return {
    source, target, directed, credited,
    basis: directed ? 'published-time' : 'time-unknown', basisDetail: '', relation: 'partial', score: 0.1,
    coverage: { source: 0.1, target: 0.1 }, estimatedSimilarity: 0.5, credit: null, sameGroup: false, sameOutlet: false,
    passages: [{ source: { start: 0, end: chars }, target: { start: 10, end: 10 + chars }, similarity: 1, kind: 'verbatim' }],
  };
}

const report: Report = {
  schemaVersion: 1,
  parameters: {},
  documents: [doc('a1', 'a.com', 'Alpha'), doc('a2', 'a.com', 'Alpha'), doc('b1', 'b.com'), doc('u1', null), doc('u2', null)],
  pairs: [
    pair('a1', 'b1', true, false, 100), // Alpha → b.com, uncredited
    pair('a2', 'b1', true, true, 50), // Alpha → b.com, credited
    pair('b1', 'u1', false, false, 30), // b.com ↔ unknown
    pair('u1', 'u2', false, false, 20), // unknown ↔ unknown: a loop
  ],
  clusters: [],
  duplicates: [],
  warnings: [],
};

describe('computeOutletReuse', () => {
  const reuse = computeOutletReuse(report);

  test('one node per outlet, documents of unknown outlet together; most pairs first', () => {
    expect(reuse.nodes.map((n) => [n.label, n.documents, n.pairs])).toEqual([
      ['b.com', 1, 3],
      ['Alpha', 2, 2],
      ['unknown outlet', 2, 2],
    ]);
  });

  test('directed pairs keep their direction, undirected are counted once, characters summed on the target side', () => {
    const label = (i: number): string => reuse.nodes[i]?.label ?? '?';
    const links = reuse.links.map((l) => ({ from: label(l.from), to: label(l.to), directed: l.directed, undirected: l.undirected, uncredited: l.uncredited, reusedChars: l.reusedChars }));
    expect(links).toEqual([
      { from: 'Alpha', to: 'b.com', directed: 2, undirected: 0, uncredited: 1, reusedChars: 150 },
      { from: 'unknown outlet', to: 'b.com', directed: 0, undirected: 1, uncredited: 0, reusedChars: 30 },
      { from: 'unknown outlet', to: 'unknown outlet', directed: 0, undirected: 1, uncredited: 0, reusedChars: 20 },
    ]);
  });

  test('the graph draws an arrow for the directed link, dashed lines for the others, a loop for the unknown pair', () => {
    const svg = renderOutletGraph(reuse, 20);
    expect(svg.match(/class="e-uncredited"[^>]*marker-end/g)).toHaveLength(1);
    expect(svg.match(/class="e-undirected"/g)).toHaveLength(2);
    expect(svg).toContain('<title>unknown outlet ↔ unknown outlet: 1 undirected pair</title>');
  });
});

describe('heatClass', () => {
  test('0 is h0, the maximum h5, in between rising on a log scale', () => {
    expect(heatClass(0, 10)).toBe('h0');
    expect(heatClass(10, 10)).toBe('h5');
    expect(heatClass(1, 1)).toBe('h5');
    const classes = [1, 2, 4, 7, 10].map((n) => Number(heatClass(n, 10).slice(1)));
    expect(classes).toEqual([...classes].sort((a, b) => a - b));
    expect(classes[0]).toBeGreaterThanOrEqual(1);
  });
});
