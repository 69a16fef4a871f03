/**
 * Append-only byte logs: where a scan puts what it has read or computed and
 * will need again later (texts, sketches, k-grams, signatures), so that what
 * it holds in memory grows with the number of documents, not with their size.
 *
 * A log lives in memory (the library's `scanArticles`, whose texts are in
 * memory anyway) or in a file of a scan's own temporary folder (the CLI and
 * `scanWithTexts`): same interface, same bytes, so the report does not depend
 * on where the log was kept. A file log buffers appends and reads back with
 * positioned reads; the operating system's page cache, not the process,
 * holds what was written recently.
 *
 * Every record a {@link RecordLog} appends starts at a multiple of 8 bytes, so
 * typed-array views of what is read back need no copy.
 */
import { closeSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, InternalError } from '../errors';
import { errorCode } from '../ingest/describe-fs-error';

/** An append-only sequence of bytes. */
export interface ByteLog {
  /** Bytes appended so far. */
  readonly size: number;
  /** Append `bytes`; returns the position they start at. */
  append(bytes: Uint8Array): number;
  /**
   * `length` bytes from `position`: a fresh array or a view that stays valid
   * (appends never change bytes already written). Its `byteOffset` has the
   * alignment of `position` modulo 8.
   */
  read(position: number, length: number): Uint8Array;
  /** Copy `length` bytes from `position` into `target` at `offset`. */
  readInto(position: number, length: number, target: Uint8Array, offset: number): void;
}

/** A log in one growing array. */
export class MemoryLog implements ByteLog {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;

  get size(): number {
    return this.used;
  }

  append(bytes: Uint8Array): number {
    const at = this.used;
    if (at + bytes.length > this.bytes.length) {
      let capacity = this.bytes.length;
      while (capacity < at + bytes.length) capacity *= 2;
      const grown = new Uint8Array(capacity);
      grown.set(this.bytes.subarray(0, at));
      this.bytes = grown;
    }
    this.bytes.set(bytes, at);
    this.used = at + bytes.length;
    return at;
  }

  read(position: number, length: number): Uint8Array {
    checkRange(position, length, this.used);
    return this.bytes.subarray(position, position + length);
  }

  readInto(position: number, length: number, target: Uint8Array, offset: number): void {
    target.set(this.read(position, length), offset);
  }
}

/** Bytes a {@link FileLog} collects before writing them out. */
const WRITE_BUFFER = 1 << 20;
/** Bytes a {@link FileLog} reads at once when its records are read in order. */
const READ_AHEAD = 1 << 20;
/** A read starting at most this far past where the last one ended (records are padded to 8 bytes) continues it. */
const READ_GAP = 64;
/** Reads in a row that continue one another before the log reads ahead (a few adjacent records among scattered reads are not a pass over the file). */
const READ_STREAK = 8;

/**
 * A log in a file of its own, written through a buffer. Once
 * {@link READ_STREAK} reads in a row have followed one another (a phase
 * reading its records in order: texts, k-gram sets, sketches), reads are
 * served from a window of {@link READ_AHEAD} bytes read at once, not a
 * system call each; other reads go to the file. The file below `written`
 * never changes, so the window never goes stale.
 */
