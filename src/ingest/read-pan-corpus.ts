/**
 * Reading a PAN text-alignment corpus folder (the PAN 2013 layout):
 *
 * ```
 * <dir>/pairs                     one "suspicious-documentX.txt source-documentY.txt" a line
 * <dir>/susp/, <dir>/src/         the documents (UTF-8)
 * <dir>/<category>/               e.g. 01-no-plagiarism, 02-no-obfuscation, …: ground truth,
 *     suspicious-documentX-source-documentY.xml   one PAN XML file per pair
 * ```
 *
 * Every sub-folder other than `susp` and `src` (and hidden ones) is a category folder;
 * only its `*.xml` files are read. The root `pairs` file decides which pairs exist and
 * their order; ground-truth files for pairs not listed there are ignored. Only features
 * named `plagiarism` become cases; `about`, `md5` and the like are ignored.
 *
 * This is an I/O edge of the evaluation: texts are not loaded here, {@link readPanText}
 * reads one on demand. Every problem is a one-line {@link InputError} or
 * {@link FormatError} naming the file (and line).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FormatError, InputError } from '../errors';
import { describeFsError } from './describe-fs-error';
import { readUtf8File } from './read-utf8-file';
import type { PanCase } from '../eval/pan-measures';
import { CASE_FEATURE, parsePanXml, type PanFeature } from '../eval/pan-xml';

/** One pair of a PAN corpus with its category and ground truth. */
export interface PanPair {
  /** Suspicious document's file name in `susp/`, e.g. `suspicious-document00001.txt`. */
  readonly susp: string;
  /** Source document's file name in `src/`, e.g. `source-document00294.txt`. */
  readonly src: string;
  /** Name of the category folder holding the pair's ground truth, e.g. `02-no-obfuscation`. */
  readonly category: string;
  /** Ground-truth cases, in file order (empty for a negative pair). */
  readonly cases: readonly PanCase[];
}

/** A PAN corpus: its folder and its pairs in `pairs` file order. */
export interface PanCorpus {
  readonly dir: string;
  readonly pairs: readonly PanPair[];
}

/** Which of the corpus's two document folders a text lives in. */
export type PanTextKind = 'susp' | 'src';

/** How many ground-truth files are read at once. */
const READ_CONCURRENCY = 64;

/**
 * Read a PAN corpus folder's pairs and ground truth (not its texts).
 *
 * @param dir - the corpus folder, e.g. `../shared/eval/pan13-train`
 * @throws {@link InputError} for a missing folder or `pairs` file, a malformed `pairs`
 *   line (`pairs:LINE`), a duplicate pair, a name with no file in `susp/` or `src/`, a
 *   pair with no ground truth in any category folder or with ground truth in two
 * @throws {@link FormatError} for malformed ground-truth XML (`file:LINE`)
 */
export async function readPanCorpus(dir: string): Promise<PanCorpus> {
  const pairsPath = path.join(dir, 'pairs');
  const listed = parsePairsFile(await readUtf8File(pairsPath, { what: 'pairs file' }), pairsPath);
  const [suspNames, srcNames, groundTruth] = await Promise.all([
    listFolder(path.join(dir, 'susp')),
    listFolder(path.join(dir, 'src')),
    locateGroundTruth(dir),
  ]);

  const located = listed.map((entry) => {
    const where = `${pairsPath}:${entry.line}`;
    if (!suspNames.has(entry.susp)) throw new InputError(where, `${entry.susp} is not in ${path.join(dir, 'susp')}`);
    if (!srcNames.has(entry.src)) throw new InputError(where, `${entry.src} is not in ${path.join(dir, 'src')}`);
    const xmlName = groundTruthName(entry.susp, entry.src);
    const categories = groundTruth.get(xmlName);
    if (categories === undefined) {
      throw new InputError(where, `no ground truth ${xmlName} in any category folder of ${dir}`);
    }
    if (categories.length > 1) {
      throw new InputError(where, `ground truth ${xmlName} is in more than one category: ${categories.join(', ')}`);
    }
    return { ...entry, category: categories[0] as string, xmlPath: path.join(dir, categories[0] as string, xmlName) };
  });

  const pairs: PanPair[] = [];
  for (let i = 0; i < located.length; i += READ_CONCURRENCY) {
    const batch = located.slice(i, i + READ_CONCURRENCY);
    const read = await Promise.all(
      batch.map(async (entry) => {
        const text = await readUtf8File(entry.xmlPath, { what: 'ground-truth file' });
        const cases = readGroundTruth(text, entry.xmlPath, entry.susp, entry.src);
        return { susp: entry.susp, src: entry.src, category: entry.category, cases };
      }),
    );
    pairs.push(...read);
  }
  return { dir, pairs };
}

/**
 * Read one corpus document as UTF-8, exactly as stored (a BOM, if any, is kept so that
 * offsets stay PAN's).
 *
 * @param dir - the corpus folder
 * @param kind - `susp` or `src`
 * @param name - the file name as in `pairs`
 * @throws {@link InputError} when the name is not a plain file name, the file is
 *   missing or unreadable, or it is not valid UTF-8
 */
