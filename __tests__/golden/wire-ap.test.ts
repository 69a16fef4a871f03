/**
 * One credited AP story on four outlets, one of them without credit: one
 * cluster of four with the right origin; pairs into the credited copies are
 * `credited: true`, pairs into the uncredited copy `false`.
 */
import { join, relative } from 'node:path';
import { scan, type Report } from '../../src';

const CORPUS = relative(process.cwd(), join(__dirname, '..', 'fixtures', 'wire-ap'));

let report: Report;
beforeAll(async () => {
  report = await scan([CORPUS]);
});

describe('wire story on four outlets', () => {
  test('one cluster of four, origin the earliest outlet', () => {
    expect(report.clusters).toHaveLength(1);
    expect(report.clusters[0]).toMatchObject({ size: 4, origin: '01-dailyexample', originBasis: 'earliest' });
  });

  test('every pair is directed by explicit times, earliest first', () => {
    expect(report.pairs).toHaveLength(6);
    for (const p of report.pairs) {
      expect(p.directed).toBe(true);
      expect(p.source < p.target).toBe(true); // file names are numbered in publication order
    }
  });

  test('pairs into the credited copies are credited; pairs into the uncredited copy are not', () => {
    for (const p of report.pairs) {
      if (p.target === '04-quickwirenews') {
        expect(p.credited).toBe(false);
        expect(p.credit).toBeNull();
      } else {
        expect(p.credited).toBe(true);
        expect(p.credit?.in).toBe(p.target);
        expect(p.credit?.names).toContain('ap');
      }
    }
  });
});
