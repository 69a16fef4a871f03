/**
 * Which reader a file needs, by its extension.
 */
import { extname } from 'node:path';

/**
 * How a file is read: as one article of plain text, one HTML page, JSON Lines, a
 * WARC archive, a CSV or TSV table of articles, or a JSON array of articles.
 */
export type InputFormat = 'text' | 'html' | 'jsonl' | 'warc' | 'csv' | 'tsv' | 'json';

/**
 * How a file's bytes are packed: as they are, gzip (`.gz`; one stream or several members),
 * or Zstandard (`.zst`; one frame or several).
 */
export type InputCompression = 'none' | 'gzip' | 'zstd';

/** The reader a file needs and how to unpack its bytes first. */
export interface InputKind {
  readonly format: InputFormat;
  readonly compression: InputCompression;
}

const FORMATS: Readonly<Record<string, InputFormat>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.markdown': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.warc': 'warc',
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.json': 'json',
};

/** Formats that are also read compressed (`name.jsonl.gz`, `name.warc.zst`). */
const COMPRESSIBLE: ReadonlySet<InputFormat> = new Set<InputFormat>(['jsonl', 'warc', 'csv', 'tsv', 'json']);

/** The extensions of compressed files and what they are packed with. */
const COMPRESSIONS: Readonly<Record<string, Exclude<InputCompression, 'none'>>> = {
  '.gz': 'gzip',
  '.zst': 'zstd',
};

/**
 * The format of a file from its extension (case-insensitive): `.txt`, `.md` → text
 * (Markdown is kept as written, so offsets stay valid); `.html`, `.htm` → html;
 * `.jsonl`, `.ndjson` → jsonl; `.warc` → warc; `.csv`, `.tsv` → tables; `.json` → a JSON
 * array of articles; each of the last five also with `.gz` or `.zst` after it (see
 * {@link detectInputKind} for the compression).
 *
 * @returns `null` for any other extension (in a folder such files are skipped with a warning).
 */
export function detectFormat(fileName: string): InputFormat | null {
  return detectInputKind(fileName)?.format ?? null;
}

/**
 * The format and compression of a file from its extension (case-insensitive):
 * `dump.jsonl.gz` → jsonl, gzip; `crawl.warc.zst` → warc, zstd; `page.html` → html, none.
 * A `.gz` or `.zst` of any other format (`page.html.gz`) is not read.
 *
 * @returns `null` for an extension reprint does not read.
 */
export function detectInputKind(fileName: string): InputKind | null {
  const ext = extname(fileName).toLowerCase();
  const compression = COMPRESSIONS[ext];
  if (compression !== undefined) {
    const inner = FORMATS[extname(fileName.slice(0, -ext.length)).toLowerCase()];
    return inner !== undefined && COMPRESSIBLE.has(inner) ? { format: inner, compression } : null;
  }
  const format = FORMATS[ext];
  return format === undefined ? null : { format, compression: 'none' };
}

/** The extension a file of this kind is named with, as a user would write it (`.jsonl.gz`). */
export const READ_EXTENSIONS = '.txt .md .html .htm; .jsonl .ndjson .warc .csv .tsv, also .gz or .zst; .json named directly';
