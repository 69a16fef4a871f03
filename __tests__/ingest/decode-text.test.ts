import { decodeFileText, decodeText } from '../../src/ingest/decode-text';

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

describe('decodeFileText: a file in another encoding says so', () => {
  // "Привет" in windows-1251, "日本" in Shift_JIS.
  const CP1251_HELLO = [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2];
  const SJIS_NIHON = [0x93, 0xfa, 0x96, 0x7b];

  test('UTF-16, little or big endian, by its byte order mark (which is dropped)', () => {
    expect(decodeFileText(Buffer.from('\ufeffLavrov said: «Привет»\r\n', 'utf16le'), false)).toEqual({ ok: true, text: 'Lavrov said: «Привет»\r\n' });
    const be = Buffer.from('\ufeffHello 日本', 'utf16le').swap16();
    expect(decodeFileText(be, false)).toEqual({ ok: true, text: 'Hello 日本' });
  });

  test('an HTML page in the charset its <meta> declares (either form of the tag)', () => {
    const page = (meta: string, body: number[]) => concat(encode(`<html><head>${meta}</head><body><p>`), body, encode('</p></body></html>'));
    expect(decodeFileText(page('<meta charset="windows-1251">', CP1251_HELLO), true)).toMatchObject({ ok: true, text: expect.stringContaining('<p>Привет</p>') });
    expect(decodeFileText(page('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', SJIS_NIHON), true)).toMatchObject({ ok: true, text: expect.stringContaining('<p>日本</p>') });
    // The same bytes with no declaration are not UTF-8; and a text file's <meta> is only text.
    expect(decodeFileText(page('', CP1251_HELLO), true)).toMatchObject({ ok: false, code: 'W_INVALID_UTF8' });
    expect(decodeFileText(page('<meta charset="windows-1251">', CP1251_HELLO), false)).toMatchObject({ ok: false, code: 'W_INVALID_UTF8' });
    // A page that declares UTF-8 (or UTF-16, which ASCII bytes cannot be) is read as UTF-8.
    expect(decodeFileText(page('<meta charset="utf-16">', [...encode('日本')]), true)).toMatchObject({ ok: true, text: expect.stringContaining('<p>日本</p>') });
  });

  test('bytes invalid in the declared encoding skip the file, naming the encoding and the line', () => {
    // 0x81 starts a Shift_JIS pair; 0x20 cannot end one.
    const bytes = concat(encode('<meta charset="shift_jis">\n<p>ok</p>\n<p>'), [0x81, 0x20], encode('</p>'));
    expect(decodeFileText(bytes, true)).toEqual({
      ok: false,
      code: 'W_INVALID_ENCODING',
      // The first byte that cannot be decoded: the space that cannot end the pair.
      message: `not valid shift_jis (as its <meta charset> declares): line 3, byte offset ${bytes.indexOf(0x81) + 1}`,
    });
    expect(decodeFileText(Uint8Array.from([0xff, 0xfe, 0x00, 0xdc]), false)).toMatchObject({ ok: false, code: 'W_INVALID_ENCODING', message: expect.stringContaining('UTF-16') });
  });
});
