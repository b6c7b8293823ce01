/**
 * A data directory from before the journal (until 27 November 2026 the store kept one JSON array per
 * collection, decisions and the audit log included) is moved into the journal when the store first
 * opens it: every row, decision and audit entry kept, the audit chain unchanged, the old files kept in
 * pre-journal/. The directory below is written by hand in that layout, its audit chain hashed here as
 * the old store hashed it (SHA-256 of each entry's canonical JSON without its hash), and opened by the
 * real store. Only the embedded store had that layout.
 */

import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { afterEach, describe, expect, it } from 'vitest';
import { LowdbStore } from '../../server/store/lowdb-store.js';
import { onPostgres } from '../support/store-under-test.js';
import { testAuditKey } from '../support/audit-key.js';

const UPGRADED_AT = '2026-12-01T09:00:00.000Z';
const dirs: string[] = [];
const stores: LowdbStore[] = [];

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close().catch(() => {});
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The old chain: each entry's hash covers its content and the previous hash; there was no digest. */
function legacyChain(events: Array<{ at: string; actor: string; action: string; target: string; details: object }>) {
  let prevHash = '0'.repeat(64);
  return events.map((event, i) => {
    const body = { seq: i + 1, ...event, prevHash };
    const hash = createHash('sha256').update(canonicalize(body)!).digest('hex');
    prevHash = hash;
    return { ...body, hash };
  });
}

const policy = { id: 'adult-ras', title: 'Adult RAS', council: 'Test council', createdAt: '2026-11-24T10:00:00.000Z', createdBy: 'alice' };
const document = JSON.parse(readFileSync(new URL('../../rules/examples/adult-ras/2009-pilot/policy.json', import.meta.url), 'utf8'));
const ratified = {
  policyId: 'adult-ras',
  version: '2009-pilot',
  status: 'ratified',
  document,
  contentHash: 'a'.repeat(64),
  examples: [],
  basedOn: null,
  createdAt: '2026-11-24T10:00:00.000Z',
  createdBy: 'alice',
  updatedAt: '2026-11-24T11:00:00.000Z',
  submittedAt: '2026-11-24T11:00:00.000Z',
  submittedBy: 'bob',
  ratification: {
    body: 'Cabinet',
    decisionDate: '2026-11-24',
    minuteReference: 'CAB/2026/11',
    rationale: 'Adopted.',
    effectiveFrom: '2026-11-25',
    ratifiedBy: 'carol',
    ratifiedAt: '2026-11-24T12:00:00.000Z',
  },
  superseded: null,
  withdrawal: null,
};
/** A draft its author also submitted: one contributor, not two. */
const submitted = {
  ...ratified,
  version: '2010-revised',
  status: 'submitted',
  createdBy: 'alice',
  submittedBy: 'alice',
  basedOn: { version: '2009-pilot', contentHash: 'a'.repeat(64) },
  ratification: null,
};
const user = {
  id: 'u-alice',
  username: 'alice',
  displayName: 'Alice',
  roles: ['officer'],
  passwordHash: null,
  apiKeys: [],
  disabled: false,
  createdAt: '2026-11-24T09:00:00.000Z',
};
const session = {
  tokenHash: 'b'.repeat(64),
  userId: 'u-alice',
  createdAt: '2026-11-24T09:30:00.000Z',
  expiresAt: '2026-11-25T09:30:00.000Z',
};
const decision = {
  id: 'd-1',
  createdAt: '2026-11-26T10:00:00.000Z',
  createdBy: 'alice',
  policyId: 'adult-ras',
  version: '2009-pilot',
  contentHash: 'a'.repeat(64),
  asOf: '2026-11-26',
  assessment: { answers: { mobility: 'some-help' } },
  result: { weeklyPence: 12_345, flags: [{ code: 'near-maximum', message: 'Close to the maximum.' }] },
  finalBudget: null,
};
const audit = legacyChain([
  { at: '2026-11-24T10:00:00.000Z', actor: 'alice', action: 'policy.create', target: 'policy:adult-ras', details: {} },
  { at: '2026-11-26T10:00:00.000Z', actor: 'alice', action: 'decision.record', target: 'decision:d-1', details: { version: '2009-pilot' } },
]);

