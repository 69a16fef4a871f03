/** Escaping text for HTML element content and quoted attribute values. */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape `& < > " '` so `text` shows literally inside an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * Serialise `value` as JSON for a `<script type="application/json">` block:
 * `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026` (and U+2028/U+2029 their
 * escapes), so no `</script>` or `<!--` in the data can end or bend the element.
 * `JSON.parse` of the element's text gives `value` back.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
