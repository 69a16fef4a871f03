/**
 * Reading articles from a CSV or TSV table (a CMS or spreadsheet export): a
 * header row names the columns, each further row is a record whose fields
 * are its cells, mapped as a JSONL record's are (`--field text=body`).
 *
 * Cells follow RFC 4180: a cell in double quotes may hold the delimiter, line
 * breaks and doubled quotes (`""`); a quote inside an unquoted cell is kept
 * as it is, and so are the quotes of a cell whose closing quote does not end
 * it (a TSV cell `"We go," he said.` is that text, quotes and all). Works on lines (`readStreamLines`), so a line break inside a
 * quoted cell is read as `\n` whatever the file used.
 */
import { malformedEvent, recordEvents, sourceBaseName, warningEvent, type JsonlEvent, type JsonlReadOptions } from './read-jsonl-records';
import { WarningCode } from './warning-codes';

/** One row: its cells and the line it starts on; or why it could not be read. */
type Row = { readonly line: number; readonly cells: readonly string[] } | { readonly line: number; readonly problem: string };

/** The most characters one row may take (over several lines when a quoted cell holds line breaks): an article's limit. */
export const TABLE_ROW_MAX_CHARS = 64 * 1024 * 1024;

/**
 * The rows of a table given as lines: a quoted cell may go on over several
 * lines. A quote left open at the end is a problem row (the rest of the file
 * was inside it); so is a row that grows past `maxChars` (a quote left open
 * in a large file), which is dropped there, its next line read as a new row.
 */
export async function* tableRows(lines: AsyncIterable<string>, delimiter: string, maxChars = TABLE_ROW_MAX_CHARS): AsyncGenerator<Row> {
  let lineNo = 0;
  let size = 0;
  let start = 0;
  let cells: string[] = [];
  let cell = '';
  /** The current cell as written (quotes and all), for a quoted cell that turns out not to be one. */
  let raw = '';
  let quoted = false; // inside a quoted cell
  let open = false; // a row begun and not yet ended
  for await (const line of lines) {
    lineNo += 1;
    if (!open) {
      if (line.trim() === '') continue;
      start = lineNo;
      cells = [];
      cell = '';
      raw = '';
      size = 0;
      open = true;
    } else {
      cell += '\n'; // a line break inside a quoted cell
      raw += '\n';
    }
    size += line.length + 1;
    if (size > maxChars) {
      yield { line: start, problem: `a row of more than ${maxChars} characters (a quoted cell never closed?); skipped to line ${lineNo + 1}` };
      open = false;
      quoted = false;
      continue;
    }
    let i = 0;
    while (i < line.length) {
      const c = line[i]!;
      raw += c;
      if (quoted) {
        if (c === '"') {
          if (line[i + 1] === '"') {
            cell += '"';
            raw += '"';
            i += 2;
            continue;
          }
          quoted = false;
          // A closing quote must end the cell; otherwise the quotes were the text's own ("We go," he said.): keep it as written.
          if (i + 1 < line.length && line[i + 1] !== delimiter) cell = raw;
        } else {
          cell += c;
        }
      } else if (c === delimiter) {
        cells.push(cell);
        cell = '';
        raw = '';
      } else if (c === '"' && cell === '') {
        quoted = true;
      } else {
        cell += c;
      }
      i++;
    }
    if (quoted) continue;
    cells.push(cell);
    open = false;
    yield { line: start, cells };
  }
  if (open) yield { line: start, problem: 'a quoted cell is never closed (the rest of the file is inside it)' };
}

/** The record parser of a table whose cells are separated by `delimiter` (`,` for CSV, a tab for TSV). */
export function tableRecords(delimiter: string): (lines: AsyncIterable<string>, name: string, options: JsonlReadOptions) => AsyncGenerator<JsonlEvent> {
  return async function* readTableRecords(lines, name, options) {
    const base = sourceBaseName(name);
    let header: readonly string[] | null = null;
    let rows = 0;
    for await (const row of tableRows(lines, delimiter)) {
      const where = `${name}:${row.line}`;
      const malformed = (message: string): JsonlEvent => malformedEvent(WarningCode.malformedRecord, where, message, options.strict);
      if ('problem' in row) {
        yield malformed(row.problem);
        continue;
      }
      if (header === null) {
        // A BOM the decoder left (one per file is dropped there) would be part of the first name.
        header = row.cells.map((cell, i) => (i === 0 ? cell.replace(/^\ufeff/, '') : cell).trim());
        continue;
      }
      rows += 1;
      if (row.cells.length > header.length) {
        yield malformed(`${row.cells.length} cells, the header names ${header.length}; row skipped`);
        continue;
      }
      const record: Record<string, string> = {};
      // A short row leaves the last columns out; a column named twice keeps its first cell.
      header.forEach((column, i) => {
        if (column !== '' && i < row.cells.length && !Object.hasOwn(record, column)) record[column] = row.cells[i]!;
      });
      yield* recordEvents(record, row.line, [`${base}:${row.line}`, where], where, options);
    }
    if (rows === 0) {
      yield warningEvent(WarningCode.emptyFile, name, header === null ? 'empty file (no header row)' : 'empty file (a header row and no records)');
    }
  };
}
