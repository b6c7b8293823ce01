/**
 * Crash safety: the real server (a child process) is killed with SIGKILL at random moments under
 * concurrent drafts, edits, submissions, ratifications, decisions and final budgets, and started again
 * on the same store, ten times over. After every restart: nothing acknowledged is lost, the record at
 * rest is whole (every file, or every table) and verifies: no audit entry without its change, no change
 * without its entry. Runs over the store under test; `npm run soak` runs a hundred cycles.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crashCycles, databaseUnderCrash, dataDirUnderCrash } from '../support/crash-workload.js';
import { newSchemaName, onPostgres, testDatabaseUrl } from '../support/store-under-test.js';

const CYCLES = 10;
const dataDir = mkdtempSync(join(tmpdir(), 'ras-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the server killed with SIGKILL under write load', () => {
  it(`keeps every acknowledged write, a whole record that verifies, through ${CYCLES} kill-and-restart cycles`, async () => {
    const store = onPostgres() ? databaseUnderCrash(testDatabaseUrl(), newSchemaName()) : dataDirUnderCrash(dataDir);
    const reports = await crashCycles({ store, cycles: CYCLES, maxAcks: 60 });
    for (const report of reports)
      console.log(
        `cycle ${report.cycle}: ${report.acks} acknowledged ${JSON.stringify(report.byKind)}, ${report.inFlightAtKill} in flight at the kill, ${report.ms} ms`,
      );
    expect(reports.flatMap((r) => r.unexpected)).toEqual([]);
    expect(reports.flatMap((r) => r.problems)).toEqual([]);
    // The workload reached every kind of write.
    const kinds = new Set(reports.flatMap((r) => Object.keys(r.byKind)));
    expect([...kinds].sort()).toEqual(['decision', 'draft', 'edit', 'final-budget', 'ratify', 'submit']);
    expect(reports.reduce((n, r) => n + r.inFlightAtKill, 0)).toBeGreaterThan(0);
  }, 180_000);
});
