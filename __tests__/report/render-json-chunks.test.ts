/**
 * The JSON report in pieces (for reports longer than a V8 string) is byte for
 * byte the JSON report; the CLI's batching of pieces loses and reorders nothing.
 */
import { batchText, WRITE_BATCH } from '../../src/cli/write-output';
import { renderJson, renderJsonChunks } from '../../src/report';
import type { Report } from '../../src';
import { scanSamples } from './samples-scan';

describe('renderJsonChunks', () => {
  it('joins to exactly renderJson for the samples report, one piece per array element', async () => {
    const { report } = await scanSamples();
    const pieces = [...renderJsonChunks(report)];
    expect(pieces.join('')).toBe(renderJson(report));
    // Documents, pairs and the rest each come as pieces of their own: no piece is the whole report.
    expect(pieces.length).toBeGreaterThan(report.documents.length + report.pairs.length);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(renderJson(report).length / 2);
  });

  it('joins to exactly renderJson for empty lists, nested objects and strings with escapes', () => {
    const report = {
      schemaVersion: 1,
      parameters: { nested: { deep: [1, 2, { x: 'line\nbreak "quoted" \\ tab\t ☕ \u2028' }] }, empty: {} },
      documents: [],
      pairs: [{ a: [], b: [[]], c: null, d: 'x\r\ny' }],
      clusters: [[1, [2, [3]]]],
      warnings: [],
    } as unknown as Report;
    expect([...renderJsonChunks(report)].join('')).toBe(renderJson(report));
  });
});

describe('batchText', () => {
  it('gives back every piece, in order, in batches of WRITE_BATCH characters or a piece more (the last may be shorter)', () => {
    const pieces = Array.from({ length: 5000 }, (_, i) => `${i}:${'x'.repeat(i % 700)}\n`);
    const batches = [...batchText(pieces)];
    expect(batches.join('')).toBe(pieces.join(''));
    expect(WRITE_BATCH).toBe(65536);
    expect(batches.length).toBeGreaterThan(10);
    for (const b of batches.slice(0, -1)) {
      expect(b.length).toBeGreaterThanOrEqual(WRITE_BATCH);
      expect(b.length).toBeLessThan(WRITE_BATCH + 710);
    }
    expect(batches[batches.length - 1]!.length).toBeLessThan(WRITE_BATCH + 710);
  });
});
