/**
 * Connecting to PostgreSQL and bringing its tables up to date. The schema is made by ordered SQL files in
 * migrations/, run by node-pg-migrate under its advisory lock, so servers starting together run each
 * migration once.
 */

import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import pg from 'pg';

export interface DatabaseOptions {
  url: string;
  /** The schema the store's tables live in (default public). */
  schema?: string;
  /** Connections this process may hold. */
  connections?: number;
}

const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));

/** The schemas a store's tables may live in: a plain lower-case name, safe to write into SQL. */
export function isSchemaName(name: string): boolean {
  return /^[a-z_][a-z0-9_]{0,62}$/.test(name);
}

export function isDatabaseUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** A database URL without its password, for logs and messages. */
export function withoutPassword(url: string): string {
  return url.replace(/:[^:@/]*@/, ':…@');
}

/** A pool whose connections all use the store's schema. */
export function connect(options: DatabaseOptions): pg.Pool {
  const schema = options.schema ?? 'public';
  if (!isSchemaName(schema)) throw new Error(`'${schema}' is not a schema name this store uses (lower case, digits, _)`);
  return new pg.Pool({ connectionString: options.url, max: options.connections ?? 10, options: `-c search_path=${schema}` });
}

/** Creates the schema if need be and runs every migration not yet run. */
export async function migrate(pool: pg.Pool, schema = 'public'): Promise<void> {
  const client = await pool.connect();
  try {
    await runner({
      dbClient: client,
      dir: MIGRATIONS,
      direction: 'up',
      migrationsTable: 'ras_migrations',
      schema,
      createSchema: true,
      checkOrder: true,
      singleTransaction: true,
      advisoryLockMode: 'wait',
      log: () => {},
    });
  } finally {
    client.release();
  }
}
