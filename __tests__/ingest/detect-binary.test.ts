import { detectBinary } from '../../src/ingest/detect-binary';

describe('detectBinary', () => {
  test('text with tabs, CR, LF, FF is text', () => {
    expect(detectBinary(new TextEncoder().encode('a\tb\r\nc\fd\n'))).toBeNull();
  });

  test('a NUL byte in the first 8 KiB is binary', () => {
    expect(detectBinary(Uint8Array.from([0x61, 0x00, 0x62]))).toBe('NUL byte at offset 1');
  });

  test('a NUL byte after the first 8 KiB is not looked at', () => {
    const input = new Uint8Array(8200).fill(0x61);
    input[8195] = 0;
    expect(detectBinary(input)).toBeNull();
  });

  test('more than 10% control characters is binary; 10% is not', () => {
    // 100 bytes: 11 ESC (0x1B) → 11% > 10%
    const eleven = new Uint8Array(100).fill(0x61).fill(0x1b, 0, 11);
    expect(detectBinary(eleven)).toMatch(/control characters/);
    const ten = new Uint8Array(100).fill(0x61).fill(0x1b, 0, 10);
    expect(detectBinary(ten)).toBeNull();
  });
});
