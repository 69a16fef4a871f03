/**
 * Reading the articles of a JSONL file, streamed line by line.
 */
import { open, stat } from 'node:fs/promises';
import { InputError } from '../errors';
import type { Warning } from '../model';
import { describeFsError } from './describe-fs-error';
import { detectBinary, SNIFF_BYTES } from './detect-binary';
import type { InputFile } from './discover-inputs';
import { readJsonlRecords, type JsonlReadOptions } from './read-jsonl-records';
import { readLines } from './read-lines';
import { NOTHING_STATED, type RawDocument } from './raw-document';
import { WarningCode } from './warning-codes';

/** The documents of a JSONL file and the warnings about it, in line order. */
export interface JsonlFileResult {
  readonly documents: readonly RawDocument[];
  readonly warnings: readonly Warning[];
}

/**
 * Read a JSONL file: empty and binary files are skipped with a warning; otherwise its
 * lines are streamed ({@link readLines}) into {@link readJsonlRecords}. A line that is not
 * valid UTF-8 is skipped with a `W_INVALID_UTF8` warning (`file:line`).
 *
 * @throws InputError when a file named directly cannot be read, or in `strict` mode on a
 *   malformed line.
 */
export async function readJsonlFile(file: InputFile, options: JsonlReadOptions): Promise<JsonlFileResult> {
  const skip = (code: Warning['code'], message: string): JsonlFileResult => ({ documents: [], warnings: [{ code, where: file.display, message }] });
  try {
    const { size } = await stat(file.realPath);
    if (size === 0) return skip(WarningCode.emptyFile, 'empty file (0 bytes); skipped');
    const binary = detectBinary(await readHead(file.realPath));
    if (binary !== null) return skip(WarningCode.binaryFile, `binary file (${binary}); skipped`);
  } catch (error) {
    if (file.explicit) throw new InputError(file.display, describeFsError(error), { cause: error });
    return skip(WarningCode.unreadable, `${describeFsError(error)}; skipped`);
  }

  const documents: RawDocument[] = [];
  const found: { line: number; warning: Warning }[] = [];
  const onInvalidLine = (line: number): void => {
    found.push({ line, warning: { code: WarningCode.invalidUtf8, where: `${file.display}:${line}`, message: 'invalid UTF-8; line skipped' } });
  };
  try {
    for await (const event of readJsonlRecords(readLines(file.realPath, onInvalidLine), file.display, options)) {
      if (event.kind === 'record') {
        const { record } = event;
        documents.push({ claim: record.claim, path: record.claim.where, text: record.text, fields: record.fields, embedded: NOTHING_STATED });
      } else {
        found.push({ line: lineOf(event.warning.where), warning: event.warning });
      }
    }
  } catch (error) {
    if (error instanceof InputError || file.explicit) {
      throw error instanceof InputError ? error : new InputError(file.display, describeFsError(error), { cause: error });
    }
    found.push({ line: Number.POSITIVE_INFINITY, warning: { code: WarningCode.unreadable, where: file.display, message: `${describeFsError(error)}; rest of file skipped` } });
  }
  // Invalid lines are reported while decoding, ahead of the records before them.
  found.sort((a, b) => a.line - b.line);
  return { documents, warnings: found.map((item) => item.warning) };
}

async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The line number at the end of a `file:line` location (Infinity for a whole-file warning). */
function lineOf(where: string): number {
  const match = /:(\d+)$/.exec(where);
  return match === null ? Number.POSITIVE_INFINITY : Number(match[1]);
}
