/**
 * A PostgreSQL record tampered with by someone who can write to the database but does not hold the
 * audit key, in each of the ways they could try to hide it: commits removed from the end (the head row
 * rewritten to match, its signed checkpoint left or cleared), the record emptied, the whole record
 * rewritten consistently (every digest, hash and anchor recomputed; the signed checkpoints left out or
 * signed with a key of their own), a version's author made its ratifier, the head row's checkpoint edited.
 *
 * The record is made by a real server through the API (a decision and its final budget, a version
 * cloned, edited, submitted and ratified, a later decision and final budget, people signing in). The
 * council keeps two checkpoints of it before anything is touched, as a clerk pastes them into the
 * minutes: one from GET /api/audit/checkpoint while the server runs, one from `ras audit checkpoint`
 * once it has stopped. Each form is checked by both verifiers, given those checkpoints: `ras audit verify
 * --database-url … --schema … --checkpoints <minutes>` before any server opens the tampered record, then
 * GET /api/audit/verify?checkpoint=… of a server started on it (or the server's refusal to start).
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Checkpoint, checkpointLine, parseCheckpoint } from '../../server/audit/checkpoint.js';
import { auditKeyOf, newAuditKeyPem } from '../../server/audit/signing-key.js';
import type { VersionRecord } from '../../server/store/records.js';
import { as, cloneVersion, editDocument, ok, ratificationFor, ratify, versionPath } from '../support/api-client.js';
import { testAuditKey } from '../support/audit-key.js';
import { ras } from '../support/cli.js';
import { exampleVersions } from '../support/examples.js';
import { type PgRecord, readPgRecord, rewriteRecord, type StoredCommit, writePgRecord } from '../support/pg-record.js';
import { call, login, PASSWORD, SETUP_CODE, startServer, type TestServer } from '../support/server.js';
import { copyStore, newSchemaName, sqlOn, testDatabaseUrl } from '../support/store-under-test.js';

const upliftInForce = exampleVersions()
  .find((v) => v.version === '2010-revised')!
  .examples.find((e) => e.name === 'older-person-uplift-in-force')!.json.assessment;

/** The stopped server's record, never changed: each test tampers with a copy. */
let pristine: string;
let record: PgRecord;
let tokens: TestServer['tokens'];
let firstDecision: string;
let secondDecision: string;
/** The checkpoints the council kept: the minutes' lines, and the file the clerk keeps them in. */
let kept: { middle: Checkpoint; end: Checkpoint; lines: string[]; minutes: string };
const dirs: string[] = [];

beforeAll(async () => {
  const server = await startServer();
  tokens = server.tokens;
  const system = as(server, tokens['api-client']);
  const officer = as(server, tokens.officer);

  const first = ok(await system.post('/api/decisions', { policyId: 'adult-ras', assessment: upliftInForce }));
  firstDecision = first.id;
  ok(
    await officer.put(
      `/api/decisions/${first.id}/final-budget`,
      { weeklyPence: 40_000, reason: 'Agreed in support planning' },
      { 'if-match': `"${first.revision}"` },
    ),
  );
  // The clerk of one meeting takes the checkpoint from the running service.
  const middleLine: string = ok(await as(server, tokens.scrutiny).get('/api/audit/checkpoint')).line;

  await cloneVersion(server, tokens.officer, 'adult-ras', '2010-revised', 'kept');
  await editDocument(server, tokens.officer, 'adult-ras', 'kept', (document) => {
    document.title = 'Kept revision';
  });
  ok(await officer.post(`${versionPath('adult-ras', 'kept')}/submit`));
  ok(await ratify(server, tokens.ratifier, 'adult-ras', 'kept', ratificationFor('2011-04-01', { minuteReference: 'ASC/2011/KEPT' })));
  const second = ok(
    await system.post('/api/decisions', {
      policyId: 'adult-ras',
      assessment: upliftInForce,
      reason: 'Recorded late, from the paper assessment made at the time.',
    }),
  );
  secondDecision = second.id;
  ok(
    await officer.put(
      `/api/decisions/${second.id}/final-budget`,
      { weeklyPence: 41_000, reason: 'Agreed at the review meeting' },
      { 'if-match': `"${second.revision}"` },
    ),
  );
  // Enough commits after the first checkpoint for the last ten to be cut off behind it.
  for (let i = 0; i < 6; i++) await login(server.url, 'officer2');
  await server.close();
  pristine = server.where;
  record = await readPgRecord(pristine);

  // The clerk of the next meeting takes it with the command, once the service has stopped.
  const taken = await ras('audit', 'checkpoint', '--database-url', testDatabaseUrl(), '--schema', schemaOf(pristine));
  expect(taken.stderr).toBe('');
  expect(taken.code).toBe(0);
  const endLine = taken.stdout.trim();
  const middle = parseCheckpoint(middleLine);
  const end = parseCheckpoint(endLine);
  if (typeof middle === 'string' || typeof end === 'string') throw new Error(`not checkpoint lines: ${middleLine} / ${endLine}`);
  const dir = mkdtempSync(join(tmpdir(), 'ras-minutes-'));
  dirs.push(dir);
  const minutes = join(dir, 'minutes.txt');
  writeFileSync(
    minutes,
    `Adult Social Care Cabinet, minutes.\nItem 4: the audit checkpoint read into the record:\n${middleLine}\n\nNext meeting, item 2:\n${endLine}\n`,
  );
  kept = { middle, end, lines: [middleLine, endLine], minutes };

  // What the tests below rely on: the record's shape.
  expect(end).toMatchObject({ commit: record.head.commit, seq: record.head.seq, hash: record.head.hash });
  expect(middle.commit).toBeLessThan(end.commit - 10);
  expect(record.commits.filter((c) => c.header.checkpoint).length).toBeGreaterThan(0);
});

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const schemaOf = (where: string) => where.slice('postgres:'.length);

