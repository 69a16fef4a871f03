/**
 * The tuning flags shared by `scan`, `align` and `eval`: declared once, turned
 * into library options once. Defaults live in `options.ts` (shown in --help).
 */
import type { Argv } from 'yargs';
import { DEFAULTS, type ScanOptions } from '../../options';

/** Parsed tuning flags (only those given are set). */
export interface TuningArgs {
  readonly 'shingle-size'?: number;
  readonly 'num-perm'?: number;
  readonly 'minhash-scheme'?: 'permutations' | 'one-permutation';
  readonly seed?: number;
  readonly threshold?: number;
  readonly bands?: number;
  readonly rows?: number;
  readonly 'passage-words'?: number;
  readonly 'anchor-size'?: number;
  readonly 'max-gap'?: number;
  readonly 'min-passage-words'?: number;
  readonly 'syndication-share'?: number;
  readonly 'sentence-channel'?: boolean;
  readonly boilerplate?: boolean;
  readonly 'boilerplate-share'?: number;
  readonly 'boilerplate-min-docs'?: number;
  readonly 'seed-cosine'?: number;
  readonly 'seed-dice'?: number;
  readonly 'sentence-gap'?: number;
  readonly 'condense-gap'?: number;
  readonly 'fragment-cosine'?: number;
  readonly 'min-sentence-seeds'?: number;
  readonly 'strong-seed-cosine'?: number;
  readonly 'min-sentence-passage-chars'?: number;
}

/** Declare the tuning flags on a command. */
export function declareTuningFlags<T>(y: Argv<T>): Argv<T & TuningArgs> {
  const n = (describe: string, fallback: number | string) => ({
    type: 'number' as const,
    describe: `${describe} [default: ${fallback}]`,
    group: 'Tuning:',
  });
  return y
    .option('shingle-size', n('words per MinHash shingle; smaller = more recall on edited copies, more candidates', DEFAULTS.shingleSize))
    .option('num-perm', n('MinHash permutations; more = tighter estimates, more time', DEFAULTS.numPerm))
    .option('minhash-scheme', { choices: ['permutations', 'one-permutation'] as const, describe: `how windows are signed: one-permutation hashes each shingle once (faster signing, noisier estimates) [default: ${DEFAULTS.minhashScheme}]`, group: 'Tuning:' })
    .option('seed', n('MinHash seed', DEFAULTS.seed))
    .option('threshold', n('passage Jaccard at which LSH proposes a candidate; lower = more recall, more alignment work', DEFAULTS.threshold))
    .option('bands', n('LSH bands (with --rows; overrides --threshold)', 'from --threshold'))
    .option('rows', n('LSH rows per band (with --bands)', 'from --threshold'))
    .option('passage-words', n('words per fingerprinted window; shorter finds shorter reuse, costs more', DEFAULTS.passageWords))
    .option('anchor-size', n('words per exact alignment anchor; shorter survives denser edits, matches stock phrases', DEFAULTS.anchorSize))
    .option('max-gap', n('words bridged inside one passage; larger merges edited stretches', DEFAULTS.maxGap))
    .option('min-passage-words', n('fewest exactly matching words of a passage; lower reports stock phrases', DEFAULTS.minPassageWords))
    .option('syndication-share', n('share of either article reused verbatim or nearly that makes a pair syndication', DEFAULTS.syndicationShare))
    .option('sentence-channel', { type: 'boolean', describe: `align reworded passages too (--no-sentence-channel: exact anchors only) [default: ${String(DEFAULTS.sentenceChannel)}]`, group: 'Tuning:' })
    .option('boilerplate', { type: 'boolean', describe: `keep boilerplate (repeated lines, outlet furniture, stock phrases) out of matches (--no-boilerplate: treat it as text) [default: ${String(DEFAULTS.boilerplate)}]`, group: 'Tuning:' })
    .option('boilerplate-share', n('share of all articles a word 4-gram must recur in to be boilerplate', DEFAULTS.boilerplateShare))
    .option('boilerplate-min-docs', n('fewest articles a word 4-gram must recur in to be boilerplate', DEFAULTS.boilerplateMinDocs))
    .option('seed-cosine', n('tf-isf cosine a sentence pair must exceed to seed; lower = more reworded reuse, more coincidences', DEFAULTS.seedCosine))
    .option('seed-dice', n('Dice of term sets a sentence pair must exceed to seed', DEFAULTS.seedDice))
    .option('sentence-gap', n('sentences bridged when growing seeds into passages', DEFAULTS.sentenceGap))
    .option('condense-gap', n('words between stretches of a condensed copy joined into one passage (0: never)', DEFAULTS.condenseGap))
    .option('fragment-cosine', n('cosine a grown sentence passage must exceed to be kept', DEFAULTS.fragmentCosine))
    .option('min-sentence-seeds', n('fewest sentence pairs in a reworded-only passage', DEFAULTS.minSentenceSeeds))
    .option('strong-seed-cosine', n('cosine at which one reworded sentence is a passage on its own', DEFAULTS.strongSeedCosine))
    .option('min-sentence-passage-chars', n('fewest characters (both sides) of a reworded-only passage', DEFAULTS.minSentencePassageChars)) as unknown as Argv<T & TuningArgs>;
}

/** The library options the user set through tuning flags. */
export function toTuningOptions(args: TuningArgs): ScanOptions {
  const out: Record<string, number | boolean | string> = {};
  const map: [keyof TuningArgs, keyof ScanOptions][] = [
    ['shingle-size', 'shingleSize'],
    ['num-perm', 'numPerm'],
    ['minhash-scheme', 'minhashScheme'],
    ['seed', 'seed'],
    ['threshold', 'threshold'],
    ['bands', 'bands'],
    ['rows', 'rows'],
    ['passage-words', 'passageWords'],
    ['anchor-size', 'anchorSize'],
    ['max-gap', 'maxGap'],
    ['min-passage-words', 'minPassageWords'],
    ['syndication-share', 'syndicationShare'],
    ['sentence-channel', 'sentenceChannel'],
    ['boilerplate', 'boilerplate'],
    ['boilerplate-share', 'boilerplateShare'],
    ['boilerplate-min-docs', 'boilerplateMinDocs'],
    ['seed-cosine', 'seedCosine'],
    ['seed-dice', 'seedDice'],
    ['sentence-gap', 'sentenceGap'],
    ['condense-gap', 'condenseGap'],
    ['fragment-cosine', 'fragmentCosine'],
    ['min-sentence-seeds', 'minSentenceSeeds'],
    ['strong-seed-cosine', 'strongSeedCosine'],
    ['min-sentence-passage-chars', 'minSentencePassageChars'],
  ];
  for (const [flag, option] of map) {
    const value = args[flag];
    if (value !== undefined) out[option] = value;
  }
  return out as ScanOptions;
}
