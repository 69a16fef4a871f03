/**
 * End-to-end on samples/: the founding example. Checks the contract directly
 * (what a careful reader sees in the seeds), then compares with the golden
 * report, which is only updated on purpose: `UPDATE_GOLDEN=1 npx jest golden`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { renderJson, scan, type Report } from '../../src';

const SAMPLES = join(__dirname, '..', '..', 'samples');
const GOLDEN = join(__dirname, 'samples.report.json');
const SPUTNIK = '004_c4d09dfc72624344';
const TAGHRIB = '001_69955482a43b296f';

function text(id: string): string {
  return readFileSync(join(SAMPLES, `${id}.txt`), 'utf8');
}

function coveredIn(spans: readonly { start: number; end: number }[], from: number, to: number): number {
  const hit = new Uint8Array(to - from);
  for (const s of spans) for (let i = Math.max(s.start, from); i < Math.min(s.end, to); i++) hit[i - from] = 1;
  return hit.reduce((n, x) => n + x, 0);
}

// Relative, as a user types it, so the golden report holds no machine-specific path.
const SAMPLES_ARG = relative(process.cwd(), SAMPLES) || '.';

let report: Report;
beforeAll(async () => {
  report = await scan([SAMPLES_ARG]);
});

describe('scan samples/', () => {
  test('the first pair is Sputnik → Taghrib, directed, syndication, uncredited by time', () => {
    const first = report.pairs[0];
    expect(first).toMatchObject({ source: SPUTNIK, target: TAGHRIB, directed: true, relation: 'syndication', basis: 'published-time' });
  });

  test("its passages cover ≥ 90% of Sputnik's body from the second sentence on, and none of the lead sentence", () => {
    const s = text(SPUTNIK);
    const lead = s.indexOf('Foreign Minister Lavrov has informed');
    const second = s.indexOf('Lavrov was also said to have commented');
    const lineEnd = s.indexOf('\n', second);
    expect(lead).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(lead);
    const spans = (report.pairs[0]?.passages ?? []).map((p) => p.source);
    expect(coveredIn(spans, second, lineEnd) / (lineEnd - second)).toBeGreaterThanOrEqual(0.9);
    expect(coveredIn(spans, lead, second)).toBe(0);
  });

  test('no other pair is syndication; 000/002 are not', () => {
    expect(report.pairs.filter((p) => p.relation === 'syndication')).toHaveLength(1);
    const p = report.pairs.find((x) => [x.source, x.target].sort().join() === '000_6ebd8b03c1841edc,002_7d7de9a9c5d4ee85');
    if (p !== undefined) expect(p.relation).not.toBe('syndication');
  });

  test('every span lies within its document and length is the text length', () => {
    const lengths = new Map(report.documents.map((d) => [d.id, d.length]));
    for (const d of report.documents) expect(d.length).toBe(text(d.id).length);
    for (const pair of report.pairs) {
      for (const p of pair.passages) {
        for (const [span, id] of [[p.source, pair.source], [p.target, pair.target]] as const) {
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.start).toBeLessThan(span.end);
          expect(span.end).toBeLessThanOrEqual(lengths.get(id) ?? -1);
        }
      }
    }
  });

  test('verbatim passages slice back to the same words on both sides', () => {
    const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.join(' ');
    for (const pair of report.pairs) {
      for (const p of pair.passages.filter((x) => x.similarity === 1)) {
        expect(words(text(pair.source).slice(p.source.start, p.source.end))).toBe(
          words(text(pair.target).slice(p.target.start, p.target.end)),
        );
      }
    }
  });

  test('the Sputnik → Taghrib pair is uncredited', () => {
    expect(report.pairs[0]).toMatchObject({ credited: false, credit: null });
  });

  test("Blinken's tweet, shared by 000 and 002, is a quote", () => {
    const tweet = text('000_6ebd8b03c1841edc').indexOf('I spoke with Foreign Minister Lavrov today');
    const pair = report.pairs.find((p) => p.source === '000_6ebd8b03c1841edc' && p.target === '002_7d7de9a9c5d4ee85');
    const passage = pair?.passages.find((p) => p.source.start <= tweet && tweet < p.source.end);
    expect(passage?.kind).toBe('quote');
  });

  test("no passage contains Sputnik's repeated footer", () => {
    const sputnik = text(SPUTNIK);
    for (const pair of report.pairs) {
      for (const p of pair.passages) {
        const span = pair.source === SPUTNIK ? p.source : pair.target === SPUTNIK ? p.target : null;
        if (span !== null) expect(sputnik.slice(span.start, span.end)).not.toMatch(/Rosiya Segodnya/);
      }
    }
  });

  test('pairs are sorted by score, descending', () => {
    const scores = report.pairs.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  test('same input, same output, byte for byte; matches the golden report', async () => {
    const again = renderJson(await scan([SAMPLES_ARG]));
    expect(again).toBe(renderJson(report));
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, again);
    expect(existsSync(GOLDEN)).toBe(true);
    expect(again).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});
