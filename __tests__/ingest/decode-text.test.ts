import { decodeText } from '../../src/ingest/decode-text';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: (Uint8Array | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => Array.from(part)));

describe('decodeText', () => {
  test('keeps the text exactly: CRLF stays CRLF, no trimming', () => {
    expect(decodeText(encode(' Title\r\n\r\nBody é €  \n'))).toEqual({ ok: true, text: ' Title\r\n\r\nBody é €  \n' });
  });

  test('removes one leading BOM only', () => {
    expect(decodeText(concat([0xef, 0xbb, 0xbf], encode('abc')))).toEqual({ ok: true, text: 'abc' });
    expect(decodeText(concat([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], encode('abc')))).toEqual({ ok: true, text: '\ufeffabc' });
  });

  test('empty: 0 bytes, or only whitespace', () => {
    expect(decodeText(new Uint8Array(0))).toMatchObject({ ok: false, code: 'W_EMPTY_FILE' });
    expect(decodeText(encode(' \r\n\t\n'))).toMatchObject({ ok: false, code: 'W_EMPTY_FILE' });
    expect(decodeText(concat([0xef, 0xbb, 0xbf], encode('\n')))).toMatchObject({ ok: false, code: 'W_EMPTY_FILE' });
  });

  test('binary', () => {
    expect(decodeText(concat(encode('PK'), [0x03, 0x04, 0x00, 0x00]))).toMatchObject({ ok: false, code: 'W_BINARY_FILE' });
  });

  test('invalid UTF-8 names the line of the first bad byte', () => {
    // "ok\r\nfine\nbad \xFF" → 0xFF is on line 3, at byte offset 13 (4 + 5 + 4 bytes before it)
    const result = decodeText(concat(encode('ok\r\nfine\nbad '), [0xff]));
    expect(result).toEqual({ ok: false, code: 'W_INVALID_UTF8', message: 'invalid UTF-8 at line 3 (byte 0xFF at offset 13)' });
  });

  test('Latin-1 text is invalid UTF-8', () => {
    // "café" in Latin-1: E9 followed by nothing → truncated sequence on line 1
    expect(decodeText(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]))).toMatchObject({ ok: false, code: 'W_INVALID_UTF8', message: expect.stringContaining('line 1') });
  });

  test('UTF-16 is refused with a clear message', () => {
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x61, 0x00]))).toMatchObject({ ok: false, code: 'W_INVALID_UTF8', message: expect.stringContaining('UTF-16') });
  });
});
