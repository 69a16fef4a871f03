/**
 * Reducing hosts and URLs to the registered domain that names an outlet, using the
 * Public Suffix List (via `tldts`).
 */
import { parse } from 'tldts';

/**
 * The registered domain of a URL or host name (`https://www.bbc.co.uk/x` →
 * `bbc.co.uk`; `cdn.sputniknews.com` → `sputniknews.com`), lower-case.
 *
 * @returns `null` for IP addresses, `localhost`, and names without a known public suffix.
 */
export function getRegisteredDomain(urlOrHost: string): string | null {
  const parsed = parse(urlOrHost.trim());
  if (parsed.isIp === true || parsed.isIcann !== true || parsed.domain === null) return null;
  return parsed.domain.toLowerCase();
}

/**
 * Normalise an outlet as stated in metadata: a URL or a domain becomes its registered
 * domain (`https://www.reuters.com/world` and `www.reuters.com` → `reuters.com`); a plain
 * name (`Reuters`, `Sputnik International`) is kept as given, trimmed.
 *
 * @returns `null` for an empty value.
 */
export function normaliseOutlet(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const looksLikeUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  const looksLikeHost = !/\s/.test(trimmed) && trimmed.includes('.');
  if (looksLikeUrl || looksLikeHost) return getRegisteredDomain(trimmed) ?? trimmed;
  return trimmed;
}
