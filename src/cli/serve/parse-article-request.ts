/**
 * Articles from request bodies: plain text (a draft with no metadata), one
 * JSON object `{ text, id?, title?, url?, published?, outlet? }`, or JSONL
 * (one such object a line). Metadata is resolved as for a JSONL record
 * (`resolveMeta`: stated fields, then the text itself).
 */
import type { Article } from '../../model';
import { NOTHING_STATED, resolveMeta, statedText, STATED_TYPES, type OutletRegistry } from '../../ingest';
import { HttpError } from './http-error';

const FIELDS = ['title', 'url', 'published', 'outlet'] as const;

/** Is the content type JSON (or JSONL)? */
export function isJsonType(contentType: string | undefined): boolean {
  return /^application\/(json|x-ndjson|jsonl|x-jsonlines)\b|\+json\b/i.test(contentType ?? '');
}

/** An article from one parsed JSON value; `where` names it in errors. `idRequired`: no default id. */
export function articleFromJson(value: unknown, where: string, registry: OutletRegistry, idRequired: boolean): Article {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HttpError(400, 'E_BAD_ARTICLE', `${where}: expected a JSON object with a "text" field`);
  const record = value as Record<string, unknown>;
  const text = record['text'];
  if (typeof text !== 'string' || text.trim() === '') throw new HttpError(400, 'E_BAD_ARTICLE', `${where}: "text" must be a non-empty string`);
  const rawId = record['id'];
  if (rawId !== undefined && typeof rawId !== 'string' && typeof rawId !== 'number') throw new HttpError(400, 'E_BAD_ARTICLE', `${where}: "id" must be a string or a number`);
  if (rawId === undefined && idRequired) throw new HttpError(400, 'E_BAD_ARTICLE', `${where}: "id" is required to add an article`);
  const id = rawId === undefined ? 'draft' : String(rawId);
  if (id === '') throw new HttpError(400, 'E_BAD_ARTICLE', `${where}: "id" must not be empty`);
  const stated: Record<string, string | null> = {};
  for (const field of FIELDS) {
    const text = statedText(field, record[field]);
    if (text === undefined) throw new HttpError(400, 'E_BAD_ARTICLE', `${where}: "${field}" must be ${STATED_TYPES[field]}`);
    stated[field] = text;
  }
  return articleOf(id, text, stated as unknown as typeof NOTHING_STATED, registry, where);
}

/** A draft from a plain-text body. */
export function articleFromText(text: string, registry: OutletRegistry): Article {
  if (text.trim() === '') throw new HttpError(400, 'E_EMPTY', 'the request body is empty: send the draft as text/plain or as JSON {"text": …}');
  return articleOf('draft', text, NOTHING_STATED, registry, 'request');
}

function articleOf(id: string, text: string, fields: typeof NOTHING_STATED, registry: OutletRegistry, where: string): Article {
  const { meta } = resolveMeta({ text, fields, manifest: undefined, embedded: NOTHING_STATED, registry, where });
  return { id, path: null, text, meta };
}

/** Parse one JSON document, a 400 when it is not JSON. */
export function parseJson(body: string, where: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch (error: unknown) {
    throw new HttpError(400, 'E_MALFORMED_JSON', `${where}: malformed JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Articles of a JSON or JSONL body: one object, an array of objects, or one object a non-blank line. */
export function articlesFromBody(body: string, registry: OutletRegistry): Article[] {
  if (body.trim() === '') throw new HttpError(400, 'E_EMPTY', 'the request body is empty: send one JSON article or JSONL, one article a line');
  let whole: unknown;
  try {
    whole = JSON.parse(body) as unknown;
  } catch {
    const lines = body.split('\n').map((l, i) => ({ line: l.trim(), n: i + 1 })).filter((l) => l.line !== '');
    if (lines.length === 1) parseJson(lines[0]!.line, 'body');
    return lines.map(({ line, n }) => articleFromJson(parseJson(line, `line ${n}`), `line ${n}`, registry, true));
  }
  if (Array.isArray(whole)) return whole.map((v, i) => articleFromJson(v, `item ${i}`, registry, true));
  return [articleFromJson(whole, 'body', registry, true)];
}
