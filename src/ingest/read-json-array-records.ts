/**
 * Reading articles from a `.json` file: an array of article objects (an API
 * or scraper export), each mapped as a JSONL record is; or one article object.
 * The file is parsed whole (JSON has no record boundaries a stream can cut
 * at), so it is read up to {@link JSON_ARRAY_MAX_BYTES}; a larger dump is
 * JSON Lines' job (`jq -c '.[]' dump.json > dump.jsonl`).
 */
import { posix } from 'node:path';
import { InputError } from '../errors';
import { formatErrorMessage } from './format-error-message';
import { isJsonObject } from './is-json-object';
import { jsonErrorOffset } from './json-error-offset';
import { recordEvents, type JsonlEvent, type JsonlReadOptions } from './read-jsonl-records';
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
  const base = posix.basename(name.replace(/\\/g, '/'));
  const parts: string[] = [];
  let length = 0;
  for await (const line of lines) {
    length += line.length + 1;
    if (length > maxChars) {
      yield { kind: 'warning', warning: { code: WarningCode.fileTooLarge, where: name, message: `over ${maxChars} characters, more than a .json file is read whole; convert it to JSONL (jq -c '.[]' file.json > file.jsonl); skipped` } };
      return;
    }
    parts.push(line);
  }
  const text = parts.join('\n');
  const malformed = (where: string, message: string): JsonlEvent => {
    if (options.strict) throw new InputError(where, message);
    return { kind: 'warning', warning: { code: WarningCode.malformedJson, where, message } };
  };
  if (text.trim() === '') {
    yield { kind: 'warning', warning: { code: WarningCode.emptyFile, where: name, message: 'empty file (no records)' } };
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    const message = formatErrorMessage(error);
    // V8's message gives the position for some errors only.
    const at = jsonErrorOffset(text) ?? 0;
    yield malformed(`${name}:${lineAt(text, at)}`, `not valid JSON (${message}); file skipped`);
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
  const starts = elementLines(text);
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
  if (value.length === 0) yield { kind: 'warning', warning: { code: WarningCode.emptyFile, where: name, message: 'empty file (an empty array)' } };
}

/** The 1-based line of `text` that offset `at` is on. */
function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The line each element of the top-level array of `text` (valid JSON) starts
 * on: a scan that keeps its depth and skips strings.
 */
function elementLines(text: string): number[] {
  const out: number[] = [];
  let line = 1;
  let depth = 0;
  let expectValue = false; // at depth 1, after `[` or `,`
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0d) continue;
    if (depth === 1 && expectValue && c !== 0x5d) {
      out.push(line);
      expectValue = false;
    }
    if (c === 0x22) {
      // A string: to its closing quote (JSON strings hold no raw line breaks).
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth === 1 && c === 0x5b) expectValue = true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    } else if (c === 0x2c && depth === 1) {
      expectValue = true;
    }
  }
  return out;
}
