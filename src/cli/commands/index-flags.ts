/**
 * Flags shared by the commands that work on an index (`index …`, `check`,
 * `serve`): `--index FILE`, and the input flags of `scan` turned into
 * library options the way `scan` turns them (`toScanOptions`).
 */
import type { Argv } from 'yargs';
import type { ScanOptions, StdinFormat } from '../../options';
import type { Io } from '../io';
import { declareTuningFlags, type TuningArgs } from './tuning-flags';
import { toScanOptions, type ScanArgs } from './scan';
import { fieldOption } from './field-flag';

/** Flags every index command has. */
export interface IndexFileArgs {
  readonly index: string;
}

/** Input and tuning flags of commands that read articles into an index. */
export interface IndexInputArgs extends IndexFileArgs, TuningArgs {
  readonly quiet: boolean;
  readonly field?: readonly string[];
  readonly manifest?: string;
  readonly outlets?: string;
  readonly strict: boolean;
  /** `check` and `index add` only (they read `-`). */
  readonly 'stdin-format'?: StdinFormat;
  readonly 'include-same-outlet'?: boolean;
}

/** Declare `--index FILE` (required). */
export function declareIndexFlag<T>(y: Argv<T>): Argv<T & IndexFileArgs> {
  return y.option('index', { type: 'string', demandOption: true, describe: 'the index file (one SQLite file)' }) as unknown as Argv<T & IndexFileArgs>;
}

/** Declare `--index`, `--quiet`, the input flags of `scan` and the tuning flags. */
export function declareIndexInputFlags<T>(y: Argv<T>): Argv<T & IndexInputArgs> {
  const withInput = declareIndexFlag(y)
    .option('quiet', { type: 'boolean', default: false, describe: 'print no progress, warnings or summary on stderr' })
    .option('field', fieldOption())
    .option('manifest', { type: 'string', describe: 'sidecar manifest (id → outlet, url, published, title)' })
    .option('outlets', { type: 'string', describe: 'outlets file (domain → name, time zone, group)' })
    .option('strict', { type: 'boolean', default: false, describe: 'stop at the first malformed JSONL line, CSV row or JSON element (exit 2)' });
  return declareTuningFlags(withInput) as unknown as Argv<T & IndexInputArgs>;
}

/** Library options of the input and tuning flags (only those given), with the process's stdin for `-`. */
export function toIndexInputOptions(args: IndexInputArgs, io: Io): ScanOptions {
  const asScan = { ...args, 'include-same-outlet': args['include-same-outlet'] ?? false } as unknown as ScanArgs;
  return { ...toScanOptions(asScan), ...(io.stdin !== undefined ? { stdin: io.stdin } : {}) };
}

/** The message a writer prints the first time it waits for another (their batches then take turns). */
export function waitNotice(io: Io, quiet: boolean): (file: string) => void {
  let told = false;
  return (file) => {
    if (!quiet && !told) io.stderr(`reprint: ${file} is being written by another process; waiting for its batches to commit (batches take turns)\n`);
    told = true;
  };
}
