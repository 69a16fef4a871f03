/**
 * A scan of JSON text for the lines a `.json` file's warnings name: where it
 * first goes wrong (V8's `JSON.parse` messages give a position for some
 * errors and not for others: `Unexpected token '}', "…" is not valid JSON`),
 * and where each element of its top-level array starts.
 */

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

/**
 * The offset of the first character of `text` at which it stops being JSON
 * (one value, white space around it), or `null` when it is JSON; `onElement`
 * is told the offset of each element of a top-level array as the scan meets
 * it. A scan with a stack of open containers, no recursion.
 */
export function jsonErrorOffset(text: string, onElement?: (offset: number) => void): number | null {
  const n = text.length;
  let i = 0;
  /** Open containers: `{` or `[`. */
  const stack: number[] = [];
  /** What the scan expects next. */
  let expect = 'value' as Expect;
  const skipSpace = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      i++;
    }
  };
  /** Past a string starting at `i` (a `"`), or false when it is not one. */
  const string = (): boolean => {
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1] ?? '';
        if (e === 'u') {
          for (let h = i + 2; h < i + 6; h++) {
            if (!/[0-9a-fA-F]/.test(text[h] ?? '')) {
              i = h; // the first character that is not a hex digit
              return false;
            }
          }
          i += 5;
        } else if ('"\\/bfnrt'.includes(e) && e !== '') {
          i++;
        } else {
          i++; // the character after the backslash
          return false;
        }
      }
    }
    return false;
  };
  /** After a value: what a container (or the end) expects next. */
  const afterValue = (): void => {
    expect = stack.length === 0 ? 'end' : 'comma-or-close';
  };
  for (;;) {
    skipSpace();
    if (i >= n) return (expect as Expect) === 'end' ? null : n;
    const c = text.charCodeAt(i);
    switch (expect as Expect) {
      case 'end':
        return i;
      case 'colon':
        if (c !== 0x3a) return i;
        i++;
        expect = 'value';
        continue;
      case 'key':
      case 'key-or-close':
        if (c === 0x7d && (expect as Expect) === 'key-or-close') {
          stack.pop();
          i++;
          afterValue();
          continue;
        }
        if (c !== 0x22 || !string()) return i;
        expect = 'colon';
        continue;
      case 'comma-or-close': {
        const open = stack[stack.length - 1];
        if (c === 0x2c) {
          i++;
          expect = open === 0x7b ? 'key' : 'value';
          continue;
        }
        if ((open === 0x7b && c === 0x7d) || (open === 0x5b && c === 0x5d)) {
          stack.pop();
          i++;
          afterValue();
          continue;
        }
        return i;
      }
      case 'value':
      case 'value-or-close': {
        if (c === 0x5d && (expect as Expect) === 'value-or-close') {
          stack.pop();
          i++;
          afterValue();
          continue;
        }
        if (stack.length === 1 && stack[0] === 0x5b) onElement?.(i);
        if (c === 0x7b || c === 0x5b) {
          stack.push(c);
          i++;
          expect = c === 0x7b ? 'key-or-close' : 'value-or-close';
          continue;
        }
        if (c === 0x22) {
          if (!string()) return Math.min(i, n);
          afterValue();
          continue;
        }
        const literal = c === 0x74 ? 'true' : c === 0x66 ? 'false' : c === 0x6e ? 'null' : null;
        if (literal !== null) {
          for (let k = 0; k < literal.length; k++) if (text[i + k] !== literal[k]) return i + k;
          i += literal.length;
        } else {
          const end = numberEnd(text, i);
          if (end < 0) return -end - 1;
          i = end;
        }
        afterValue();
        continue;
      }
    }
  }
}

/** Past the number at `i`, or `-(offset + 1)` of the first character where it stops being one. */
function numberEnd(text: string, i: number): number {
  const digit = (at: number): boolean => {
    const c = text.charCodeAt(at);
    return c >= 0x30 && c <= 0x39;
  };
  let j = i;
  if (text[j] === '-') j++;
  if (!digit(j)) return -j - 1;
  if (text[j] === '0') j++;
  else while (digit(j)) j++;
  if (text[j] === '.') {
    j++;
    if (!digit(j)) return -j - 1;
    while (digit(j)) j++;
  }
  if (text[j] === 'e' || text[j] === 'E') {
    j++;
    if (text[j] === '+' || text[j] === '-') j++;
    if (!digit(j)) return -j - 1;
    while (digit(j)) j++;
  }
  return j;
}
