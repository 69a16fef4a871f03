import { FormatError, InternalError } from '../../src/errors';
import { escapeAttribute, parsePanXml, renderDetectionXml } from '../../src/eval';

describe('renderDetectionXml', () => {
  test("writes PAN's detection format, sorted by offsets", () => {
    const xml = renderDetectionXml('suspicious-document00001.txt', 'source-document00294.txt', [
      { thisOffset: 500, thisLength: 20, sourceOffset: 7, sourceLength: 30 },
      { thisOffset: 10, thisLength: 100, sourceOffset: 0, sourceLength: 90 },
    ]);
    expect(xml).toBe(
      [
        '<document reference="suspicious-document00001.txt">',
        '<feature name="detected-plagiarism" this_offset="10" this_length="100" source_reference="source-document00294.txt" source_offset="0" source_length="90"/>',
        '<feature name="detected-plagiarism" this_offset="500" this_length="20" source_reference="source-document00294.txt" source_offset="7" source_length="30"/>',
        '</document>',
        '',
      ].join('\n'),
    );
  });

  test('no detections: an empty document element', () => {
    expect(renderDetectionXml('a.txt', 'b.txt', [])).toBe('<document reference="a.txt">\n</document>\n');
  });

  test('escapes attribute values and reads them back unchanged', () => {
    const odd = `a&b<c>"d'e\tf\ng\rh.txt`;
    const xml = renderDetectionXml(odd, odd, [{ thisOffset: 1, thisLength: 2, sourceOffset: 3, sourceLength: 4 }]);
    expect(xml).toContain('reference="a&amp;b&lt;c&gt;&quot;d&apos;e&#9;f&#10;g&#13;h.txt"');
    const parsed = parsePanXml(xml, 'x.xml');
    expect(parsed.reference).toBe(odd);
    expect(parsed.features[0]?.attrs['source_reference']).toBe(odd);
  });

  test('rejects a detection that PAN cannot represent (a bug upstream)', () => {
    for (const bad of [
      { thisOffset: -1, thisLength: 2, sourceOffset: 3, sourceLength: 4 },
      { thisOffset: 1, thisLength: 0, sourceOffset: 3, sourceLength: 4 },
      { thisOffset: 1, thisLength: 2, sourceOffset: 3.5, sourceLength: 4 },
      { thisOffset: 1, thisLength: 2, sourceOffset: 3, sourceLength: Number.NaN },
    ]) {
      expect(() => renderDetectionXml('a.txt', 'b.txt', [bad])).toThrow(InternalError);
    }
  });

  test('escapeAttribute leaves plain text alone', () => {
    expect(escapeAttribute('suspicious-document00001.txt')).toBe('suspicious-document00001.txt');
  });
});

describe('parsePanXml', () => {
  test('reads a real-looking ground-truth file: reference, every feature with its attributes and line', () => {
    const text = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!-- ground truth -->',
      '<document  reference="suspicious-document00005.txt">',
      '\t<feature  name="about" authors="DUC2006" title="news &amp; views" language="en" />',
      '<feature name="plagiarism" obfuscation="none" source_length="698" source_offset="1300"',
      '   source_reference="source-document01090.txt" this_length="698" this_offset="3593" type="artificial"></feature>',
      "<feature name='md5' value='ef01'/>",
      '</document >',
      '',
    ].join('\n');
    expect(parsePanXml(text, 'gt.xml')).toEqual({
      reference: 'suspicious-document00005.txt',
      features: [
        { name: 'about', attrs: { name: 'about', authors: 'DUC2006', title: 'news & views', language: 'en' }, line: 4 },
        {
          name: 'plagiarism',
          attrs: {
            name: 'plagiarism',
            obfuscation: 'none',
            source_length: '698',
            source_offset: '1300',
            source_reference: 'source-document01090.txt',
            this_length: '698',
            this_offset: '3593',
            type: 'artificial',
          },
          line: 5,
        },
        { name: 'md5', attrs: { name: 'md5', value: 'ef01' }, line: 7 },
      ],
    });
  });

  test('an empty self-closing document, a BOM, character references', () => {
    expect(parsePanXml('\uFEFF<document reference="x&#46;txt&#x21;"/>', 'f')).toEqual({ reference: 'x.txt!', features: [] });
  });

  test('literal whitespace in attribute values is normalised to spaces', () => {
    expect(parsePanXml('<document reference="a\tb\nc"/>', 'f').reference).toBe('a b c');
  });

  // Each malformed input with the line the error must name.
  const malformed: [string, string, number, string][] = [
    ['empty file', '', 1, 'no <document> element'],
    ['text before the root', 'hello <document reference="a"/>', 1, 'expected an element'],
    ['wrong root', '<doc reference="a"/>', 1, 'root element is <doc>'],
    ['no reference', '<document>\n</document>', 1, 'no reference attribute'],
    ['unclosed document', '<document reference="a">\n<feature name="x"/>\n', 1, '<document> is not closed'],
    ['mismatched end tag', '<document reference="a">\n</feature>', 2, '</feature> closes <document>'],
    ['other element', '<document reference="a">\n\n<case name="x"/>\n</document>', 3, 'unexpected element <case>'],
    ['feature without name', '<document reference="a">\n<feature this_offset="1"/>\n</document>', 2, 'no name attribute'],
    ['text inside document', '<document reference="a">\nsome text\n</document>', 2, 'expected an element'],
    ['feature with content', '<document reference="a">\n<feature name="x">text</feature>\n</document>', 2, '<feature> must be empty'],
    ['unquoted value', '<document reference=a/>', 1, 'not quoted'],
    ['unterminated value', '<document reference="a/>\n</document>\n', 1, 'not terminated'],
    ['attribute without value', '<document reference/>', 1, 'has no value'],
    ['attributes run together', '<document reference="a"name="b"/>', 1, 'expected whitespace before an attribute'],
    ['duplicate attribute', '<document reference="a"\n reference="b"/>', 2, 'duplicate attribute reference'],
    ['< in value', '<document reference="a<b"/>', 1, '"<" in the value'],
    ['bare ampersand', '<document reference="a & b"/>', 1, 'bad entity reference "&"'],
    ['unknown entity', '<document\nreference="&nbsp;"/>', 2, 'bad entity reference "&nbsp;"'],
    ['bad character reference', '<document reference="&#0;"/>', 1, 'bad entity reference "&#0;"'],
    ['content after the root', '<document reference="a"/>\n<document reference="b"/>', 2, 'content after </document>'],
    ['unclosed tag at end', '<document reference="a">\n<feature name="x"', 2, '<feature> is not closed'],
    ['doctype', '<!DOCTYPE document>\n<document reference="a"/>', 1, 'DOCTYPE'],
    ['cdata', '<document reference="a">\n<![CDATA[x]]>\n</document>', 2, 'DOCTYPE, CDATA'],
    ['unterminated comment', '<document reference="a">\n<!-- x\n</document>', 2, 'unterminated comment'],
    ['control character', '<document reference="a">\n\n\u0001</document>', 3, 'U+0001'],
    ['bad declaration', '<?xml version=1.0?><document reference="a"/>', 1, 'malformed XML declaration'],
  ];
  test.each(malformed)('%s → FormatError at where:line', (_label, text, line, message) => {
    let error: unknown;
    try {
      parsePanXml(text, 'dir/file.xml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FormatError);
    const m = (error as FormatError).message;
    expect(m.startsWith(`dir/file.xml:${line}: malformed PAN XML: `)).toBe(true);
    expect(m).toContain(message);
    expect(m).not.toContain('\n');
  });
});
