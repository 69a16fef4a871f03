/**
 * Reading an article's own URL from its text (pages saved as text often carry it in a
 * header or footer line).
 */

/** Non-empty lines searched at the top of the text. */
export const URL_HEAD_LINES = 3;
/** Non-empty lines searched at the bottom of the text. */
export const URL_TAIL_LINES = 6;

const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/gi;
const ASSET_EXTENSIONS = /\.(?:jpe?g|png|gif|webp|svg|css|js)$/i;
const ASSET_HOST = /^(?:cdn|img)/i;

/**
 * Find the article's URL: the first `http(s)` URL in the first {@link URL_HEAD_LINES}
 * non-empty lines, else in the last {@link URL_TAIL_LINES}, skipping image and asset
 * URLs ({@link isAssetUrl}). Trailing punctuation (`.,;:!?` and closing brackets/quotes)
 * is not part of the URL.
 *
 * @returns the URL as written, or `null`.
 */
export function extractUrl(text: string): string | null {
  const lines = text.split(/\r\n|\n|\r/).filter((line) => line.trim() !== '');
  const head = lines.slice(0, URL_HEAD_LINES);
  const tail = lines.slice(Math.max(URL_HEAD_LINES, lines.length - URL_TAIL_LINES));
  for (const line of [...head, ...tail]) {
    for (const match of line.matchAll(URL_PATTERN)) {
      const url = match[0].replace(/[.,;:!?)\]}'"»”’]+$/u, '');
      if (isHttpUrl(url) && !isAssetUrl(url)) return url;
    }
  }
  return null;
}

/**
 * Whether a URL points to an image or page asset rather than an article: its path ends
 * in `.jpg .jpeg .png .gif .webp .svg .css .js`, or its host starts with `cdn` or `img`.
 */
export function isAssetUrl(url: string): boolean {
  try {
    const { hostname, pathname } = new URL(url);
    return ASSET_HOST.test(hostname) || ASSET_EXTENSIONS.test(pathname);
  } catch {
    return false;
  }
}

/** Whether `value` parses as an absolute `http:` or `https:` URL with a host. */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol, hostname } = new URL(value);
    return (protocol === 'http:' || protocol === 'https:') && hostname !== '';
  } catch {
    return false;
  }
}
