/**
 * `npm run bench`: figures, not assertions (machines here are noisy).
 *
 * 1. MinHash engine: reprint's typed-array signer against the `minhash` npm
 *    package on the same shingle sets — speed and mean error vs exact Jaccard.
 * Runs compiled (tsc), not through tsx: measured here, tsx runs the signer
 * about 6× slower.
 *
 * 2. Whole scan of `samples/` (and of `--corpus FILE` when given: a JSONL dump,
 *    with `--field NAME=FIELD` mappings), wall time and peak RSS.
 */
import { scan } from '../src';
import type { FieldMap } from '../src';
import { benchMinhashEngine } from './minhash-engine';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function fields(): Partial<FieldMap> {
  const out: Record<string, string> = {};
  process.argv.forEach((a, i) => {
    if (a !== '--field') return;
    const [k, v] = (process.argv[i + 1] ?? '').split('=');
    if (k !== undefined && v !== undefined) out[k] = v;
  });
  return out as Partial<FieldMap>;
}

async function timeScan(label: string, paths: string[], f: Partial<FieldMap>): Promise<void> {
  const t0 = process.hrtime.bigint();
  const report = await scan(paths, { fields: f });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const chars = report.documents.reduce((n, d) => n + d.length, 0);
  console.log(
    `| ${label} | ${report.documents.length} | ${(chars / 1e6).toFixed(2)} M chars | ${ms.toFixed(0)} ms | ${(report.documents.length / (ms / 1000)).toFixed(0)} docs/s | ${report.pairs.length} pairs | peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB |`,
  );
}

async function main(): Promise<void> {
  console.log('## MinHash engine vs the minhash package (same shingle sets, numPerm 128)\n');
  const m = await benchMinhashEngine({ docs: 400, wordsPerDoc: 500, numPerm: 128 });
  console.log('| engine | MB/s | mean abs. error vs exact Jaccard |');
  console.log('|---|---|---|');
  console.log(`| reprint | ${m.oursMBps.toFixed(1)} | ${m.oursMeanAbsError.toFixed(4)} |`);
  console.log(`| minhash package | ${m.packageMBps.toFixed(2)} | ${m.packageMeanAbsError.toFixed(4)} |`);
  console.log(`\nreprint is ${m.ratio.toFixed(1)}× faster on ${(m.bytes / 1e6).toFixed(2)} MB, ${m.shingles} shingles.\n`);
  console.log('## Whole scan\n');
  console.log('| input | docs | size | wall | rate | pairs | memory |');
  console.log('|---|---|---|---|---|---|---|');
  await timeScan('samples/', ['samples'], {});
  const corpus = arg('corpus');
  if (corpus !== undefined) await timeScan(corpus, [corpus], fields());
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
