/** The JSON report (schemaVersion 1): keys in a fixed order, two-space indent, newline-terminated. */
import type { Report } from '../model';

/** Serialise a report. Same report, same bytes. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
