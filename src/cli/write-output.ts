/**
 * Writing an output file so that a killed run never leaves a file that looks
 * finished: write to a temporary file beside it, then rename over the target.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors';

/** Write `content` to `file` atomically (temp file + rename). */
export function writeOutputFile(file: string, content: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (error: unknown) {
    rmSync(tmp, { force: true });
    const reason = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : 'write failed';
    throw new InputError(file, `cannot write output (${reason})`, { code: 'E_OUTPUT' });
  }
}

/** Create an output folder (and its parents); a failure is an input error naming it. */
export function ensureOutputFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error: unknown) {
    const reason = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : 'failed';
    throw new InputError(dir, `cannot create output folder (${reason})`, { code: 'E_OUTPUT' });
  }
}
