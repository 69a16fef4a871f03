/**
 * Reading articles from JSON Lines: one JSON object per line. Works on any async
 * iterable of lines (a file, a gunzipped stream, stdin), so the source is pluggable.
 */
import { posix } from 'node:path';
import { InputError } from '../errors';
import type { Warning } from '../model';
import type { IdClaim } from './assign-ids';
import type { FieldName, ResolvedIngestOptions } from './ingest-options';
import { formatErrorMessage } from './format-error-message';
import { isJsonObject } from './is-json-object';
import { statedText, STATED_TYPES, type StatedMeta } from './raw-document';
import { WarningCode } from './warning-codes';

/** One article record of a JSONL source. */
export interface JsonlRecord {
  /** 1-based line number. */
  readonly line: number;
  /** The ids the record may take: its `id` (if any), then `<file name>:<line>`, then `<name>:<line>`. */
  readonly claim: IdClaim;
  /** The text field's value, exactly as given. */
  readonly text: string;
  readonly fields: StatedMeta;
}

/** What reading a JSONL source yields, in line order: records and warnings. */
export type JsonlEvent =
  | { readonly kind: 'record'; readonly record: JsonlRecord }
  | { readonly kind: 'warning'; readonly warning: Warning };

/** The options {@link readJsonlRecords} uses. */
export type JsonlReadOptions = Pick<ResolvedIngestOptions, 'fields' | 'strict'>;

/**
 * Read JSONL records from `lines`. Blank lines are ignored. A line that is not a JSON
 * object gives a `W_MALFORMED_JSON` warning (`name:line`) and is skipped — or, with
 * `strict`, an `InputError`. A record without a non-empty string in a text field gives
 * `W_NO_TEXT` and is skipped. Ids may be strings or numbers (`String(n)`); a record
 * without one gets `<file name>:<line>` and a `W_NO_ID` warning. A metadata field that is
 * not a string is ignored with a `W_BAD_FIELD` warning. A source with no non-blank line
 * gives `W_EMPTY_FILE`.
 *
 * @param name the source's display path, used in ids, paths and warnings.
 * @throws InputError in `strict` mode on a malformed line.
 */
export async function* readJsonlRecords(
  lines: AsyncIterable<string>,
  name: string,
  options: JsonlReadOptions,
): AsyncGenerator<JsonlEvent> {
  const base = sourceBaseName(name);
  let lineNo = 0;
  let nonBlank = 0;
  for await (const line of lines) {
    lineNo += 1;
    if (line.trim() === '') continue;
    nonBlank += 1;
    const where = `${name}:${lineNo}`;
    let value: unknown;
    let problem: string | null = null;
    try {
      value = JSON.parse(line) as unknown;
      if (!isJsonObject(value)) problem = `malformed JSON (expected an object, got ${describeJson(value)})`;
    } catch (error) {
      problem = `malformed JSON (${formatErrorMessage(error)})`;
    }
    if (problem !== null || !isJsonObject(value)) {
      yield malformedEvent(WarningCode.malformedJson, where, problem ?? 'malformed JSON', options.strict);
      continue;
    }
    yield* recordEvents(value, lineNo, [`${base}:${lineNo}`, where], where, options);
  }
  if (nonBlank === 0) {
    yield warningEvent(WarningCode.emptyFile, name, 'empty file (no records)');
  }
}

/** The file name of a source's display path (`dump.jsonl` of `data/dump.jsonl`), as fallback ids use it. */
export function sourceBaseName(name: string): string {
  return posix.basename(name.replace(/\\/g, '/'));
}

/**
 * A record that cannot be read (a malformed JSONL line, CSV row or JSON
 * element): with `strict` the run stops here, an InputError naming `where`;
 * else a warning event, and the reader goes on.
 */
export function malformedEvent(code: Warning['code'], where: string, message: string, strict: boolean): JsonlEvent {
  if (strict) throw new InputError(where, message);
  return warningEvent(code, where, message);
}

