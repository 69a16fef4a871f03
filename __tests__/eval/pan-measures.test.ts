import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { InputError } from '../../src/errors';
import { groundTruthName, readPanCorpus } from '../../src/ingest';
import {
  computePanMeasures,
  measureByCategory,
  renderDetectionXml,
  type PanCase,
  type PanMeasures,
  type PanMeasuresByCategory,
} from '../../src/eval';

/** A case or detection: suspicious [to, to + tl), source [so, so + sl). */
const r = (to: number, tl: number, so: number, sl: number): PanCase => ({
  thisOffset: to,
  thisLength: tl,
  sourceOffset: so,
  sourceLength: sl,
});

const LOG2_3 = Math.log2(3);

/** Expect every listed figure of `m` to equal `want` (to 1e-12). */
function expectMeasures(m: PanMeasures, want: PanMeasures): void {
  for (const key of Object.keys(want) as (keyof PanMeasures)[]) {
    expect([key, m[key]]).toEqual([key, expect.closeTo(want[key], 12)]);
  }
}

describe('computePanMeasures: hand-computed cases', () => {
  test('one case fully detected by one identical detection', () => {
    // |s ∩ r| / |s| = 200/200, |r ∩ s| / |r| = 200/200; 1 detection per detected case.
    // P = R = G = 1; plagdet = 1 / log2(2) = 1. One positive pair, detected: TP = 1.
    const m = computePanMeasures([{ cases: [r(0, 100, 0, 100)], detections: [r(0, 100, 0, 100)] }]);
    expectMeasures(m, { precision: 1, recall: 1, granularity: 1, plagdet: 1, pairPrecision: 1, pairRecall: 1, cases: 1, detections: 1 });
  });

  test('a detection covering half of a case', () => {
    // case 100 + 100 chars, detection [0,50) × [0,50): R = (50 + 50) / 200 = 0.5,
    // P = 100 / 100 = 1, G = 1, plagdet = F1 = 2·0.5·1 / 1.5 = 2/3.
    const m = computePanMeasures([{ cases: [r(0, 100, 0, 100)], detections: [r(0, 50, 0, 50)] }]);
    expectMeasures(m, { precision: 1, recall: 0.5, granularity: 1, plagdet: 2 / 3, pairPrecision: 1, pairRecall: 1, cases: 1, detections: 1 });
  });

  test('a case split in two detections: granularity 2', () => {
    // halves [0,50)×[0,50) and [50,100)×[50,100): R = 1, P = 1, G = 2,
    // plagdet = F1 / log2(1 + 2) = 1 / log2(3) ≈ 0.6309.
    const m = computePanMeasures([{ cases: [r(0, 100, 0, 100)], detections: [r(0, 50, 0, 50), r(50, 50, 50, 50)] }]);
    expectMeasures(m, { precision: 1, recall: 1, granularity: 2, plagdet: 1 / LOG2_3, pairPrecision: 1, pairRecall: 1, cases: 1, detections: 2 });
  });

  test('overlapping detections are counted once per character', () => {
    // [0,60) and [40,100) on both sides: union covers the case, R = 200/200 = 1; each
    // detection lies inside the case, P = (1 + 1) / 2 = 1; G = 2; plagdet = 1 / log2(3).
    const m = computePanMeasures([{ cases: [r(0, 100, 0, 100)], detections: [r(0, 60, 0, 60), r(40, 60, 40, 60)] }]);
    expectMeasures(m, { precision: 1, recall: 1, granularity: 2, plagdet: 1 / LOG2_3, pairPrecision: 1, pairRecall: 1, cases: 1, detections: 2 });
  });

  test('a detection overlapping the case only in the suspicious document does not detect it', () => {
    // suspicious ranges equal, source [500,600) vs [0,100): no detection.
    // R = 0, P = 0 (the detection detects nothing), G = 1, plagdet = 0. The pair still
    // has a case and a detection: TP = 1 at pair level.
    const m = computePanMeasures([{ cases: [r(0, 100, 0, 100)], detections: [r(0, 100, 500, 100)] }]);
    expectMeasures(m, { precision: 0, recall: 0, granularity: 1, plagdet: 0, pairPrecision: 1, pairRecall: 1, cases: 1, detections: 1 });
  });

  test('ranges are half-open: touching is not overlapping', () => {
    // detection starts where the case ends on both sides: R = P = 0.
    const m = computePanMeasures([{ cases: [r(0, 100, 0, 100)], detections: [r(100, 50, 100, 50)] }]);
    expect([m.precision, m.recall, m.plagdet]).toEqual([0, 0, 0]);
  });

  test('unequal sides: both documents’ characters count', () => {
    // case: susp [0,100), src [1000,1300) → |s| = 400. detection: susp [50,150),
    // src [1100,1200) → |r| = 200. Overlap: 50 + 100 = 150. R = 150/400 = 0.375,
    // P = 150/200 = 0.75, F1 = 2·0.375·0.75 / 1.125 = 0.5, G = 1 → plagdet 0.5.
    const m = computePanMeasures([{ cases: [r(0, 100, 1000, 300)], detections: [r(50, 100, 1100, 100)] }]);
    expectMeasures(m, { precision: 0.75, recall: 0.375, granularity: 1, plagdet: 0.5, pairPrecision: 1, pairRecall: 1, cases: 1, detections: 1 });
  });

  test('one detection spanning two cases', () => {
    // cases [0,100)² and [200,300)²; detection [0,300)²: each case fully covered, R = 1;
    // |r| = 600, covered 200 + 200 = 400, P = 2/3; each case detected once, G = 1;
    // F1 = 2·(2/3)·1 / (5/3) = 0.8 → plagdet 0.8.
    const m = computePanMeasures([
      { cases: [r(0, 100, 0, 100), r(200, 100, 200, 100)], detections: [r(0, 300, 0, 300)] },
    ]);
    expectMeasures(m, { precision: 2 / 3, recall: 1, granularity: 1, plagdet: 0.8, pairPrecision: 1, pairRecall: 1, cases: 2, detections: 1 });
  });

  test('a detection on a negative pair contributes precision 0', () => {
    // pair A: perfect detection (precision 1); pair B: no case, one detection (precision 0).
    // P = (1 + 0) / 2 = 0.5, R = 1, G = 1, plagdet = 2·0.5·1 / 1.5 = 2/3.
    // Pair level: A is TP, B is FP → pairPrecision 1/2, pairRecall 1/1.
    const m = computePanMeasures([
      { cases: [r(0, 100, 0, 100)], detections: [r(0, 100, 0, 100)] },
      { cases: [], detections: [r(0, 10, 0, 10)] },
    ]);
    expectMeasures(m, { precision: 0.5, recall: 1, granularity: 1, plagdet: 2 / 3, pairPrecision: 0.5, pairRecall: 1, cases: 1, detections: 2 });
  });

  test('a detection only detects cases of its own pair', () => {
    // same offsets, different pairs: nothing detected. A is FN, B is FP: TP = 0.
    const m = computePanMeasures([
      { cases: [r(0, 100, 0, 100)], detections: [] },
      { cases: [], detections: [r(0, 100, 0, 100)] },
    ]);
    expectMeasures(m, { precision: 0, recall: 0, granularity: 1, plagdet: 0, pairPrecision: 0, pairRecall: 0, cases: 1, detections: 1 });
  });

  test('identical detections count once, as in the official script (which reads sets)', () => {
    const m = computePanMeasures([{ cases: [r(0, 100, 0, 100)], detections: [r(0, 100, 0, 100), r(0, 100, 0, 100)] }]);
    expectMeasures(m, { precision: 1, recall: 1, granularity: 1, plagdet: 1, pairPrecision: 1, pairRecall: 1, cases: 1, detections: 1 });
  });

  test('official convention: no cases and no detections → P = R = 1', () => {
    // perfmeasures.py: macro_avg_recall([], []) == 1, and precision is recall with the
    // arguments swapped. Also for an empty list of pairs.
    const want = { precision: 1, recall: 1, granularity: 1, plagdet: 1, pairPrecision: 1, pairRecall: 1, cases: 0, detections: 0 };
    expectMeasures(computePanMeasures([{ cases: [], detections: [] }]), want);
    expectMeasures(computePanMeasures([]), want);
  });

  test('official convention: cases but no detections → P = R = 0', () => {
    // macro_avg_recall(cases, []) == 0 and macro_avg_recall([], cases) == 0. Pair level:
    // TP + FP = 0 while there are positives → pairPrecision 0; pairRecall 0/1 = 0.
    const m = computePanMeasures([{ cases: [r(0, 100, 0, 100)], detections: [] }]);
    expectMeasures(m, { precision: 0, recall: 0, granularity: 1, plagdet: 0, pairPrecision: 0, pairRecall: 0, cases: 1, detections: 0 });
  });

  test('official convention: detections but no cases → P = R = 0', () => {
    // pairPrecision 0/1 = 0; TP + FN = 0 while there are predictions → pairRecall 0.
    const m = computePanMeasures([{ cases: [], detections: [r(0, 100, 0, 100)] }]);
    expectMeasures(m, { precision: 0, recall: 0, granularity: 1, plagdet: 0, pairPrecision: 0, pairRecall: 0, cases: 0, detections: 1 });
  });

  test('granularity averages over detected cases only', () => {
    // case 1 detected by 3 detections, case 2 by 1, case 3 by none: G = (3 + 1) / 2 = 2.
    const m = computePanMeasures([
      {
        cases: [r(0, 90, 0, 90), r(200, 10, 200, 10), r(400, 10, 400, 10)],
        detections: [r(0, 30, 0, 30), r(30, 30, 30, 30), r(60, 30, 60, 30), r(200, 10, 200, 10)],
      },
    ]);
    expect(m.granularity).toBe(2);
    // R = (1 + 1 + 0) / 3; P = 1 (every detection inside a case).
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.precision).toBe(1);
  });

  test('a range that is empty, negative or fractional is an InputError naming it', () => {
    expect(() => computePanMeasures([{ cases: [], detections: [r(0, 0, 0, 10)] }])).toThrow(
      new InputError('pairs[0].detections[0]', 'thisLength must be an integer ≥ 1, got 0'),
    );
    expect(() => computePanMeasures([{ cases: [], detections: [] }, { cases: [r(-1, 5, 0, 5)], detections: [] }])).toThrow(
      'pairs[1].cases[0]: thisOffset must be an integer ≥ 0, got -1',
    );
    expect(() => computePanMeasures([{ cases: [r(0, 5, 0.5, 5)], detections: [] }])).toThrow('sourceOffset');
  });
});

