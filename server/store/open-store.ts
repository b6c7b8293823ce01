/**
 * Which store the server runs on: the embedded lowdb store in a data directory (the default, for one
 * server), or PostgreSQL (RAS_DATABASE_URL), for several servers over one database. Both keep the same
 * record and give the same guarantees. This is the one place that chooses between them: the server opens
 * its store here, and the work pool and `ras audit verify` check a record here.
 */

import { existsSync } from 'node:fs';
import type { AuditKey } from '../audit/signing-key.js';
import { type Trust, verifyDataDir } from './integrity.js';
import type { IntegrityReport } from './integrity-report.js';
import { journalPath } from './layout.js';
import { LowdbStore } from './lowdb-store.js';
import { connect, withoutPassword } from './pg/database.js';
import { verifyPgRecord } from './pg/pg-integrity.js';
import { PgStore } from './pg/pg-store.js';
import type { Store } from './store.js';

export type StoreLocation = { kind: 'lowdb'; dataDir: string } | { kind: 'postgres'; url: string; schema: string };

export interface StoreKeys {
  /** Signs the record's checkpoints. */
  auditKey: AuditKey;
  /** Earlier audit keys (public) whose checkpoints are still trusted. */
  trustedKeys?: readonly string[];
}

/**
 * Opens the store at a location. `verifier` runs its full check (the server's runs in the work pool,
 * off the event loop); the store is given it rather than knowing where the check runs.
 */
export async function openStore(
  location: StoreLocation,
  keys: StoreKeys,
  verifier: (trust: Trust) => Promise<IntegrityReport>,
): Promise<Store> {
  return location.kind === 'lowdb'
    ? LowdbStore.open(location.dataDir, { ...keys, verifier })
    : PgStore.open({ url: location.url, schema: location.schema, ...keys, verifier });
}

/** Where a store is, in words that are safe to log (no password). */
export function describeLocation(location: StoreLocation): string {
  return location.kind === 'lowdb' ? location.dataDir : `${withoutPassword(location.url)} (schema ${location.schema})`;
}

/**
 * The whole record at a location checked from what is kept, without opening the store for writing; null
 * when the location holds no record (a data directory without a journal, a database without RAS tables).
 */
export async function verifyRecordAt(location: StoreLocation, trust: Trust): Promise<IntegrityReport | null> {
  if (location.kind === 'lowdb') return existsSync(journalPath(location.dataDir)) ? verifyDataDir(location.dataDir, trust) : null;
  const pool = connect({ url: location.url, schema: location.schema, connections: 1 });
  try {
    const tables = await pool.query("SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'ras_head'", [
      location.schema,
    ]);
    return tables.rowCount === 0 ? null : await verifyPgRecord(pool, trust);
  } finally {
    await pool.end();
  }
}
