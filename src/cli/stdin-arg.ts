/**
 * yargs drops a lone `-` from positionals (yargs/yargs#1312), the usual name
 * for standard input: `main` carries it through parsing under this stand-in
 * and a command maps it back.
 */
export const STDIN_ARG = '<stdin:->';

/** The paths a command was given, the stand-in mapped back to `-`. */
export function givenPaths(args: readonly string[]): string[] {
  return args.map((p) => (p === STDIN_ARG ? '-' : p));
}
