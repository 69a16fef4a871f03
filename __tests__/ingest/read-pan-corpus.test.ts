import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FormatError, InputError } from '../../src/errors';
import { groundTruthName, readPanCorpus, readPanText } from '../../src/ingest';

const repoRoot = join(__dirname, '..', '..');
const MINI = join(repoRoot, '__tests__', 'fixtures', 'pan-mini');

describe('readPanCorpus: the pan-mini fixture', () => {
  test('reads pairs in file order, each with its category and plagiarism cases only', async () => {
    const corpus = await readPanCorpus(MINI);
    expect(corpus.dir).toBe(MINI);
    expect(corpus.pairs).toEqual([
      { susp: 'suspicious-document00001.txt', src: 'source-document00001.txt', category: '01-no-plagiarism', cases: [] },
      {
        susp: 'suspicious-document00002.txt',
        src: 'source-document00002.txt',
        category: '02-no-obfuscation',
        cases: [
          { thisOffset: 12, thisLength: 44, sourceOffset: 67, sourceLength: 44 },
          { thisOffset: 69, thisLength: 40, sourceOffset: 8, sourceLength: 40 },
        ],
      },
      // about/md5 features are not cases
      { susp: 'suspicious-document00002.txt', src: 'source-document00003.txt', category: '01-no-plagiarism', cases: [] },
    ]);
  });

  test('readPanText reads a document so that case offsets slice the copied text on both sides', async () => {
    const corpus = await readPanCorpus(MINI);
    const pair = corpus.pairs[1];
    if (pair === undefined) throw new Error('fixture has 3 pairs');
    const susp = await readPanText(MINI, 'susp', pair.susp);
    const src = await readPanText(MINI, 'src', pair.src);
    const slices = pair.cases.map((c) => [
      susp.slice(c.thisOffset, c.thisOffset + c.thisLength),
      src.slice(c.sourceOffset, c.sourceOffset + c.sourceLength),
    ]);
    expect(slices).toEqual([
      ['The quick brown fox jumps over the lazy dog.', 'The quick brown fox jumps over the lazy dog.'],
      ['Pack my box with five dozen liquor jugs.', 'Pack my box with five dozen liquor jugs.'],
    ]);
  });

  test('groundTruthName joins the names without .txt', () => {
    expect(groundTruthName('suspicious-document00002.txt', 'source-document00003.txt')).toBe(
      'suspicious-document00002-source-document00003.xml',
    );
  });
});