describe('measureByCategory', () => {
  test('overall over all pairs, then one entry per category in name order', () => {
    const pairs = [
      { category: '02-b', cases: [r(0, 100, 0, 100)], detections: [r(0, 50, 0, 50)] },
      { category: '01-a', cases: [], detections: [] },
      { category: '02-b', cases: [r(0, 100, 0, 100)], detections: [r(0, 100, 0, 100)] },
    ];
    const got = measureByCategory(pairs);
    expect(got.overall).toEqual(computePanMeasures(pairs));
    expect(got.categories.map((c) => [c.category, c.pairs])).toEqual([
      ['01-a', 1],
      ['02-b', 2],
    ]);
    // 01-a: nothing to find, nothing claimed → all 1 (official convention).
    expect(got.categories[0]?.measures.plagdet).toBe(1);
    // 02-b: R = (0.5 + 1) / 2 = 0.75, P = 1, F1 = 1.5 / 1.75 = 6/7.
    expect(got.categories[1]?.measures.plagdet).toBeCloseTo(6 / 7, 12);
  });

  test('no pairs: overall by convention, no categories', () => {
    expect(measureByCategory([]).categories).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// Cross-check against tools/pan_measures.py, an independent brute-force implementation
// (Python sets of characters), on random corpora written in PAN's layout.

const repoRoot = join(__dirname, '..', '..');
const TOOL = join(repoRoot, 'tools', 'pan_measures.py');

interface GeneratedPair {
  readonly susp: number;
  readonly category: string;
  readonly cases: PanCase[];
  readonly detections: PanCase[];
}

/** Ranges inside documents of at most 60 characters, often near each other so they overlap. */
const rangeArb = fc
  .record({
    to: fc.integer({ min: 0, max: 50 }),
    tl: fc.integer({ min: 1, max: 10 }),
    so: fc.integer({ min: 0, max: 50 }),
    sl: fc.integer({ min: 1, max: 10 }),
  })
  .map(({ to, tl, so, sl }) => r(to, tl, so, sl));

/** A detection: a jittered copy of a case (when there is one) or a free range. */
function detectionsArb(cases: PanCase[]): fc.Arbitrary<PanCase[]> {
  const jittered =
    cases.length === 0
      ? rangeArb
      : fc
          .record({
            k: fc.nat({ max: cases.length - 1 }),
            d: fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 4, maxLength: 4 }),
          })
          .map(({ k, d }) => {
            const c = cases[k] as PanCase;
            const [a = 0, b = 0, e = 0, f = 0] = d;
            return r(
              Math.max(0, c.thisOffset + a),
              Math.max(1, c.thisLength + b),
              Math.max(0, c.sourceOffset + e),
              Math.max(1, c.sourceLength + f),
            );
          });
  // Sometimes repeat the first detection exactly: duplicates count once on both sides.
  return fc
    .tuple(fc.array(fc.oneof(jittered, rangeArb, jittered), { maxLength: 5 }), fc.boolean())
    .map(([ds, repeat]) => (repeat && ds[0] !== undefined ? [...ds, ds[0]] : ds));
}

const pairArb: fc.Arbitrary<GeneratedPair> = fc
  .record({
    susp: fc.nat({ max: 2 }),
    category: fc.constantFrom('01-no-plagiarism', '02-no-obfuscation', '03-random-obfuscation'),
    cases: fc.array(rangeArb, { maxLength: 3 }),
  })
  .chain((p) => detectionsArb(p.cases).map((detections) => ({ ...p, detections })));

const corpusArb = fc.array(pairArb, { minLength: 1, maxLength: 8 });

/** Write a generated corpus and its detections in PAN's layout; return both folders. */
function writeCorpus(root: string, pairs: readonly GeneratedPair[]): { corpus: string; detections: string } {
  const corpus = join(root, 'corpus');
  const detections = join(root, 'detections');
  for (const dir of ['susp', 'src', '01-no-plagiarism', '02-no-obfuscation', '03-random-obfuscation']) {
    mkdirSync(join(corpus, dir), { recursive: true });
  }
  mkdirSync(detections);
  const lines: string[] = [];
  pairs.forEach((p, i) => {
    const susp = `suspicious-document${String(p.susp).padStart(5, '0')}.txt`;
    const src = `source-document${String(i).padStart(5, '0')}.txt`; // one source per pair
    lines.push(`${susp} ${src}`);
    writeFileSync(join(corpus, 'susp', susp), 'x'.repeat(80));
    writeFileSync(join(corpus, 'src', src), 'y'.repeat(80));
    const features = [
      '  <feature name="about" authors="test" language="en" />',
      ...p.cases.map(
        (c) =>
          `  <feature name="plagiarism" obfuscation="none" source_length="${c.sourceLength}" source_offset="${c.sourceOffset}"` +
          ` source_reference="${src}" this_length="${c.thisLength}" this_offset="${c.thisOffset}" type="artificial" />`,
      ),
    ];
    const xml = [`<document reference="${susp}">`, ...features, '</document>', ''].join('\n');
    writeFileSync(join(corpus, p.category, groundTruthName(susp, src)), xml);
    if (p.detections.length > 0) {
      writeFileSync(join(detections, groundTruthName(susp, src)), renderDetectionXml(susp, src, p.detections));
    }
  });
  writeFileSync(join(corpus, 'pairs'), `${lines.join('\n')}\n`);
  return { corpus, detections };
}

/** Expect two results to agree to 1e-9 in every figure, overall and per category. */
function expectAgreement(ts: PanMeasuresByCategory, py: PanMeasuresByCategory): void {
  const flatten = (m: PanMeasuresByCategory) => [
    ['overall', 0, m.overall] as const,
    ...m.categories.map((c) => [c.category, c.pairs, c.measures] as const),
  ];
  const a = flatten(ts);
  const b = flatten(py);
  expect(a.map(([name, n]) => [name, n])).toEqual(b.map(([name, n]) => [name, n]));
  a.forEach(([name, , m], i) => {
    const other = (b[i] as (typeof b)[number])[2];
    for (const key of Object.keys(m) as (keyof PanMeasures)[]) {
      if (Math.abs(m[key] - other[key]) > 1e-9) {
        throw new Error(`${name}.${key}: TypeScript ${m[key]} vs Python ${other[key]}`);
      }
    }
  });
}

describe('cross-check with tools/pan_measures.py', () => {
  let root: string;
  beforeAll(() => {
    const probe = spawnSync('python3', ['--version'], { encoding: 'utf8' });
    if (probe.error !== undefined || probe.status !== 0) {
      throw new Error(
        'python3 is required for the PAN measures cross-check (tools/pan_measures.py) but could not be run: ' +
          String(probe.error ?? probe.stderr),
      );
    }
  });
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'reprint-pan-measures-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test('TypeScript and Python agree to 1e-9 on random corpora', async () => {
    let run = 0;
    // Which situations the generated corpora reached, so the check is known to cover them.
    const seen = { bothEmpty: 0, casesOnly: 0, detectionsOnly: 0, granularityAbove1: 0, partialRecall: 0, partialPrecision: 0 };
    await fc.assert(
      fc.asyncProperty(corpusArb, async (pairs) => {
        const dir = join(root, String(run++));
        const { corpus, detections } = writeCorpus(dir, pairs);
        // TypeScript: read the corpus back, attach the generated detections.
        const read = await readPanCorpus(corpus);
        const ts = measureByCategory(
          read.pairs.map((p, i) => ({ category: p.category, cases: p.cases, detections: (pairs[i] as GeneratedPair).detections })),
        );
        const out = execFileSync('python3', [TOOL, corpus, detections], { encoding: 'utf8' });
        expectAgreement(ts, JSON.parse(out) as PanMeasuresByCategory);
        for (const { measures: m } of ts.categories) {
          if (m.cases === 0 && m.detections === 0) seen.bothEmpty += 1;
          if (m.cases > 0 && m.detections === 0) seen.casesOnly += 1;
          if (m.cases === 0 && m.detections > 0) seen.detectionsOnly += 1;
          if (m.granularity > 1) seen.granularityAbove1 += 1;
          if (m.recall > 0 && m.recall < 1) seen.partialRecall += 1;
          if (m.precision > 0 && m.precision < 1) seen.partialPrecision += 1;
        }
      }),
      { seed: 20130601, numRuns: 60 },
    );
    for (const [situation, count] of Object.entries(seen)) expect([situation, count > 0]).toEqual([situation, true]);
  }, 120_000);

  test('the tool rejects malformed detection XML with status 2', () => {
    const { corpus, detections } = writeCorpus(root, [
      { susp: 0, category: '02-no-obfuscation', cases: [r(0, 5, 0, 5)], detections: [] },
    ]);
    writeFileSync(join(detections, 'suspicious-document00000-source-document00000.xml'), '<document reference="x">');
    const run = spawnSync('python3', [TOOL, corpus, detections], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('malformed XML');
  });
});