/** A copy of the pristine record in a schema of its own, tampered with by `tamper`. */
async function tampered(tamper: (where: string) => Promise<void>): Promise<string> {
  const where = `postgres:${newSchemaName()}`;
  await copyStore(pristine, where);
  await tamper(where);
  return where;
}

interface Finding {
  code: string;
  message: string;
}

interface CliVerify {
  code: number;
  stdout: string;
  stderr: string;
  problems: Finding[];
}

/** `ras audit verify` on the schema, with the kept checkpoints unless told otherwise; its problems as printed (`  <code>: <message>`). */
async function cliVerify(where: string, ...options: string[]): Promise<CliVerify> {
  const run = await ras('audit', 'verify', '--database-url', testDatabaseUrl(), '--schema', schemaOf(where), ...options);
  const problems = run.stderr
    .split('\n')
    .filter((line) => line.startsWith('  '))
    .map((line) => {
      const found = /^ {2}([a-z_]+): (.*)$/.exec(line);
      if (!found) throw new Error(`not a problem line: ${line}`);
      return { code: found[1]!, message: found[2]! };
    });
  return { ...run, problems };
}

const withKept = () => ['--checkpoints', kept.minutes];

/** Runs `work` with no audit key configured (the key file the run's commands read is elsewhere). */
async function withoutCouncilKey<T>(work: () => Promise<T>): Promise<T> {
  const saved = process.env.RAS_AUDIT_KEY_FILE;
  process.env.RAS_AUDIT_KEY_FILE = join(tmpdir(), `ras-no-such-key-${newSchemaName()}.pem`);
  try {
    return await work();
  } finally {
    process.env.RAS_AUDIT_KEY_FILE = saved;
  }
}

type Started = { refused: string } | { server: TestServer; report: any };

/**
 * A server started on the schema (as the council's would be, with the run's audit key), asked to
 * verify the record against the kept checkpoints; or why it would not start. `then` runs with the
 * server before it is closed.
 */
async function apiVerify(where: string, then?: (server: TestServer) => Promise<void>): Promise<Started> {
  const server = await startServer({ where, users: false }).catch((e: unknown) => e as Error);
  if (server instanceof Error) return { refused: server.message };
  try {
    const query = kept.lines.map((line) => `checkpoint=${encodeURIComponent(line)}`).join('&');
    const report = ok(await as(server, tokens.admin).get(`/api/audit/verify?${query}`));
    await then?.(server);
    return { server, report };
  } finally {
    await server.close();
  }
}

function reportOf(started: Started): { ok: boolean; problems: Finding[] } {
  if ('refused' in started) throw new Error(`the server refused to start: ${started.refused}`);
  return started.report;
}