/** The event of a warning about a record source (`where`: the file, or `file:line`). */
export function warningEvent(code: Warning['code'], where: string, message: string): JsonlEvent {
  return { kind: 'warning', warning: { code, where, message } };
}

/**
 * The events of one record (a JSON object, or a row of a table as one): its
 * `W_BAD_FIELD` / `W_NO_ID` warnings and the record, or `W_NO_TEXT` when it
 * has no text. `fallback` are the ids it takes without an id field (its
 * position: `name:line`, `path:line`); `where` names it in warnings.
 */
export function* recordEvents(
  record: Record<string, unknown>,
  line: number,
  fallback: readonly [string, string],
  where: string,
  options: JsonlReadOptions,
): Generator<JsonlEvent> {
  const warn = (code: Warning['code'], message: string): JsonlEvent => warningEvent(code, where, message);
  let id: string | null = null;
  for (const key of options.fields.id) {
    const raw = fieldValue(record, key);
    if (typeof raw === 'string' && raw.trim() !== '') id = raw.trim();
    else if (typeof raw === 'number' && Number.isFinite(raw)) id = String(raw);
    else if (raw !== undefined && raw !== null) yield warn(WarningCode.badField, `field "${key}" is not a string or number; ignored`);
    if (id !== null) break;
  }

  const text = findString(record, options.fields.text);
  if (text === null) {
    yield warn(WarningCode.noText, `${whyNoText(record, options.fields.text)}; skipped`);
    return;
  }
  if (id === null) {
    yield warn(WarningCode.noId, `no id field (looked for ${options.fields.id.join(', ')}); using "${fallback[0]}"`);
  }

  const stated: Record<Exclude<FieldName, 'id' | 'text'>, string | null> = { outlet: null, url: null, published: null, title: null };
  for (const part of ['outlet', 'url', 'published', 'title'] as const) {
    for (const key of options.fields[part]) {
      const value = statedText(part, fieldValue(record, key));
      if (value === undefined) {
        yield warn(WarningCode.badField, `field "${key}" is not ${STATED_TYPES[part]}; ignored`);
      } else if (value !== null && value.trim() !== '') {
        stated[part] = value;
        break;
      }
    }
  }

  const ladder: readonly [string, ...string[]] = id === null ? fallback : [id, ...fallback];
  yield { kind: 'record', record: { line, claim: { ladder, where }, text, fields: stated } };
}

/** The first of `keys` whose value in `record` is a string with more than white space. */
function findString(record: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const raw = fieldValue(record, key);
    if (typeof raw === 'string' && raw.trim() !== '') return raw;
  }
  return null;
}

/**
 * Why a record has no text, in words: the first of `keys` it has, and what it
 * holds instead (`no text: field "body" is null`, `no text: field "text" is a
 * number, not a string`), or that it has none of them.
 */
function whyNoText(record: Record<string, unknown>, keys: readonly string[]): string {
  for (const key of keys) {
    const raw = fieldValue(record, key);
    if (raw === undefined) continue;
    if (typeof raw === 'string') return `no text: field "${key}" is empty`;
    return `no text: field "${key}" is ${raw === null ? 'null' : `${describeJson(raw)}, not a string`}`;
  }
  return `no text field (looked for ${keys.join(', ')})`;
}

/**
 * The value of field `key` in `record`: the key itself when the record has
 * it, else a dotted path into nested objects (`meta.date` is
 * `record.meta.date`), as dumps often nest their metadata. `undefined` when
 * there is neither.
 */
export function fieldValue(record: Record<string, unknown>, key: string): unknown {
  if (Object.hasOwn(record, key)) return record[key];
  if (!key.includes('.')) return undefined;
  let value: unknown = record;
  for (const step of key.split('.')) {
    if (!isJsonObject(value) || !Object.hasOwn(value, step)) return undefined;
    value = value[step];
  }
  return value;
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
