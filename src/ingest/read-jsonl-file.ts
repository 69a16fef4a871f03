/**
 * Reading the articles of a JSONL file (plain, gzipped, zstd-compressed, or standard input), streamed
 * line by line.
 */
import { open } from 'node:fs/promises';
import { InputError } from '../errors';
import type { Warning } from '../model';
import { describeFsError } from './describe-fs-error';
import { detectBinary, SNIFF_BYTES } from './detect-binary';
import type { InputFile } from './discover-inputs';
import type { ResolvedIngestOptions } from './ingest-options';
import { readJsonlRecords, type JsonlEvent, type JsonlReadOptions } from './read-jsonl-records';
import { readStreamLines } from './read-lines';
import { describeStreamError, isTruncatedStream, openInputBytes } from './open-input-bytes';
import { preflightInput } from './preflight-input';
import { NOTHING_STATED, rawDocument, type RawDocument, type TextStore } from './raw-document';
import { WarningCode } from './warning-codes';

/** The documents of a JSONL file and the warnings about it, in line order. */
export interface JsonlFileResult {
  readonly documents: readonly RawDocument[];
  readonly warnings: readonly Warning[];
}

/**
 * How the lines of a record file become records: JSON Lines by default; a
 * CSV/TSV table or a JSON array read the same way (`read-table-records.ts`,
 * `read-json-array-records.ts`), with the same decoding, decompression,
 * truncation and invalid-line handling.
 */
export interface RecordParser {
  readonly parse: (lines: AsyncIterable<string>, name: string, options: JsonlReadOptions) => AsyncIterable<JsonlEvent>;
  /** The longest line read, when it is not `maxFileBytes` (a record of JSONL is a line, one article at most). */
  readonly maxLineBytes?: number;
}

/** JSON Lines: a record a line. */
export const JSONL_RECORDS: RecordParser = { parse: readJsonlRecords };

/** What {@link readJsonlFile} needs: the record options, and the stream `-` reads. */
export type JsonlFileOptions = JsonlReadOptions & Pick<ResolvedIngestOptions, 'maxFileBytes'> & {
  readonly stdin: NodeJS.ReadableStream | null;
  /** Told the size of every chunk of the file read (progress). */
  readonly onBytes?: ((bytes: number) => void) | null;
};

/**
 * Read a JSONL file (also gzipped or zstd-compressed, or standard input): empty and binary files are skipped
 * with a warning; otherwise its lines are streamed ({@link openInputBytes},
 * {@link readStreamLines}) into {@link readJsonlRecords}. A line that is not valid UTF-8
 * is skipped with a `W_INVALID_UTF8` warning (`file:line`), one over `maxFileBytes` (the
 * limit for one article) with `W_FILE_TOO_LARGE`, unparsed. Gzip or zstd data that ends
 * early keeps every complete line before the cut and gives one `W_TRUNCATED` warning
 * naming the first line lost; data that is not gzip (or zstd) gives `W_CORRUPT_INPUT`.
 * Records without an id, or with the same field unusable, give one warning for the file ({@link FoldedWarnings}).
 *
 * Texts go to `store` as they are read, when one is given.
 *
 * @throws InputError when a file named directly cannot be read, or in `strict` mode on a
 *   malformed line.
 */
