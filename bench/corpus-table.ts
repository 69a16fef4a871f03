/**
 * The corpus benchmark's printed figures: one markdown table of speed, memory
 * and planted-pair accuracy per input, the issue's targets marked met / NOT
 * met, and the details behind them.
 */
import type { CorpusRow, JobFigures } from './corpus-bench';

const MB = 1e6;

/** The main table, as markdown lines. */
export function renderCorpusTable(rows: readonly CorpusRow[]): string[] {
  const lines = [
    '| input | articles | MB | floor s | reprint s | reprint ÷ floor | minhash pkg s | pkg ÷ reprint | articles/s | MB/s | peak RSS MB | recall | precision |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const floor = secondsOf(r.floor);
    const reprint = secondsOf(r.reprint);
    const pkg = secondsOf(r.minhashPackage);
    const acc = r.planted?.syndicationOrPartial;
    lines.push(
      `| ${r.label} | ${r.articles.toLocaleString('en-US')} | ${(r.bytes / MB).toFixed(1)} | ${cell(r.floor)} | ${cell(r.reprint)} | ` +
        `${ratio(reprint, floor)} | ${cell(r.minhashPackage)} | ${ratio(pkg, reprint)} | ` +
        `${reprint === null ? '—' : Math.round(r.articles / reprint).toLocaleString('en-US')} | ` +
        `${reprint === null ? '—' : (r.bytes / MB / reprint).toFixed(2)} | ${rss(r.reprint)} | ` +
        `${acc === undefined ? '—' : acc.recall.toFixed(3)} | ${acc === undefined ? '—' : acc.precision.toFixed(3)} |`,
    );
  }
  lines.push(
    '',
    'floor: read + JSON.parse + lower-case + FNV-1a every word, nothing else. reprint: `scan FILE --format json --out … --quiet`',
    '(whole run of the compiled CLI, Node start-up included). minhash pkg: one MinHash per article (word 3-grams, 128',
    'permutations) + its LshIndex (32 bands × 4 rows), candidates only. Peak RSS is reprint\'s (MB = 10^6 bytes);',
    'recall / precision: planted pairs among reported `syndication` or `partial` pairs, either order.',
  );
  return lines;
}

/** The issue's targets, each met / NOT met / not measured. */
export function renderTargets(rows: readonly CorpusRow[]): string[] {
  const synthetic = rows.filter((r) => r.synthetic);
  const at = (n: number): CorpusRow | undefined => synthetic.find((r) => r.articles === n);
  const r10k = at(10_000);
  const r100k = at(100_000);
  const r1m = at(1_000_000);
  const lines = ['| target | measured | status |', '|---|---|---|'];
  const add = (target: string, measured: string, met: boolean | null): void => {
    lines.push(`| ${target} | ${measured} | ${met === null ? 'not measured' : met ? 'met' : '**NOT met**'} |`);
  };

  const floor10k = r10k === undefined ? null : secondsOf(r10k.floor);
  const reprint10k = r10k === undefined ? null : secondsOf(r10k.reprint);
  add(
    'whole scan of 10k (≈ 25 MB) ≤ 2.5 × floor',
    floor10k !== null && reprint10k !== null ? `${(reprint10k / floor10k).toFixed(1)} × (${reprint10k.toFixed(1)} s vs ${floor10k.toFixed(2)} s)` : describe(r10k?.reprint),
    floor10k !== null && reprint10k !== null ? reprint10k <= 2.5 * floor10k : null,
  );
  const rss10k = r10k?.reprint.kind === 'done' ? r10k.reprint.peakRssMB : null;
  add('peak RSS ≤ 400 MB at 10k', rss10k === null ? describe(r10k?.reprint) : `${rss10k.toFixed(0)} MB`, rss10k === null ? null : rss10k <= 400);
  const rss1m = r1m?.reprint.kind === 'done' ? r1m.reprint.peakRssMB : null;
  add('peak RSS ≤ 2 GB at 1M', rss1m === null ? describe(r1m?.reprint) : `${rss1m.toFixed(0)} MB`, rss1m === null ? null : rss1m <= 2000);
  const reprint100k = r100k === undefined ? null : secondsOf(r100k.reprint);
  if (reprint10k !== null && reprint100k !== null) {
    add('100k ≤ 11 × the time of 10k', `${(reprint100k / reprint10k).toFixed(1)} × (${reprint100k.toFixed(0)} s vs ${reprint10k.toFixed(1)} s)`, reprint100k <= 11 * reprint10k);
  } else {
    // Scaling seen between the measured sizes, for the record.
    const measured = synthetic.filter((r) => secondsOf(r.reprint) !== null).sort((a, b) => a.articles - b.articles);
    const first = measured[0];
    const last = measured[measured.length - 1];
    const note =
      first !== undefined && last !== undefined && last !== first
        ? `; ${last.articles / 1000}k took ${(secondsOf(last.reprint)! / secondsOf(first.reprint)!).toFixed(1)} × the time of ${first.articles / 1000}k (${(last.articles / first.articles).toFixed(0)} × the articles)`
        : '';
    add('100k ≤ 11 × the time of 10k', `100k: ${describe(r100k?.reprint)}${note}`, null);
  }
  for (const r of synthetic) {
    const a = r.planted?.syndicationOrPartial;
    add(
      `planted recall ≥ 0.98 at precision ≥ 0.95 (${r.label})`,
      a === undefined ? describe(r.reprint) : `recall ${a.recall.toFixed(3)}, precision ${a.precision.toFixed(3)}`,
      a === undefined ? null : a.recall >= 0.98 && a.precision >= 0.95,
    );
  }
  return lines;
}

