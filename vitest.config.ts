import { defineConfig } from 'vitest/config';
import { TEST_AUDIT_KEY_FILE } from './test/support/audit-key.js';
import SlowSuitesFirst from './test/sequencer.js';

/**
 * Two runs in one: every suite over the embedded lowdb store, and the store and API suites (with the
 * suites only PostgreSQL has: several servers over one database, a crash mid-write) over PostgreSQL.
 * The PostgreSQL run needs RAS_TEST_DATABASE_URL; CI sets RAS_TEST_REQUIRE_POSTGRES=1 so that a machine
 * without it fails instead of passing on half the suites.
 */
const databaseUrl = process.env.RAS_TEST_DATABASE_URL;
if (!databaseUrl) {
  if (process.env.RAS_TEST_REQUIRE_POSTGRES === '1') throw new Error('RAS_TEST_REQUIRE_POSTGRES=1 but RAS_TEST_DATABASE_URL is not set');
  console.warn(
    '\n*** RAS_TEST_DATABASE_URL is not set: the PostgreSQL suites are SKIPPED (only lowdb is tested). See README, "Tests". ***\n',
  );
}

const shared: {
  environment: 'node';
  globalSetup: string[];
  isolate: boolean;
  testTimeout: number;
  hookTimeout: number;
  env: Record<string, string>;
} = {
  environment: 'node',
  // The servers, stores and `ras` commands of a run sign with one audit key, as a council's all do.
  env: { RAS_AUDIT_KEY_FILE: TEST_AUDIT_KEY_FILE },
  globalSetup: ['test/global-setup.ts'],
  // The machines have two cores; the browser suites spend much of their time waiting on Chromium, so
  // two workers keep both cores busy. Test files share a worker's loaded modules instead of loading
  // the engine and server afresh for each file (a third of the run's time): every suite starts its
  // own server over its own store, and nothing in the code keeps state between them.
  isolate: false,
  testTimeout: 60_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    maxWorkers: 2,
    sequence: { sequencer: SlowSuitesFirst },
    projects: [
      { test: { ...shared, name: 'lowdb', include: ['test/**/*.test.ts'], exclude: ['test/postgres/**'] } },
      ...(databaseUrl
        ? [
            {
              test: {
                ...shared,
                name: 'postgres',
                include: ['test/api/**/*.test.ts', 'test/store/**/*.test.ts', 'test/postgres/**/*.test.ts'],
              },
            },
          ]
        : []),
    ],
  },
});