export class FileLog implements ByteLog {
  private readonly fd: number;
  private buffer = new Uint8Array(WRITE_BUFFER);
  private buffered = 0;
  /** Bytes already in the file. */
  private written = 0;
  /** The read-ahead window: `ahead[0, aheadLength)` holds the file's bytes from `aheadAt`. */
  private ahead: Uint8Array | null = null;
  private aheadAt = 0;
  private aheadLength = 0;
  /** Where the last read ended, and how many reads in a row have followed one another. */
  private lastEnd = -1;
  private streak = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w+');
  }

  get size(): number {
    return this.written + this.buffered;
  }

  append(bytes: Uint8Array): number {
    const at = this.size;
    if (this.buffered + bytes.length > this.buffer.length) this.flush();
    if (bytes.length > this.buffer.length) {
      this.writeOut(bytes);
    } else {
      this.buffer.set(bytes, this.buffered);
      this.buffered += bytes.length;
    }
    return at;
  }

  read(position: number, length: number): Uint8Array {
    const out = new Uint8Array(length);
    this.readInto(position, length, out, 0);
    return out;
  }

  readInto(position: number, length: number, target: Uint8Array, offset: number): void {
    checkRange(position, length, this.size);
    if (position + length > this.written) this.flush();
    this.streak = position >= this.lastEnd && position - this.lastEnd <= READ_GAP ? this.streak + 1 : 0;
    this.lastEnd = position + length;
    if (this.streak >= READ_STREAK && length <= READ_AHEAD / 4) {
      if (position < this.aheadAt || position + length > this.aheadAt + this.aheadLength) {
        this.ahead ??= new Uint8Array(READ_AHEAD);
        this.aheadAt = position;
        this.aheadLength = Math.min(READ_AHEAD, this.written - position);
        this.readFile(position, this.aheadLength, this.ahead, 0);
      }
      target.set(this.ahead!.subarray(position - this.aheadAt, position - this.aheadAt + length), offset);
      return;
    }
    this.readFile(position, length, target, offset);
  }

  private readFile(position: number, length: number, target: Uint8Array, offset: number): void {
    readFully(this.fd, this.path, position, length, target, offset);
  }

  /** Close the file (the folder it is in is removed by its {@link ScanSpace}). */
  close(): void {
    closeSync(this.fd);
  }

  /** Write out what the buffer holds, so that another thread reading {@link path} sees every byte appended so far. */
  flush(): void {
    if (this.buffered === 0) return;
    this.writeOut(this.buffer.subarray(0, this.buffered));
    this.buffered = 0;
  }

  private writeOut(bytes: Uint8Array): void {
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, this.written + done);
    } catch (error) {
      throw new InputError(this.path, `cannot write the scan's temporary file (${errorCode(error) ?? 'error'}); free space there or set TMPDIR to another folder`, { cause: error });
    }
    this.written += bytes.length;
  }
}

/**
 * Read `length` bytes of the open file `fd` (at `path`) from `position` into
 * `target` at `offset`, however many reads it takes; a file that ends first
 * is an internal error (a spool file is never cut short by anyone else).
 */
export function readFully(fd: number, path: string, position: number, length: number, target: Uint8Array, offset: number): void {
  for (let done = 0; done < length; ) {
    const n = readSync(fd, target, offset + done, length - done, position + done);
    if (n === 0) throw new InternalError(`${path} ends at ${position + done}, ${length - done} bytes short`);
    done += n;
  }
}

function checkRange(position: number, length: number, size: number): void {
  if (position < 0 || length < 0 || position + length > size) {
    throw new InternalError(`byte log: read of ${length} bytes at ${position} past its end (${size})`);
  }
}

const PADDING = new Uint8Array(8);

/**
 * Records of any length, appended to a {@link ByteLog} and read back by
 * number. Keeps 12 bytes a record (its start and length) in memory.
 */
export class RecordLog {
  private starts = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  private records = 0;

  constructor(private readonly log: ByteLog) {}

  /** Records appended so far. */
  get count(): number {
    return this.records;
  }