/** A problem with this code whose message holds each phrase. */
function finding(code: string, ...phrases: string[]) {
  return expect.objectContaining({
    code,
    message: expect.stringMatching(new RegExp(phrases.map((p) => `(?=[^]*${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`).join(''))),
  });
}

/** How verification names a kept checkpoint. */
const keptOne = (c: Checkpoint) => `a checkpoint kept outside the record (commit ${c.commit}, audit entry ${c.seq}, signed ${c.at})`;

/** The record with its last `count` commits removed, every table beside the commits and the head row rewritten to match. */
async function cutShort(where: string, count: number, checkpoint: 'left' | 'cleared'): Promise<void> {
  await writePgRecord(where, record.commits.slice(0, -count), checkpoint === 'left' ? record.head.checkpoint : null);
}

describe('an untouched record', () => {
  it('verifies with the kept checkpoints by both verifiers, and the API’s own checkpoint line is accepted back', async () => {
    const where = await tampered(async () => {});
    const cli = await cliVerify(where, ...withKept());
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(`audit chain intact, ${record.head.seq} entries over ${record.head.commit} commits`);
    expect(cli.stdout).toContain('2 kept outside it, all found as kept');

    const started = await apiVerify(where, async (server) => {
      const admin = as(server, tokens.admin);
      const { line, checkpoint } = ok(await admin.get('/api/audit/checkpoint'));
      expect(line).toBe(checkpointLine(checkpoint));
      expect(checkpoint).toMatchObject({ commit: record.head.commit, seq: record.head.seq, hash: record.head.hash });
      const back = ok(await admin.get(`/api/audit/verify?checkpoint=${encodeURIComponent(line)}`));
      expect(back).toMatchObject({ ok: true, problems: [], checkpoints: { known: 1 } });
      const posted = ok(await admin.post('/api/audit/verify', { checkpoints: [line, ...kept.lines] }));
      expect(posted).toMatchObject({ ok: true, problems: [], checkpoints: { known: 3 } });
    });
    expect(reportOf(started)).toMatchObject({
      ok: true,
      problems: [],
      commits: record.head.commit,
      checkpoints: { known: 2, lastSigned: { commit: record.head.commit } },
    });
  });
});

describe('commits removed from the end, and ras_head rewritten to match', () => {
  it.each([1, 10])(
    'the last %i: with its signed checkpoint left, the server will not start; the CLI finds the head and the kept checkpoint beyond the record',
    async (count) => {
      const where = await tampered((at) => cutShort(at, count, 'left'));
      const end = record.head.commit - count;
      const cli = await cliVerify(where, ...withKept());
      expect(cli.code).toBe(1);
      expect(cli.stderr).toContain(`the record is BROKEN (3 problems)`);
      expect(cli.problems).toEqual([
        finding(
          'checkpoint_not_in_record',
          keptOne(kept.end),
          `is not in this record, which ends at commit ${end}`,
          'commits have been removed',
        ),
        finding('checkpoint_mismatch', `ras_head records commit ${end}, but its signed checkpoint is of commit ${record.head.commit}`),
        finding(
          'checkpoint_not_in_record',
          `ras_head's checkpoint (commit ${record.head.commit}`,
          `is not in this record, which ends at commit ${end}`,
        ),
      ]);

      const started = await apiVerify(where);
      expect(started).toEqual({
        refused: expect.stringContaining(
          `the head's signed checkpoint shows commit ${record.head.commit}, but the commits end at ${end}: commits have been removed`,
        ),
      });
    },
  );

  it.each([1, 10])(
    'the last %i, with its checkpoint cleared: checkpoint_unsigned and the kept checkpoint not in the record; a server started on it records the unsigned head',
    async (count) => {
      const where = await tampered((at) => cutShort(at, count, 'cleared'));
      const end = record.head.commit - count;
      const cli = await cliVerify(where, ...withKept());
      expect(cli.code).toBe(1);
      expect(cli.problems).toEqual([
        finding('checkpoint_not_in_record', keptOne(kept.end), `which ends at commit ${end}`),
        finding('checkpoint_unsigned', 'ras_head carries no signed checkpoint', 'nothing signed shows where the record ended'),
      ]);

      // The server starts, records the unsigned head in the audit log (its next commit signs the head again), and
      // reports it from then on; with the commit that records it, the cut record reaches the kept checkpoint's
      // number again when one commit was cut, and holds another entry there.
      const report = reportOf(await apiVerify(where));
      expect(report.problems).toEqual([
        finding(
          'recorded_finding',
          'ras_head carries no signed checkpoint, though the record carries signed checkpoints',
          `ended (commit ${end}`,
        ),
        count === 1
          ? finding('checkpoint_mismatch', keptOne(kept.end), `another hash at entry ${kept.end.seq}`, 'rewritten')
          : finding('checkpoint_not_in_record', keptOne(kept.end), `which ends at commit ${end + 1}`, 'commits have been removed'),
      ]);
    },
  );
});

