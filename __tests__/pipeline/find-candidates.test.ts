/**
 * Candidate generation: windows that share only outlet boilerplate do not
 * collide, and colliding windows far below the threshold are not proposed.
 */
import { BoilerplateCounter } from '../../src/pipeline/find-boilerplate';
import { findCandidates, minEstimate, resolveBanding } from '../../src/pipeline/find-candidates';
import { markSketchBoilerplate, sketchDocument, type DocumentSketch } from '../../src/pipeline/sketch-document';
import { resolveOptions, type Article, type ResolvedOptions } from '../../src';
import { article } from '../helpers/article';

/** A distinct sentence of about 12 words made from the numbers given. */
function sentence(a: number, b: number): string {
  return `Reporter ${a} wrote about river ${b} and bridge ${a + b} near town ${a * 7 + b} yesterday evening.`;
}

const FOOTER =
  'Subscribe to our newsletter for the latest headlines delivered every morning to your inbox. ' +
  'Copyright all rights reserved by the publisher, reproduction without written permission is prohibited.';

function body(seed: number, sentences = 6): string {
  return Array.from({ length: sentences }, (_, i) => sentence(seed * 100 + i, seed + i)).join(' ');
}

/** Sketch the articles and mark the collection's boilerplate on them, as a scan does. */
function sketchAll(articles: readonly Article[], options: ResolvedOptions): DocumentSketch[] {
  const counter = new BoilerplateCounter();
  const sketches = articles.map((a) => sketchDocument(a.text, options));
  sketches.forEach((s, i) => counter.add(s.grams, articles[i]?.meta.outlet ?? null));
  const blocked = counter.blocked(options);
  for (const s of sketches) markSketchBoilerplate(s, blocked, options.anchorSize);
  return sketches;
}

describe('findCandidates', () => {
  const options = resolveOptions();

  it('proposes no pair for articles that share only their outlets’ common footer', () => {
    // Two outlets, three articles each, one footer text on all six: each outlet's
    // footer is boilerplate (in ≥ 3 and ≥ half of its articles).
    const articles = [0, 1, 2, 3, 4, 5].map((i) => article(`a${i}`, `${body(i + 1)}\n\n${FOOTER}`, i < 3 ? 'one.example' : 'two.example'));
    const docs = sketchAll(articles, options);
    const cross = findCandidates(docs, options, resolveBanding(options)).filter((c) => (c.a < 3) !== (c.b < 3));
    expect(cross).toEqual([]);
    // Without boilerplate handling the footer windows do collide (the test can fail).
    const off = resolveOptions({ boilerplate: false });
    const raw = sketchAll(articles, off);
    const crossRaw = findCandidates(raw, off, resolveBanding(off)).filter((c) => (c.a < 3) !== (c.b < 3));
    expect(crossRaw.length).toBeGreaterThan(0);
  });

  it('still proposes a copied passage between outlets, with its estimate', () => {
    const articles = [
      article('src', `${body(1, 8)}\n\n${FOOTER}`, 'one.example'),
      article('copy', `${body(9, 3)} ${body(1, 8)}\n\n${FOOTER}`, 'two.example'),
    ];
    const docs = sketchAll(articles, options);
    const found = findCandidates(docs, options, resolveBanding(options));
    const copied = found.find((c) => c.a === 0 && c.b === 1);
    expect(copied?.estimatedSimilarity).toBeGreaterThan(0.9);
  });
});

describe('minEstimate', () => {
  it('is the threshold less two standard errors of the estimate', () => {
    expect(minEstimate(0.3, 128)).toBeCloseTo(0.3 - 2 * Math.sqrt(0.21 / 128), 12);
    expect(minEstimate(0.3, 128)).toBeCloseTo(0.219, 3);
    expect(minEstimate(0.5, 512)).toBeGreaterThan(minEstimate(0.5, 128));
  });
});
