/** jsonErrorOffset against JSON.parse: null exactly when the text parses, and V8's position when its message gives one. */
import fc from 'fast-check';
import { jsonErrorOffset } from '../../src/ingest/json-error-offset';

const piece = fc.constantFrom('{', '}', '[', ']', ',', ':', ' ', '\n', '"a"', '"b\\"c"', '"\\u00e9"', '"bad\\x"', '1', '-2.5e3', '01', 'true', 'nul', 'null', '"', 'x', '2.', '1e', '-', 'fals', '"\\u12g4"');
const text = fc.array(piece, { maxLength: 14 }).map((xs) => xs.join(''));

function parses(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

describe('jsonErrorOffset', () => {
  test('null exactly when JSON.parse accepts the text', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(jsonErrorOffset(s) === null).toBe(parses(s));
      }),
      { numRuns: 5000, seed: 7 },
    );
  });

  test("V8's position, when its message gives one", () => {
    fc.assert(
      fc.property(text, (s) => {
        try {
          JSON.parse(s);
        } catch (error) {
          const at = /position (\d+)/.exec((error as Error).message);
          if (at !== null) expect(jsonErrorOffset(s)).toBe(Number(at[1]));
        }
      }),
      { numRuns: 5000, seed: 8 },
    );
  });

  test('the unexpected token of a broken array', () => {
    const s = '[\n  {"text": "a"},\n  {"text": }\n]';
    expect(jsonErrorOffset(s)).toBe(s.indexOf('}', s.indexOf('"text": }')));
    expect(jsonErrorOffset('[1, 2')).toBe(5);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
  });
});