describe('the record emptied', () => {
  it('TRUNCATEd with ras_head reset to commit 0: the kept checkpoints are found not in the record, by the CLI and by a server started afresh on it', async () => {
    const where = await tampered(async (at) => {
      await sqlOn(at, 'TRUNCATE ras_commits, ras_audit, ras_decisions, ras_rows, ras_documents, ras_document_parts');
      await sqlOn(at, `UPDATE ras_head SET commit = 0, audit_seq = 0, audit_hash = repeat('0', 64), checkpoint = NULL`);
    });
    const cli = await cliVerify(where, ...withKept());
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('the record is BROKEN (2 problems)');
    expect(cli.problems).toEqual([
      finding(
        'checkpoint_not_in_record',
        keptOne(kept.middle),
        'is not in this record, which ends at commit 0 (audit entry 0)',
        'commits have been removed',
      ),
      finding('checkpoint_not_in_record', keptOne(kept.end), 'is not in this record, which ends at commit 0 (audit entry 0)'),
    ]);
    // Without what the council kept, an empty record is a new one.
    const bare = await cliVerify(where);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toContain('audit chain intact, 0 entries over 0 commits');

    // A server started on it takes it for a new installation: seeds the examples, and someone sets it up again.
    const server = await startServer({ where, users: false });
    try {
      await call(server.url, 'POST', '/api/setup', undefined, { code: SETUP_CODE, username: 'admin', password: PASSWORD });
      const admin = await login(server.url, 'admin');
      const query = kept.lines.map((line) => `checkpoint=${encodeURIComponent(line)}`).join('&');
      const report = ok(await as(server, admin).get(`/api/audit/verify?${query}`));
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([
        finding('checkpoint_not_in_record', keptOne(kept.middle), `which ends at commit ${report.commits}`),
        finding('checkpoint_not_in_record', keptOne(kept.end), `which ends at commit ${report.commits}`),
      ]);
    } finally {
      await server.close();
    }
  });

  it('TRUNCATEd with its signed checkpoint left on ras_head: the server will not start', async () => {
    const where = await tampered(async (at) => {
      await sqlOn(at, 'TRUNCATE ras_commits, ras_audit, ras_decisions, ras_rows');
      await sqlOn(at, `UPDATE ras_head SET commit = 0, audit_seq = 0, audit_hash = repeat('0', 64)`);
    });
    const cli = await cliVerify(where, ...withKept());
    expect(cli.code).toBe(1);
    expect(cli.problems).toEqual([
      finding('checkpoint_not_in_record', keptOne(kept.middle), 'which ends at commit 0'),
      finding('checkpoint_not_in_record', keptOne(kept.end), 'which ends at commit 0'),
      finding('checkpoint_mismatch', `ras_head records commit 0, but its signed checkpoint is of commit ${record.head.commit}`),
      finding('checkpoint_not_in_record', `ras_head's checkpoint (commit ${record.head.commit}`, 'which ends at commit 0'),
    ]);
    expect(await apiVerify(where)).toEqual({
      refused: expect.stringContaining(`the head's signed checkpoint shows commit ${record.head.commit}, but the commits end at 0`),
    });
  });

  it('its tables dropped: the CLI says the kept checkpoints show a record that has been removed', async () => {
    const where = await tampered(async (at) => {
      await sqlOn(at, `DROP SCHEMA ${schemaOf(at)} CASCADE`);
    });
    const cli = await cliVerify(where, ...withKept());
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(
      `holds no record, but a checkpoint kept outside shows one of at least ${kept.end.commit} commits (signed ${kept.end.at}): the record has been removed`,
    );
  });
});

