/**
 * Options of the ingest stage: their defaults and validation, in one place.
 */
import { OptionsError } from '../errors';
import type { FieldMap, StdinFormat } from '../options';

export type { FieldMap, StdinFormat };

/** Every {@link StdinFormat}, as the `--stdin-format` flag lists them. */
export const STDIN_FORMATS: readonly StdinFormat[] = ['jsonl', 'text', 'html'];

/** A part of an article that a JSONL field can carry. */
export type FieldName = keyof FieldMap;

/** Options of {@link readInputs}. */
export interface IngestOptions {
  /**
   * JSONL field names, overriding the defaults per field (a given name replaces the
   * whole list of defaults for that field).
   * @default { id: 'id', text: 'text'|'body'|'content', outlet: 'outlet'|'source'|'publisher'|'site',
   *   url: 'url'|'link', published: 'published'|'date'|'published_at', title: 'title'|'headline' }
   */
  readonly fields?: Partial<FieldMap>;
  /**
   * A sidecar manifest file (`{ "<id>": { outlet?, url?, published?, title? } }`). When given,
   * `manifest.json` files found at the top of scanned folders are not read.
   * @default the `manifest.json` files at the top of scanned folders, merged (later wins per id)
   */
  readonly manifest?: string;
  /**
   * An outlets registry file. When given, `outlets.json` files found at the top of
   * scanned folders are not read.
   * @default the `outlets.json` files at the top of scanned folders, merged (later wins per domain)
   */
  readonly outlets?: string;
  /**
   * Throw an `InputError` on a malformed JSONL line instead of warning and skipping it.
   * @default false
   */
  readonly strict?: boolean;
  /**
   * Largest single-article file (`.txt`, `.md`, `.html`) read, in bytes; bigger ones are
   * skipped with a warning. JSONL files are streamed and have no limit.
   * @default 67108864 (64 MiB)
   */
  readonly maxFileBytes?: number;
  /**
   * The stream the path `-` reads, as JSON Lines (gzip recognised by its magic bytes).
   * The library never touches `process`: a caller that accepts `-` passes `process.stdin`.
   * @default none: the path `-` is then an `InputError`
   */
  readonly stdin?: NodeJS.ReadableStream;
  /**
   * How `stdin` is read: a JSONL dump, or one article of text or HTML (as a
   * `.txt` or `.html` file named directly, with the same size limit).
   * @default 'jsonl'
   */
  readonly stdinFormat?: StdinFormat;
  /**
   * Told, as input is read, how many bytes of it have been read so far (as stored:
   * compressed bytes of a `.gz` or `.zst`) and the total size of the input files
   * (`null` when standard input is among them). For progress; changes nothing read.
   */
  readonly onRead?: (read: number, total: number | null) => void;
}

/** Options with defaults applied and checked; frozen. */
export interface ResolvedIngestOptions {
  /** For each part, the JSONL field names tried in order. */
  readonly fields: Readonly<Record<FieldName, readonly string[]>>;
  readonly manifest: string | null;
  readonly outlets: string | null;
  readonly strict: boolean;
  readonly maxFileBytes: number;
  readonly stdin: NodeJS.ReadableStream | null;
  readonly stdinFormat: StdinFormat;
}

/**
 * Default JSONL field names, tried in order; the first present, usable one is
 * taken. Besides the plain names, those of news-please and CC-NEWS exports
 * (`maintext`, `date_publish`, `source_domain`) and schema.org's
 * `datePublished`. Not `domain`: some dumps use it for a topic.
 */
export const DEFAULT_FIELDS: Readonly<Record<FieldName, readonly string[]>> = Object.freeze({
  id: ['id'],
  text: ['text', 'body', 'content', 'maintext'],
  outlet: ['outlet', 'source', 'publisher', 'site', 'source_domain'],
  url: ['url', 'link'],
  published: ['published', 'date', 'published_at', 'date_publish', 'datePublished'],
  title: ['title', 'headline'],
});

/** Default of {@link IngestOptions.maxFileBytes}: 64 MiB. */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

const FIELD_NAMES: readonly FieldName[] = ['id', 'text', 'outlet', 'url', 'published', 'title'];

/**
 * Apply defaults to ingest options and validate them.
 *
 * @throws OptionsError for a non-positive or non-integer `maxFileBytes`, an empty or
 *   unknown field mapping, or an empty file path.
 */
export function resolveIngestOptions(options: IngestOptions = {}): ResolvedIngestOptions {
  const fields: Record<FieldName, readonly string[]> = { ...DEFAULT_FIELDS };
  for (const [key, value] of Object.entries(options.fields ?? {})) {
    if (!(FIELD_NAMES as readonly string[]).includes(key)) {
      throw new OptionsError('fields', `unknown field "${key}"; use one of ${FIELD_NAMES.join(', ')}`);
    }
    if (typeof value !== 'string' || value.trim() === '') {
      throw new OptionsError('fields', `the JSONL field name for "${key}" must be a non-empty string`);
    }
    fields[key as FieldName] = [value];
  }
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (!Number.isSafeInteger(maxFileBytes) || maxFileBytes <= 0) {
    throw new OptionsError('max-file-bytes', `must be a positive whole number of bytes, got ${String(maxFileBytes)}`);
  }
  const stdinFormat = options.stdinFormat ?? 'jsonl';
  if (!STDIN_FORMATS.includes(stdinFormat)) {
    throw new OptionsError('stdin-format', `must be one of ${STDIN_FORMATS.join(', ')} (got ${String(stdinFormat)})`);
  }
  for (const option of ['manifest', 'outlets'] as const) {
    if (options[option] !== undefined && options[option].trim() === '') {
      throw new OptionsError(option, 'must be a file path, got an empty string');
    }
  }
  return Object.freeze({
    fields: Object.freeze(fields),
    manifest: options.manifest ?? null,
    outlets: options.outlets ?? null,
    strict: options.strict ?? false,
    maxFileBytes,
    stdin: options.stdin ?? null,
    stdinFormat,
  });
}
