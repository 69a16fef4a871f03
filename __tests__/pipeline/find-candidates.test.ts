/**
 * Candidate generation: windows that share only outlet boilerplate do not
 * collide, and colliding windows far below the threshold are not proposed.
 */
import { blockedGramSets, BoilerplateCounter } from '../../src/pipeline/find-boilerplate';
import { createWindowHasher, findCandidates, minEstimate, resolveBanding, signWindows } from '../../src/pipeline/find-candidates';
import type { MinHasher } from '../../src/minhash';
import { computeUnmarkedShingles } from '../../src/shingle';
import { countMarked } from '../../src/text';
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
  const blocked = blockedGramSets(counter.blocked(options));
  for (const s of sketches) markSketchBoilerplate(s, blocked, options);
  return sketches;
}

describe('findCandidates', () => {
  const options = resolveOptions();

  it('proposes no pair for articles that share only their outlets’ common footer', async () => {
    // Two outlets, three articles each, one footer text on all six: each outlet's
    // footer is boilerplate (in ≥ 3 and ≥ half of its articles).
    const articles = [0, 1, 2, 3, 4, 5].map((i) => article(`a${i}`, `${body(i + 1)}\n\n${FOOTER}`, i < 3 ? 'one.example' : 'two.example'));
    const docs = sketchAll(articles, options);
    const cross = (await findCandidates(docs, options, resolveBanding(options))).filter((c) => (c.a < 3) !== (c.b < 3));
    expect(cross).toEqual([]);
    // Without boilerplate handling the footer windows do collide (the test can fail).
    const off = resolveOptions({ boilerplate: false });
    const raw = sketchAll(articles, off);
    const crossRaw = (await findCandidates(raw, off, resolveBanding(off))).filter((c) => (c.a < 3) !== (c.b < 3));
    expect(crossRaw.length).toBeGreaterThan(0);
  });

  it('still proposes a copied passage between outlets, with its estimate', async () => {
    const articles = [
      article('src', `${body(1, 8)}\n\n${FOOTER}`, 'one.example'),
      article('copy', `${body(9, 3)} ${body(1, 8)}\n\n${FOOTER}`, 'two.example'),
    ];
    const docs = sketchAll(articles, options);
    const found = await findCandidates(docs, options, resolveBanding(options));
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

describe('signWindows', () => {
  const options = resolveOptions();

  /** Every window signed on its own, the way the pieces must add up to. */
  function signEachWindow(sketch: DocumentSketch, hasher: MinHasher): number[][] {
    const out: number[][] = [];
    for (let w = 0; w < sketch.windows.length; w += 2) {
      const from = sketch.windows[w]!;
      const to = sketch.windows[w + 1]!;
      if (2 * countMarked(sketch.mask, from, to) >= to - from) continue;
      const shingles = computeUnmarkedShingles(sketch.hashes, from, to, options.shingleSize, sketch.mask);
      if (shingles.length > 0) out.push(Array.from(hasher.sign(shingles).values));
    }
    return out;
  }

  function slots(values: Uint32Array, k: number): number[][] {
    return Array.from({ length: values.length / k }, (_, i) => Array.from(values.subarray(i * k, (i + 1) * k)));
  }

  it('gives, from pieces signed once, exactly the signatures of each window signed whole (boilerplate and short texts too)', () => {
    const hasher = createWindowHasher(options);
    const texts = [
      body(1, 9),
      `${body(2, 5)}\n\n${FOOTER}\n\n${body(3, 4)}`,
      'Too short.',
      'One two three four five six seven eight nine ten eleven twelve.',
    ];
    const articles = texts.map((t, i) => article(`s${i}`, t, 'one.example'));
    // Mark the footer as boilerplate by hand on the second text.
    const sketches = articles.map((a) => sketchDocument(a.text, options));
    const second = sketches[1]!;
    const footerAt = texts[1]!.split(/\s+/).indexOf('Subscribe');
    for (let t = footerAt; t < footerAt + 25 && t < second.mask.length; t++) second.mask[t] = 1;
    let compared = 0;
    for (const sketch of sketches) {
      const expected = signEachWindow(sketch, hasher);
      expect(slots(signWindows(sketch, hasher, options.shingleSize), options.numPerm)).toEqual(expected);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('signs with one permutation when asked, and the scheme travels with the signatures', () => {
    const oph = createWindowHasher({ ...options, minhashScheme: 'one-permutation' });
    expect(oph.params.scheme).toBe('one-permutation');
    const sketch = sketchDocument(body(4, 8), options);
    expect(slots(signWindows(sketch, oph, options.shingleSize), options.numPerm)).toEqual(signEachWindow(sketch, oph));
  });
});