/** An earlier final budget changed: the one agreed for the first decision. */
function changedBudget(commit: StoredCommit): StoredCommit {
  for (const budget of commit.header.finalBudgets) if (budget.id === firstDecision) budget.finalBudget.weeklyPence = 90_000;
  return commit;
}

/** The second decision and its final budget left out of the record. */
function withoutSecondDecision(commit: StoredCommit): StoredCommit | null {
  const { header } = commit;
  return header.decisions.some((d) => d.id === secondDecision) || header.finalBudgets.some((b) => b.id === secondDecision) ? null : commit;
}

describe('the whole record rewritten consistently in JavaScript', () => {
  it('an early final budget changed, the checkpoints it cannot sign left out: checkpoint_unsigned, and the kept checkpoints do not match', async () => {
    const where = await tampered(async (at) => {
      const rewritten = rewriteRecord(record.commits, { edit: changedBudget });
      await writePgRecord(at, rewritten.commits, rewritten.checkpoint);
    });
    // Consistent: only the missing signature gives it away to a check without the kept checkpoints.
    const bare = await cliVerify(where);
    expect(bare.code).toBe(1);
    expect(bare.problems).toEqual([finding('checkpoint_unsigned', 'ras_head carries no signed checkpoint')]);

    const cli = await cliVerify(where, ...withKept());
    expect(cli.code).toBe(1);
    expect(cli.problems).toEqual([
      finding(
        'checkpoint_mismatch',
        keptOne(kept.middle),
        `does not match this record, which holds another hash at entry ${kept.middle.seq}`,
        'rewritten',
      ),
      finding('checkpoint_mismatch', keptOne(kept.end), `another hash at entry ${kept.end.seq}`),
      finding('checkpoint_unsigned', 'ras_head carries no signed checkpoint'),
    ]);

    // A server started on it takes it for a record from before checkpoints (nothing in it is signed) and signs it
    // from then on, recording that: only the kept checkpoints show the rewrite now.
    const started = await apiVerify(where, async (server) => {
      const admin = as(server, tokens.admin);
      // The forgery is what the service now serves.
      expect(ok(await as(server, tokens.officer).get(`/api/decisions/${firstDecision}`)).finalBudget).toMatchObject({
        weeklyPence: 90_000,
      });
      expect(ok(await admin.get('/api/audit?order=desc&limit=1'))).toEqual([
        expect.objectContaining({ action: 'store.upgrade', details: expect.objectContaining({ checkpointsFrom: record.head.commit }) }),
      ]);
      expect(ok(await admin.get('/api/audit/verify'))).toMatchObject({ ok: true, problems: [] });
    });
    expect(reportOf(started).problems).toEqual([
      finding('checkpoint_mismatch', keptOne(kept.middle), `another hash at entry ${kept.middle.seq}`),
      finding('checkpoint_mismatch', keptOne(kept.end), `another hash at entry ${kept.end.seq}`),
    ]);
  });

  it('with the head row’s signed checkpoint left as it was: it is of another record, and a server started on it records that', async () => {
    const where = await tampered(async (at) => {
      const rewritten = rewriteRecord(record.commits, { edit: changedBudget });
      await writePgRecord(at, rewritten.commits, record.head.checkpoint);
    });
    const headWhere = `ras_head's checkpoint (commit ${record.head.commit}, audit entry ${record.head.seq}`;
    const cli = await cliVerify(where, ...withKept());
    expect(cli.code).toBe(1);
    expect(cli.problems).toEqual([
      finding('checkpoint_mismatch', keptOne(kept.middle), 'another hash'),
      finding('checkpoint_mismatch', keptOne(kept.end), 'another hash'),
      finding('checkpoint_mismatch', headWhere, `another hash at entry ${record.head.seq}`, 'rewritten'),
    ]);
    const report = reportOf(await apiVerify(where));
    expect(report.problems).toEqual([
      finding('recorded_finding', headWhere, `is not of the record's end (commit ${record.head.commit}, audit entry ${record.head.seq}`),
      finding('checkpoint_mismatch', keptOne(kept.middle), 'another hash'),
      finding('checkpoint_mismatch', keptOne(kept.end), 'another hash'),
    ]);
  });

  it('a decision left out, the commits after it renumbered: the kept checkpoints are not in the record, or do not match', async () => {
    const where = await tampered(async (at) => {
      const rewritten = rewriteRecord(record.commits, { edit: withoutSecondDecision });
      expect(rewritten.commits).toHaveLength(record.commits.length - 2);
      await writePgRecord(at, rewritten.commits, rewritten.checkpoint);
    });
    const cli = await cliVerify(where, ...withKept());
    expect(cli.code).toBe(1);
    expect(cli.problems).toEqual([
      finding('checkpoint_mismatch', keptOne(kept.middle), 'another hash'),
      finding('checkpoint_not_in_record', keptOne(kept.end), `which ends at commit ${record.head.commit - 2}`),
      finding('checkpoint_unsigned', 'ras_head carries no signed checkpoint'),
    ]);
    const report = reportOf(await apiVerify(where));
    expect(report.problems).toEqual([
      finding('checkpoint_mismatch', keptOne(kept.middle), 'another hash'),
      // One commit later: the server's record of the upgrade.
      finding('checkpoint_not_in_record', keptOne(kept.end), `which ends at commit ${record.head.commit - 1}`),
    ]);
  });

  it('and signed afresh with a key of the tamperer’s own: key_unknown, by the API and by the CLI given the public key or the kept checkpoints', async () => {
    const theirs = auditKeyOf(newAuditKeyPem(), 'their key');
    const council = (await testAuditKey()).publicKey;
    const where = await tampered(async (at) => {
      const rewritten = rewriteRecord(record.commits, { edit: changedBudget, signWith: theirs });
      await writePgRecord(at, rewritten.commits, rewritten.checkpoint);
    });
    const notTheirs = `is signed by key ${theirs.publicKey}, which is not the council's audit key`;

    // Given only the published public key (no key file, no kept checkpoints).
    const byKey = await withoutCouncilKey(() => cliVerify(where, '--public-key', council));
    expect(byKey.code).toBe(1);
    expect(byKey.problems.length).toBeGreaterThan(1);
    expect(byKey.problems).toEqual(byKey.problems.map(() => finding('key_unknown', notTheirs, council)));
    expect(byKey.problems.at(-1)).toEqual(finding('key_unknown', `ras_head's checkpoint (commit ${record.head.commit}`, notTheirs));

    // Given only the kept checkpoints: their key is trusted, and they do not match either.
    const byKept = await withoutCouncilKey(() => cliVerify(where, ...withKept()));
    expect(byKept.code).toBe(1);
    expect(byKept.problems.filter((p) => p.code !== 'key_unknown')).toEqual([
      finding('checkpoint_mismatch', keptOne(kept.middle), 'another hash'),
      finding('checkpoint_mismatch', keptOne(kept.end), 'another hash'),
    ]);
    expect(byKept.problems.filter((p) => p.code === 'key_unknown')).toEqual(byKey.problems);

    // Given nothing the council kept, signatures are checked against the keys the record names: it passes, and says why that is weak.
    const blind = await withoutCouncilKey(() => cliVerify(where));
    expect(blind.code).toBe(0);
    expect(blind.stdout).toContain('no audit key was given, so signatures were checked only against the keys the record names');

    // The server trusts its own key: it records the head signed by another, signs the head again, and reports the rest.
    const report = reportOf(await apiVerify(where));
    const inRecord = byKey.problems.slice(0, -1);
    expect(report.problems).toEqual([
      finding('recorded_finding', `ras_head's checkpoint (commit ${record.head.commit}`, notTheirs),
      ...inRecord.map((p) => expect.objectContaining(p)),
      finding('checkpoint_mismatch', keptOne(kept.middle), 'another hash'),
      finding('checkpoint_mismatch', keptOne(kept.end), 'another hash'),
    ]);
  });
});

