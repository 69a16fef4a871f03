/**
 * Where a scan's time goes, run as a child process by the corpus benchmark
 * (`--phases`): the library's `readInputs` then `scanArticles` with progress
 * hooks, timing each phase from the hooks' first and last calls — read,
 * prepare (normalise, segment, tokenise), collection boilerplate, sign, LSH
 * candidates and align as one (a pair is aligned as soon as a band finds
 * it, while the other bands are sorted), report (rank, clusters).
 * Prints `{ phases: [[name, seconds]], candidates, pairs }`.
 *
 * `node dist-bench/bench/phases-job.js FILE [NAME=FIELD ...]`
 */
import { readInputs, resolveOptions, scanArticles, type FieldMap } from '../src';

async function runPhases(file: string, fields: Partial<FieldMap>): Promise<void> {
  const now = (): number => Number(process.hrtime.bigint()) / 1e9;
  const t0 = now();
  const options = resolveOptions({ fields });
  const { articles, warnings } = await readInputs([file], { fields: options.fields, strict: options.strict });
  const marks: Record<string, number> = { read: now() };
  let candidates = 0;
  const report = await scanArticles(articles, options, warnings, {
    onProgress(phase, done, total) {
      if (phase === 'prepare' && done === total) marks.prepare ??= now();
      if (phase === 'sign') marks.boilerplate ??= now();
      if (phase === 'candidates') marks.sign ??= now();
      if (phase === 'align') {
        candidates = total;
        if (done === total) marks.align = now();
      }
    },
  });
  marks.report = now();
  const order = ['read', 'prepare', 'boilerplate', 'sign', 'align', 'report'];
  let last = t0;
  const phases: [string, number][] = [];
  for (const name of order) {
    const t = marks[name];
    if (t === undefined) continue;
    phases.push([name === 'align' ? 'LSH + align' : name, t - last]);
    last = t;
  }
  process.stdout.write(`${JSON.stringify({ phases, candidates, pairs: report.pairs.length })}\n`);
}

const [file, ...mappings] = process.argv.slice(2);
if (file === undefined) {
  process.stderr.write('usage: phases-job FILE [NAME=FIELD ...]\n');
  process.exitCode = 2;
} else {
  const fields: Record<string, string> = {};
  for (const m of mappings) {
    const [k, v] = m.split('=');
    if (k !== undefined && v !== undefined) fields[k] = v;
  }
  runPhases(file, fields as Partial<FieldMap>).catch((error: unknown) => {
    process.stderr.write(`phases-job: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
