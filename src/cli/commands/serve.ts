/**
 * `reprint serve --index FILE [--port N] [--host H]`: the check service
 * (`serve/check-service.ts`) until SIGINT or SIGTERM.
 */
import type { Argv } from 'yargs';
import type { AddressInfo } from 'node:net';
import { OptionsError } from '../../errors';
import { loadOutlets } from '../../ingest';
import { openIndex } from '../../pipeline/open-index';
import type { Io } from '../io';
import { createCheckServer } from '../serve/check-service';
import { declareIndexInputFlags, toIndexInputOptions, waitNotice, type IndexInputArgs } from './index-flags';

/** Parsed flags of `serve`. */
export interface ServeArgs extends IndexInputArgs {
  readonly port: number;
  readonly host: string;
  readonly 'max-body-mb': number;
  readonly 'request-timeout': number;
}

/** Declare the flags of `serve`. */
export function serveBuilder(y: Argv): Argv<ServeArgs> {
  const withServe = y
    .option('port', { type: 'number', default: 8787, describe: 'TCP port (0: any free port)' })
    .option('host', { type: 'string', default: '127.0.0.1', describe: 'address to listen on (0.0.0.0: every interface; the service has no authentication)' })
    .option('max-body-mb', { type: 'number', default: 5, describe: 'largest request body in MB (413 past it)' })
    .option('request-timeout', { type: 'number', default: 30, describe: 'seconds a request may take to arrive (408 past it)' })
    .option('include-same-outlet', { type: 'boolean', default: false, describe: 'also compare drafts with archived articles of their own outlet' });
  return declareIndexInputFlags(withServe) as unknown as Argv<ServeArgs>;
}

function positive(name: string, value: number, max: number): number {
  if (!Number.isFinite(value) || value <= 0 || value > max) throw new OptionsError(name, `must be a number above 0 and at most ${max} (got ${String(value)})`);
  return value;
}

/** Run the service until a signal; returns the exit code. */
export async function runServe(args: ServeArgs, io: Io): Promise<number> {
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new OptionsError('port', `must be a whole number from 0 to 65535 (got ${String(args.port)})`);
  const maxBodyBytes = Math.round(positive('max-body-mb', args['max-body-mb'], 1024) * 1024 * 1024);
  const requestTimeoutMs = Math.round(positive('request-timeout', args['request-timeout'], 3600) * 1000);
  const scanOptions = toIndexInputOptions(args, io);
  const registry = args.outlets !== undefined ? await loadOutlets(args.outlets) : new Map();
  // The writer never blocks the thread waiting for another process's lock: the service retries (see check-service.ts).
  const writer = openIndex(args.index, scanOptions, { create: true, onWait: waitNotice(io, args.quiet), writeWaitMs: 0 });
  const reader = openIndex(args.index, scanOptions);
  const server = createCheckServer(reader, writer, { maxBodyBytes, requestTimeoutMs, registry });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(args.port, args.host, () => resolve());
    });
  } catch (error: unknown) {
    reader.store.close();
    writer.store.close();
    const code = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : 'error';
    throw new OptionsError('port', `cannot listen on ${args.host}:${args.port} (${code})`);
  }
  const address = server.address() as AddressInfo;
  io.stderr(`reprint: serving ${args.index} (${reader.store.countDocuments()} articles) on http://${args.host}:${address.port}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  reader.store.close();
  writer.store.close();
  io.stderr('reprint: stopped\n');
  return 0;
}
