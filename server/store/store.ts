import type { CollectionName, Collections } from './records.js';

export type DocumentKind = 'cohort';

/**
 * Changes made inside one transaction. `rows` gives a private copy of a collection the first time it is
 * asked for; the copies replace the stored collections only if the whole transaction returns normally.
 */
export interface Draft {
  rows<K extends CollectionName>(name: K): Collections[K];
}

/**
 * The service's storage port. A transaction's function runs synchronously, so no other change can
 * interleave with it; the promise resolves once every file it changed is on disk.
 * The lowdb adapter is the only one; a server database could replace it for multi-instance use.
 */
export interface Store {
  all<K extends CollectionName>(name: K): Readonly<Collections[K]>;
  transact<T>(change: (draft: Draft) => T): Promise<T>;
  /** Large documents kept one per file (a cohort's people), written atomically. */
  putDocument(kind: DocumentKind, id: string, value: unknown): Promise<void>;
  getDocument(kind: DocumentKind, id: string): Promise<unknown | null>;
  deleteDocument(kind: DocumentKind, id: string): Promise<void>;
  /** Whether the store was empty (no files) when it was opened. */
  readonly wasEmpty: boolean;
}
