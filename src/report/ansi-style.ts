/** ANSI styles for the text report on a terminal. */

/** A style of a line or a word in the text report. */
export type TextStyle = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan';

const CODES: Readonly<Record<TextStyle, string>> = {
  bold: '1',
  dim: '2',
  red: '31',
  green: '32',
  yellow: '33',
  blue: '34',
  magenta: '35',
  cyan: '36',
};

/** `text` in `style` (SGR codes, reset after). */
export function applyStyle(text: string, style: TextStyle): string {
  return text === '' ? text : `\u001b[${CODES[style]}m${text}\u001b[0m`;
}
