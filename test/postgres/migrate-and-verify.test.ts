/**
 * Moving from the embedded store to PostgreSQL (`ras migrate --from-data-dir`), and the PostgreSQL
 * record checked whole (`ras audit verify --database-url`, GET /api/audit/verify) when someone with
 * write access to the database has changed it behind the service's back.
 */

import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adult, cohortDocument } from '../support/adult-cohort.js';
import { as, ok } from '../support/api-client.js';
import { ras } from '../support/cli.js';
import { exampleVersions } from '../support/examples.js';
import { readJournal, writeJournal } from '../support/journal.js';
import { startServer, type TestServer } from '../support/server.js';
import { copyStore, newSchemaName, sqlOn, testDatabaseUrl } from '../support/store-under-test.js';

const dirs: string[] = [];
let source: string;
let decisionId: string;
let cohortId: string;
let sourceAudit: Array<{ seq: number; hash: string; action: string }>;
let sourceVerify: { entries: number; commits: number; head: { seq: number; hash: string } };
let tokens: TestServer['tokens'];

const upliftInForce = exampleVersions()
  .find((v) => v.version === '2010-revised')!
  .examples.find((e) => e.name === 'older-person-uplift-in-force')!.json.assessment;

beforeAll(async () => {
  // An embedded store as a council would have it: seeded, users, a decision, a final budget, a cohort.
  source = mkdtempSync(join(tmpdir(), 'ras-migrate-source-'));
  dirs.push(source);
  const server = await startServer({ where: source });
  tokens = server.tokens;
  const client = as(server, server.tokens['api-client']);
  const decision = ok(await client.post('/api/decisions', { policyId: 'adult-ras', assessment: upliftInForce }));
  decisionId = decision.id;
  ok(
    await client.put(
      `/api/decisions/${decisionId}/final-budget`,
      { weeklyPence: 40_000, reason: 'Agreed in support planning' },
      { 'if-match': `"${decision.revision}"` },
    ),
  );
  cohortId = ok(
    await as(server, server.tokens.scrutiny).post('/api/cohorts', cohortDocument('Migrated', [adult('M-1', 'older-people', '65-74')])),
  ).id;
  sourceAudit = ok(await as(server, server.tokens.admin).get('/api/audit'));
  sourceVerify = ok(await as(server, server.tokens.admin).get('/api/audit/verify'));
  await server.close();
});

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const migrate = (dataDir: string, schema: string) =>
  ras('migrate', '--from-data-dir', dataDir, '--database-url', testDatabaseUrl(), '--schema', schema);
const verify = (schema: string) => ras('audit', 'verify', '--database-url', testDatabaseUrl(), '--schema', schema);

describe('ras migrate --from-data-dir', () => {
  let schema: string;
  let server: TestServer;
  beforeAll(async () => {
    schema = newSchemaName();
    const run = await migrate(source, schema);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`copied ${sourceVerify.commits} commits`);
    expect(run.stdout).toContain(`${sourceVerify.entries} audit entries, 1 decisions, 1 documents`);
    expect(run.stdout).toContain(`audit chain verified before and after the copy, head ${sourceVerify.head.seq} ${sourceVerify.head.hash}`);
    server = await startServer({ where: `postgres:${schema}`, users: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('carries the audit chain over entry for entry, and it verifies there with the same head', async () => {
    const audit = ok(await as(server, tokens.admin).get('/api/audit'));
    expect(audit).toEqual(sourceAudit);
    const report = ok(await as(server, tokens.admin).get('/api/audit/verify'));
    expect(report).toMatchObject({ ok: true, entries: sourceVerify.entries, commits: sourceVerify.commits, head: sourceVerify.head });
    const cli = await verify(schema);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(`audit chain intact, ${sourceVerify.entries} entries over ${sourceVerify.commits} commits`);
  });

  it('carries decisions over with their final budgets, and they replay identically', async () => {
    const decision = ok(await as(server, tokens.officer).get(`/api/decisions/${decisionId}`));
    expect(decision.finalBudget).toMatchObject({ weeklyPence: 40_000, reason: 'Agreed in support planning' });
    expect(ok(await as(server, tokens.officer).post(`/api/decisions/${decisionId}/replay`))).toMatchObject({ identical: true });
  });

  it('carries users, their sessions and cohorts over: people carry on signed in', async () => {
    expect(ok(await as(server, tokens.officer).get('/api/auth/me')).username).toBe('officer');
    expect(ok(await as(server, tokens.scrutiny).get(`/api/cohorts/${cohortId}`))).toMatchObject({ id: cohortId, people: 1 });
    const people = await server.store.getDocument('cohort', cohortId);
    expect(Buffer.from(people!)).toEqual(readFileSync(join(source, 'cohorts', `${cohortId}.json`)));
  });

  it('will not copy into a database that already holds a record, and leaves that record as it was', async () => {
    const run = await migrate(source, schema);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`the database already holds a record (${sourceVerify.commits} commits)`);
    expect(ok(await as(server, tokens.admin).get('/api/audit/verify'))).toMatchObject({ ok: true, head: sourceVerify.head });
  });
});

describe('ras migrate refuses', () => {
  it('a data directory whose record does not verify, naming the problem, and copies nothing', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'ras-migrate-broken-'));
    dirs.push(broken);
    cpSync(source, broken, { recursive: true });
    const lines = readJournal(broken);
    const withEntry = lines.findIndex((l) => l.header.audit.length > 0 && l.header.changes.length > 0);
    lines[withEntry]!.header.audit[0]!.actor = 'someone-else';
    writeJournal(broken, lines);

    const schema = newSchemaName();
    const run = await migrate(broken, schema);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('does not verify, so it is not copied');
    expect(run.stderr).toContain('chain_broken');
    const verified = await verify(schema);
    expect(verified.code).toBe(2);
    expect(verified.stderr).toContain('holds no RAS record');
  });

  it('without a database to copy into (exit 2)', async () => {
    const saved = process.env.RAS_DATABASE_URL;
    delete process.env.RAS_DATABASE_URL;
    try {
      const run = await ras('migrate', '--from-data-dir', source);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('no database: give --database-url postgres://… or set RAS_DATABASE_URL');
    } finally {
      if (saved !== undefined) process.env.RAS_DATABASE_URL = saved;
    }
  });

  it('a database that cannot be reached: a message naming it, exit 2, not a crash', async () => {
    const run = await ras('migrate', '--from-data-dir', source, '--database-url', 'postgres://nobody:secret@127.0.0.1:1/nothing');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot copy into postgres://nobody:…@127.0.0.1:1/nothing');
    expect(run.stderr).not.toContain('secret');
  });

  it('a folder that is not a data directory (exit 2)', async () => {
    const run = await migrate(mkdtempSync(join(tmpdir(), 'ras-empty-')), newSchemaName());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('holds no journal.jsonl');
  });
});

