/**
 * `npm run bench`: figures, not assertions (machines here are noisy).
 *
 * 1. MinHash engine: reprint's typed-array signer against the `minhash` npm
 *    package on the same shingle sets — speed and mean error vs exact Jaccard.
 * Runs compiled (tsc), not through tsx: measured here, tsx runs the signer
 * about 6× slower.
 *
 * 2. Whole scan of `samples/` (and of `--corpus FILE` when given: a JSONL dump,
 *    with `--field NAME=FIELD` mappings), in process: wall time and peak RSS.
 *
 * 3. Synthetic corpora with planted syndication (`synthetic-corpus.ts`), one
 *    per size, plus the `--corpus` dump: floor, reprint's CLI and the minhash
 *    package's document-level job, each in its own child process; planted
 *    recall and precision; the issue's targets marked met / NOT met.
 *
 * Flags (after `npm run bench --`):
 *   --sizes 10000,100000     synthetic sizes (default); `--size N` for one (e.g. 1000000)
 *   --seed N                 corpus seed (default 1)
 *   --dir DIR                keep dumps and reports in DIR and reuse dumps found there
 *                            (default: a temporary folder, removed at the end)
 *   --timeout S              time limit per job in seconds (default 600, or 0.7 s per MB of input
 *                            above 857 MB: 1,852 s at 1M); a job over it is stopped
 *   --with-package-at-100k   also run the minhash package job above 10k articles
 *   --cli PATH               the compiled CLI to time (default: this build's, dist-bench/src/cli/bin.js)
 *   --cli-arg ARG            extra argument for the CLI, repeatable (e.g. --cli-arg --no-sentence-channel)
 *   --phases                 also time reprint's phases (a second scan through the library's
 *                            progress hooks) and count its candidate pairs
 *   --corpus-only            skip sections 1 and 2
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { scan } from '../src';
import type { FieldMap } from '../src';
import { benchCorpus, ensureSyntheticCorpus, type CorpusBenchSettings, type CorpusRow } from './corpus-bench';
import { renderCorpusTable, renderDetails, renderTargets } from './corpus-table';
import { benchMinhashEngine } from './minhash-engine';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function args(name: string): string[] {
  const out: string[] = [];
  process.argv.forEach((a, i) => {
    const v = process.argv[i + 1];
    if (a === `--${name}` && v !== undefined) out.push(v);
  });
  return out;
}

function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

function fields(): Partial<FieldMap> {
  const out: Record<string, string> = {};
  for (const pair of args('field')) {
    const [k, v] = pair.split('=');
    if (k !== undefined && v !== undefined) out[k] = v;
  }
  return out as Partial<FieldMap>;
}

function positiveInt(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`--${name} takes positive whole numbers, got "${text}"`);
  return n;
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

async function benchCorpora(): Promise<void> {
  const sizes = (arg('size') ?? arg('sizes') ?? '10000,100000').split(',').map((s) => positiveInt('sizes', s.trim()));
  const seed = Number(arg('seed') ?? '1');
  const keepDir = arg('dir');
  const timeout = arg('timeout');
  const dir = keepDir === undefined ? mkdtempSync(join(tmpdir(), 'reprint-bench-')) : resolve(keepDir);
  if (keepDir !== undefined) mkdirSync(dir, { recursive: true });
  const settings: CorpusBenchSettings = {
    dir,
    seed,
    cli: resolve(arg('cli') ?? join(__dirname, '..', 'src', 'cli', 'bin.js')),
    cliArgs: args('cli-arg'),
    timeoutSeconds: timeout === undefined ? null : positiveInt('timeout', timeout),
    phases: flag('phases'),
  };
  const log = (line: string): void => {
    process.stderr.write(`bench: ${line}\n`);
  };
  const rows: CorpusRow[] = [];
  let packageSecondsPerArticle: number | null = null;
  try {
    for (const size of [...sizes].sort((a, b) => a - b)) {
      log(`synthetic ${size}: generating (seed ${seed}) in ${dir}…`);
      const { file, truth, generateSeconds } = ensureSyntheticCorpus(size, settings);
      const runPackage = size <= 10_000 || flag('with-package-at-100k');
      const row = await benchCorpus({
        label: `synthetic ${size >= 1000 ? `${size / 1000}k` : size}`,
        file,
        truth,
        generateSeconds,
        fieldArgs: [],
        textFields: ['text'],
        runPackage,
        packageEstimate: packageSecondsPerArticle === null ? null : packageSecondsPerArticle * size,
        settings,
        log,
      });
      if (row.minhashPackage.kind === 'done') packageSecondsPerArticle = row.minhashPackage.seconds / row.articles;
      rows.push(row);
    }
    const corpus = arg('corpus');
    if (corpus !== undefined) {
      const f = fields();
      rows.push(
        await benchCorpus({
          label: corpus,
          file: resolve(corpus),
          truth: null,
          generateSeconds: null,
          fieldArgs: Object.entries(f).flatMap(([k, v]) => ['--field', `${k}=${String(v)}`]),
          textFields: f.text !== undefined ? [f.text] : ['text', 'body', 'content'],
          runPackage: false,
          packageEstimate: null,
          settings,
          log,
        }),
      );
    }
  } finally {
    if (keepDir === undefined) rmSync(dir, { recursive: true, force: true });
  }
  console.log('## Synthetic news corpus with planted syndication\n');
  console.log(renderCorpusTable(rows).join('\n'));
  console.log('\n### Targets (issue 4)\n');
  console.log(renderTargets(rows).join('\n'));
  console.log('\n### Details\n');
  console.log(renderDetails(rows).join('\n'));
}

async function main(): Promise<void> {
  if (!flag('corpus-only')) {
    console.log('## MinHash engine vs the minhash package (same shingle sets, numPerm 128)\n');
    const m = await benchMinhashEngine({ docs: 400, wordsPerDoc: 500, numPerm: 128 });
    console.log('| engine | MB/s | mean abs. error vs exact Jaccard |');
    console.log('|---|---|---|');
    console.log(`| reprint | ${m.oursMBps.toFixed(1)} | ${m.oursMeanAbsError.toFixed(4)} |`);
    console.log(`| minhash package | ${m.packageMBps.toFixed(2)} | ${m.packageMeanAbsError.toFixed(4)} |`);
    console.log(`\nreprint is ${m.ratio.toFixed(1)}× faster on ${(m.bytes / 1e6).toFixed(2)} MB, ${m.shingles} shingles.\n`);
    console.log('## Whole scan (in process)\n');
    console.log('| input | docs | size | wall | rate | pairs | memory |');
    console.log('|---|---|---|---|---|---|---|');
    await timeScan('samples/', ['samples'], {});
    const corpus = arg('corpus');
    if (corpus !== undefined) await timeScan(corpus, [corpus], fields());
    console.log('');
  }
  await benchCorpora();
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
