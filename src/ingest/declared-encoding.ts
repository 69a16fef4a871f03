/**
 * The character encoding a page says it is in, for pages not in UTF-8
 * (Russian sites in windows-1251, Japanese in Shift_JIS, Chinese in GBK…).
 */
import { TextDecoder } from 'node:util';

/** How far into a page its `<meta charset>` is looked for (the HTML standard's prescan reads 1,024 bytes; pages in the wild put it later). */
const META_WINDOW = 2048;

/**
 * The encoding named by the charset of `contentType` when it names one, else
 * (for HTML) by a `<meta charset=…>` or `<meta http-equiv="Content-Type"
 * content="…; charset=…">` in the page's first 2 KB; as the WHATWG Encoding
 * Standard names it (`TextDecoder`'s `encoding`: `windows-1251`, `shift_jis`,
 * `gbk`, `utf-8`…). `null` when nothing is declared, or the label is not an
 * encoding `TextDecoder` knows.
 */
export function declaredEncoding(bytes: Uint8Array, contentType: string | null, html: boolean): string | null {
  let label = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? null;
  if (label === null && html) {
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, META_WINDOW)).toString('latin1');
    label = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ?? null;
  }
  if (label === null) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}
