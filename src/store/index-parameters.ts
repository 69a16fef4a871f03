/**
 * The parameters an index is made with: everything that shapes a stored
 * signature, band key or boilerplate count. They are recorded when the index
 * is created; opening it with other values is an error (a signature made with
 * another seed or shingle size would compare as a wrong number, never as an
 * error), naming the parameter and both values.
 */
import { ParameterMismatchError } from '../errors';
import { DEFAULTS, resolveOptions, type ResolvedOptions, type ScanOptions } from '../options';
import { NORMALIZER_VERSION } from '../text';

/** Bits kept of each signature value in the index (b-bit minwise hashing, as `CandidateCollector` keeps them). */
export const SIGNATURE_BITS = 16;

/** The report parameters (`describeParameters`) an index records: those that shape a stored signature, band key or count. */
export const RECORDED_REPORT_PARAMETERS = [
  'normalizerVersion',
  'shingleUnit',
  'shingleSize',
  'numPerm',
  'minhashScheme',
  'seed',
  'threshold',
  'bands',
  'rows',
  'passageWords',
  'anchorSize',
  'boilerplate',
  'boilerplateShare',
  'boilerplateMinDocs',
] as const;

/**
 * Every parameter an index records: the recorded report parameters, the
 * sentence cap windows are cut with, the signature bits kept and the
 * signer's own parameters (JSON of `MinHasher.params`).
 */
export type IndexParameters = Readonly<Record<(typeof RECORDED_REPORT_PARAMETERS)[number] | 'maxSentenceWords' | 'signatureBits' | 'signer', unknown>>;

/**
 * The index parameters of a scan's report parameters (`describeParameters`
 * of the options and their banding), the options' sentence cap and the
 * parameters of the signer they make (`createWindowHasher(options).params`).
 */
export function indexParametersOf(described: Readonly<Record<string, unknown>>, options: Pick<ResolvedOptions, 'maxSentenceWords'>, signer: object): IndexParameters {
  const recorded: Record<string, unknown> = {};
  for (const name of RECORDED_REPORT_PARAMETERS) recorded[name] = described[name];
  return { ...recorded, maxSentenceWords: options.maxSentenceWords, signatureBits: SIGNATURE_BITS, signer: JSON.stringify(signer) } as IndexParameters;
}

/** Parameters a user sets through options (the rest are fixed by this build of reprint). */
const SETTABLE = ['shingleSize', 'numPerm', 'minhashScheme', 'seed', 'threshold', 'bands', 'rows', 'passageWords', 'anchorSize', 'boilerplate', 'boilerplateShare', 'boilerplateMinDocs'] as const;

/** Parameters fixed by this build: an index made by another build with other values cannot be used. */
const BUILT_IN: Readonly<Record<string, unknown>> = {
  normalizerVersion: NORMALIZER_VERSION,
  shingleUnit: 'word',
  maxSentenceWords: DEFAULTS.maxSentenceWords,
  signatureBits: SIGNATURE_BITS,
};

/** The first parameter whose recorded value is not the wanted one, or `null`. */
export function findParameterDifference(
  recorded: Readonly<Record<string, unknown>>,
  wanted: Readonly<Record<string, unknown>>,
): { readonly name: string; readonly recorded: unknown; readonly wanted: unknown } | null {
  for (const [name, value] of Object.entries(wanted)) {
    if (value === undefined) continue;
    if (recorded[name] !== value) return { name, recorded: recorded[name], wanted: value };
  }
  return null;
}

/**
 * Options for work on an existing index: the recorded parameters, with the
 * user's other options (alignment, attribution) on top. An option the user
 * gave that differs from the recorded value, or a parameter of this build
 * that differs from the index's, is an error.
 *
 * @throws ParameterMismatchError naming the parameter and both values.
 */
export function resolveIndexOptions(
  file: string,
  recorded: Readonly<Record<string, unknown>>,
  options: ScanOptions,
  signerOf: (resolved: ResolvedOptions) => object,
): ResolvedOptions {
  const builtIn = findParameterDifference(recorded, BUILT_IN);
  if (builtIn !== null) {
    throw new ParameterMismatchError(
      `${file}: index was made with ${builtIn.name} ${JSON.stringify(builtIn.recorded)}, this reprint uses ${JSON.stringify(builtIn.wanted)}; build a new index`,
    );
  }
  const given: Record<string, unknown> = {};
  for (const name of SETTABLE) given[name] = options[name];
  const differs = findParameterDifference(recorded, given);
  if (differs !== null) {
    throw new ParameterMismatchError(
      `${file}: index was made with ${differs.name} ${JSON.stringify(differs.recorded)}, not ${JSON.stringify(differs.wanted)} as asked; leave the option out to use the index's value, or use another index`,
    );
  }
  const adopted: Record<string, unknown> = {};
  for (const name of SETTABLE) if (recorded[name] !== undefined) adopted[name] = recorded[name];
  const resolved = resolveOptions({ ...options, ...(adopted as ScanOptions) });
  const signer = findParameterDifference(recorded, { signer: JSON.stringify(signerOf(resolved)) });
  if (signer !== null) {
    throw new ParameterMismatchError(`${file}: index was signed with ${String(signer.recorded)}, these options sign with ${String(signer.wanted)}`);
  }
  return resolved;
}
