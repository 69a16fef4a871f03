/**
 * Deciding an article's metadata from every source that states it, with provenance.
 */
import type { ArticleMeta, MetaSource, PublishedTime, Warning } from '../model';
import { buildPublishedTime } from './build-published-time';
import type { DateCandidate } from './date-candidate';
import { extractPublished, parsePublishedValue } from './extract-published';
import { extractTitle } from './extract-title';
import { extractUrl } from './extract-url';
import type { ManifestEntry } from './manifest';
import type { OutletRegistry } from './outlets';
import type { StatedMeta } from './raw-document';
import { getRegisteredDomain, normaliseOutlet } from './registered-domain';
import { WarningCode } from './warning-codes';

/** Everything known about one article that bears on its metadata. */
export interface MetaInputs {
  /**
   * The article's original text, or a function that gives it: called only
   * when a value no source states is looked for in the text (maybe more than
   * once: it should remember the text).
   */
  readonly text: string | (() => string);
  /** JSONL field values. */
  readonly fields: StatedMeta;
  /** The manifest entry for the article's id, if any. */
  readonly manifest: ManifestEntry | undefined;
  /** Values stated by the document's markup (HTML meta tags). */
  readonly embedded: StatedMeta;
  readonly registry: OutletRegistry;
  /** Where the article was read from, for warnings. */
  readonly where: string;
}

/** Resolved metadata and warnings about values that could not be used. */
export interface ResolvedMeta {
  readonly meta: ArticleMeta;
  readonly warnings: readonly Warning[];
}

interface Layer {
  readonly source: MetaSource;
  readonly values: Partial<StatedMeta>;
}

/**
 * Resolve metadata. For each field the first source that states a usable value wins:
 * JSONL field (`field`) > manifest (`manifest`) > markup such as HTML meta tags (`text`) >
 * heuristics on the text (`text`: {@link extractUrl}, {@link extractPublished},
 * {@link extractTitle}) > unknown (`null`, source `unknown`).
 *
 * - `outlet`: a stated outlet (a domain or URL is reduced to its registered domain, a
 *   name is kept), else the registered domain of the chosen `url` (with the url's source).
 * - `outletName` and the zone for wall-clock times come from the outlets registry.
 * - `published`: a stated value with no readable date gives a `W_BAD_FIELD` warning and
 *   the next source is tried.
 */
export function resolveMeta(inputs: MetaInputs): ResolvedMeta {
  const warnings: Warning[] = [];
  const layers: readonly Layer[] = [
    { source: 'field', values: inputs.fields },
    { source: 'manifest', values: inputs.manifest ?? {} },
    { source: 'text', values: inputs.embedded },
  ];
  const first = (key: keyof StatedMeta): { value: string; source: MetaSource } | null => {
    for (const layer of layers) {
      const value = layer.values[key];
      if (value !== undefined && value !== null && value.trim() !== '') return { value: value.trim(), source: layer.source };
    }
    return null;
  };

  const text = (): string => (typeof inputs.text === 'string' ? inputs.text : inputs.text());
  const statedUrl = first('url');
  const foundUrl = statedUrl === null ? extractUrl(text()) : null;
  const url = statedUrl ?? (foundUrl === null ? null : { value: foundUrl, source: 'text' as const });

  const statedOutlet = first('outlet');
  let outlet: { value: string; source: MetaSource } | null = null;
  if (statedOutlet !== null) {
    const normalised = normaliseOutlet(statedOutlet.value);
    if (normalised !== null) outlet = { value: normalised, source: statedOutlet.source };
  }
  if (outlet === null && url !== null) {
    const domain = getRegisteredDomain(url.value);
    if (domain !== null) outlet = { value: domain, source: url.source };
  }
  const known = outlet === null ? undefined : inputs.registry.get(outlet.value.toLowerCase());

  let date: { candidate: DateCandidate; source: MetaSource } | null = null;
  for (const layer of layers) {
    const value = layer.values.published;
    if (value === undefined || value === null || value.trim() === '') continue;
    const candidate = parsePublishedValue(value);
    if (candidate !== null) {
      date = { candidate, source: layer.source };
      break;
    }
    warnings.push({
      code: WarningCode.badField,
      where: inputs.where,
      message: `no date in published value ${JSON.stringify(value)} (from ${layer.source}); ignored`,
    });
  }
  if (date === null) {
    const candidate = extractPublished(text());
    if (candidate !== null) date = { candidate, source: 'text' };
  }
  const published: PublishedTime | null =
    date === null ? null : buildPublishedTime(date.candidate, known?.timeZone ?? null);

  const statedTitle = first('title');
  const foundTitle = statedTitle === null ? extractTitle(text()) : null;
  const title = statedTitle ?? (foundTitle === null ? null : { value: foundTitle, source: 'text' as const });

  const meta: ArticleMeta = {
    outlet: outlet?.value ?? null,
    outletName: known?.name ?? null,
    outletGroup: known?.group ?? null,
    url: url?.value ?? null,
    published,
    title: title?.value.replace(/\s+/g, ' ') ?? null,
    sources: {
      outlet: outlet?.source ?? 'unknown',
      url: url?.source ?? 'unknown',
      published: date?.source ?? 'unknown',
      title: title?.source ?? 'unknown',
    },
  };
  return { meta, warnings };
}