/** Per-input details: accuracy by relation, direction, the other jobs' memory, generation time. */
export function renderDetails(rows: readonly CorpusRow[]): string[] {
  const lines: string[] = [];
  for (const r of rows) {
    lines.push(`- **${r.label}**: ${r.articles.toLocaleString('en-US')} articles, ${(r.bytes / MB).toFixed(1)} MB` +
      (r.generateSeconds === null ? '' : `, generated in ${r.generateSeconds.toFixed(1)} s`) +
      `; floor peak RSS ${rss(r.floor)} MB; reprint ${r.reprintPairs === null ? describe(r.reprint) : `reported ${r.reprintPairs} pairs`}.`);
    const p = r.planted;
    if (p !== null) {
      lines.push(`  - planted: ${p.planted} pairs (${p.whole} whole copies, ${p.embedded} embedded 3–6 paragraphs)`);
      for (const [name, a] of [
        ['syndication only', p.syndication],
        ['syndication or partial', p.syndicationOrPartial],
        ['any relation', p.anyRelation],
      ] as const) {
        lines.push(`  - ${name}: ${a.reported} reported, ${a.hits} planted found → recall ${a.recall.toFixed(3)}, precision ${a.precision.toFixed(3)}`);
      }
      lines.push(`  - direction: ${(p.directionCorrect * 100).toFixed(1)} % of the planted pairs found are directed from the planted source`);
    }
    if (r.minhashPackage.kind === 'skipped') {
      const est = r.minhashPackage.estimateSeconds;
      lines.push(`  - minhash package: skipped${est === null ? '' : ` (est. ${est.toFixed(0)} s from the 10k run, linear)`}; \`--with-package-at-100k\` runs it`);
    } else {
      lines.push(
        `  - minhash package: ${describe(r.minhashPackage)}, peak RSS ${rss(r.minhashPackage)} MB` +
          (r.packageCandidates === null ? '' : `, ${r.packageCandidates} candidate pairs`) +
          (r.packagePlantedRecall === null ? '' : `, planted pairs among them: ${r.packagePlantedRecall.toFixed(3)} (document level, before any verification)`),
      );
    }
    if (r.phases !== null) {
      const total = r.phases.phases.reduce((n, [, t]) => n + t, 0);
      lines.push(
        `  - reprint phases (second run, library with progress hooks, one thread, ${r.phases.seconds.toFixed(1)} s whole): ` +
          r.phases.phases.map(([k, t]) => `${k} ${t.toFixed(1)} s (${((100 * t) / total).toFixed(0)} %)`).join(', ') +
          `; ${r.phases.candidates.toLocaleString('en-US')} candidate pairs aligned`,
      );
    }
    const phases = parsePhaseTimings(r.reprintStderr);
    if (phases.length > 0) lines.push(`  - reprint phases (from its stderr): ${phases.map(([k, s]) => `${k} ${s.toFixed(2)} s`).join(', ')}`);
  }
  return lines;
}

/**
 * Per-phase timings, if the CLI prints lines like `ingest: 1.2 s` or
 * `align 340 ms` on stderr (it does not yet with --quiet); `[phase, seconds]`.
 */
export function parsePhaseTimings(stderr: string): [string, number][] {
  const out: [string, number][] = [];
  for (const line of stderr.split('\n')) {
    const m = /^\s*(?:reprint:\s*)?(?:phase\s+)?([a-z][\w-]*)\s*[:=]?\s+([\d.]+)\s*(ms|s)\s*$/i.exec(line);
    if (m !== null) out.push([m[1]!, Number(m[2]) / (m[3] === 'ms' ? 1000 : 1)]);
  }
  return out;
}

function secondsOf(job: JobFigures): number | null {
  return job.kind === 'done' ? job.seconds : null;
}

function cell(job: JobFigures): string {
  switch (job.kind) {
    case 'done':
      return job.seconds < 10 ? job.seconds.toFixed(2) : job.seconds.toFixed(1);
    case 'failed':
      return 'failed';
    case 'timed-out':
      return `> ${job.seconds.toFixed(0)} (stopped)`;
    case 'skipped':
      return job.estimateSeconds === null ? 'skipped' : `skipped (est. ${job.estimateSeconds.toFixed(0)})`;
  }
}

function describe(job: JobFigures | undefined): string {
  if (job === undefined) return 'not run';
  switch (job.kind) {
    case 'done':
      return `${job.seconds.toFixed(1)} s`;
    case 'failed':
      return `failed after ${job.seconds.toFixed(0)} s (${job.detail})`;
    case 'timed-out':
      return `stopped after ${job.seconds.toFixed(0)} s (time limit)`;
    case 'skipped':
      return 'skipped';
  }
}

function ratio(a: number | null, b: number | null): string {
  return a === null || b === null ? '—' : `${(a / b).toFixed(1)} ×`;
}

function rss(job: JobFigures): string {
  return job.kind === 'done' && job.peakRssMB !== null ? job.peakRssMB.toFixed(0) : '—';
}
