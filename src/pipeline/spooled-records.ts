/**
 * What a scan puts aside between its phases, each as records of a
 * {@link RecordLog}: texts (read again to align), sketch batches (signed
 * once the collection's boilerplate is known; `index add`'s with the texts
 * it writes, {@link SpooledSketchBatches}) and k-gram sets (counted twice
 * for boilerplate). Encoding and
 * decoding are exact: what is read back equals what was written, so spooling
 * changes no result.
 */
import { closeSync, openSync } from 'node:fs';
import { InternalError } from '../errors';
import type { TextStore, StoredText } from '../ingest';
import { asUint32, bytesOf, FileLog, readFully, RecordLog, type ByteLog } from './byte-log';
import type { PackedArrays } from './packed-arrays';
import type { SketchBatch } from './scan-tasks';

/** Tag byte of a text stored as UTF-8 (well-formed texts) or UTF-16 (texts with lone surrogates, kept exactly). */
const UTF8 = 1;
const UTF16 = 2;

/**
 * Where some texts of a {@link SpooledTexts} are in its file, for a thread
 * to read them itself ({@link readSpooledTexts}) rather than be sent them.
 */
export interface SpooledTextRefs {
  readonly file: string;
  /** Each text's record: where it starts in the file, and its length in bytes. */
  readonly positions: Float64Array;
  readonly lengths: Uint32Array;
}

/**
 * A batch's texts as a task carries them: the texts, or where they are in the
 * text spool of a scan or `index add`, for the thread to read them itself.
 * Sending the texts made the main thread read and decode every one, on top
 * of counting each batch's k-grams, and the threads waited for it.
 */
export type TaskTexts = readonly string[] | SpooledTextRefs;

/** Texts in a log: the ingest's {@link TextStore} for a dump too large to hold. */
export class SpooledTexts implements TextStore {
  private readonly records: RecordLog;

  constructor(private readonly log: ByteLog) {
    this.records = new RecordLog(log);
  }

  put(text: string): StoredText {
    const wellFormed = (text as { isWellFormed?: () => boolean }).isWellFormed?.() ?? !/[\ud800-\udfff]/.test(text);
    const body = wellFormed ? Buffer.from(text, 'utf8') : Buffer.from(text, 'utf16le');
    const bytes = new Uint8Array(body.length + 1);
    bytes[0] = wellFormed ? UTF8 : UTF16;
    bytes.set(body, 1);
    return { handle: this.records.append(bytes), length: text.length };
  }

  get(handle: number): string {
    return decodeText(this.records.read(handle)) ?? badRecord(`record ${handle}`);
  }

  /**
   * Where the texts `handles` are, when the log is a file (written out first,
   * so another thread reads every one of them); `null` when it is in memory.
   */
  refs(handles: readonly number[]): SpooledTextRefs | null {
    if (!(this.log instanceof FileLog)) return null;
    this.log.flush();
    const positions = new Float64Array(handles.length);
    const lengths = new Uint32Array(handles.length);
    handles.forEach((handle, i) => {
      const { position, length } = this.records.where(handle);
      positions[i] = position;
      lengths[i] = length;
    });
    return { file: this.log.path, positions, lengths };
  }
}

/**
 * The texts `refs` points to, read with positioned reads of its file: the
 * same strings {@link SpooledTexts.get} gives. Any thread may call it; the
 * file is open only during the call.
 */
export function readSpooledTexts(refs: SpooledTextRefs): string[] {
  const fd = openSync(refs.file, 'r');
  try {
    const buffer = new Uint8Array(refs.lengths.reduce((most, length) => Math.max(most, length), 0));
    return Array.from(refs.positions, (position, i) => {
      const length = refs.lengths[i]!;
      readFully(fd, refs.file, position, length, buffer, 0);
      return decodeText(buffer.subarray(0, length)) ?? badRecord(`the record at byte ${position} of ${refs.file}`);
    });
  } finally {
    closeSync(fd);
  }
}

/** A text record's string; `null` when its tag is neither encoding's. */
function decodeText(bytes: Uint8Array): string | null {
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + 1, bytes.length - 1);
  if (bytes[0] === UTF8) return body.toString('utf8');
  if (bytes[0] === UTF16) return body.toString('utf16le');
  return null;
}

/** A text record that is not one (`record`: which, its handle or where it is in the file). */
function badRecord(record: string): never {
  throw new InternalError(`SpooledTexts: ${record} is not a text record`);
}