describe('a PostgreSQL record changed behind the service', () => {
  /** A copy of the migrated record in a schema of its own, to tamper with; and a server over it. */
  async function tamperedCopy(tamper: (where: string) => Promise<void>): Promise<{ where: string; report: any }> {
    const pristine = `postgres:${newSchemaName()}`;
    expect((await migrate(source, pristine.slice('postgres:'.length))).code).toBe(0);
    const where = `postgres:${newSchemaName()}`;
    await copyStore(pristine, where);
    await tamper(where);
    const server = await startServer({ where, users: false });
    try {
      return { where, report: ok(await as(server, tokens.admin).get('/api/audit/verify')) };
    } finally {
      await server.close();
    }
  }

  it('an audit row rewritten (who did it): found, as the copy differing from the commit that holds the entry', async () => {
    const { where, report } = await tamperedCopy(async (at) => {
      await sqlOn(at, "UPDATE ras_audit SET actor = 'nobody' WHERE seq = 3");
    });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ code: 'file_differs', message: expect.stringContaining('ras_audit') })]);
    const cli = await verify(where.slice('postgres:'.length));
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('the record is BROKEN (1 problem)');
  });

  it('a role granted by editing the rows table: not granted (the server reads the commits), and found', async () => {
    const { report } = await tamperedCopy(async (at) => {
      const changed = await sqlOn(
        at,
        `UPDATE ras_rows SET row = jsonb_set(row, '{roles}', '["admin"]') WHERE collection = 'users' AND row->>'username' = 'scrutiny'`,
      );
      expect(changed.rowCount).toBe(1);
    });
    expect(report.problems).toEqual([expect.objectContaining({ code: 'file_differs', message: expect.stringContaining('users') })]);
  });

  it('an entry in a commit rewritten without rehashing: the chain breaks there', async () => {
    const { report } = await tamperedCopy(async (at) => {
      await sqlOn(at, `UPDATE ras_commits SET header = jsonb_set(header::jsonb, '{audit,0,actor}', '"nobody"')::json WHERE commit = 2`);
    });
    expect(report.ok).toBe(false);
    expect(report.problems.map((p: { code: string }) => p.code)).toContain('chain_broken');
  });

  it('the last commit deleted: the server will not start on the record', async () => {
    const pristine = newSchemaName();
    expect((await migrate(source, pristine)).code).toBe(0);
    await sqlOn(`postgres:${pristine}`, 'DELETE FROM ras_audit WHERE commit = (SELECT max(commit) FROM ras_commits)');
    await sqlOn(`postgres:${pristine}`, 'DELETE FROM ras_commits WHERE commit = (SELECT max(commit) FROM ras_commits)');
    await expect(startServer({ where: `postgres:${pristine}`, users: false })).rejects.toThrow(/commits have been removed/);
  });
});
