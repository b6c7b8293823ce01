/**
 * Once per test run and store: a template store (the seeded examples, one signed-in user per role) made
 * through the real API, which each suite's server copies instead of building its own.
 *
 * The PostgreSQL run makes a database of its own from RAS_TEST_DATABASE_URL (a role that may create
 * databases) and drops it at the end. Without that variable the run is skipped with a warning, unless
 * RAS_TEST_REQUIRE_POSTGRES=1 (as in CI), when it fails.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createTemplate } from './support/server.js';
import type { StoreKind } from './support/store-under-test.js';
import { newSchemaName, withClient } from './support/store-under-test.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind: StoreKind = project.name === 'postgres' ? 'postgres' : 'lowdb';
  project.provide('storeKind', kind);
  const root = mkdtempSync(join(tmpdir(), 'ras-template-'));
  const cleanups: Array<() => Promise<void>> = [async () => rmSync(root, { recursive: true, force: true })];

  let where = join(root, 'data');
  if (kind === 'postgres') {
    const database = await createTestDatabase();
    project.provide('testDatabaseUrl', database.url);
    process.env.RAS_TEST_RUN_DATABASE_URL = database.url;
    cleanups.push(database.drop);
    where = `postgres:${newSchemaName()}`;
  }
  // createTemplate reads the store kind and database the way a suite does.
  process.env.RAS_TEST_STORE_KIND = kind;
  await createTemplate(root, where);
  project.provide('template', { root, where });
  return async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
}

async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.RAS_TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('RAS_TEST_DATABASE_URL is not set: the PostgreSQL run needs a role that may create databases');
  const name = `ras_test_${Date.now()}_${process.pid}`;
  await withClient(adminUrl, async (client) => {
    await dropAbandonedDatabases(client);
    await client.query(`CREATE DATABASE ${name}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Databases of earlier runs on this machine that were stopped before they could drop their own. */
async function dropAbandonedDatabases(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'ras\\_test\\_%'");
  for (const { datname } of rows) {
    const pid = Number(datname.split('_').at(-1));
    if (Number.isInteger(pid) && !isRunning(pid)) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
