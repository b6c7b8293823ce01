/**
 * Rebuilding the collections from the journal, one commit at a time: the store does it when it opens,
 * and verification does it to compare the files a council reads with what the journal says.
 */

import type { CommitHeader } from './commit.js';
import { COLLECTIONS, type CollectionName, type Collections } from './records.js';

export type Rows = { [K in CollectionName]: Map<string, Collections[K][number]> };

export function emptyRows(): Rows {
  return Object.fromEntries(COLLECTIONS.map((name) => [name, new Map()])) as unknown as Rows;
}

/** Applies one commit's changes; returns the collections it touched. */
export function applyChanges(rows: Rows, header: CommitHeader): Set<CollectionName> {
  const touched = new Set<CollectionName>();
  for (const change of header.changes) {
    const collection = rows[change.c] as Map<string, unknown>;
    if (change.row === null) collection.delete(change.k);
    else collection.set(change.k, change.row);
    touched.add(change.c);
  }
  return touched;
}
