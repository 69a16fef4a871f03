/**
 * A document as read from disk, before ids are made unique and metadata is resolved.
 */
import { InternalError } from '../errors';
import type { StoredText, TextStore } from '../model';
import type { IdClaim } from './assign-ids';

export type { StoredText, TextStore };

/** Metadata values as a source states them, unparsed. Unknown is `null`. */
export interface StatedMeta {
  readonly outlet: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly title: string | null;
}

/** Nothing stated. */
export const NOTHING_STATED: StatedMeta = Object.freeze({ outlet: null, url: null, published: null, title: null });

/**
 * A metadata value as a JSONL field, a manifest entry or a service request
 * states it: its text, `null` when absent, `undefined` when of a type the
 * field does not take ({@link STATED_TYPES} says which). A published time may
 * be a number, a Unix time, kept as its digits (`parsePublishedValue` reads them).
 */
export function statedText(field: keyof StatedMeta, raw: unknown): string | null | undefined {
  if (typeof raw === 'string') return raw;
  if (raw === undefined || raw === null) return null;
  if (field === 'published' && typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return undefined;
}

/** What each metadata field takes, as messages say it. */
export const STATED_TYPES: Readonly<Record<keyof StatedMeta, string>> = Object.freeze({
  outlet: 'a string',
  url: 'a string',
  published: 'a string or number',
  title: 'a string',
});

/** A text as read: in memory, or put in a {@link TextStore}. */
export type DocumentText = string | StoredText;

/** The text itself, read back from `store` when it was put there. */
export function readText(text: DocumentText, store: TextStore | null): string {
  if (typeof text === 'string') return text;
  if (store === null) throw new InternalError('readText: a stored text with no store');
  return store.get(text.handle);
}

/** What a document states besides its text: where it is from, its fields, its markup's values. */
export interface StatedParts {
  /** Display path of the file, or `file:line` for a JSONL record. */
  readonly path: string;
  /** Values of JSONL fields (source `field`). */
  readonly fields: StatedMeta;
  /** Values stated by the document's markup, e.g. HTML meta tags (source `text`). */
  readonly embedded: StatedMeta;
}

/** One document read from an input file. */
export interface RawDocument {
  readonly claim: IdClaim;
  /** Original text: decoded, BOM removed (for HTML: the reduced text); or where it was put. */
  readonly text: DocumentText;
  /** Its {@link StatedParts}; or, read with a store, where they were put beside the text. */
  readonly stated: StatedParts | StoredText;
}

/**
 * A document as read. Without a store, as given. With one (a dump), the text
 * and everything but the claim's first id go into the store, to be read back
 * once ids are assigned: documents wait for their ids in about 250 bytes of
 * memory each instead of about 920 (fields, paths and id ladders as strings;
 * measured on 30,000 synthetic articles).
 */
export function rawDocument(claim: IdClaim, parts: StatedParts, text: string, store: TextStore | null): RawDocument {
  if (store === null) return { claim, text, stated: parts };
  const stated = store.put(JSON.stringify({ ...parts, ladder: claim.ladder, where: claim.where } satisfies StoredParts));
  return { claim: new StoredClaim(claim.ladder[0], stated.handle, store), text: store.put(text), stated };
}

/** The document's {@link StatedParts}, read back from `store` when they were put there. */
export function statedParts(document: RawDocument, store: TextStore | null): StatedParts {
  const { stated } = document;
  if (!('handle' in stated)) return stated;
  if (store === null) throw new InternalError('statedParts: stated parts in a store, and no store');
  const { path, fields, embedded } = JSON.parse(store.get(stated.handle)) as StoredParts;
  return { path, fields, embedded };
}

/** What {@link rawDocument} puts in the store. */
interface StoredParts extends StatedParts {
  readonly ladder: IdClaim['ladder'];
  readonly where: string;
}

/** A claim whose ladder and place wait in a store; its first id is at hand for assigning ids. */
class StoredClaim implements IdClaim {
  constructor(
    readonly first: string,
    private readonly handle: number,
    private readonly store: TextStore,
  ) {}

  get ladder(): IdClaim['ladder'] {
    return this.parts().ladder;
  }

  get where(): string {
    return this.parts().where;
  }

  private parts(): StoredParts {
    return JSON.parse(this.store.get(this.handle)) as StoredParts;
  }
}
