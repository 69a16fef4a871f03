/**
 * PAN's flat XML format, read and written: one `<document reference="…">` element
 * holding `<feature …/>` elements and nothing else.
 *
 * Ground truth (`feature name="plagiarism"`) and detections
 * (`feature name="detected-plagiarism"`) share the format. The reader is hand-written
 * for this shape only and strict: an XML declaration, comments and whitespace may
 * surround the elements; anything else (text, other elements, a DOCTYPE, CDATA, an
 * unknown entity, a bare `&` or `<` in a value, a duplicate attribute, an unclosed
 * tag) is a {@link FormatError} naming `where:line`.
 *
 * Pure: no file access.
 */
import { FormatError, InternalError } from '../errors';
import type { PanDetection } from './pan-measures';

/** One `<feature>` element: its `name` attribute, all its attributes, and its line. */
export interface PanFeature {
  readonly name: string;
  /** Every attribute, `name` included, with entities decoded. */
  readonly attrs: Readonly<Record<string, string>>;
  /** 1-based line of the feature's `<` in the file. */
  readonly line: number;
}

/** A parsed PAN XML file. */
export interface PanXml {
  /** The `reference` attribute of `<document>`: the suspicious document's file name. */
  readonly reference: string;
  readonly features: readonly PanFeature[];
}

/** The feature name of a detection in PAN's output format. */
export const DETECTION_FEATURE = 'detected-plagiarism';

/** The feature name of a ground-truth case in PAN's corpus format. */
export const CASE_FEATURE = 'plagiarism';

/**
 * Render one pair's detections in PAN's detection format, sorted by
 * (this_offset, this_length, source_offset, source_length) so the file is byte-stable.
 *
 * @param suspName - suspicious document's file name, e.g. `suspicious-document00001.txt`
 * @param srcName - source document's file name, e.g. `source-document00294.txt`
 * @param detections - offsets and lengths in UTF-16 code units; integers, offsets ≥ 0,
 *   lengths ≥ 1 (anything else is a bug upstream and throws {@link InternalError})
 * @returns the XML text, ending with a newline
 */
export function renderDetectionXml(
  suspName: string,
  srcName: string,
  detections: readonly PanDetection[],
): string {
  detections.forEach(checkRenderable);
  const sorted = [...detections].sort(
    (a, b) =>
      a.thisOffset - b.thisOffset ||
      a.thisLength - b.thisLength ||
      a.sourceOffset - b.sourceOffset ||
      a.sourceLength - b.sourceLength,
  );
  const lines = [`<document reference="${escapeAttribute(suspName)}">`];
  for (const d of sorted) {
    lines.push(
      `<feature name="${DETECTION_FEATURE}" this_offset="${d.thisOffset}" this_length="${d.thisLength}"` +
        ` source_reference="${escapeAttribute(srcName)}"` +
        ` source_offset="${d.sourceOffset}" source_length="${d.sourceLength}"/>`,
    );
  }
  lines.push('</document>', '');
  return lines.join('\n');
}

/**
 * Escape a string for a double-quoted XML attribute value: `& < > " '` and the three
 * whitespace characters an XML reader would otherwise normalise to a space.
 */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"'\t\n\r]/g, (c) => ESCAPES[c] as string);
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

function checkRenderable(d: PanDetection): void {
  const ok =
    Number.isSafeInteger(d.thisOffset) &&
    Number.isSafeInteger(d.sourceOffset) &&
    Number.isSafeInteger(d.thisLength) &&
    Number.isSafeInteger(d.sourceLength) &&
    d.thisOffset >= 0 &&
    d.sourceOffset >= 0 &&
    d.thisLength >= 1 &&
    d.sourceLength >= 1;
  if (!ok) throw new InternalError(`renderDetectionXml: not a valid detection: ${JSON.stringify(d)}`);
}

/**
 * Parse a PAN XML file (ground truth or detections).
 *
 * @param text - the file's text (a leading BOM is skipped)
 * @param where - the file name used in error messages (`where:line: …`)
 * @throws {@link FormatError} on anything but a well-formed `<document>` of `<feature>`s
 *   with a `reference` attribute, each feature having a `name` attribute
 */
