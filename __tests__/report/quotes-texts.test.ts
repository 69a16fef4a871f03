/**
 * A scan asked for no texts (`texts: false`, what the CLI asks for formats
 * that quote nothing) gives the same report; and `quotesTexts` is right about
 * every format: one it says quotes nothing renders the same without texts.
 */
import { relative } from 'node:path';
import { scanWithTexts } from '../../src';
import { quotesTexts, renderReport, REPORT_FORMATS } from '../../src/report';
import { SAMPLES, scanSamples } from './samples-scan';

describe('quotesTexts', () => {
  it('is false only for formats whose output does not change without the texts', async () => {
    const { report, texts } = await scanSamples();
    expect(texts.size).toBeGreaterThan(0);
    const none = new Map<string, string>();
    for (const format of REPORT_FORMATS) {
      const same = renderReport(report, texts, format) === renderReport(report, none, format);
      // A format that quotes passages must be marked as needing texts.
      if (!same) expect([format, quotesTexts(format)]).toEqual([format, true]);
    }
    expect(REPORT_FORMATS.filter((f) => !quotesTexts(f))).toEqual(['json', 'ndjson', 'csv']);
  });

  it('a scan without texts has the same report and an empty text map', async () => {
    const { report } = await scanSamples();
    const bare = await scanWithTexts([relative(process.cwd(), SAMPLES) || '.'], {}, { texts: false });
    expect(bare.texts.size).toBe(0);
    expect(bare.report).toEqual(report);
  });
});