export async function readJsonlFile(file: InputFile, options: JsonlFileOptions, store: TextStore | null = null, parser: RecordParser = JSONL_RECORDS): Promise<JsonlFileResult> {
  const unreadable = await preflightInput(file, async () => {
    const binary = file.compression === 'none' ? detectBinary(await readHead(file.realPath)) : null;
    return binary === null ? null : `binary file (${binary})`;
  });
  if (unreadable !== null) return { documents: [], warnings: [unreadable] };

  const documents: RawDocument[] = [];
  const found: { line: number; warning: Warning }[] = [];
  const onInvalidLine = (line: number): void => {
    found.push({ line, warning: { code: WarningCode.invalidUtf8, where: `${file.display}:${line}`, message: 'invalid UTF-8; line skipped' } });
  };
  const folded = new FoldedWarnings();
  let linesRead = 0;
  async function* counted(lines: AsyncIterable<string>): AsyncGenerator<string> {
    for await (const line of lines) {
      linesRead += 1;
      yield line;
    }
  }
  try {
    // A line past the limit for one article is skipped unparsed, dropped as it is read when it spans chunks (a 560 MB one-line file took 1.2 GB and was then called invalid UTF-8).
    const maxBytes = parser.maxLineBytes ?? options.maxFileBytes;
    const onLongLine = (line: number, bytes: number): void => {
      const message =
        parser.maxLineBytes === undefined
          ? `record of ${bytes} bytes is over the ${maxBytes}-byte limit for one article; skipped`
          : `line of ${bytes} bytes is over the ${maxBytes}-byte limit for one line of this file; skipped`;
      found.push({ line, warning: { code: WarningCode.fileTooLarge, where: `${file.display}:${line}`, message } });
    };
    const lines = counted(readStreamLines(openInputBytes(file, options.stdin, options.onBytes ?? null), onInvalidLine, { maxBytes, onLongLine }));
    for await (const event of parser.parse(lines, file.display, options)) {
      if (event.kind === 'record') {
        const { record } = event;
        documents.push(rawDocument(record.claim, { path: record.claim.where, fields: record.fields, embedded: NOTHING_STATED }, record.text, store));
      } else if (folded.takes(event.warning)) {
        folded.add(lineOf(event.warning.where), event.warning);
      } else if (event.warning.code !== WarningCode.emptyFile || found.length === 0) {
        // A file whose every line was skipped as it was read (not UTF-8, too long) is not empty: those warnings say what it held.
        found.push({ line: lineOf(event.warning.where), warning: event.warning });
      }
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const streamProblem = describeStreamError(error);
    if (streamProblem !== null) {
      // Every complete line before the cut was read; the one in progress is lost.
      const line = linesRead + 1;
      const truncated = isTruncatedStream(error);
      found.push({
        line: Number.POSITIVE_INFINITY,
        warning: truncated
          ? { code: WarningCode.truncated, where: `${file.display}:${line}`, message: `${streamProblem}; line ${line} and anything after it lost${linesRead === 0 ? '' : linesRead === 1 ? ', the line before it read' : `, the ${linesRead} lines before it read`}` }
          : { code: WarningCode.corruptInput, where: linesRead === 0 ? file.display : `${file.display}:${line}`, message: `${streamProblem}; ${linesRead === 0 ? 'file' : 'rest of file'} skipped` },
      });
    } else if (file.explicit) {
      throw new InputError(file.display, describeFsError(error), { cause: error });
    } else {
      found.push({ line: Number.POSITIVE_INFINITY, warning: { code: WarningCode.unreadable, where: file.display, message: `${describeFsError(error)}; rest of file skipped` } });
    }
  }
  found.push(...folded.warnings());
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

/**
 * The warnings of one file about records that are kept, degraded the same
 * way (no id: named by position; a field of the wrong type: ignored),
 * folded into one each: the first, and how many more. A warning per record
 * says nothing the first does not, and a dump whose every record lacks an
 * id (news-please's and Common Crawl News exports have none) or carries a
 * field of another type (a MongoDB export's `{"$date": …}`) gave a million warnings
 * at 1M articles, held until the report (200,000 records without ids: 47 MB
 * of peak RSS and 33 MB of report). Warnings about records skipped are not
 * folded: each names a line whose data is not in the scan.
 */
class FoldedWarnings {
  private readonly kinds = new Map<string, { readonly line: number; readonly warning: Warning; count: number }>();

  /** Whether `warning` is of a kind folded. */
  takes(warning: Warning): boolean {
    return warning.code === WarningCode.noId || warning.code === WarningCode.badField;
  }

  add(line: number, warning: Warning): void {
    // Ids differ in every W_NO_ID message; a W_BAD_FIELD message names the field.
    const key = warning.code === WarningCode.noId ? warning.code : `${warning.code}\u0000${warning.message}`;
    const kind = this.kinds.get(key);
    if (kind === undefined) this.kinds.set(key, { line, warning, count: 1 });
    else kind.count += 1;
  }

  /** One warning of each kind, at its first record, counting the rest. */
  warnings(): { readonly line: number; readonly warning: Warning }[] {
    return [...this.kinds.values()].map(({ line, warning, count }) => {
      if (count === 1) return { line, warning };
      const more = count - 1;
      return { line, warning: { ...warning, message: `${warning.message}, and likewise for ${more.toLocaleString('en-US')} more ${more === 1 ? 'record' : 'records'} of this file` } };
    });
  }
}
