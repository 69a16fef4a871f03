/**
 * Strings in UTF-16 code-unit order, not the locale's: ids, file names,
 * domains and outlet names sort the same on every machine, so reports and
 * indexes do not depend on where they were made.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