/** Every collection of the old layout but cohorts (a directory that never stored one has no file for it). */
function legacyDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ras-legacy-'));
  dirs.push(dir);
  const files = { policies: [policy], versions: [ratified, submitted], users: [user], sessions: [session], decisions: [decision], audit };
  for (const [name, rows] of Object.entries(files)) writeFileSync(join(dir, `${name}.json`), JSON.stringify(rows, null, 2));
  return dir;
}

async function open(dir: string): Promise<LowdbStore> {
  const store = await LowdbStore.open(dir, { now: () => UPGRADED_AT, auditKey: await testAuditKey() });
  stores.push(store);
  return store;
}

describe.skipIf(onPostgres())('a data directory in the layout from before the journal', () => {
  it('is moved into the journal on first open: every row with revision 1, the decisions, the audit chain as it was', async () => {
    const dir = legacyDataDir();
    const store = await open(dir);

    expect(store.wasEmpty).toBe(false);
    expect(store.all('policies')).toEqual([{ ...policy, revision: 1 }]);
    expect(store.all('versions')).toEqual([
      { ...ratified, revision: 1, contributors: ['alice', 'bob'] },
      { ...submitted, revision: 1, contributors: ['alice'] },
    ]);
    expect(store.all('users')).toEqual([{ ...user, revision: 1 }]);
    expect(store.all('sessions')).toEqual([session]);
    expect(store.all('cohorts')).toEqual([]);

    expect(store.decisionSummary('d-1')).toEqual({
      id: 'd-1',
      createdAt: '2026-11-26T10:00:00.000Z',
      createdBy: 'alice',
      policyId: 'adult-ras',
      version: '2009-pilot',
      contentHash: 'a'.repeat(64),
      asOf: '2026-11-26',
      revision: 1,
      weeklyPence: 12_345,
      flags: ['near-maximum'],
      // The legacy assessment carries no reference.
      reference: null,
      finalBudget: null,
    });
    expect(await store.decision('d-1')).toMatchObject({ assessment: decision.assessment, result: decision.result });

    const entries = await store.auditEntries();
    expect(entries.slice(0, 2)).toEqual(audit);
    expect(entries[2]).toMatchObject({
      seq: 3,
      at: UPGRADED_AT,
      actor: 'system:store',
      action: 'store.upgrade',
      target: 'store:journal',
      prevHash: audit[1]!.hash,
      details: {
        from: 'one JSON array per collection',
        rows: { policies: 1, versions: 2, users: 1, sessions: 1, cohorts: 0 },
        decisions: 1,
        auditEntries: 2,
        keptIn: 'pre-journal/',
      },
    });
    expect(entries).toHaveLength(3);

    const report = await store.verify();
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, commits: 2, entries: 3, head: { seq: 3, hash: entries[2]!.hash } });
  });

  it('keeps the old files, unchanged, in pre-journal/, and is not upgraded again when opened again', async () => {
    const dir = legacyDataDir();
    const before = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    const first = await open(dir);
    const head = first.auditHead();
    await first.close();

    expect(readdirSync(join(dir, 'pre-journal')).sort()).toEqual([
      'audit.json',
      'decisions.json',
      'policies.json',
      'sessions.json',
      'users.json',
      'versions.json',
    ]);
    for (const [file, text] of Object.entries(before)) expect(readFileSync(join(dir, 'pre-journal', file), 'utf8'), file).toBe(text);
    expect(existsSync(join(dir, 'journal.jsonl'))).toBe(true);
    expect(existsSync(join(dir, 'decisions.json'))).toBe(false);
    expect(existsSync(join(dir, 'audit.json'))).toBe(false);
    // The collection files beside the journal are its copies now: rows as of a commit, not a bare array.
    expect(JSON.parse(readFileSync(join(dir, 'policies.json'), 'utf8'))).toEqual({ commit: 2, rows: [{ ...policy, revision: 1 }] });

    const again = await open(dir);
    expect(again.auditHead()).toEqual(head);
    expect((await again.auditEntries()).map((e) => e.action)).toEqual(['policy.create', 'decision.record', 'store.upgrade']);
    expect(again.all('versions').map((v) => [v.version, v.revision, v.contributors])).toEqual([
      ['2009-pilot', 1, ['alice', 'bob']],
      ['2010-revised', 1, ['alice']],
    ]);
  });
});