export function parsePanXml(text: string, where: string): PanXml {
  return new PanXmlReader(text, where).readFile();
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_.:]*/y;
const INVALID_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const SPACE = /[ \t\r\n]*/y;

interface Tag {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly selfClosing: boolean;
  readonly line: number;
}

/** A cursor over the text; every method either advances or throws. */
class PanXmlReader {
  private pos: number;
  /** Offsets of every `\n`, for line numbers. */
  private readonly newlines: number[] = [];

  constructor(
    private readonly text: string,
    private readonly where: string,
  ) {
    this.pos = text.startsWith('\uFEFF') ? 1 : 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.newlines.push(i);
  }

  readFile(): PanXml {
    const bad = INVALID_CHAR.exec(this.text);
    if (bad !== null) {
      const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      this.fail(`character U+${code} is not allowed in XML`, this.lineAt(bad.index));
    }
    if (this.text.startsWith('<?xml', this.pos)) this.skipDeclaration();
    this.skipMisc();
    if (this.pos >= this.text.length) this.fail('no <document> element');
    const root = this.readStartTag();
    if (root.name !== 'document') this.fail(`root element is <${root.name}>, expected <document>`, root.line);
    const reference = root.attrs['reference'];
    if (reference === undefined) this.fail('<document> has no reference attribute', root.line);
    const features: PanFeature[] = [];
    if (!root.selfClosing) {
      for (;;) {
        this.skipMisc();
        if (this.pos >= this.text.length) this.fail('<document> is not closed', root.line);
        if (this.text.startsWith('</', this.pos)) {
          this.readEndTag('document');
          break;
        }
        const tag = this.readStartTag();
        if (tag.name !== 'feature') this.fail(`unexpected element <${tag.name}> in <document>`, tag.line);
        if (!tag.selfClosing) {
          this.skipSpace();
          if (!this.text.startsWith('</', this.pos)) this.fail('<feature> must be empty');
          this.readEndTag('feature');
        }
        const name = tag.attrs['name'];
        if (name === undefined) this.fail('<feature> has no name attribute', tag.line);
        features.push({ name, attrs: tag.attrs, line: tag.line });
      }
    }
    this.skipMisc();
    if (this.pos < this.text.length) this.fail('content after </document>');
    return { reference, features };
  }

