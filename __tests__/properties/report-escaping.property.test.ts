/** Escaping in the report renderers: whatever the input text, it reads back as itself and opens nothing. */
import fc from 'fast-check';
import { csvField, escapeHtml, escapeMarkdown } from '../../src/report';
import { jsonForScript } from '../../src/report/escape-html';
import { parseCsv } from '../report/parse-csv';

// Strings rich in the characters each format treats specially.
const special = fc.constantFrom('<', '>', '&', '"', "'", ',', '\r', '\n', '\r\n', '|', '\\', '`', '*', '_', '[', ']', '#', '@', '!', '~', '-', '1.', ' ', '\t', '\u2028', '\u2029', '</script>', '<!--', 'a', 'Z', 'é', '\uD83D\uDE00');
const text = fc.oneof(fc.string(), fc.array(special, { maxLength: 40 }).map((xs) => xs.join('')));

describe('report escaping properties', () => {
  test('a CSV field reads back as itself with an RFC 4180 reader', () => {
    fc.assert(fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (fields) => {
      expect(parseCsv(`${fields.map(csvField).join(',')}\r\n`)).toEqual([fields]);
    }));
  });

  test('escaped HTML holds no markup character; entities give the text back', () => {
    fc.assert(fc.property(text, (s) => {
      const e = escapeHtml(s);
      expect(e).not.toMatch(/[<>"']/);
      const back = e.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
      expect(back).toBe(s);
    }));
  });

  test('JSON for a script block holds no "<", ">", "&" or line separator and parses back to the value', () => {
    fc.assert(fc.property(fc.array(text, { maxLength: 5 }), (values) => {
      const j = jsonForScript({ values });
      expect(j).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(j)).toEqual({ values });
    }));
  });

  test('escaped Markdown has no unescaped pipe, tag or line break, and unescapes to the folded text', () => {
    fc.assert(fc.property(text, (s) => {
      const e = escapeMarkdown(s);
      expect(e).not.toMatch(/[\r\n]/);
      expect(e).not.toMatch(/(^|[^\\])(\\\\)*[|<`]/);
      expect(e.replace(/\\([!-/:-@[-`{-~])/g, '$1')).toBe(s.replace(/\s+/g, ' ').trim());
    }));
  });
});
