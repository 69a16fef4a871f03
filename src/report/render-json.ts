/**
 * The JSON report (schemaVersion 1): keys in a fixed order, two-space indent,
 * newline-terminated.
 *
 * A report of a million documents is longer than the longest string V8 can
 * make (2^29 − 24 characters), so it is also rendered in pieces
 * ({@link renderJsonChunks}): one piece a top-level value or array element,
 * whose concatenation is exactly {@link renderJson}'s string.
 */
import type { Report } from '../model';

/** Serialise a report. Same report, same bytes. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * The bytes of {@link renderJson} in pieces, each of one array element or
 * top-level value, none holding the whole report. Relies on JSON never having
 * a raw line break inside a string, so nesting a value one level deeper is
 * indenting each of its lines.
 */
export function* renderJsonChunks(report: Report): Generator<string> {
  const entries = Object.entries(report).filter(([, value]) => value !== undefined && typeof value !== 'function');
  if (entries.length === 0) {
    yield '{}\n';
    return;
  }
  yield '{\n';
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i]!;
    const comma = i + 1 < entries.length ? ',' : '';
    const head = `  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      yield `${head}[\n`;
      for (let e = 0; e < value.length; e++) {
        yield `    ${indent(JSON.stringify(value[e] ?? null, null, 2), '    ')}${e + 1 < value.length ? ',' : ''}\n`;
      }
      yield `  ]${comma}\n`;
    } else {
      yield `${head}${indent(JSON.stringify(value, null, 2), '  ')}${comma}\n`;
    }
  }
  yield '}\n';
}

function indent(json: string, by: string): string {
  return json.replace(/\n/g, `\n${by}`);
}