export async function readPanText(dir: string, kind: PanTextKind, name: string): Promise<string> {
  const file = path.join(dir, kind, name);
  if (!isPlainFileName(name)) throw new InputError(file, 'not a plain file name');
  return readPanDocument(file);
}

/**
 * Read one PAN document by path as strict UTF-8, keeping a BOM if any (PAN's
 * offsets count it).
 */
export async function readPanDocument(file: string): Promise<string> {
  return readUtf8File(file, { what: 'document', keepBom: true });
}

/**
 * The ground-truth (and detection) file name of a pair: both names without `.txt`,
 * joined by `-`, plus `.xml`, as PAN names them.
 */
export function groundTruthName(susp: string, src: string): string {
  return `${stripTxt(susp)}-${stripTxt(src)}.xml`;
}

/** One line of a `pairs` file. */
export interface PairsEntry {
  readonly susp: string;
  readonly src: string;
  readonly line: number;
}

/** Read a `pairs` file (`suspicious.txt source.txt` a line); errors name the file and line. */
export async function readPanPairs(file: string): Promise<PairsEntry[]> {
  return parsePairsFile(await readUtf8File(file, { what: 'pairs file' }), file);
}

/** Parse the `pairs` file: two `.txt` names a line, separated by spaces or tabs; a final empty line is allowed. */
function parsePairsFile(text: string, where: string): PairsEntry[] {
  const lines = text.split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) throw new InputError(where, 'pairs file is empty');
  const seen = new Map<string, number>();
  return lines.map((raw, i) => {
    const line = i + 1;
    const fields = raw.trim().split(/[ \t]+/);
    const [susp, src] = fields;
    if (fields.length !== 2 || susp === undefined || src === undefined || !isTxtName(susp) || !isTxtName(src)) {
      throw new InputError(
        `${where}:${line}`,
        `expected "suspicious-document.txt source-document.txt", got ${JSON.stringify(raw.slice(0, 80))}`,
      );
    }
    const key = `${susp} ${src}`;
    const first = seen.get(key);
    if (first !== undefined) {
      throw new InputError(`${where}:${line}`, `pair ${key} is listed again (first on line ${first})`);
    }
    seen.set(key, line);
    return { susp, src, line };
  });
}

/** Cases of one ground-truth file, checking it is about this pair. */
function readGroundTruth(text: string, file: string, susp: string, src: string): PanCase[] {
  const xml = parsePanXml(text, file);
  if (xml.reference !== susp) {
    throw new FormatError(`${file}:1`, `document reference "${xml.reference}" is not ${susp}`);
  }
  return xml.features.filter((f) => f.name === CASE_FEATURE).map((f) => readCase(f, file, src));
}

function readCase(feature: PanFeature, file: string, src: string): PanCase {
  const where = `${file}:${feature.line}`;
  const sourceReference = attribute(feature, 'source_reference');
  if (sourceReference !== undefined && sourceReference !== src) {
    throw new FormatError(where, `source_reference "${sourceReference}" is not ${src}`);
  }
  return {
    thisOffset: readInteger(feature, 'this_offset', 0, where),
    thisLength: readInteger(feature, 'this_length', 1, where),
    sourceOffset: readInteger(feature, 'source_offset', 0, where),
    sourceLength: readInteger(feature, 'source_length', 1, where),
  };
}

function readInteger(feature: PanFeature, name: string, min: number, where: string): number {
  const value = attribute(feature, name);
  if (value === undefined) throw new FormatError(where, `plagiarism feature has no ${name}`);
  const n = /^[0-9]{1,15}$/.test(value) ? Number(value) : NaN;
  if (!(n >= min)) throw new FormatError(where, `${name}="${value}" is not an integer ≥ ${min}`);
  return n;
}

function attribute(feature: PanFeature, name: string): string | undefined {
  return Object.hasOwn(feature.attrs, name) ? feature.attrs[name] : undefined;
}

/** Map of ground-truth file name → the category folders holding it. */
async function locateGroundTruth(dir: string): Promise<Map<string, string[]>> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    throw new InputError(dir, `cannot read corpus folder (${describeFsError(error)})`, { cause: error });
  });
  const categories = entries
    .filter((e) => e.isDirectory() && e.name !== 'susp' && e.name !== 'src' && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  const located = new Map<string, string[]>();
  for (const category of categories) {
    for (const name of await listFolder(path.join(dir, category))) {
      if (!name.endsWith('.xml')) continue;
      const list = located.get(name);
      if (list === undefined) located.set(name, [category]);
      else list.push(category);
    }
  }
  return located;
}

async function listFolder(folder: string): Promise<Set<string>> {
  try {
    return new Set(await fs.readdir(folder));
  } catch (error) {
    throw new InputError(folder, `cannot read folder (${describeFsError(error)})`, { cause: error });
  }
}



function isPlainFileName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}

function isTxtName(name: string): boolean {
  return isPlainFileName(name) && name.endsWith('.txt') && name.length > 4;
}

function stripTxt(name: string): string {
  return name.endsWith('.txt') ? name.slice(0, -4) : name;
}
