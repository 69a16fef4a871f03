/**
 * Giving every ingested document a unique id, deterministically.
 */
import type { Warning } from '../model';
import { InternalError } from '../errors';
import { WarningCode } from './warning-codes';

/**
 * The ids a document may take, most preferred first: for a file, its name without
 * extension, then its path relative to the scanned root without extension, then longer
 * forms; for a JSONL record, its `id`, then `<file name>:<line>`, then `<path>:<line>`.
 */
export interface IdClaim {
  readonly ladder: readonly [string, ...string[]];
  /** `ladder[0]`, when the claim gives it without building its ladder (read only for clashing ids). */
  readonly first?: string;
  /** Where the document was read from (for the warning). */
  readonly where: string;
}

/** Ids for each claim, in input order, and a warning for each document not given its first choice. */
export interface AssignedIds {
  readonly ids: readonly string[];
  readonly warnings: readonly Warning[];
}

/**
 * Assign unique ids. While two documents share an id, each of them that has a next,
 * longer id on its ladder moves to it (so both of two same-named files get their
 * relative paths). Documents that run out of ladder get a suffix `~1`, `~2`, … in input
 * order. Every document not given its first id gets a `W_DUPLICATE_ID` warning.
 *
 * The result depends only on the claims and their order.
 */
export function assignIds(claims: readonly IdClaim[]): AssignedIds {
  const level = claims.map(() => 0);
  const ids = claims.map((claim) => claim.first ?? claim.ladder[0]);
  for (;;) {
    let moved = false;
    for (const members of groupDuplicates(ids)) {
      for (const i of members) {
        const ladder = (claims[i] as IdClaim).ladder;
        const next = (level[i] as number) + 1;
        if (next < ladder.length) {
          level[i] = next;
          ids[i] = ladder[next] as string;
          moved = true;
        }
      }
    }
    if (!moved) break;
  }
  for (const members of groupDuplicates(ids)) {
    members.forEach((i, k) => {
      ids[i] = `${ids[i] as string}~${k + 1}`;
    });
  }
  if (groupDuplicates(ids).length > 0) throw new InternalError('assignIds: ids are still not unique');

  const warnings: Warning[] = [];
  claims.forEach((claim, i) => {
    const id = ids[i] as string;
    if (id !== (claim.first ?? claim.ladder[0])) {
      warnings.push({
        code: WarningCode.duplicateId,
        where: claim.where,
        message: `id "${claim.ladder[0]}" is used by more than one document; using "${id}"`,
      });
    }
  });
  return { ids, warnings };
}

/**
 * Index lists of entries sharing a value, for values that occur more than
 * once. Only duplicates get a list: a million distinct ids are a million
 * map entries, not a million arrays.
 */
function groupDuplicates(ids: readonly string[]): number[][] {
  const firstAt = new Map<string, number>();
  const groups = new Map<string, number[]>();
  ids.forEach((id, i) => {
    const first = firstAt.get(id);
    if (first === undefined) {
      firstAt.set(id, i);
      return;
    }
    const group = groups.get(id);
    if (group === undefined) groups.set(id, [first, i]);
    else group.push(i);
  });
  return [...groups.values()];
}
