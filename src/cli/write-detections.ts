/** Writing PAN detection XML files, one per pair, into an output folder. */
import { join } from 'node:path';
import { renderDetectionXml, type PanDetection } from '../eval';
import { groundTruthName } from '../ingest';
import { ensureOutputFolder, writeOutputFile } from './write-output';

/** Write `OUT/<susp>-<src>.xml` for every pair; returns the number of detections written. */
export function writeDetectionFiles(
  out: string,
  pairs: readonly { readonly susp: string; readonly src: string }[],
  detections: readonly (readonly PanDetection[])[],
): number {
  ensureOutputFolder(out);
  let count = 0;
  pairs.forEach((p, i) => {
    const found = detections[i] ?? [];
    count += found.length;
    writeOutputFile(join(out, groundTruthName(p.susp, p.src)), renderDetectionXml(p.susp, p.src, found));
  });
  return count;
}