  /** Append a record; returns its number. */
  append(bytes: Uint8Array): number {
    const pad = (8 - (this.log.size % 8)) % 8;
    if (pad > 0) this.log.append(PADDING.subarray(0, pad));
    const at = this.log.append(bytes);
    if (this.records === this.starts.length) {
      const starts = new Float64Array(this.records * 2);
      starts.set(this.starts);
      this.starts = starts;
      const lengths = new Uint32Array(this.records * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    this.starts[this.records] = at;
    this.lengths[this.records] = bytes.length;
    return this.records++;
  }

  /** Record `index`'s bytes (8-byte aligned). */
  read(index: number): Uint8Array {
    this.check(index);
    return this.log.read(this.starts[index]!, this.lengths[index]!);
  }

  /** Record `index`'s length in bytes. */
  length(index: number): number {
    this.check(index);
    return this.lengths[index]!;
  }

  /** Where record `index`'s bytes are in the log. */
  where(index: number): { readonly position: number; readonly length: number } {
    this.check(index);
    return { position: this.starts[index]!, length: this.lengths[index]! };
  }

  /** Copy record `index` into `target` from its start (which must have room). */
  readInto(index: number, target: Uint8Array): void {
    this.check(index);
    this.log.readInto(this.starts[index]!, this.lengths[index]!, target, 0);
  }

  private check(index: number): void {
    if (!(index >= 0 && index < this.records)) throw new InternalError(`RecordLog: no record ${index} of ${this.records}`);
  }
}

/**
 * Where one scan keeps its logs: in memory, or in files of a temporary
 * folder that {@link ScanSpace.close} removes (also when the process exits
 * early, short of being killed).
 */
export class ScanSpace {
  private readonly files: FileLog[] = [];
  private readonly removeOnExit: (() => void) | null;
  private closed = false;

  private constructor(readonly folder: string | null) {
    this.removeOnExit = folder === null ? null : () => rmSync(folder, { recursive: true, force: true });
    if (this.removeOnExit !== null) process.once('exit', this.removeOnExit);
  }

  /** A space whose logs are in memory. */
  static inMemory(): ScanSpace {
    return new ScanSpace(null);
  }

  /**
   * A space whose logs are files in a new folder under `parent` (default: the
   * system's temporary folder, `TMPDIR`), named after this process. Folders
   * left there by scans whose process is gone (killed with SIGKILL, or by
   * the system) are removed first.
   *
   * @throws InputError when the folder cannot be made.
   */
  static onDisk(parent: string = tmpdir()): ScanSpace {
    removeOrphans(parent);
    try {
      return new ScanSpace(mkdtempSync(join(parent, `${FOLDER_PREFIX}${process.pid}-`)));
    } catch (error) {
      throw new InputError(parent, `cannot make a temporary folder for spool files (${errorCode(error) ?? 'error'}); set TMPDIR to a writable folder`, { cause: error });
    }
  }

  /** A new log named `name` (unique within the space). */
  log(name: string): ByteLog {
    if (this.closed) throw new InternalError(`ScanSpace: log ${name} asked for after close`);
    if (this.folder === null) return new MemoryLog();
    const file = new FileLog(join(this.folder, name));
    this.files.push(file);
    return file;
  }

  /** Close every file and remove the folder. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const file of this.files) file.close();
    if (this.removeOnExit !== null) {
      this.removeOnExit();
      process.removeListener('exit', this.removeOnExit);
    }
  }
}

/** Folders of on-disk spaces are named `reprint-scan-<pid>-<random>`. */
const FOLDER_PREFIX = 'reprint-scan-';
const FOLDER_NAME = /^reprint-scan-(\d+)-/;

/** Remove the space folders in `parent` whose process no longer exists. Best effort: what cannot be read or removed stays. */
function removeOrphans(parent: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = FOLDER_NAME.exec(name)?.[1];
    if (pid === undefined || isAlive(Number(pid))) continue;
    try {
      rmSync(join(parent, name), { recursive: true, force: true });
    } catch {
      // Another user's folder, or one being removed: not ours to insist on.
    }
  }
}

/** Does process `pid` exist (as far as this process can tell)? */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return errorCode(error) === 'EPERM';
  }
}

/** `bytes` as 32-bit words (a view when aligned, else a copy). */
export function asUint32(bytes: Uint8Array): Uint32Array {
  if (bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2);
  return new Uint32Array(bytes.slice().buffer, 0, bytes.length >>> 2);
}

/** The bytes of a typed array (a view). */
export function bytesOf(array: ArrayBufferView): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}
