import fc from 'fast-check';
import { findInvalidUtf8, getLineAtByte } from '../../src/ingest/find-invalid-utf8';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('findInvalidUtf8', () => {
  test('valid text → -1', () => {
    expect(findInvalidUtf8(new TextEncoder().encode('plain, é, €, 😀, Тегеран'))).toBe(-1);
    expect(findInvalidUtf8(bytes())).toBe(-1);
  });

  test.each([
    ['stray continuation byte', bytes(0x61, 0x80), 1],
    ['0xFF never occurs', bytes(0x61, 0x62, 0xff), 2],
    ['overlong "/" (C0 AF)', bytes(0xc0, 0xaf), 0],
    ['overlong 3-byte (E0 80 80)', bytes(0xe0, 0x80, 0x80), 0],
    ['UTF-16 surrogate (ED A0 80)', bytes(0x41, 0xed, 0xa0, 0x80), 1],
    ['above U+10FFFF (F4 90 80 80)', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['F5 lead byte', bytes(0xf5, 0x80, 0x80, 0x80), 0],
    ['truncated at the end (E2 82)', bytes(0x61, 0xe2, 0x82), 1],
    ['lead byte followed by ASCII', bytes(0xc3, 0x41), 0],
  ])('%s → offset %d', (_name, input, expected) => {
    expect(findInvalidUtf8(input)).toBe(expected);
  });

  test('property: agrees with a fatal TextDecoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
        let decodes = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(input);
        } catch {
          decodes = false;
        }
        expect(findInvalidUtf8(input) === -1).toBe(decodes);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});

describe('getLineAtByte', () => {
  test('counts LF before the offset, 1-based', () => {
    const input = new TextEncoder().encode('a\nb\r\nc');
    expect(getLineAtByte(input, 0)).toBe(1);
    expect(getLineAtByte(input, 2)).toBe(2); // "b"
    expect(getLineAtByte(input, 5)).toBe(3); // "c" after CRLF
  });
});
