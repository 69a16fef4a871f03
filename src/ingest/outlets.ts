/**
 * The outlets registry: what reprint knows of a news outlet beyond its domain — its
 * display name, the IANA time zone its pages state local times in, its media group.
 *
 * File format (JSON, `version: 1`):
 * ```json
 * { "version": 1,
 *   "outlets": { "sputniknews.com": { "name": "Sputnik International", "timeZone": "Etc/UTC", "group": "Rossiya Segodnya" } } }
 * ```
 * Keys are registered domains (`dw.com`, not `www.dw.com`). The time zone lets a
 * wall-clock time in an article (`12 Feb 2022 - 18:40`) become an instant.
 */
import { compareCodeUnits } from '../code-unit-order';
import { InputError } from '../errors';
import { isJsonObject } from './is-json-object';
import { readJsonFile } from './read-json-file';
import { getRegisteredDomain } from './registered-domain';
import { isValidTimeZone } from './zoned-wall-time-to-utc';

/** What the registry says of one outlet. */
export interface Outlet {
  /** Display name (`Deutsche Welle`). */
  readonly name: string;
  /** IANA time zone of times stated on the outlet's pages without an offset. */
  readonly timeZone?: string;
  /** Media group or owner (`Rossiya Segodnya`). */
  readonly group?: string;
}

/** Registered domain (lower-case) → outlet. */
export type OutletRegistry = ReadonlyMap<string, Outlet>;

/** The format version this reader understands. */
export const OUTLETS_FORMAT_VERSION = 1;

/**
 * Read an outlets registry file.
 *
 * @throws InputError (naming the file) when it is missing, not JSON, of another
 *   `version`, or has a bad entry (no name, an unknown time zone, a key that is not a
 *   registered domain).
 */
export async function loadOutlets(file: string): Promise<OutletRegistry> {
  return parseOutlets(await readJsonFile(file), file);
}

/**
 * Validate parsed JSON as an outlets registry.
 *
 * @param where the file name used in error messages.
 * @throws InputError as {@link loadOutlets} does.
 */
export function parseOutlets(json: unknown, where: string): OutletRegistry {
  if (!isJsonObject(json)) throw new InputError(where, 'an outlets file must be a JSON object with "version" and "outlets"');
  if (json['version'] !== OUTLETS_FORMAT_VERSION) {
    throw new InputError(where, `unsupported outlets file version ${JSON.stringify(json['version'] ?? null)}; expected ${OUTLETS_FORMAT_VERSION}`);
  }
  const outlets = json['outlets'];
  if (!isJsonObject(outlets)) throw new InputError(where, '"outlets" must be an object keyed by domain');
  const registry = new Map<string, Outlet>();
  const keys = Object.keys(outlets).map((key) => ({ key, domain: key.trim().toLowerCase() }));
  keys.sort((a, b) => compareCodeUnits(a.domain, b.domain));
  for (const { key, domain } of keys) {
    if (registry.has(domain)) throw new InputError(where, `outlet "${domain}" is listed more than once`);
    const registered = getRegisteredDomain(domain);
    if (registered !== domain) {
      const hint = registered === null ? 'use a domain such as "dw.com"' : `use "${registered}"`;
      throw new InputError(where, `outlet key "${key}" is not a registered domain; ${hint}`);
    }
    registry.set(domain, parseOutlet(outlets[key], key, where));
  }
  return registry;
}

function parseOutlet(value: unknown, key: string, where: string): Outlet {
  if (!isJsonObject(value)) throw new InputError(where, `outlet "${key}" must be an object with a "name"`);
  const { name, timeZone, group } = value;
  if (typeof name !== 'string' || name.trim() === '') {
    throw new InputError(where, `outlet "${key}" needs a non-empty "name"`);
  }
  const outlet: { name: string; timeZone?: string; group?: string } = { name: name.trim() };
  if (timeZone !== undefined && timeZone !== null) {
    if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone)) {
      throw new InputError(where, `outlet "${key}" has an unknown time zone ${JSON.stringify(timeZone)}; use an IANA name such as "Europe/Berlin"`);
    }
    outlet.timeZone = timeZone;
  }
  if (group !== undefined && group !== null) {
    if (typeof group !== 'string') throw new InputError(where, `outlet "${key}" has a "group" that is not a string`);
    outlet.group = group;
  }
  return Object.freeze(outlet);
}

/**
 * Merge registries in order: for a domain in several, the later registry's entry wins
 * (whole entry, fields are not mixed).
 */
export function mergeOutlets(registries: readonly OutletRegistry[]): OutletRegistry {
  const merged = new Map<string, Outlet>();
  for (const registry of registries) for (const [domain, outlet] of registry) merged.set(domain, outlet);
  return merged;
}