describe("a version's author made its ratifier", () => {
  /** The ratification of 'kept' (and the ratifier's entries in its commit) rewritten as the officer's, who authored it. */
  function selfRatified(commit: StoredCommit): StoredCommit {
    const ratifies = commit.header.audit.some((e) => e.action === 'version.ratify' && e.target === 'version:adult-ras/kept');
    for (const change of commit.header.changes) {
      const version = change.row as VersionRecord | null;
      if (change.k === 'adult-ras/kept' && version?.ratification) version.ratification.ratifiedBy = 'officer';
    }
    if (ratifies) for (const entry of commit.header.audit) if (entry.actor === 'ratifier') entry.actor = 'officer';
    return commit;
  }
  const selfRatifiedBreach = () =>
    finding('rule_broken', 'version adult-ras/kept was ratified by officer, who authored its content: someone else must ratify it');

  it('rewritten consistently, its checkpoints left out: rule_broken naming the version and the person', async () => {
    const where = await tampered(async (at) => {
      const rewritten = rewriteRecord(record.commits, { edit: selfRatified });
      await writePgRecord(at, rewritten.commits, rewritten.checkpoint);
    });
    const cli = await cliVerify(where, ...withKept());
    expect(cli.code).toBe(1);
    expect(cli.problems).toEqual([
      selfRatifiedBreach(),
      finding('checkpoint_mismatch', keptOne(kept.middle), 'another hash'),
      finding('checkpoint_mismatch', keptOne(kept.end), 'another hash'),
      finding('checkpoint_unsigned', 'ras_head carries no signed checkpoint'),
    ]);
    const report = reportOf(await apiVerify(where));
    expect(report.problems).toEqual([
      selfRatifiedBreach(),
      finding('checkpoint_mismatch', keptOne(kept.middle), 'another hash'),
      finding('checkpoint_mismatch', keptOne(kept.end), 'another hash'),
    ]);
  });

  it('even by someone holding the audit key, who signs the rewrite: rule_broken alone, without the kept checkpoints', async () => {
    const where = await tampered(async (at) => {
      const rewritten = rewriteRecord(record.commits, { edit: selfRatified, signWith: await testAuditKey() });
      await writePgRecord(at, rewritten.commits, rewritten.checkpoint);
    });
    const bare = await cliVerify(where);
    expect(bare.code).toBe(1);
    expect(bare.problems).toEqual([selfRatifiedBreach()]);
    // The rewrite begins after the first kept checkpoint, so that one still matches.
    const cli = await cliVerify(where, ...withKept());
    const report = reportOf(await apiVerify(where));
    for (const problems of [cli.problems, report.problems])
      expect(problems).toEqual([selfRatifiedBreach(), finding('checkpoint_mismatch', keptOne(kept.end), 'another hash')]);
  });
});

