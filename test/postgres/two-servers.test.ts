/**
 * Two server processes over one PostgreSQL database, as a council runs them behind a load balancer:
 * one consistent system. What one changes the other sees at once; of two conflicting changes made
 * through different servers exactly one is kept; decisions recorded through both form one audit chain.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, cloneVersion, ok, ratificationFor, ratify, type Served, signIn, versionPath } from '../support/api-client.js';
import { type ChildServer, startChildServer } from '../support/child-server.js';
import { exampleVersions } from '../support/examples.js';
import { createOtherRoleUsers, createPerson, login, PASSWORD } from '../support/server.js';
import { newSchemaName, testDatabaseUrl } from '../support/store-under-test.js';

let a: ChildServer;
let b: ChildServer;
/** Tokens by user name, each made by signing in through server A (sessions are shared). */
let tokens: Record<string, string>;

beforeAll(async () => {
  const env = { RAS_DATABASE_URL: testDatabaseUrl(), RAS_DATABASE_SCHEMA: newSchemaName() };
  a = await startChildServer({ ...env, RAS_ADMIN_USERNAME: 'admin', RAS_ADMIN_PASSWORD: PASSWORD });
  b = await startChildServer(env);
  const admin = await login(a.url, 'admin');
  tokens = { ...(await createOtherRoleUsers(a.url, admin)), admin, officer2: await login(a.url, 'officer2') };
});

afterAll(async () => {
  await Promise.all([a?.kill(), b?.kill()]);
});

const path = (version: string) => versionPath('adult-ras', version);
const assessment = exampleVersions()
  .find((v) => v.version === '2010-revised')!
  .examples.find((e) => e.name === 'older-person-uplift-in-force')!.json.assessment;

async function submitted(on: Served, version: string): Promise<void> {
  await cloneVersion(on, tokens.officer!, 'adult-ras', '2010-revised', version);
  ok(await as(on, tokens.officer!).post(`${path(version)}/submit`), `submit ${version}`);
}

describe('a change made through one server is seen by the other at once', () => {
  it('a new user signs in through the other', async () => {
    // Made through one server, the password set through the other, signed in through the first.
    const { oneTimeCode } = ok(
      await as(a, tokens.admin!).post('/api/users', { username: 'new-officer', displayName: 'New', roles: ['officer'] }),
    );
    ok(await as(b, '').post('/api/auth/enrol', { username: 'new-officer', code: oneTimeCode.code, password: PASSWORD }));
    const token = await signIn(a, 'new-officer');
    expect(ok(await as(b, token).get('/api/auth/me')).username).toBe('new-officer');
  });

  it('a disabled user is refused by the other on the next request', async () => {
    await createPerson(a.url, tokens.admin!, { username: 'leaver', displayName: 'Leaver', roles: ['officer'] });
    const token = await signIn(b, 'leaver');
    const users = ok(await as(b, tokens.admin!).get('/api/users'));
    const leaver = users.find((u: { username: string }) => u.username === 'leaver');
    ok(await as(a, tokens.admin!).patch(`/api/users/${leaver.id}`, { disabled: true }));
    expect((await as(b, token).get('/api/auth/me')).status).toBe(401);
  });

  it('a revoked API key is refused by the other on the next request', async () => {
    const me = ok(await as(a, tokens.admin!).get('/api/users')).find((u: { username: string }) => u.username === 'api-client');
    const { id, key } = ok(await as(a, tokens.admin!).post(`/api/users/${me.id}/api-keys`, { label: 'case system' }));
    const withKey = (on: Served) => fetch(`${on.url}/api/auth/me`, { headers: { 'x-api-key': key } });
    expect((await withKey(b)).status).toBe(200);
    expect((await as(a, tokens.admin!).del(`/api/users/${me.id}/api-keys/${id}`)).status).toBe(204);
    expect((await withKey(b)).status).toBe(401);
  });

  it('a ratification through one puts the version in force on the other', async () => {
    await submitted(a, 'in-force-elsewhere');
    ok(await ratify(a, tokens.ratifier!, 'adult-ras', 'in-force-elsewhere', ratificationFor('2031-04-01')));
    const inForce = ok(await as(b, tokens['api-client']!).get('/api/policies/adult-ras/in-force?asOf=2031-04-02'));
    expect(inForce.version).toBe('in-force-elsewhere');
  });
});

