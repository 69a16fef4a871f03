/**
 * Sidecar manifests: metadata for articles kept next to them, keyed by article id.
 *
 * ```json
 * { "001_69955482a43b296f": { "outlet": "taghribnews.com", "url": "https://…", "published": "2022-02-12T18:40", "title": "…" } }
 * ```
 * Every field is optional; `null` means unknown. Unknown fields are ignored. A manifest
 * value outranks what is read from the text, and is outranked by JSONL fields.
 */
import { InputError } from '../errors';
import { isJsonObject } from './is-json-object';
import { readJsonFile } from './read-json-file';
import { statedText, STATED_TYPES } from './raw-document';

/** Metadata stated for one article by a manifest. */
export interface ManifestEntry {
  readonly outlet?: string;
  readonly url?: string;
  readonly published?: string;
  readonly title?: string;
}

/** Article id → manifest entry. */
export type Manifest = ReadonlyMap<string, ManifestEntry>;

const KEYS = ['outlet', 'url', 'published', 'title'] as const;

/**
 * Read a manifest file.
 *
 * @throws InputError (naming the file) when it is missing, not JSON, or an entry is not an
 *   object or has a non-string value for a known field (a published time may be a number).
 */
export async function loadManifest(file: string): Promise<Manifest> {
  return parseManifest(await readJsonFile(file), file);
}

/**
 * Validate parsed JSON as a manifest.
 *
 * @param where the file name used in error messages.
 */
export function parseManifest(json: unknown, where: string): Manifest {
  if (!isJsonObject(json)) throw new InputError(where, 'a manifest must be a JSON object keyed by article id');
  const manifest = new Map<string, ManifestEntry>();
  for (const [id, value] of Object.entries(json)) {
    if (!isJsonObject(value)) throw new InputError(where, `manifest entry "${id}" must be an object`);
    const entry: { -readonly [K in keyof ManifestEntry]: ManifestEntry[K] } = {};
    for (const key of KEYS) {
      const text = statedText(key, value[key]);
      if (text === undefined) throw new InputError(where, `manifest entry "${id}": "${key}" must be ${STATED_TYPES[key]}`);
      if (text !== null && text.trim() !== '') entry[key] = text.trim();
    }
    manifest.set(id, Object.freeze(entry));
  }
  return manifest;
}

/** Merge manifests in order: for an id in several, the later manifest's entry wins (whole entry). */
export function mergeManifests(manifests: readonly Manifest[]): Manifest {
  const merged = new Map<string, ManifestEntry>();
  for (const manifest of manifests) for (const [id, entry] of manifest) merged.set(id, entry);
  return merged;
}