  private skipDeclaration(): void {
    const end = this.text.indexOf('?>', this.pos);
    if (end < 0) this.fail('unterminated XML declaration');
    const body = this.text.slice(this.pos + 5, end);
    if (!/^(\s+[A-Za-z]+\s*=\s*("[^"<&]*"|'[^'<&]*'))*\s*$/.test(body)) this.fail('malformed XML declaration');
    this.pos = end + 2;
  }

  /** Whitespace and comments. */
  private skipMisc(): void {
    for (;;) {
      this.skipSpace();
      if (!this.text.startsWith('<!--', this.pos)) return;
      const end = this.text.indexOf('-->', this.pos + 4);
      if (end < 0) this.fail('unterminated comment');
      if (this.text.slice(this.pos + 4, end).includes('--')) this.fail('"--" inside a comment');
      this.pos = end + 3;
    }
  }

  private skipSpace(): void {
    SPACE.lastIndex = this.pos;
    SPACE.exec(this.text);
    this.pos = SPACE.lastIndex;
  }

  private readName(what: string): string {
    NAME.lastIndex = this.pos;
    const m = NAME.exec(this.text);
    if (m === null) this.fail(`expected ${what}, found ${this.describeHere()}`);
    this.pos = NAME.lastIndex;
    return m[0];
  }

  private readStartTag(): Tag {
    const line = this.lineAt(this.pos);
    if (this.text[this.pos] !== '<') this.fail(`expected an element, found ${this.describeHere()}`);
    if (this.text.startsWith('<!', this.pos) || this.text.startsWith('<?', this.pos)) {
      this.fail('DOCTYPE, CDATA and processing instructions are not allowed here');
    }
    this.pos += 1;
    const name = this.readName('an element name');
    const attrs = new Map<string, string>();
    for (;;) {
      const before = this.pos;
      this.skipSpace();
      if (this.text.startsWith('/>', this.pos)) {
        this.pos += 2;
        return { name, attrs: Object.fromEntries(attrs), selfClosing: true, line };
      }
      if (this.text[this.pos] === '>') {
        this.pos += 1;
        return { name, attrs: Object.fromEntries(attrs), selfClosing: false, line };
      }
      if (this.pos >= this.text.length) this.fail(`<${name}> is not closed`, line);
      if (this.pos === before) this.fail(`expected whitespace before an attribute, found ${this.describeHere()}`);
      const attrLine = this.lineAt(this.pos);
      const attr = this.readName('an attribute name');
      this.skipSpace();
      if (this.text[this.pos] !== '=') this.fail(`attribute ${attr} has no value`);
      this.pos += 1;
      this.skipSpace();
      const value = this.readAttributeValue(attr);
      if (attrs.has(attr)) this.fail(`duplicate attribute ${attr}`, attrLine);
      attrs.set(attr, value);
    }
  }

  private readAttributeValue(attr: string): string {
    const quote = this.text[this.pos];
    if (quote !== '"' && quote !== "'") this.fail(`value of attribute ${attr} is not quoted`);
    const start = this.pos + 1;
    const end = this.text.indexOf(quote, start);
    if (end < 0) this.fail(`value of attribute ${attr} is not terminated`);
    const raw = this.text.slice(start, end);
    const lt = raw.indexOf('<');
    if (lt >= 0) this.fail(`"<" in the value of attribute ${attr}`, this.lineAt(start + lt));
    const value = this.decodeEntities(raw, start);
    this.pos = end + 1;
    return value;
  }

  /** Decode entity and character references; literal tab, CR and LF become spaces (XML 1.0 §3.3.3). */
  private decodeEntities(raw: string, offset: number): string {
    let out = '';
    let i = 0;
    while (i < raw.length) {
      const c = raw[i] as string;
      if (c !== '&') {
        out += c === '\t' || c === '\n' || c === '\r' ? ' ' : c;
        i += 1;
        continue;
      }
      const semi = raw.indexOf(';', i);
      const ref = semi < 0 ? '' : raw.slice(i + 1, semi);
      const decoded = decodeReference(ref);
      if (decoded === null) {
        this.fail(`bad entity reference "${raw.slice(i, semi < 0 ? i + 1 : semi + 1)}"`, this.lineAt(offset + i));
      }
      out += decoded;
      i = semi + 1;
    }
    return out;
  }

  private readEndTag(expected: string): void {
    const line = this.lineAt(this.pos);
    this.pos += 2;
    const name = this.readName('an element name');
    if (name !== expected) this.fail(`</${name}> closes <${expected}>`, line);
    this.skipSpace();
    if (this.text[this.pos] !== '>') this.fail(`</${name}> is not closed`, line);
    this.pos += 1;
  }

  private describeHere(): string {
    if (this.pos >= this.text.length) return 'end of file';
    return JSON.stringify(this.text.slice(this.pos, this.pos + 12));
  }

  /** 1-based line of the character at `index`: one more than the number of newlines before it. */
  private lineAt(index: number): number {
    let lo = 0;
    let hi = this.newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.newlines[mid] as number) < index) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }

  private fail(message: string, line: number = this.lineAt(this.pos)): never {
    throw new FormatError(`${this.where}:${line}`, `malformed PAN XML: ${message}`);
  }
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of `&ref;`, or `null` when `ref` is not one of XML's five entities or a valid character reference. */
function decodeReference(ref: string): string | null {
  const named = NAMED_ENTITIES[ref];
  if (named !== undefined && Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, ref)) return named;
  const m = /^#(?:([0-9]{1,7})|x([0-9A-Fa-f]{1,6}))$/.exec(ref);
  if (m === null) return null;
  const code = m[1] !== undefined ? Number.parseInt(m[1], 10) : Number.parseInt(m[2] as string, 16);
  const allowed =
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff);
  return allowed ? String.fromCodePoint(code) : null;
}