describe("ras_head's checkpoint edited by hand", () => {
  it('its commit number changed: signature_invalid (and the head not of its checkpoint); a server started on it records that, and reports it after later commits', async () => {
    const claimed = record.head.commit + 8;
    const where = await tampered(async (at) => {
      const changed = await sqlOn(at, `UPDATE ras_head SET checkpoint = jsonb_set(checkpoint::jsonb, '{commit}', $1::jsonb)::json`, [
        JSON.stringify(claimed),
      ]);
      expect(changed.rowCount).toBe(1);
    });
    const expected = [
      finding('checkpoint_mismatch', `ras_head records commit ${record.head.commit}, but its signed checkpoint is of commit ${claimed}`),
      finding(
        'signature_invalid',
        `ras_head's checkpoint (commit ${claimed}, audit entry ${record.head.seq}`,
        'does not carry the signature of the key it names',
        'someone without the audit key',
      ),
    ];
    const cli = await cliVerify(where, ...withKept());
    expect(cli.code).toBe(1);
    expect(cli.problems).toEqual(expected);

    // Every commit writes the head row again, the first one the server makes included: so the server records
    // what it found there when it starts, and verification reports it from then on, after any later commit too.
    const recorded = [
      finding(
        'recorded_finding',
        `ras_head's checkpoint (commit ${claimed}, audit entry ${record.head.seq}`,
        'does not carry the signature of the key it names',
      ),
    ];
    const started = await apiVerify(where, async (server) => {
      await login(server.url, 'officer2');
      expect(ok(await as(server, tokens.admin).get('/api/audit/verify')).problems).toEqual(recorded);
      const [entry] = ok(await as(server, tokens.admin).get('/api/audit?action=store.integrity'));
      expect(entry).toMatchObject({ actor: 'system:store', target: 'file:ras_head', details: { rejected: { commit: claimed } } });
    });
    expect(reportOf(started).problems).toEqual(recorded);
  });
});
