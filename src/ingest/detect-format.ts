/**
 * Which reader a file needs, by its extension.
 */
import { extname } from 'node:path';

/** How a file is read: as one article of plain text, one HTML page, or JSON Lines. */
export type InputFormat = 'text' | 'html' | 'jsonl';

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
};

/**
 * The format of a file from its extension (case-insensitive): `.txt`, `.md` → text
 * (Markdown is kept as written, so offsets stay valid); `.html`, `.htm` → html;
 * `.jsonl`, `.ndjson` → jsonl.
 *
 * @returns `null` for any other extension (in a folder such files are skipped with a warning).
 */
export function detectFormat(fileName: string): InputFormat | null {
  return FORMATS[extname(fileName).toLowerCase()] ?? null;
}