describe('conflicting changes made through the two servers at once', () => {
  it('the same version ratified by two ratifiers, one on each server: exactly one ratification is kept, five times over', async () => {
    for (let round = 0; round < 5; round++) {
      const version = `both-ratify-${round}`;
      await submitted(a, version);
      const outcomes = await Promise.all([
        ratify(a, tokens.ratifier!, 'adult-ras', version, ratificationFor('2032-04-01', { minuteReference: `A/${round}` })),
        ratify(b, tokens.officer2!, 'adult-ras', version, ratificationFor('2032-04-01', { minuteReference: `B/${round}` })),
      ]);
      const statuses = outcomes.map((o) => o.status).sort();
      expect(statuses[0]).toBe(200);
      expect([409, 412]).toContain(statuses[1]);
      const winner = outcomes.find((o) => o.status === 200)!.body;
      const stored = ok(await as(b, tokens.officer!).get(path(version)));
      expect(stored.ratification.minuteReference).toBe(winner.ratification.minuteReference);
      const entries = ok(await as(a, tokens.admin!).get(`/api/audit?target=version:adult-ras/${version}&action=version.ratify`));
      expect(entries).toHaveLength(1);
    }
  });

  it('four eyes across servers: a ratification on one, while its submitter resubmits it as their own on the other, is refused', async () => {
    // A large reference cohort makes the ratification's comparison take a while before it commits.
    const cohort = ok(
      await as(a, tokens.scrutiny!).post('/api/cohorts/generate', {
        policyId: 'adult-ras',
        version: '2010-revised',
        name: 'Large reference cohort',
        size: 100_000,
        seed: 3,
      }),
    );
    ok(await as(a, tokens.scrutiny!).put('/api/policies/adult-ras/reference-cohort', { cohortId: cohort.id }));
    await submitted(a, 'raced');

    const officer2 = tokens.officer2!;
    const reviewed = await as(a, officer2).get(path('raced'));
    const ratifying = as(a, officer2).post(`${path('raced')}/ratify`, ratificationFor('2033-04-01', { comparisonWaiver: undefined }), {
      'if-match': reviewed.headers.get('etag')!,
    });
    ok(await as(b, officer2).post(`${path('raced')}/return-to-draft`));
    ok(await as(b, officer2).post(`${path('raced')}/submit`));

    expect([409, 412]).toContain((await ratifying).status);
    expect(ok(await as(a, tokens.officer!).get(path('raced')))).toMatchObject({
      status: 'submitted',
      submittedBy: 'officer2',
      ratification: null,
    });
  });
});

describe('decisions recorded through both servers at once', () => {
  it('are all kept, listed by either, in one audit chain that verifies on both with the same head', async () => {
    const client = tokens['api-client']!;
    const recorded = await Promise.all(
      Array.from({ length: 60 }, (_, i) => as(i % 2 ? a : b, client).post('/api/decisions', { policyId: 'adult-ras', assessment })),
    );
    expect(recorded.map((r) => r.status)).toEqual(Array(60).fill(201));
    const ids = recorded.map((r) => r.body.id).sort();
    for (const on of [a, b]) {
      const listed = ok(await as(on, tokens.officer!).get('/api/decisions?limit=500')).map((d: { id: string }) => d.id);
      expect(ids.every((id) => listed.includes(id))).toBe(true);
    }
    const [onA, onB] = await Promise.all([a, b].map(async (on) => ok(await as(on, tokens.admin!).get('/api/audit/verify'))));
    expect(onA).toMatchObject({ ok: true, problems: [] });
    expect(onB).toMatchObject({ ok: true, head: onA.head });
    const entries = ok(await as(b, tokens.admin!).get('/api/audit'));
    expect(entries.map((e: { seq: number }) => e.seq)).toEqual(entries.map((_: unknown, i: number) => i + 1));
  });
});

describe('a comparison started on one server', () => {
  it('is followed to its result on the other', async () => {
    const scrutiny = tokens.scrutiny!;
    const cohort = ok(
      await as(a, scrutiny).post('/api/cohorts/generate', {
        policyId: 'adult-ras',
        version: '2010-revised',
        name: 'Shared',
        size: 2_000,
        seed: 5,
      }),
    );
    const body = { policyId: 'adult-ras', versions: ['2009-pilot', '2010-revised'], cohortId: cohort.id };
    const started = await as(a, scrutiny).post('/api/comparisons', { ...body, wait: false });
    expect(started.status).toBe(202);
    let view = await as(b, scrutiny).get(`/api/comparisons/${started.body.id}`);
    for (let i = 0; i < 200 && view.body.status === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      view = await as(b, scrutiny).get(`/api/comparisons/${started.body.id}`);
    }
    expect(view.status).toBe(200);
    expect(view.body.status).toBe('done');
    const direct = ok(await as(a, scrutiny).post('/api/comparisons', { ...body, wait: true }));
    expect(view.body.result.totals).toEqual(direct.result.totals);
  });
});
