/** Shortening quoted text for one-line display. */

/** Collapse white space and cut the middle out of long text with "…". */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const half = Math.max(1, Math.floor((max - 3) / 2));
  return `${flat.slice(0, half).trimEnd()} … ${flat.slice(flat.length - half).trimStart()}`;
}
