/**
 * The document-level job with the `minhash` npm package (0.0.9), run as a
 * child process by the corpus benchmark: one MinHash per article over its word
 * 3-gram shingles (128 permutations, seed 1), all inserted into the package's
 * `LshIndex` (32 bands of 4 rows: candidate threshold ≈ (1/32)^(1/4) ≈ 0.42),
 * then every article queried for its candidate pairs. This is what "find
 * near-duplicate documents with MinHash" means with the package as documented;
 * no alignment, no passages. Prints `{ articles, candidatePairs }` and writes
 * the candidate pairs (`id<TAB>id`, lexically ordered) to PAIRS_OUT.
 *
 * `node dist-bench/bench/minhash-package-job.js FILE PAIRS_OUT [TEXT_FIELD ...]`
 */
import { writeFileSync } from 'node:fs';
import { LshIndex, Minhash } from 'minhash';
import { forEachLine, recordText } from './line-reader';

const SHINGLE_WORDS = 3;
const NUM_PERM = 128;
const BAND_SIZE = 4;

function runPackageJob(file: string, pairsOut: string, fields: readonly string[]): void {
  const index = new LshIndex({ bandSize: BAND_SIZE });
  const signatures: { id: string; minhash: Minhash }[] = [];
  forEachLine(file, (line) => {
    const record: unknown = JSON.parse(line);
    const id = String((record as { id?: unknown }).id ?? signatures.length);
    const words = recordText(record, fields).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const minhash = new Minhash({ numPerm: NUM_PERM, seed: 1 });
    for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) minhash.update(words.slice(i, i + SHINGLE_WORDS).join(' '));
    index.insert(id, minhash);
    signatures.push({ id, minhash });
  });
  const pairs = new Set<string>();
  for (const { id, minhash } of signatures) {
    for (const other of index.query(minhash)) {
      if (other !== id) pairs.add(id < other ? `${id}\t${other}` : `${other}\t${id}`);
    }
  }
  writeFileSync(pairsOut, [...pairs].join('\n') + (pairs.size > 0 ? '\n' : ''));
  process.stdout.write(`${JSON.stringify({ articles: signatures.length, candidatePairs: pairs.size })}\n`);
}

const [file, pairsOut, ...fields] = process.argv.slice(2);
if (file === undefined || pairsOut === undefined) {
  process.stderr.write('usage: minhash-package-job FILE PAIRS_OUT [TEXT_FIELD ...]\n');
  process.exitCode = 2;
} else {
  runPackageJob(file, pairsOut, fields.length > 0 ? fields : ['text', 'body', 'content']);
}
