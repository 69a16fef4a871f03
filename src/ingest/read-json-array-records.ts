/**
 * Reading articles from a `.json` file: an array of article objects (an API
 * or scraper export), each mapped as a JSONL record is; or one article object.
 * The file is parsed whole (JSON has no record boundaries a stream can cut
 * at), so it is read up to {@link JSON_ARRAY_MAX_BYTES}; a larger dump is
 * JSON Lines' job (`jq -c '.[]' dump.json > dump.jsonl`).
 */
import { formatErrorMessage } from './format-error-message';
import { isJsonObject } from './is-json-object';
import { jsonErrorOffset } from './json-error-offset';
import { malformedEvent, recordEvents, sourceBaseName, warningEvent, type JsonlEvent, type JsonlReadOptions } from './read-jsonl-records';
import { WarningCode } from './warning-codes';

/** The largest `.json` file read, in bytes of a line (when it is all on one) and in characters in all. */
export const JSON_ARRAY_MAX_BYTES = 256 * 1024 * 1024;

/**
 * The record parser of a JSON file given as lines: each object of a
 * top-level array, where: `name:line` of the line its element starts on, and
 * ids `name#n` (the element's number: a file written on one line has one
 * line); or the one top-level object. A file of more than `maxChars`
 * characters is skipped with `W_FILE_TOO_LARGE` before it is held whole.
 */
export function jsonArrayRecords(maxChars = JSON_ARRAY_MAX_BYTES): (lines: AsyncIterable<string>, name: string, options: JsonlReadOptions) => AsyncGenerator<JsonlEvent> {
  return (lines, name, options) => readJsonArray(lines, name, options, maxChars);
}

async function* readJsonArray(lines: AsyncIterable<string>, name: string, options: JsonlReadOptions, maxChars: number): AsyncGenerator<JsonlEvent> {
  const base = sourceBaseName(name);
  const parts: string[] = [];
  let length = 0;
  for await (const line of lines) {
    length += line.length + 1;
    if (length > maxChars) {
      yield warningEvent(WarningCode.fileTooLarge, name, `over ${maxChars} characters, more than a .json file is read whole; convert it to JSONL (jq -c '.[]' file.json > file.jsonl); skipped`);
      return;
    }
    parts.push(line);
  }
  const text = parts.join('\n');
  const malformed = (where: string, message: string): JsonlEvent => malformedEvent(WarningCode.malformedJson, where, message, options.strict);
  if (text.trim() === '') {
    yield warningEvent(WarningCode.emptyFile, name, 'empty file (no records)');
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    const message = formatErrorMessage(error);
    // V8's message gives the position for some errors only.
    const at = jsonErrorOffset(text) ?? 0;
    yield malformed(`${name}:${linesAt(text, [at])[0]!}`, `not valid JSON (${message}); file skipped`);
    return;
  }
  if (isJsonObject(value)) {
    yield* recordEvents(value, 1, [base.replace(/\.json$/i, ''), name], name, options);
    return;
  }
  if (!Array.isArray(value)) {
    yield malformed(name, 'expected an array of article objects, or one article object; file skipped');
    return;
  }
  const offsets: number[] = [];
  jsonErrorOffset(text, (at) => offsets.push(at));
  const starts = linesAt(text, offsets);
  for (let n = 0; n < value.length; n++) {
    const element: unknown = value[n];
    const line = starts[n] ?? 1;
    const where = `${name}:${line}`;
    if (!isJsonObject(element)) {
      yield malformed(where, `element ${n + 1} of the array is not an object; skipped`);
      continue;
    }
    yield* recordEvents(element, line, [`${base}#${n + 1}`, `${name}#${n + 1}`], where, options);
  }
  if (value.length === 0) yield warningEvent(WarningCode.emptyFile, name, 'empty file (an empty array)');
}

/** The 1-based line of `text` each of the ascending `offsets` is on, in one pass. */
function linesAt(text: string, offsets: readonly number[]): number[] {
  let line = 1;
  let nl = text.indexOf('\n');
  return offsets.map((at) => {
    for (; nl >= 0 && nl < at; nl = text.indexOf('\n', nl + 1)) line++;
    return line;
  });
}
