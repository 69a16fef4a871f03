/**
 * Finding the input files behind the paths a user gave: files as named, folders walked.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, normalize, relative, sep } from 'node:path';
import { compareCodeUnits } from '../code-unit-order';
import { InputError } from '../errors';
import type { Warning } from '../model';
import { describeFsError } from './describe-fs-error';
import { detectInputKind, READ_EXTENSIONS, type InputCompression, type InputFormat } from './detect-format';
import { WarningCode } from './warning-codes';

/** Configuration file names recognised at the top of a scanned folder. */
export const OUTLETS_FILE_NAME = 'outlets.json';
export const MANIFEST_FILE_NAME = 'manifest.json';
/** The path that means standard input, read as JSON Lines. */
export const STDIN_PATH = '-';
/** How standard input is named in paths, ids and warnings. */
export const STDIN_DISPLAY = '<stdin>';

/** A file to read. */
export interface InputFile {
  /** Absolute, symlinks resolved: identifies the file. */
  readonly realPath: string;
  /** The path to show: the given path, or the given folder joined with the relative path; `/`-separated. */
  readonly display: string;
  /** Path relative to the scanned folder (`/`-separated); for a file named directly, its display path. */
  readonly relative: string;
  readonly format: InputFormat;
  /** `gzip` for `.jsonl.gz`, `.ndjson.gz`, `.warc.gz`. Standard input is sniffed for gzip instead. */
  readonly compression: InputCompression;
  /** `stdin` for the path `-` (then `realPath` is `-` and `display` is `<stdin>`). */
  readonly source: 'file' | 'stdin';
  /** Named directly by the user (a read failure is then an error, not a warning). */
  readonly explicit: boolean;
}

/** The files found, configuration files at scanned folders' tops, and warnings about skipped entries. */
export interface DiscoveredInputs {
  /** In a stable order: paths in the order given, folder entries sorted by name, each file once. */
  readonly files: readonly InputFile[];
  readonly outletsFiles: readonly string[];
  readonly manifestFiles: readonly string[];
  readonly warnings: readonly Warning[];
}

/**
 * Resolve the given paths to input files. A file named directly is read whatever its
 * extension (unknown ones as text), except one named `outlets.json` or `manifest.json`,
 * which is configuration wherever it is named (so `samples/*` reads like `samples`). A folder is walked recursively in name order,
 * skipping hidden entries (`.name`) and `node_modules`; its files of unknown type are
 * skipped with a `W_UNSUPPORTED_FILE` warning each, except `outlets.json` and
 * `manifest.json` at its top, which are returned as configuration. A file reached twice
 * (two paths, symlinks) is read once. The path `-` is standard input, read as
 * `stdinFormat` (JSON Lines unless told otherwise; gzip is recognised by its magic
 * bytes), shown as `<stdin>`.
 *
 * @throws InputError when a given path does not exist or cannot be read.
 */
export async function discoverInputs(paths: readonly string[], stdinFormat: InputFormat = 'jsonl'): Promise<DiscoveredInputs> {
  const files: InputFile[] = [];
  const outletsFiles: string[] = [];
  const manifestFiles: string[] = [];
  const warnings: Warning[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();

  const addFile = (realPath: string, display: string, rel: string, kind: { format: InputFormat; compression: InputCompression }, explicit: boolean): void => {
    if (seenFiles.has(realPath)) return;
    seenFiles.add(realPath);
    files.push({ realPath, display, relative: rel, format: kind.format, compression: kind.compression, source: 'file', explicit });
  };

  const walk = async (dir: string, root: string, displayRoot: string): Promise<void> => {
    const real = await realpath(dir);
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (dir === root) throw new InputError(displayRoot, describeFsError(error), { cause: error });
      warnings.push({ code: WarningCode.unreadable, where: toDisplay(dir, root, displayRoot), message: `folder ${describeFsError(error)}; skipped` });
      return;
    }
    entries.sort((a, b) => compareCodeUnits(a.name, b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      const display = toDisplay(full, root, displayRoot);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(full);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          warnings.push({ code: WarningCode.unreadable, where: display, message: `${describeFsError(error)} (broken link); skipped` });
          continue;
        }
      }
      if (isDir) {
        await walk(full, root, displayRoot);
        continue;
      }
      if (!isFile) {
        warnings.push({ code: WarningCode.unsupportedFile, where: display, message: 'not a regular file; skipped' });
        continue;
      }
      if (dir === root && entry.name === OUTLETS_FILE_NAME) {
        outletsFiles.push(full);
        continue;
      }
      if (dir === root && entry.name === MANIFEST_FILE_NAME) {
        manifestFiles.push(full);
        continue;
      }
      const kind = detectInputKind(entry.name);
      if (kind?.format === 'json') {
        // Beside pages, a .json file is most often their metadata, not more articles.
        warnings.push({ code: WarningCode.unsupportedFile, where: display, message: 'a .json file in a folder is not read as articles (often it is metadata beside a page); name it to read its array of articles; skipped' });
        continue;
      }
      if (kind === null) {
        const ext = extname(entry.name);
        warnings.push({
          code: WarningCode.unsupportedFile,
          where: display,
          message: `unsupported file type${ext === '' ? ' (no extension)' : ` (${ext})`}; skipped (reads ${READ_EXTENSIONS})`,
        });
        continue;
      }
      addFile(await realpath(full), display, toSlashes(relative(root, full)), kind, false);
    }
  };

  for (const given of paths) {
    if (given === STDIN_PATH) {
      if (!seenFiles.has(STDIN_PATH)) {
        seenFiles.add(STDIN_PATH);
        files.push({ realPath: STDIN_PATH, display: STDIN_DISPLAY, relative: STDIN_DISPLAY, format: stdinFormat, compression: 'none', source: 'stdin', explicit: true });
      }
      continue;
    }
    let info;
    try {
      info = await stat(given);
    } catch (error) {
      throw new InputError(given, describeFsError(error), { cause: error });
    }
    const display = toSlashes(normalize(given));
    const name = basename(given);
    if (info.isDirectory()) {
      await walk(given, given, display);
    } else if (name === OUTLETS_FILE_NAME) {
      outletsFiles.push(given); // e.g. from a shell glob `samples/*`: configuration, as in a folder
    } else if (name === MANIFEST_FILE_NAME) {
      manifestFiles.push(given);
    } else {
      addFile(await realpath(given), display, display, detectInputKind(given) ?? { format: 'text', compression: 'none' }, true);
    }
  }
  return { files, outletsFiles, manifestFiles, warnings };
}

function toDisplay(full: string, root: string, displayRoot: string): string {
  return toSlashes(join(displayRoot, relative(root, full)));
}

function toSlashes(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