/**
 * Sets of 32-bit values (a document's distinct k-grams) in a log, by number.
 * A set read back lives in one reused buffer: the boilerplate count reads a
 * million of them several times over, and fresh arrays for each were
 * gigabytes of garbage.
 */
export class SpooledWords {
  private readonly records: RecordLog;
  private scratch = new Uint32Array(1024);

  constructor(log: ByteLog) {
    this.records = new RecordLog(log);
  }

  get count(): number {
    return this.records.count;
  }

  add(words: Uint32Array): number {
    return this.records.append(bytesOf(words));
  }

  /** Set `index`, valid until the next `get` (read it, do not keep or write it). */
  get(index: number): Uint32Array {
    const bytes = this.records.length(index);
    if (bytes > this.scratch.byteLength) this.scratch = new Uint32Array(Math.max(bytes >>> 2, 2 * this.scratch.length));
    this.records.readInto(index, bytesOf(this.scratch));
    return this.scratch.subarray(0, bytes >>> 2);
  }
}

/**
 * A sketch batch as {@link SpooledSketchBatches} keeps it: the sketches, and
 * what `index add` keeps with them, the k-gram sets and the texts it stores
 * (a scan counts the k-gram sets as they come and keeps neither: empty
 * packings when not added).
 */
export interface SpooledSketchBatch extends SketchBatch {
  readonly storedTexts: PackedArrays<Uint8Array>;
}

/** The arrays of a sketch batch, in the order a record holds them. */
type BatchArrays = [Uint32Array, Uint32Array, Uint8Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint8Array, Uint32Array];
/** Bytes of a batch record's header: the byte length of each of its nine arrays. */
const BATCH_HEADER = 4 * 9;

/**
 * Sketch batches (a scan's 'sketch' results, or `index add`'s
 * 'index-sketch' ones with their stored texts: 128 articles' packed
 * sketches, k-gram sets and texts) in a log, by number in the order added:
 * they wait there, not in memory, until the collection's boilerplate is
 * known and they are signed (and, for the index, written).
 */
export class SpooledSketchBatches {
  private readonly records: RecordLog;

  constructor(log: ByteLog) {
    this.records = new RecordLog(log);
  }

  /** Batches added so far. */
  get count(): number {
    return this.records.count;
  }

  /** Layout: the nine arrays' byte lengths (uint32 each), then the arrays, each from a multiple of 4 bytes. */
  add(batch: Pick<SketchBatch, 'sketches'> & Partial<SpooledSketchBatch>): number {
    const { sketches, grams = NOTHING, storedTexts = NOTHING_STORED } = batch;
    const arrays: BatchArrays = [
      sketches.hashes.values,
      sketches.hashes.ends,
      sketches.mask,
      sketches.windows.values,
      sketches.windows.ends,
      grams.values,
      grams.ends,
      storedTexts.values,
      storedTexts.ends,
    ];
    const lengths = arrays.map((a) => a.byteLength);
    const bytes = new Uint8Array(BATCH_HEADER + lengths.reduce((n, l) => n + padded(l), 0));
    new Uint32Array(bytes.buffer, 0, arrays.length).set(lengths);
    let at = BATCH_HEADER;
    arrays.forEach((a) => {
      bytes.set(bytesOf(a), at);
      at += padded(a.byteLength);
    });
    return this.records.append(bytes);
  }

  /** Batch `index`, every array in a buffer of its own (safe to move to a worker). */
  get(index: number): SpooledSketchBatch {
    const bytes = this.records.read(index);
    const lengths = asUint32(bytes.subarray(0, BATCH_HEADER));
    let at = BATCH_HEADER;
    let taken = 0;
    const next = (): Uint8Array => {
      const length = lengths[taken++]!;
      const part = bytes.slice(at, at + length);
      at += padded(length);
      return part;
    };
    const words = (): Uint32Array => {
      const part = next();
      return new Uint32Array(part.buffer, 0, part.byteLength >>> 2);
    };
    const packed = <A extends Uint8Array | Uint32Array>(values: A): PackedArrays<A> => ({ values, ends: words() });
    const hashes = packed(words());
    const mask = next();
    const windows = packed(words());
    const grams = packed(words());
    const storedTexts = packed(next());
    return { sketches: { hashes, mask, windows }, grams, storedTexts };
  }
}

const NOTHING: PackedArrays<Uint32Array> = { values: new Uint32Array(0), ends: new Uint32Array(0) };
const NOTHING_STORED: PackedArrays<Uint8Array> = { values: new Uint8Array(0), ends: new Uint32Array(0) };

/** `n` rounded up to a multiple of 4. */
function padded(n: number): number {
  return (n + 3) & ~3;
}
