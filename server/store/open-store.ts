/**
 * Which store the server runs on: the embedded lowdb store in a data directory (the default, for one
 * server), or PostgreSQL (RAS_DATABASE_URL), for several servers over one database. Both keep the same
 * record and give the same guarantees; the full check of either runs in the work pool.
 */

import type { IntegrityReport } from './integrity-report.js';
import { LowdbStore } from './lowdb-store.js';
import { withoutPassword } from './pg/database.js';
import { PgStore } from './pg/pg-store.js';
import type { Store } from './store.js';

export type StoreLocation = { kind: 'lowdb'; dataDir: string } | { kind: 'postgres'; url: string; schema: string };

/**
 * Opens the store at a location. `verifier` runs its full check (the server's runs in the work pool,
 * off the event loop); the store is given it rather than knowing where the check runs.
 */
export async function openStore(location: StoreLocation, verifier: () => Promise<IntegrityReport>): Promise<Store> {
  return location.kind === 'lowdb'
    ? LowdbStore.open(location.dataDir, { verifier })
    : PgStore.open({ url: location.url, schema: location.schema, verifier });
}

/** Where a store is, in words that are safe to log (no password). */
export function describeLocation(location: StoreLocation): string {
  return location.kind === 'lowdb' ? location.dataDir : `${withoutPassword(location.url)} (schema ${location.schema})`;
}
