/** Test helper (not a test): the samples scanned once, with their texts read straight from the files. */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { scanWithTexts, type Report } from '../../src';

export const SAMPLES = join(__dirname, '..', '..', 'samples');

/** The sample's text as it is on disk. */
export function sampleText(id: string): string {
  return readFileSync(join(SAMPLES, `${id}.txt`), 'utf8');
}

/** Scan the samples (relative path, as a user types it). */
export async function scanSamples(): Promise<{ report: Report; texts: ReadonlyMap<string, string> }> {
  return scanWithTexts([relative(process.cwd(), SAMPLES) || '.'], {});
}
