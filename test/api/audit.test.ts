/**
 * An audit that tells the truth. Every change is in the journal together with the audit entry that
 * vouches for it (a digest of the change, in a hash chain); ratifications keep anchors into the chain;
 * head.json and the collection files beside the journal must agree with it. The API and `ras audit
 * verify` run the same check from disk, and the server will not start on a journal that has lost commits.
 *
 * The tampering tests each work on a copy of a stopped server's data directory, as someone with access
 * to the disk would, rewriting the journal with correct line checksums so that only the record's own
 * checks can tell.
 */

import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalPath } from '../../server/store/layout.js';
import { LowdbStore, StoreIntegrityError } from '../../server/store/lowdb-store.js';
import {
  as,
  cloneVersion,
  editDocument,
  ok,
  ratificationFor,
  ratify,
  readCollection,
  versionPath,
  writeCollection,
} from '../support/api-client.js';
import { ras } from '../support/cli.js';
import { exampleVersions } from '../support/examples.js';
import { auditEntries, readJournal, rehashFrom, writeJournal } from '../support/journal.js';
import { onPostgres } from '../support/store-under-test.js';
import { login, PASSWORD, removeStore, request, startServer, type TestServer } from '../support/server.js';
import { testAuditKey } from '../support/audit-key.js';

const GENESIS = '0'.repeat(64);

let server: TestServer;
/** A stopped copy of the server's data, made after the history below: what each tampering test starts from. */
let pristine: string;
let decisionId: string;
const dirs: string[] = [];

const scrutiny = () => as(server, server.tokens.scrutiny);
const path = versionPath('adult-ras', 'audited');

beforeAll(async () => {
  server = await startServer();
  // A series of changes by different people: clone, edit, submit, ratify, record a decision, sign in and fail to.
  await cloneVersion(server, server.tokens.officer, 'adult-ras', '2010-revised', 'audited');
  await editDocument(server, server.tokens.officer, 'adult-ras', 'audited', (d) => {
    d.title = 'Audited revision';
  });
  ok(await as(server, server.tokens.officer).post(`${path}/submit`));
  ok(
    await ratify(
      server,
      server.tokens.ratifier,
      'adult-ras',
      'audited',
      ratificationFor('2011-04-01', { minuteReference: 'ASC/2011/AUDIT' }),
    ),
  );
  const assessment = exampleVersions()
    .find((v) => v.version === '2010-revised')!
    .examples.find((e) => e.name === 'older-person-uplift-in-force')!.json.assessment;
  // Dated in 2010, under 2010-revised, no longer in force once 'audited' is: recording it says why.
  decisionId = ok(
    await as(server, server.tokens['api-client']).post('/api/decisions', {
      policyId: 'adult-ras',
      assessment,
      reason: 'Recorded late, from the paper assessment made at the time.',
    }),
  ).id;
  await login(server.url, 'officer2');
  expect((await request(server.url, 'POST', '/api/auth/login', undefined, { username: 'officer', password: 'not it at all' })).status).toBe(
    401,
  );
  expect((await request(server.url, 'POST', '/api/auth/login', undefined, { username: 'nobody-here', password: PASSWORD })).status).toBe(
    401,
  );

  // Once the collection files are written (verify waits for them), the directory is a consistent record.
  expect(ok(await scrutiny().get('/api/audit/verify')).problems).toEqual([]);
  if (onPostgres()) return; // the record's files are tampered with below; test/postgres tampers with tables
  pristine = mkdtempSync(join(tmpdir(), 'ras-audit-pristine-'));
  dirs.push(pristine);
  cpSync(server.where, pristine, { recursive: true });
});

afterAll(async () => {
  await server.close();
  server.remove();
  dirs.forEach(removeStore);
});

/** A fresh copy of the record, to tamper with. */
function copyOfRecord(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ras-audit-tampered-'));
  cpSync(pristine, dir, { recursive: true });
  dirs.push(dir);
  return dir;
}

async function verifyOffline(dir: string) {
  const run = await ras('audit', 'verify', '--data-dir', dir);
  return { ...run, problems: run.stderr.split('\n').filter((l) => l.startsWith('  ')) };
}

async function refusedToOpen(dir: string): Promise<StoreIntegrityError> {
  const error = await LowdbStore.open(dir, { auditKey: await testAuditKey() }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreIntegrityError);
  return error as StoreIntegrityError;
}