describe('readPanCorpus: errors name the file and line, in one line', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'reprint-pan-'));
    cpSync(MINI, root, { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const gt02 = () => join(root, '02-no-obfuscation', 'suspicious-document00002-source-document00002.xml');

  /** The error readPanCorpus(root) throws, checked to be one line and of the given class. */
  async function failure(kind: typeof InputError | typeof FormatError): Promise<string> {
    const error: unknown = await readPanCorpus(root).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(kind);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }

  test('missing pairs file', async () => {
    unlinkSync(join(root, 'pairs'));
    expect(await failure(InputError)).toBe(`${join(root, 'pairs')}: cannot read pairs file (no such file or directory)`);
  });

  test('missing corpus folder', async () => {
    rmSync(root, { recursive: true });
    expect(await failure(InputError)).toContain(join(root, 'pairs'));
  });

  test('malformed pairs line, with its line number', async () => {
    writeFileSync(
      join(root, 'pairs'),
      'suspicious-document00001.txt source-document00001.txt\nsuspicious-document00002.txt\n',
    );
    expect(await failure(InputError)).toMatch(new RegExp(`^${escape(join(root, 'pairs'))}:2: expected `));
  });

  test('a blank line inside pairs is malformed', async () => {
    writeFileSync(
      join(root, 'pairs'),
      'suspicious-document00001.txt source-document00001.txt\n\nsuspicious-document00002.txt source-document00002.txt\n',
    );
    expect(await failure(InputError)).toContain(`${join(root, 'pairs')}:2:`);
  });

  test('a pair listed twice', async () => {
    writeFileSync(
      join(root, 'pairs'),
      'suspicious-document00001.txt source-document00001.txt\nsuspicious-document00001.txt source-document00001.txt\n',
    );
    expect(await failure(InputError)).toContain(`${join(root, 'pairs')}:2: pair suspicious-document00001.txt source-document00001.txt is listed again (first on line 1)`);
  });

  test('a name in pairs with no file in susp/', async () => {
    writeFileSync(join(root, 'pairs'), 'suspicious-document00009.txt source-document00001.txt\n');
    expect(await failure(InputError)).toBe(
      `${join(root, 'pairs')}:1: suspicious-document00009.txt is not in ${join(root, 'susp')}`,
    );
  });

  test('a name in pairs with no file in src/', async () => {
    unlinkSync(join(root, 'src', 'source-document00003.txt'));
    expect(await failure(InputError)).toBe(
      `${join(root, 'pairs')}:3: source-document00003.txt is not in ${join(root, 'src')}`,
    );
  });

  test('a pair with no ground truth in any category folder', async () => {
    unlinkSync(join(root, '01-no-plagiarism', 'suspicious-document00002-source-document00003.xml'));
    expect(await failure(InputError)).toBe(
      `${join(root, 'pairs')}:3: no ground truth suspicious-document00002-source-document00003.xml in any category folder of ${root}`,
    );
  });

  test('a pair with ground truth in two category folders', async () => {
    cpSync(gt02(), join(root, '01-no-plagiarism', 'suspicious-document00002-source-document00002.xml'));
    expect(await failure(InputError)).toContain(`${join(root, 'pairs')}:2: ground truth`);
  });

  test('missing susp/ folder', async () => {
    rmSync(join(root, 'susp'), { recursive: true });
    expect(await failure(InputError)).toBe(`${join(root, 'susp')}: cannot read folder (no such file or directory)`);
  });

  test('malformed XML: an unclosed feature, with the file and line', async () => {
    const text = readFileSync(gt02(), 'utf8').replace('type="artificial" />\n<feature', 'type="artificial"\n<feature');
    writeFileSync(gt02(), text);
    expect(await failure(FormatError)).toMatch(new RegExp(`^${escape(gt02())}:3: malformed PAN XML: `));
  });

  test('malformed XML: document never closed', async () => {
    writeFileSync(gt02(), readFileSync(gt02(), 'utf8').replace('</document>', ''));
    expect(await failure(FormatError)).toBe(`${gt02()}:1: malformed PAN XML: <document> is not closed`);
  });

  test('a case attribute that is not an integer', async () => {
    writeFileSync(gt02(), readFileSync(gt02(), 'utf8').replace('this_offset="69"', 'this_offset="6x9"'));
    expect(await failure(FormatError)).toBe(`${gt02()}:3: this_offset="6x9" is not an integer ≥ 0`);
  });

  test('a case with zero length', async () => {
    writeFileSync(gt02(), readFileSync(gt02(), 'utf8').replace('this_length="44"', 'this_length="0"'));
    expect(await failure(FormatError)).toBe(`${gt02()}:2: this_length="0" is not an integer ≥ 1`);
  });

  test('a case missing an attribute', async () => {
    writeFileSync(gt02(), readFileSync(gt02(), 'utf8').replace('source_offset="8" ', ''));
    expect(await failure(FormatError)).toBe(`${gt02()}:3: plagiarism feature has no source_offset`);
  });

  test('ground truth about another document', async () => {
    writeFileSync(gt02(), readFileSync(gt02(), 'utf8').replace('reference="suspicious-document00002.txt"', 'reference="x.txt"'));
    expect(await failure(FormatError)).toBe(`${gt02()}:1: document reference "x.txt" is not suspicious-document00002.txt`);
  });

  test('a case whose source_reference is another document', async () => {
    writeFileSync(gt02(), readFileSync(gt02(), 'utf8').replace('source_reference="source-document00002.txt"', 'source_reference="source-document00001.txt"'));
    expect(await failure(FormatError)).toBe(
      `${gt02()}:2: source_reference "source-document00001.txt" is not source-document00002.txt`,
    );
  });

  test('readPanText: missing file, invalid UTF-8, path in the name', async () => {
    await expect(readPanText(root, 'src', 'nope.txt')).rejects.toThrow(
      `${join(root, 'src', 'nope.txt')}: cannot read document (no such file or directory)`,
    );
    writeFileSync(join(root, 'src', 'bad.txt'), Buffer.from([0x61, 0xff, 0x62]));
    await expect(readPanText(root, 'src', 'bad.txt')).rejects.toThrow('document is not valid UTF-8');
    await expect(readPanText(root, 'susp', '../pairs')).rejects.toThrow('not a plain file name');
  });

  test('CRLF and a missing final newline in pairs are accepted; stray folders without XML are ignored', async () => {
    writeFileSync(
      join(root, 'pairs'),
      'suspicious-document00001.txt source-document00001.txt\r\nsuspicious-document00002.txt\tsource-document00002.txt',
    );
    mkdirSync(join(root, '.cache'));
    mkdirSync(join(root, '03-empty'));
    const corpus = await readPanCorpus(root);
    expect(corpus.pairs.map((p) => [p.src, p.category, p.cases.length])).toEqual([
      ['source-document00001.txt', '01-no-plagiarism', 0],
      ['source-document00002.txt', '02-no-obfuscation', 2],
    ]);
  });
});

