/**
 * `main(argv, io)`: the whole CLI as a function that returns an exit code. It
 * never throws and never touches `process`; `bin.ts` does that.
 */
import { STDIN_ARG } from './stdin-arg';
import yargs from 'yargs';
import { describeFailure, EXIT, UsageError } from './exit-codes';
import type { Io } from './io';
import { runScan, scanBuilder, type ScanArgs } from './commands/scan';
import { alignBuilder, runAlign, type AlignArgs } from './commands/align';
import { evalPanBuilder, runEvalPan, type EvalPanArgs } from './commands/eval-pan';
import { checkBuilder, runCheck, type CheckArgs } from './commands/check';
import {
  indexAddBuilder,
  indexRemoveBuilder,
  indexStatsBuilder,
  indexVacuumBuilder,
  runIndexAdd,
  runIndexRemove,
  runIndexStats,
  runIndexVacuum,
  type IndexAddArgs,
  type IndexRemoveArgs,
  type IndexStatsArgs,
} from './commands/index-command';
import type { IndexFileArgs } from './commands/index-flags';
import { runServe, serveBuilder, type ServeArgs } from './commands/serve';

const EPILOGUE = 'Exit codes: 0 ok, 1 findings above --fail-above or --fail-above-total (check), 2 usage or input error, 3 internal error.';

/** Run the CLI with `argv` (without `node` and the script) and return the exit code. */
export async function main(rawArgv: readonly string[], io: Io): Promise<number> {
  const argv = rawArgv.map((a) => (a === '-' ? STDIN_ARG : a));
  let action: (() => Promise<number>) | undefined;
  const parser = yargs([...argv])
    .scriptName('reprint')
    .usage('$0 <command> [options]\n\nFind which outlet copied which passage from whom, with exact character spans.')
    .command(
      'scan <paths..>',
      'scan files, folders or dumps (JSONL, CSV, WARC) for reused passages',
      (y) => scanBuilder(y).epilogue(EPILOGUE).example('$0 scan samples', 'report who copied whom in the samples').example('$0 scan dump.jsonl --field text=body --format json --out report.json', 'scan a dump'),
      (args) => {
        action = () => runScan(args as unknown as ScanArgs, io);
      },
    )
    .command(
      'align',
      'align PAN-style document pairs and write PAN detection XML',
      (y) => alignBuilder(y).epilogue(EPILOGUE).example('$0 align --pairs pairs --src src --susp susp --out det', 'PAN calling convention'),
      (args) => {
        action = () => runAlign(args as unknown as AlignArgs, io);
      },
    )
    .command('eval', 'measure accuracy on an evaluation corpus', (y) =>
      y
        .command(
          'pan <corpus>',
          'PAN text-alignment measures (overall and per category) on a PAN corpus folder',
          (z) => evalPanBuilder(z).epilogue(EPILOGUE).example('$0 eval pan ../shared/eval/pan13-train', 'score the default settings'),
          (args) => {
            action = () => runEvalPan(args as unknown as EvalPanArgs, io);
          },
        )
        .demandCommand(1, 'give an evaluation, e.g. reprint eval pan CORPUS_DIR'),
    )
    .command('index', 'keep an archive of articles for check: add, stats, remove, vacuum', (y) =>
      y
        .command(
          'add <inputs..>',
          'add articles to the index (new ids added, changed content replaced, the same content left alone)',
          (z) => indexAddBuilder(z).epilogue(EPILOGUE).example('$0 index add dump.jsonl.gz --index archive.db', 'index a dump'),
          (args) => {
            action = () => runIndexAdd(args as unknown as IndexAddArgs, io);
          },
        )
        .command(
          'stats',
          'articles, windows, size on disk and parameters of an index',
          (z) => indexStatsBuilder(z).epilogue(EPILOGUE),
          (args) => {
            action = () => runIndexStats(args as unknown as IndexStatsArgs, io);
          },
        )
        .command(
          'remove <ids..>',
          'remove articles from the index by id',
          (z) => indexRemoveBuilder(z).epilogue(EPILOGUE),
          (args) => {
            action = () => runIndexRemove(args as unknown as IndexRemoveArgs, io);
          },
        )
        .command(
          'vacuum',
          'fold the write-ahead log into the index file and drop free pages',
          (z) => indexVacuumBuilder(z).epilogue(EPILOGUE),
          (args) => {
            action = () => runIndexVacuum(args as unknown as IndexFileArgs, io);
          },
        )
        .demandCommand(1, 'give an index command, e.g. reprint index add dump.jsonl --index archive.db'),
    )
    .command(
      'check <drafts..>',
      'check drafts against an index: which passages already appear in archived articles',
      (y) => checkBuilder(y).epilogue(EPILOGUE).example('$0 check draft.txt --index archive.db --fail-above 0.2', 'exit 1 if 20% of the draft comes from one archived article'),
      (args) => {
        action = () => runCheck(args as unknown as CheckArgs, io);
      },
    )
    .command(
      'serve',
      'HTTP JSON service for a CMS: POST /check, POST /articles, GET /health',
      (y) => serveBuilder(y).epilogue(EPILOGUE).example('$0 serve --index archive.db --port 8787', 'serve checks on loopback'),
      (args) => {
        action = () => runServe(args as unknown as ServeArgs, io);
      },
    )
    .demandCommand(1, 'give a command, e.g. reprint scan samples')
    .strict()
    .epilogue(EPILOGUE)
    .help()
    .alias('help', 'h')
    .version()
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message: string | undefined, error: Error | undefined) => {
      throw error ?? new UsageError(message ?? 'invalid usage');
    });
  try {
    let printed = '';
    await parser.parseAsync([...argv], {}, (_err: Error | undefined, _argv: unknown, output: string) => {
      printed = output;
    });
    if (printed !== '') {
      io.stdout(printed.endsWith('\n') ? printed : `${printed}\n`);
      return EXIT.ok;
    }
    if (action === undefined) return EXIT.ok;
    return await action();
  } catch (error: unknown) {
    const { code, message } = describeFailure(error);
    io.stderr(`reprint: ${message}\n`);
    if (code === EXIT.usage && error instanceof UsageError) io.stderr("reprint: see 'reprint --help'\n");
    return code;
  }
}
