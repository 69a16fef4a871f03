/** Document ids in code-unit order (not the locale's): the same order on every machine. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
