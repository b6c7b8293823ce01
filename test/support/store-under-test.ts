/**
 * Which store the suites run on. The API and store suites run twice (vitest.config.ts): once over the
 * embedded lowdb store in temporary directories, once over PostgreSQL, a schema a server in one
 * database made for the run. A suite names where its store lives by a string, `where`: a directory, or
 * `postgres:<schema>`; starting a server again on the same `where` is a restart.
 */

import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { LowdbStore } from '../../server/store/lowdb-store.js';
import type { StoreLocation } from '../../server/store/open-store.js';
import { connect, migrate } from '../../server/store/pg/database.js';
import { PgStore } from '../../server/store/pg/pg-store.js';
import type { Store } from '../../server/store/store.js';
import { sharedWorkPool } from '../../server/work/pool.js';
import type { Trust } from '../../server/store/integrity.js';
import { testAuditKey } from './audit-key.js';

export type StoreKind = 'lowdb' | 'postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    storeKind: StoreKind;
    /** The database the PostgreSQL run made for itself. */
    testDatabaseUrl: string;
  }
}

const PG_PREFIX = 'postgres:';

/**
 * In a test file, what the run provides; in the global setup (which makes the template before any test
 * file runs), what it set in the environment; in a script, lowdb.
 */
export function storeKind(): StoreKind {
  try {
    return inject('storeKind') ?? 'lowdb';
  } catch {
    return process.env.RAS_TEST_STORE_KIND === 'postgres' ? 'postgres' : 'lowdb';
  }
}

/** Suites that tamper with the embedded store's files skip themselves on PostgreSQL (and vice versa). */
export function onPostgres(): boolean {
  return storeKind() === 'postgres';
}

export function testDatabaseUrl(): string {
  try {
    return inject('testDatabaseUrl');
  } catch {
    return process.env.RAS_TEST_RUN_DATABASE_URL ?? '';
  }
}

/** A place for a new, empty store of the kind under test. */
export function newStorePlace(prefix = 'ras-api-'): string {
  return onPostgres() ? `${PG_PREFIX}${newSchemaName()}` : mkdtempSync(join(tmpdir(), prefix));
}

export function newSchemaName(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

export function isSchema(where: string): boolean {
  return where.startsWith(PG_PREFIX);
}

export function locationOf(where: string, databaseUrl = isSchema(where) ? testDatabaseUrl() : ''): StoreLocation {
  return isSchema(where)
    ? { kind: 'postgres', url: databaseUrl, schema: where.slice(PG_PREFIX.length) }
    : { kind: 'lowdb', dataDir: where };
}

export interface OpenedStore {
  store: Store;
  /** True when the store held nothing (no commit) before it was opened. */
  wasEmpty: boolean;
}

/** Opens the store at `where` as the server does, its full check run in the shared work pool. */
export async function openTestStore(where: string): Promise<OpenedStore> {
  const location = locationOf(where);
  const verifier = (trust: Trust) => sharedWorkPool().verifyStore(location, trust);
  const auditKey = await testAuditKey();
  if (location.kind === 'lowdb') {
    const store = await LowdbStore.open(location.dataDir, { verifier, auditKey });
    return { store, wasEmpty: store.wasEmpty };
  }
  // A few connections a server: a run starts many servers against one database.
  const store = await PgStore.open({ url: location.url, schema: location.schema, connections: 4, verifier, auditKey });
  return { store, wasEmpty: store.wasEmpty };
}

/** Removes a store's place: the directory, or the schema with everything in it. */
export async function removeStorePlace(where: string): Promise<void> {
  const location = locationOf(where);
  if (location.kind === 'lowdb') return rmSync(location.dataDir, { recursive: true, force: true });
  await withClient(location.url, (client) => client.query(`DROP SCHEMA IF EXISTS ${location.schema} CASCADE`));
}

/**
 * Makes a copy of the template store at `where`: the same tables, made by the same migrations, holding
 * the same rows. Copying takes milliseconds; making users and signing them in takes a second of scrypt.
 */
export async function copyStore(from: string, to: string): Promise<void> {
  const source = locationOf(from);
  const target = locationOf(to);
  if (source.kind !== 'postgres' || target.kind !== 'postgres') throw new Error('copyStore copies PostgreSQL schemas');
  const pool = connect({ url: target.url, schema: target.schema, connections: 1 });
  try {
    await migrate(pool, target.schema);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // In the order the foreign keys need.
      for (const table of ['ras_commits', 'ras_audit', 'ras_decisions', 'ras_rows', 'ras_documents', 'ras_document_parts'])
        await client.query(`INSERT INTO ${table} SELECT * FROM ${source.schema}.${table}`);
      await client.query(
        `UPDATE ras_head h SET commit = s.commit, audit_seq = s.audit_seq, audit_hash = s.audit_hash, checkpoint = s.checkpoint FROM ${source.schema}.ras_head s`,
      );
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
}

/** One connection to the database, for the time `work` takes. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The cohorts' documents a store holds (their ids): a refused request must not leave one behind. */
export async function storedCohortDocuments(where: string): Promise<string[]> {
  const location = locationOf(where);
  if (location.kind === 'lowdb') {
    const dir = join(location.dataDir, 'cohorts');
    return existsSync(dir) ? readdirSync(dir).sort() : [];
  }
  return withClient(location.url, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM ${location.schema}.ras_documents WHERE kind = 'cohort' ORDER BY id`,
    );
    return rows.map((r) => r.id);
  });
}

/** Runs SQL against the schema of a PostgreSQL store (to tamper with it, as someone with database access could). */
export async function sqlOn(where: string, sql: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const location = locationOf(where);
  if (location.kind !== 'postgres') throw new Error('sqlOn needs a PostgreSQL store');
  return withClient(location.url, async (client) => {
    await client.query(`SET search_path = ${location.schema}`);
    return client.query(sql, values);
  });
}