/** Regular-expression source matching `text` literally. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// The real PAN 2013 training corpus, beside the repository in ../shared (CI has it too).
const PAN13 = join(repoRoot, '..', 'shared', 'eval', 'pan13-train');
const pan13Test = existsSync(join(PAN13, 'pairs')) ? test : test.skip;

describe('readPanCorpus: the PAN 2013 training corpus', () => {
  pan13Test(
    'finds 5 categories, 5185 pairs (one per line of pairs), the known case counts, and offsets that fit the texts',
    async () => {
      const corpus = await readPanCorpus(PAN13);
      const lines = readFileSync(join(PAN13, 'pairs'), 'utf8').split('\n').filter((l) => l !== '');
      expect(lines).toHaveLength(5185);
      expect(corpus.pairs).toHaveLength(lines.length);

      const byCategory: Record<string, { pairs: number; positives: number; cases: number }> = {};
      for (const p of corpus.pairs) {
        const entry = (byCategory[p.category] ??= { pairs: 0, positives: 0, cases: 0 });
        entry.pairs += 1;
        entry.positives += p.cases.length > 0 ? 1 : 0;
        entry.cases += p.cases.length;
      }
      expect(byCategory).toEqual({
        '01-no-plagiarism': { pairs: 1000, positives: 0, cases: 0 },
        '02-no-obfuscation': { pairs: 1000, positives: 1000, cases: 1252 },
        '03-random-obfuscation': { pairs: 1000, positives: 1000, cases: 1267 },
        '04-translation-obfuscation': { pairs: 1000, positives: 1000, cases: 1250 },
        // most summary pairs carry only about/md5 features: negatives
        '05-summary-obfuscation': { pairs: 1185, positives: 238, cases: 238 },
      });

      // Every case lies inside its texts, and unobfuscated cases copy the source exactly up
      // to whitespace: JavaScript string offsets are PAN's offsets.
      const texts = new Map<string, string>();
      const text = async (kind: 'susp' | 'src', name: string): Promise<string> => {
        const key = `${kind}/${name}`;
        let t = texts.get(key);
        if (t === undefined) {
          t = await readPanText(PAN13, kind, name);
          texts.set(key, t);
        }
        return t;
      };
      let outside = 0;
      let verbatimMismatches = 0;
      for (const p of corpus.pairs) {
        if (p.cases.length === 0) continue;
        const susp = await text('susp', p.susp);
        const src = await text('src', p.src);
        for (const c of p.cases) {
          if (c.thisOffset + c.thisLength > susp.length || c.sourceOffset + c.sourceLength > src.length) outside += 1;
          if (p.category !== '02-no-obfuscation') continue;
          const a = susp.slice(c.thisOffset, c.thisOffset + c.thisLength).replace(/\s/g, ' ');
          const b = src.slice(c.sourceOffset, c.sourceOffset + c.sourceLength).replace(/\s/g, ' ');
          if (a !== b) verbatimMismatches += 1;
        }
      }
      expect(outside).toBe(0);
      expect(verbatimMismatches).toBe(0);
    },
    60_000,
  );
});