describe('the audit log', () => {
  it('verifies whole: the chain, every change against its entry, the anchors, and the files beside the journal', async () => {
    const entries = ok(await scrutiny().get('/api/audit'));
    const res = await scrutiny().get('/api/audit/verify');
    expect(res.status).toBe(200);
    const last = entries[entries.length - 1];
    expect(res.body).toMatchObject({ ok: true, entries: entries.length, head: { seq: last.seq, hash: last.hash }, problems: [] });
    // The four seeded versions and the one ratified here each hold an anchor.
    expect(res.body.anchors).toBeGreaterThanOrEqual(2);
    expect(res.body.commits).toBeGreaterThan(10);
  });

  it('numbers entries from 1 and chains each to the hash of the one before; each change carries its digest', async () => {
    const entries = ok(await scrutiny().get('/api/audit'));
    entries.forEach((entry: any, i: number) => {
      expect(entry.seq).toBe(i + 1);
      expect(entry.prevHash).toBe(i === 0 ? GENESIS : entries[i - 1].hash);
      expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(Date.parse(entry.at)).not.toBeNaN();
      if (entry.action === 'auth.sign-in-failed') expect(entry.digest).toBeNull();
      else expect(entry.digest).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  it('records each change with its actor, action and target', async () => {
    const entries = ok(await scrutiny().get('/api/audit'));
    const mine = entries.filter(
      (e: any) =>
        e.target === 'version:adult-ras/audited' ||
        (e.target === 'version:adult-ras/2010-revised' && e.action === 'version.supersede') ||
        e.target === `decision:${decisionId}`,
    );
    expect(mine.map((e: any) => [e.actor, e.action, e.target])).toEqual([
      ['officer', 'version.create', 'version:adult-ras/audited'],
      ['officer', 'version.edit', 'version:adult-ras/audited'],
      ['officer', 'version.submit', 'version:adult-ras/audited'],
      ['ratifier', 'version.ratify', 'version:adult-ras/audited'],
      ['ratifier', 'version.supersede', 'version:adult-ras/2010-revised'],
      ['api-client', 'decision.record', `decision:${decisionId}`],
    ]);
    const seeded = entries.filter((e: any) => e.action === 'version.seed').map((e: any) => e.target);
    expect(seeded.sort()).toEqual([
      'version:adult-ras/2009-pilot',
      'version:adult-ras/2010-revised',
      'version:carers-one-off-payment/2024-25',
      'version:childrens-ras/2012-pilot',
      'version:childrens-ras/2013-revised',
      'version:childrens-short-breaks/2024-25',
    ]);
  });

  it('says each entry in words: what happened, who by name, and what it was done to by title', async () => {
    const scheme = ok(await scrutiny().get('/api/policies/adult-ras'));
    const ratified = ok(await scrutiny().get('/api/audit?action=version.ratify&target=version:adult-ras/audited'));
    expect(ratified).toHaveLength(1);
    expect(ratified[0]).toMatchObject({
      actor: 'ratifier',
      actionWords: 'Ratified',
      actorName: 'Test ratifier',
      targetWords: `${scheme.title}, version audited`,
    });
    const users = ok(await as(server, server.tokens.admin).get('/api/users'));
    const officer2 = users.find((u: { username: string }) => u.username === 'officer2');
    const signIn = ok(await scrutiny().get(`/api/audit?action=auth.sign-in&target=user:${officer2.id}`))[0];
    expect(signIn).toMatchObject({ actorName: 'Second officer', targetWords: 'User Second officer' });
    // A version says who created it by name too.
    expect(ok(await scrutiny().get(path))).toMatchObject({ createdBy: 'officer', createdByName: 'Test officer' });
    const seeded = ok(await scrutiny().get('/api/audit?action=policy.seed'))[0];
    expect(seeded.actorName).toBe('The system (loading the example schemes)');
  });

  it('serves the log a page at a time, newest first when asked, with how many entries match in all', async () => {
    const all = ok(await scrutiny().get('/api/audit'));
    const first = await scrutiny().get('/api/audit?order=desc&limit=3');
    expect(first.status).toBe(200);
    expect(first.headers.get('x-total-count')).toBe(String(all.length));
    expect(first.body.map((e: { seq: number }) => e.seq)).toEqual([all.length, all.length - 1, all.length - 2]);
    const second = ok(await scrutiny().get('/api/audit?order=desc&offset=3&limit=3'));
    expect(second.map((e: { seq: number }) => e.seq)).toEqual([all.length - 3, all.length - 4, all.length - 5]);
    const oldest = ok(await scrutiny().get('/api/audit?limit=2'));
    expect(oldest.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
  });

  it("finds entries by their words, in any case: the action, the person's name, the scheme's title", async () => {
    const byAction = await scrutiny().get('/api/audit?q=RATIFIED&order=desc');
    expect(byAction.body.length).toBeGreaterThan(0);
    expect(byAction.body.every((e: { action: string }) => e.action === 'version.ratify')).toBe(true);
    expect(byAction.headers.get('x-total-count')).toBe(String(byAction.body.length));
    const byName = ok(await scrutiny().get('/api/audit?q=second%20officer'));
    expect(byName.length).toBeGreaterThan(0);
    expect(
      byName.every((e: { actorName: string; targetWords: string }) => `${e.actorName} ${e.targetWords}`.includes('Second officer')),
    ).toBe(true);
    const byTitle = ok(await scrutiny().get('/api/audit?q=version%20audited'));
    expect(new Set(byTitle.map((e: { target: string }) => e.target))).toEqual(new Set(['version:adult-ras/audited']));
    expect(ok(await scrutiny().get('/api/audit?q=nothing-like-this-was-ever-done'))).toEqual([]);
  });

  it('refuses a page or an order it cannot serve, naming the parameter', async () => {
    for (const [query, pointer] of [
      ['limit=0', '/query/limit'],
      ['limit=501', '/query/limit'],
      ['offset=-1', '/query/offset'],
      ['limit=ten', '/query/limit'],
      ['order=sideways', '/query/order'],
      [`q=${'x'.repeat(201)}`, '/query/q'],
    ]) {
      const res = await scrutiny().get(`/api/audit?${query}`);
      expect(res.status, query).toBe(400);
      expect(
        res.body.errors.map((e: { pointer: string }) => e.pointer),
        query,
      ).toEqual([pointer]);
    }
  });

  it('records every sign-in, and every failed one without writing down a name nobody has', async () => {
    const users = ok(await as(server, server.tokens.admin).get('/api/users'));
    const idOf = (name: string) => users.find((u: { username: string }) => u.username === name).id;
    const signIns = ok(await scrutiny().get('/api/audit?action=auth.sign-in'));
    expect(signIns.some((e: any) => e.actor === 'officer2' && e.target === `user:${idOf('officer2')}`)).toBe(true);
    const failed = ok(await scrutiny().get('/api/audit?action=auth.sign-in-failed'));
    expect(failed.map((e: any) => [e.actor, e.target, e.details.reason])).toEqual([
      ['officer', `user:${idOf('officer')}`, 'wrong password'],
      ['unknown', 'user:unknown', 'unknown user'],
    ]);
    expect(JSON.stringify(failed)).not.toContain('nobody-here');
  });

  it('keeps assessment content out of the log', async () => {
    const text = JSON.stringify(ok(await scrutiny().get('/api/audit')));
    expect(text).not.toContain('pc-washing');
    expect(text).not.toContain('A-0001');
  });

  it('can be filtered by action, actor and target', async () => {
    const ratified = ok(await scrutiny().get('/api/audit?action=version.ratify'));
    expect(ratified).toHaveLength(1);
    expect(ratified[0]).toMatchObject({
      actor: 'ratifier',
      target: 'version:adult-ras/audited',
      details: { minuteReference: 'ASC/2011/AUDIT', effectiveFrom: '2011-04-01' },
    });
    const byOfficer = ok(await scrutiny().get('/api/audit?actor=officer'));
    expect(byOfficer.length).toBeGreaterThanOrEqual(3);
    expect(byOfficer.every((e: any) => e.actor === 'officer')).toBe(true);
    const forDecision = ok(await scrutiny().get(`/api/audit?target=${encodeURIComponent(`decision:${decisionId}`)}`));
    expect(forDecision.map((e: any) => e.action)).toEqual(['decision.record']);
  });

  it('is not open to officers', async () => {
    const res = await as(server, server.tokens.officer).get('/api/audit/verify');
    expect(res.status).toBe(403);
    expect(res.body.type).toBe('/problems/role_required');
  });
});

describe('a ratification', () => {
  it('records where the audit chain stood (its anchor), and the published version shows it', async () => {
    const [entry] = ok(await scrutiny().get('/api/audit?action=version.ratify'));
    const version = ok(await scrutiny().get(path));
    expect(version.ratification.auditAnchor).toEqual({ seq: entry.seq - 1, hash: entry.prevHash });
    expect(entry.details.auditAnchor).toEqual(version.ratification.auditAnchor);
    const published = ok(await request(server.url, 'GET', '/api/public/policies/adult-ras/versions/audited'));
    expect(published.ratification.auditAnchor).toEqual(version.ratification.auditAnchor);
  });
});

describe.skipIf(onPostgres())('ras audit verify', () => {
  it('exits 0 on the intact record, with the entry count', async () => {
    const entryCount = ok(await scrutiny().get('/api/audit/verify')).entries;
    const run = await ras('audit', 'verify', '--data-dir', copyOfRecord());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`audit chain intact, ${entryCount} entries`);
  });

  it('exits 2 for a folder that holds no record', async () => {
    const run = await ras('audit', 'verify', '--data-dir', mkdtempSync(join(tmpdir(), 'ras-empty-')));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('holds no journal.jsonl');
  });
});

describe.skipIf(onPostgres())('tampering with the record on disk is found', () => {
  it('deleting the last entry: the journal ends before the commit head.json records, and the server will not start on it', async () => {
    const dir = copyOfRecord();
    const lines = readJournal(dir);
    writeJournal(dir, lines.slice(0, -1));
    const run = await verifyOffline(dir);
    expect(run.code).toBe(1);
    expect(run.problems.join('\n')).toContain('journal_truncated');
    const refusal = await refusedToOpen(dir);
    expect(refusal.message).toContain(`ends at commit ${lines.length - 1}, but head.json records commit ${lines.length}`);
  });

  it('deleting the last ten entries', async () => {
    const dir = copyOfRecord();
    const lines = readJournal(dir);
    writeJournal(dir, lines.slice(0, -10));
    const run = await verifyOffline(dir);
    expect(run.code).toBe(1);
    expect(run.problems.join('\n')).toContain('commits have been removed');
    await refusedToOpen(dir);
  });

  it('replacing the whole log with nothing', async () => {
    const dir = copyOfRecord();
    writeFileSync(journalPath(dir), '');
    const run = await verifyOffline(dir);
    expect(run.code).toBe(1);
    expect(run.problems.join('\n')).toContain('journal_truncated');
    await refusedToOpen(dir);
  });

  it('rewriting the chain consistently from an entry before the latest ratification: the anchor no longer matches', async () => {
    const dir = copyOfRecord();
    const lines = readJournal(dir);
    const entries = auditEntries(lines);
    const ratification = entries.find((e) => e.action === 'version.ratify')!;
    const edit = entries.find((e) => e.action === 'version.edit' && e.target === 'version:adult-ras/audited')!;
    expect(edit.seq).toBeLessThan(ratification.seq);
    edit.details = { ...edit.details, to: 'sha256:forged' };
    rehashFrom(lines, edit.seq);
    writeJournal(dir, lines);
    // A careful tamperer rewrites head.json too.
    const head = auditEntries(lines).at(-1)!;
    writeFileSync(join(dir, 'head.json'), JSON.stringify({ commit: lines.length, audit: { seq: head.seq, hash: head.hash } }));
    const run = await verifyOffline(dir);
    expect(run.code).toBe(1);
    expect(run.problems.join('\n')).toMatch(/anchor_mismatch: a ratification is anchored at audit entry \d+/);
  });

  it('changing an entry without rehashing: the chain breaks there, which the server reports after a restart', async () => {
    const dir = copyOfRecord();
    const lines = readJournal(dir);
    const ratification = auditEntries(lines).find((e) => e.action === 'version.ratify')!;
    ratification.details = { ...ratification.details, minuteReference: 'ASC/2011/FORGED' };
    writeJournal(dir, lines);
    const run = await verifyOffline(dir);
    expect(run.code).toBe(1);
    expect(run.problems.join('\n')).toContain(`chain_broken: entry ${ratification.seq} has been changed`);
    const restarted = await startServer({ where: dir });
    try {
      const report = ok(await as(restarted, restarted.tokens.scrutiny).get('/api/audit/verify'));
      expect(report.ok).toBe(false);
      expect(report.problems).toContainEqual(expect.objectContaining({ code: 'chain_broken', seq: ratification.seq }));
    } finally {
      await restarted.close();
    }
  });

  it('a change with no audit entry, in a collection file: set aside, restored from the journal, and the finding recorded', async () => {
    const dir = copyOfRecord();
    const versions = readCollection(dir, 'versions');
    versions.find((v) => v.version === '2010-revised').document.pricing.default.pencePerPoint = 1;
    writeCollection(dir, 'versions', versions);
    const run = await verifyOffline(dir);
    expect(run.code).toBe(1);
    expect(run.problems.join('\n')).toContain('file_differs: versions.json differs from the journal');
    expect(run.problems.join('\n')).toContain('adult-ras/2010-revised');

    const restarted = await startServer({ where: dir });
    try {
      const price = ok(await as(restarted, restarted.tokens.officer).get(versionPath('adult-ras', '2010-revised'))).document.pricing
        .default;
      expect(price.pencePerPoint).toBe(502);
      const report = ok(await as(restarted, restarted.tokens.scrutiny).get('/api/audit/verify'));
      expect(report.problems).toEqual([
        expect.objectContaining({ code: 'recorded_finding', message: expect.stringContaining('versions.json differs') }),
      ]);
      expect(readdirSync(dir).some((f) => f.startsWith('versions.json.rejected-at-commit-'))).toBe(true);
    } finally {
      await restarted.close();
    }
  });

  it('a change in the journal that no entry vouches for', async () => {
    const dir = copyOfRecord();
    const lines = readJournal(dir);
    const commit = lines.find((l) => l.header.audit.some((e) => e.action === 'version.edit'))!;
    const pilot = lines.flatMap((l) => l.header.changes).find((c) => c.k === 'adult-ras/2009-pilot')!;
    commit.header.changes.push({ ...pilot, row: { ...pilot.row, title: 'Quietly changed' } });
    writeJournal(dir, lines);
    const run = await verifyOffline(dir);
    expect(run.code).toBe(1);
    expect(run.problems.join('\n')).toContain(
      `change_unaudited: commit ${commit.header.commit} changes version:adult-ras/2009-pilot with no audit entry for it`,
    );
  });

  it('an audit entry whose change is not in the journal', async () => {
    const dir = copyOfRecord();
    const lines = readJournal(dir);
    const commit = lines.find((l) => l.header.audit.some((e) => e.action === 'version.edit'))!;
    commit.header.changes = [];
    writeJournal(dir, lines);
    const run = await verifyOffline(dir);
    expect(run.code).toBe(1);
    expect(run.problems.join('\n')).toContain('entry_without_change');
  });

  it('a line damaged in the middle of the journal: the server will not guess, and says where', async () => {
    const dir = copyOfRecord();
    const text = readFileSync(journalPath(dir), 'utf8');
    const lines = text.split('\n');
    const officer = lines.findIndex((line) => line.includes('"officer"')); // a commit early on, with batches after it
    lines[officer] = lines[officer]!.replace('"officer"', '"0fficer"');
    writeFileSync(journalPath(dir), lines.join('\n'));
    const run = await verifyOffline(dir);
    expect(run.problems.join('\n')).toContain('journal_damaged');
    const refusal = await refusedToOpen(dir);
    expect(refusal.message).toMatch(/journal.jsonl is damaged at byte \d+: a line whose checksum does not match/);
  });
});

describe.skipIf(onPostgres())('a write cut short by a crash', () => {
  it('is set aside when the server starts, with everything acknowledged before it kept', async () => {
    const dir = copyOfRecord();
    const whole = readFileSync(journalPath(dir), 'utf8');
    writeFileSync(journalPath(dir), `${whole}{"commit":999,"at":"2026-`);
    const run = await verifyOffline(dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('a crash cut short');
    const restarted = await startServer({ where: dir });
    try {
      expect(ok(await as(restarted, restarted.tokens.scrutiny).get('/api/audit/verify')).ok).toBe(true);
      expect(ok(await as(restarted, restarted.tokens.officer).get(path)).status).toBe('ratified');
    } finally {
      await restarted.close();
    }
    // The whole lines are as they were (the restart's own sign-ins follow them); the torn bytes are kept aside.
    expect(readFileSync(journalPath(dir), 'utf8').startsWith(whole)).toBe(true);
    expect(readFileSync(journalPath(dir), 'utf8')).not.toContain('"commit":999');
    expect(readdirSync(dir).find((f) => f.startsWith('journal.jsonl.torn-after-commit-'))).toBeDefined();
    expect(existsSync(join(dir, 'head.json'))).toBe(true);
  });
});
