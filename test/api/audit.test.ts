/**
 * The audit log is a hash chain: every entry names its actor, action and target and carries the previous
 * entry's hash. The API and the `ras audit verify` command both check it, and both notice an entry
 * changed on disk.
 */

import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  cloneVersion,
  editDocument,
  ok,
  ratificationFor,
  readCollection,
  versionPath,
  writeCollection,
} from '../support/api-client.js';
import { ras } from '../support/cli.js';
import { exampleVersions } from '../support/examples.js';
import { removeDataDir, startServer, type TestServer } from '../support/server.js';

const GENESIS = '0'.repeat(64);

let server: TestServer;
let dataDir: string;
beforeAll(async () => {
  server = await startServer();
  dataDir = server.dataDir;
});
afterAll(async () => {
  await server.close();
  removeDataDir(dataDir);
});

const scrutiny = () => as(server, server.tokens.scrutiny);
const path = versionPath('adult-ras', 'audited');

let decisionId: string;

beforeAll(async () => {
  // A series of changes by different people: clone, edit, submit, ratify, record a decision.
  await cloneVersion(server, server.tokens.officer, 'adult-ras', '2010-revised', 'audited');
  await editDocument(server, server.tokens.officer, 'adult-ras', 'audited', (d) => {
    d.title = 'Audited revision';
  });
  ok(await as(server, server.tokens.officer).post(`${path}/submit`));
  ok(await as(server, server.tokens.ratifier).post(`${path}/ratify`, ratificationFor('2011-04-01', { minuteReference: 'ASC/2011/AUDIT' })));
  const assessment = exampleVersions()
    .find((v) => v.version === '2010-revised')!
    .examples.find((e) => e.name === 'older-person-uplift-in-force')!.json.assessment;
  decisionId = ok(await as(server, server.tokens['api-client']).post('/api/decisions', { policyId: 'adult-ras', assessment })).id;
});

describe('the audit log', () => {
  it('verifies as an intact chain, counting every entry', async () => {
    const entries = ok(await scrutiny().get('/api/audit'));
    const res = await scrutiny().get('/api/audit/verify');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, entries: entries.length, head: entries[entries.length - 1].hash });
    // Four seeded versions, the set-up users, and at least the six changes made here.
    expect(entries.length).toBeGreaterThanOrEqual(4 + 6);
  });

  it('numbers entries from 1 and chains each to the hash of the one before', async () => {
    const entries = ok(await scrutiny().get('/api/audit'));
    entries.forEach((entry: any, i: number) => {
      expect(entry.seq).toBe(i + 1);
      expect(entry.prevHash).toBe(i === 0 ? GENESIS : entries[i - 1].hash);
      expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(typeof entry.actor).toBe('string');
      expect(typeof entry.action).toBe('string');
      expect(typeof entry.target).toBe('string');
      expect(Date.parse(entry.at)).not.toBeNaN();
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
      'version:childrens-ras/2012-pilot',
      'version:childrens-ras/2013-revised',
    ]);
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

describe('ras audit verify', () => {
  /** A copy of the server's data directory, to check and tamper with while the server runs on. */
  function copyOfData(): string {
    const copy = mkdtempSync(join(tmpdir(), 'ras-audit-copy-'));
    cpSync(dataDir, copy, { recursive: true });
    copies.push(copy);
    return copy;
  }
  const copies: string[] = [];
  afterAll(() => copies.forEach(removeDataDir));

  /** Edits the ratification's audit entry on disk, as a tamperer would; returns its sequence number. */
  function forgeRatification(dir: string): number {
    const entries = readCollection(dir, 'audit');
    const ratify = entries.find((e) => e.action === 'version.ratify');
    ratify.details.minuteReference = 'ASC/2011/FORGED';
    writeCollection(dir, 'audit', entries);
    return ratify.seq;
  }

  it('exits 0 on the intact log, with the entry count', async () => {
    const entryCount = ok(await scrutiny().get('/api/audit/verify')).entries;
    const run = await ras('audit', 'verify', '--data-dir', copyOfData());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`audit chain intact, ${entryCount} entries`);
  });

  it('exits 1 naming the entry after one entry is edited on disk', async () => {
    const copy = copyOfData();
    const tamperedSeq = forgeRatification(copy);
    const run = await ras('audit', 'verify', '--data-dir', copy);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`BROKEN at entry ${tamperedSeq}`);
    expect(run.stdout).toBe('');
  });

  it('reports the same break over HTTP once a server starts on the tampered data', async () => {
    const copy = copyOfData();
    const tamperedSeq = forgeRatification(copy);
    const restarted = await startServer({ dataDir: copy });
    try {
      const res = await as(restarted, restarted.tokens.scrutiny).get('/api/audit/verify');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ok: false, seq: tamperedSeq });
      expect(res.body.reason).toContain(`entry ${tamperedSeq}`);
    } finally {
      await restarted.close();
    }
  });
});
