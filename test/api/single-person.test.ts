/**
 * No single account, whatever its roles, changes what is in force or what anyone is paid. Each test is
 * one way an insider with ordinary rights once did it alone, tried again through the real server (on
 * lowdb and on PostgreSQL): the refusal, and that nothing changed — what is in force, the amount for
 * the sample person, the audit log.
 *
 * The sample person (rules/sample-assessments/adult-older-person.json) gets £363.00 a week under
 * 2010-revised, in force since 2010-04-01; under 2009-pilot, the version before, £320.00.
 *
 * 'officer2' holds both the officer and the ratifier roles; 'ratifier' only the ratifier role.
 */

import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adult, cohortDocument, NO_NEEDS } from '../support/adult-cohort.js';
import {
  as,
  cloneVersion,
  editDocument,
  NO_REFERENCE_COHORT,
  ok,
  ratificationFor,
  ratify,
  replaceExamples,
  signIn,
  versionPath,
} from '../support/api-client.js';
import { createPerson, login, PASSWORD, request, startServer, type TestServer } from '../support/server.js';

const SAMPLE = JSON.parse(readFileSync('rules/sample-assessments/adult-older-person.json', 'utf8'));
const path = (version: string) => versionPath('adult-ras', version);

let server: TestServer;
let officer2: string;
beforeEach(async () => {
  server = await startServer();
  officer2 = await signIn(server, 'officer2');
});
afterEach(async () => {
  await server.close();
  server.remove();
});

const caller = (token: string) => as(server, token);
const admin = () => caller(server.tokens.admin);
/** The account as an admin read it: agreeing to a change waiting on it names this. */
const asRead = async (token: string, userId: string) => ({
  'if-match': (await caller(token).get(`/api/users/${userId}`)).headers.get('etag')!,
});

/** What is in force, what the sample person gets, and how long the audit log is: all must stay as they were. */
async function snapshot() {
  const inForce = ok(await caller(server.tokens.officer).get('/api/policies/adult-ras/in-force?asOf=2026-12-01')).version;
  const weeklyPence = ok(await caller(server.tokens['api-client']).post('/api/policies/adult-ras/evaluate', SAMPLE)).weeklyPence;
  const audit = await caller(server.tokens.scrutiny).get('/api/audit?limit=1');
  return { inForce, weeklyPence, auditEntries: Number(audit.headers.get('x-total-count')) };
}

/** An older person needing some help washing (10 points), assessed on 2011-06-01, with 2010-revised's questions. */
const WASHING = {
  reference: 'EX-1',
  assessmentDate: '2011-06-01',
  age: 80,
  clientGroup: 'older-people',
  questionnaire: 'adult-sdaq',
  answers: { ...NO_NEEDS, 'pc-washing': 'some-help' },
};

/**
 * A copy of 2010-revised at half the standard price (251p a point), written by `author`, with its worked
 * example: 10 points × 251p = 2,510p; +2.5% uplift (62.75, rounded up to 63) = 2,573p; up to the pound: 2,600p.
 */
async function halfPriceDraft(version: string, author: string, change: (d: any) => void = () => {}): Promise<void> {
  await cloneVersion(server, author, 'adult-ras', '2010-revised', version);
  await editDocument(server, author, 'adult-ras', version, (d) => {
    d.pricing.default.pencePerPoint = 251;
    change(d);
  });
  await replaceExamples(server, author, 'adult-ras', version, [
    { name: 'Older person needing some help washing, at half price', assessment: WASHING, expect: { totalPoints: 10, weeklyPence: 2_600 } },
  ]);
}

async function submittedCopy(version: string, author: string): Promise<void> {
  await halfPriceDraft(version, author);
  ok(await caller(author).post(`${path(version)}/submit`), `submit ${version}`);
}

describe('1. taking a version out of force', () => {
  it('is never done by one ratifier alone: proposing does nothing, and the proposer cannot confirm', async () => {
    const before = await snapshot();
    expect(before).toMatchObject({ inForce: '2010-revised', weeklyPence: 36_300 });
    const proposed = await caller(server.tokens.ratifier).post(`${path('2010-revised')}/withdrawal`, {
      reason: 'Withdrawn so that the pilot prices apply again.',
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body.withdrawalProposal.restores).toEqual({ version: '2009-pilot', contentHash: expect.any(String) });
    const proposedState = await snapshot();
    expect(proposedState).toMatchObject({ inForce: '2010-revised', weeklyPence: 36_300 });

    const own = await caller(server.tokens.ratifier).post(
      `${path('2010-revised')}/withdrawal/confirm`,
      { comparisonWaiver: NO_REFERENCE_COHORT },
      {
        'if-match': proposed.headers.get('etag')!,
      },
    );
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ type: '/problems/four_eyes' });
    expect(own.body.detail).toBe('You proposed withdrawing version 2010-revised, so another ratifier must confirm it.');
    expect(await snapshot()).toEqual(proposedState);
  });

  it('is not done by a person with two roles proposing and confirming either', async () => {
    ok(await caller(officer2).post(`${path('2010-revised')}/withdrawal`, { reason: 'Withdrawn so that the pilot prices apply again.' }));
    const reviewed = await caller(officer2).get(path('2010-revised'));
    const res = await caller(officer2).post(
      `${path('2010-revised')}/withdrawal/confirm`,
      { comparisonWaiver: NO_REFERENCE_COHORT },
      {
        'if-match': reviewed.headers.get('etag')!,
      },
    );
    expect(res.status).toBe(403);
    expect((await snapshot()).weeklyPence).toBe(36_300);
  });

  it('is done by a second ratifier confirming exactly the proposal they read, and the sample person then gets the pilot amount', async () => {
    const proposed = ok(
      await caller(server.tokens.ratifier).post(`${path('2010-revised')}/withdrawal`, {
        reason: 'Withdrawn so that the pilot prices apply again.',
      }),
    );
    const confirm = (ifMatch: string, notes: object = { comparisonWaiver: NO_REFERENCE_COHORT }) =>
      caller(officer2).post(`${path('2010-revised')}/withdrawal/confirm`, notes, { 'if-match': ifMatch });
    // Crafted preconditions: none, any, a no-break space before "*", a weak tag, another revision.
    expect((await confirm('*')).status).toBe(428);
    for (const crafted of ['\u00a0*', `W/"${proposed.revision}"`, `"${proposed.revision - 1}"`, `\u00a0"${proposed.revision}"`])
      expect((await confirm(crafted)).status, crafted).toBe(412);
    // Something comes back, and the scheme has no reference cohort: the waiver must say why, in words.
    for (const blank of [' ', '\u200b', '\t', '.', '\u00a0\u2060\u00ad'])
      expect((await confirm(`"${proposed.revision}"`, { comparisonWaiver: blank })).body.type, JSON.stringify(blank)).toBe(
        '/problems/reason_required',
      );
    expect((await snapshot()).weeklyPence).toBe(36_300);

    // HTTP's optional white space (spaces and tabs) around the tag is allowed.
    const res = await confirm(` \t"${proposed.revision}" `);
    expect(res.status).toBe(200);
    expect(res.body.withdrawal).toMatchObject({ by: 'officer2', proposedBy: 'ratifier', restores: { version: '2009-pilot' } });
    expect(await snapshot()).toMatchObject({ inForce: '2009-pilot', weeklyPence: 32_000 });
    // The version that comes back says so: ratified, superseded by nothing, with the reason on its record.
    const back = ok(await caller(server.tokens.officer).get(path('2009-pilot')));
    expect(back).toMatchObject({ status: 'ratified', superseded: null });
    const history = ok(await caller(server.tokens.officer).get(`${path('2009-pilot')}/audit`));
    expect(history.at(-1)).toMatchObject({ action: 'version.restore', actor: 'officer2', details: { withdrawn: '2010-revised' } });
  });

  it('that leaves nothing in force needs an equality impact note, and says so', async () => {
    ok(await caller(server.tokens.ratifier).post(`${path('2009-pilot')}/withdrawal`, { reason: 'The pilot was never lawfully adopted.' }));
    const reviewed = await caller(officer2).get(path('2009-pilot'));
    expect(reviewed.body.withdrawalProposal.restores).toBeNull();
    const res = await caller(officer2).post(
      `${path('2009-pilot')}/withdrawal/confirm`,
      { comparisonWaiver: NO_REFERENCE_COHORT },
      {
        'if-match': reviewed.headers.get('etag')!,
      },
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/equalityImpact', code: 'equality_impact_required' })]);
    expect(ok(await caller(server.tokens.officer).get(path('2009-pilot'))).status).toBe('superseded');
  });
});

describe('2. the admin is not every pair of eyes', () => {
  const users = async () => ok(await admin().get('/api/users')) as Array<{ id: string; username: string; apiKeys: unknown[] }>;
  const idOf = async (username: string) => (await users()).find((u) => u.username === username)!.id;

  it("(a) chooses nobody's password: an account given one is refused, and a new account comes with a one-time code instead", async () => {
    const given = await admin().post('/api/users', {
      username: 'puppet-ratifier',
      displayName: 'Puppet',
      roles: ['ratifier'],
      password: PASSWORD,
    });
    expect(given.status).toBe(422);
    expect(given.body.errors).toEqual([expect.objectContaining({ pointer: '/password' })]);
    expect((await users()).map((u) => u.username)).not.toContain('puppet-ratifier');
    const changed = await admin().patch(`/api/users/${await idOf('ratifier')}`, { password: 'correct horse battery staple' });
    expect(changed.status).toBe(422);
    expect(await login(server.url, 'ratifier')).toEqual(expect.any(String));
  });

  it('(a) with a second admin, cannot grant the ratifier role alone: the account it makes cannot ratify until another admin agrees', async () => {
    await createPerson(server.url, server.tokens.admin, { username: 'second-admin', displayName: 'Second admin', roles: ['admin'] });
    await submittedCopy('puppet-target', server.tokens.officer);
    const made = await admin().post('/api/users', { username: 'puppet', displayName: 'Puppet', roles: ['ratifier'] });
    expect(made.status).toBe(202);
    expect(made.body).toMatchObject({ roles: [], pending: { kind: 'roles', roles: ['ratifier'], requestedBy: 'admin' } });
    // No code is shown to the admin who made it: whoever agrees to its powers gives the person theirs.
    expect(made.body).toMatchObject({ oneTimeCode: null, oneTimeCodeOutstanding: null, hasPassword: false });
    const before = await snapshot();
    // Nor can the admin agree to its own request.
    const self = await admin().post(`/api/users/${made.body.id}/pending/approve`);
    expect(self.status).toBe(403);
    expect(self.body.type).toBe('/problems/four_eyes');
    expect(await snapshot()).toEqual(before);
    expect(ok(await caller(server.tokens.officer).get(path('puppet-target'))).status).toBe('submitted');
  });

  it('(a) with a second admin, cannot make a third admin, nor disable or demote the second, to act alone', async () => {
    const second = await createPerson(server.url, server.tokens.admin, {
      username: 'second-admin',
      displayName: 'Second admin',
      roles: ['admin'],
    });
    const secondToken = await login(server.url, 'second-admin');
    // A third admin it controls would be a second pair of eyes of its own making.
    const third = await admin().post('/api/users', { username: 'third-admin', displayName: 'Third', roles: ['admin'] });
    expect(third.status).toBe(202);
    expect(third.body).toMatchObject({ roles: [], pending: { kind: 'roles', roles: ['admin'] } });
    // Taking the second admin away waits for an admin: the second may agree to it, but nobody else here can.
    const disabled = await admin().patch(`/api/users/${second.id}`, { disabled: true });
    expect(disabled.status).toBe(202);
    expect(disabled.body).toMatchObject({ disabled: false, pending: { kind: 'disable', requestedBy: 'admin' } });
    ok(await caller(secondToken).del(`/api/users/${second.id}/pending`));
    const demoted = await admin().patch(`/api/users/${second.id}`, { roles: ['scrutiny'] });
    expect(demoted.status).toBe(202);
    expect(demoted.body).toMatchObject({ roles: ['admin'], pending: { kind: 'roles', roles: ['scrutiny'] } });
    // So the grant of a ratifier still waits for the second admin.
    const grant = await admin().post('/api/users', { username: 'puppet', displayName: 'Puppet', roles: ['ratifier'] });
    expect(grant.status).toBe(202);
    expect(await login(server.url, 'second-admin')).toEqual(expect.any(String));
    // An admin may agree to lose their own powers: the second agrees to be demoted.
    ok(await caller(secondToken).post(`/api/users/${second.id}/pending/approve`, {}, await asRead(secondToken, second.id)));
    expect(ok(await admin().get(`/api/users/${second.id}`)).roles).toEqual(['scrutiny']);
  });

  it('a wrong code says the same for a real name and an invented one, and judges no password: it tells nothing about who exists', async () => {
    const enrol = (username: string) =>
      request(server.url, 'POST', '/api/auth/enrol', undefined, {
        username,
        code: 'ABCD-EFGH-JKMN-PQRS-TVWX',
        password: `${username} ${username} pass`,
      });
    const [real, invented] = [await enrol('officer'), await enrol('nobody-at-all')];
    expect([real.status, invented.status]).toEqual([403, 403]);
    expect(real.body).toEqual(invented.body);
  });

  it('a code is read as people type it: in any case, with spaces, and with I, L and O for 1, 1 and 0', async () => {
    const made = ok(await admin().post('/api/users', { username: 'reads-aloud', displayName: 'Reads Aloud', roles: ['scrutiny'] }));
    expect(made.oneTimeCode.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    const typed = ` ${made.oneTimeCode.code.toLowerCase().replaceAll('-', ' ').replaceAll('1', 'l').replaceAll('0', 'o')} `;
    const res = await request(server.url, 'POST', '/api/auth/enrol', undefined, {
      username: 'reads-aloud',
      code: typed,
      password: 'tidal meadow lantern forty',
    });
    expect(res.status).toBe(204);
  });

  it("(b) cannot issue an API key for a person's account: keys are only for systems", async () => {
    const ratifierId = await idOf('ratifier');
    const before = await snapshot();
    const res = await admin().post(`/api/users/${ratifierId}/api-keys`, { label: 'quiet key' });
    expect(res.status).toBe(409);
    expect(res.body.type).toBe('/problems/keys_for_systems');
    expect((await users()).find((u) => u.id === ratifierId)!.apiKeys).toEqual([]);
    expect(await snapshot()).toEqual(before);
    // Nor make a person's account a system's, or a system's a person's.
    for (const roles of [
      ['ratifier', 'api-client'],
      ['officer', 'api-client'],
    ]) {
      const mixed = await admin().patch(`/api/users/${ratifierId}`, { roles });
      expect(mixed.status).toBe(422);
      expect(mixed.body.type).toBe('/problems/incompatible_roles');
    }
  });

  it("(c) with a second admin, cannot reset a ratifier's password alone; with one, the reset is on the ratifier's own record and their old password stops only when the code is used", async () => {
    const ratifierId = await idOf('ratifier');
    // One admin: a code is given, shown once; the ratifier still signs in with their own password.
    const reset = ok(await admin().post(`/api/users/${ratifierId}/password-reset`));
    expect(reset.oneTimeCode).toEqual({ code: expect.any(String), expiresAt: expect.any(String) });
    expect(await login(server.url, 'ratifier')).toEqual(expect.any(String));
    const seen = ok(await caller(server.tokens.ratifier).get('/api/auth/me'));
    expect(seen.oneTimeCodeOutstanding).toMatchObject({ purpose: 'password-reset', issuedBy: 'admin' });
    expect(seen.accountHistory.at(-1)).toMatchObject({ action: 'user.password-reset', actor: 'admin' });
    // Used by whoever holds it, the ratifier's own password stops working: they find out at once.
    ok(
      await request(server.url, 'POST', '/api/auth/enrol', undefined, {
        username: 'ratifier',
        code: reset.oneTimeCode.code,
        password: 'an admin chose this one',
      }),
    );
    expect((await request(server.url, 'POST', '/api/auth/login', undefined, { username: 'ratifier', password: PASSWORD })).status).toBe(
      401,
    );
    // A code works once.
    const again = await request(server.url, 'POST', '/api/auth/enrol', undefined, {
      username: 'ratifier',
      code: reset.oneTimeCode.code,
      password: 'and then another one',
    });
    expect(again.status).toBe(403);

    // Two admins: the reset of an account that can ratify waits for the second, and no code is given.
    const second = await createPerson(server.url, server.tokens.admin, {
      username: 'second-admin',
      displayName: 'Second admin',
      roles: ['admin'],
    });
    const held = await admin().post(`/api/users/${await idOf('officer2')}/password-reset`);
    expect(held.status).toBe(202);
    expect(held.body).toMatchObject({ oneTimeCode: null, pending: { kind: 'password-reset', requestedBy: 'admin' } });
    expect(await login(server.url, 'officer2')).toEqual(expect.any(String));
    // The second admin's own reset cannot wait for them: with no third admin, it is given at once, on their record.
    const theirs = ok(await admin().post(`/api/users/${second.id}/password-reset`));
    expect(theirs.oneTimeCode).toEqual({ code: expect.any(String), expiresAt: expect.any(String) });
  });
});

describe('2, continued: the ways round the second admin an outside tester found', () => {
  it('the other admin of a council of two is not taken over by a reset: the code waits 72 hours, and they can turn it down', async () => {
    const second = await createPerson(server.url, server.tokens.admin, {
      username: 'second-admin',
      displayName: 'Second admin',
      roles: ['admin'],
    });
    const reset = ok(await admin().post(`/api/users/${second.id}/password-reset`));
    const tried = await request(server.url, 'POST', '/api/auth/enrol', undefined, {
      username: 'second-admin',
      code: reset.oneTimeCode.code,
      password: 'an admin chose this one',
    });
    expect(tried.status).toBe(403);
    expect(tried.body).toMatchObject({ type: '/problems/code_not_yet', errors: [{ pointer: '/code' }] });
    // The second admin still signs in with their own password, sees the code, and turns it down.
    const theirs = await login(server.url, 'second-admin');
    const seen = ok(await caller(theirs).get('/api/auth/me'));
    const worksFrom = Date.parse(seen.oneTimeCodeOutstanding.worksFrom) - Date.parse(seen.oneTimeCodeOutstanding.issuedAt);
    expect(worksFrom).toBe(72 * 3600_000);
    expect(seen.oneTimeCodeOutstanding).toMatchObject({ purpose: 'password-reset', issuedBy: 'admin' });
    expect(ok(await caller(theirs).del('/api/auth/one-time-code')).oneTimeCodeOutstanding).toBeNull();
    const refused = await request(server.url, 'POST', '/api/auth/enrol', undefined, {
      username: 'second-admin',
      code: reset.oneTimeCode.code,
      password: 'an admin chose this one',
    });
    expect(refused.body.type).toBe('/problems/bad_code');
  });

  it('a role waiting for a second admin is dropped when the account is changed meanwhile, and a system with keys never becomes a person', async () => {
    const second = await createPerson(server.url, server.tokens.admin, {
      username: 'second-admin',
      displayName: 'Second admin',
      roles: ['admin'],
    });
    const secondToken = await login(server.url, 'second-admin');
    const hire = ok(await admin().post('/api/users', { username: 'new-hire', displayName: 'New hire', roles: ['ratifier'] }));
    expect(hire.pending).toMatchObject({ kind: 'roles', roles: ['ratifier'] });
    // Made a system's account meanwhile, and given a key: the request for 'ratifier' is gone with the change.
    const system = ok(await admin().patch(`/api/users/${hire.id}`, { roles: ['api-client'] }));
    expect(system).toMatchObject({ roles: ['api-client'], pending: null, hasPassword: false, oneTimeCodeOutstanding: null });
    // Its key waits for the second admin too, who agrees to exactly that: a key, not the ratifier role.
    expect((await admin().post(`/api/users/${hire.id}/api-keys`, { label: 'case system' })).status).toBe(202);
    const approved = ok(await caller(secondToken).post(`/api/users/${hire.id}/pending/approve`, {}, await asRead(secondToken, hire.id)));
    expect(approved).toMatchObject({ roles: ['api-client'], pending: null, apiKey: { label: 'case system' } });
    const again = await admin().patch(`/api/users/${hire.id}`, { roles: ['ratifier'] });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('/problems/system_has_keys');
    expect(ok(await admin().get(`/api/users/${hire.id}`)).roles).toEqual(['api-client']);
    expect(second.id).toEqual(expect.any(String));
  });

  it("with a second admin, cannot give itself a key to a case system's account and act as that system alone", async () => {
    await createPerson(server.url, server.tokens.admin, { username: 'second-admin', displayName: 'Second admin', roles: ['admin'] });
    const secondToken = await login(server.url, 'second-admin');
    const systemId = (ok(await admin().get('/api/users')) as Array<{ id: string; username: string }>).find(
      (u) => u.username === 'api-client',
    )!.id;
    const asked = await admin().post(`/api/users/${systemId}/api-keys`, { label: 'rotation' });
    expect(asked.status).toBe(202);
    expect(asked.body).not.toHaveProperty('key');
    expect(asked.body.pending).toMatchObject({ kind: 'api-key', label: 'rotation', requestedBy: 'admin' });
    expect((await admin().post(`/api/users/${systemId}/pending/approve`, {}, await asRead(server.tokens.admin, systemId))).status).toBe(
      403,
    );
    // The second admin is shown the key once; it works, and the audit names it on what it does.
    const agreed = ok(await caller(secondToken).post(`/api/users/${systemId}/pending/approve`, {}, await asRead(secondToken, systemId)));
    expect(agreed.apiKey).toMatchObject({ label: 'rotation', key: expect.stringMatching(/^ras_/) });
    const recorded = await caller(agreed.apiKey.key).post('/api/decisions', { policyId: 'adult-ras', assessment: SAMPLE });
    expect(recorded.status).toBe(201);
    const entry = ok(await caller(server.tokens.scrutiny).get(`/api/audit?target=decision:${recorded.body.id}`))[0];
    expect(entry.details.apiKey).toBe(agreed.apiKey.id);
  });

  it('an account made with powers that wait for a second admin gets its code from them, not from the admin who made it', async () => {
    await createPerson(server.url, server.tokens.admin, { username: 'second-admin', displayName: 'Second admin', roles: ['admin'] });
    const secondToken = await login(server.url, 'second-admin');
    const made = await admin().post('/api/users', { username: 'nick', displayName: 'Nick', roles: ['officer'] });
    expect(made.status).toBe(202);
    expect(made.body).toMatchObject({ oneTimeCode: null, oneTimeCodeOutstanding: null });
    const agreed = ok(
      await caller(secondToken).post(`/api/users/${made.body.id}/pending/approve`, {}, await asRead(secondToken, made.body.id)),
    );
    expect(agreed).toMatchObject({
      roles: ['officer'],
      oneTimeCode: { code: expect.any(String) },
      oneTimeCodeOutstanding: { issuedBy: 'second-admin' },
    });
  });

  it('powers granted to an account whose password its requester set come with a new password, from the admin who agrees', async () => {
    await createPerson(server.url, server.tokens.admin, { username: 'second-admin', displayName: 'Second admin', roles: ['admin'] });
    const secondToken = await login(server.url, 'second-admin');
    // The admin makes a scrutiny account (no second admin needed), keeps its code and sets its password.
    const made = ok(await admin().post('/api/users', { username: 'nina', displayName: 'Nina', roles: ['scrutiny'] }));
    ok(
      await request(server.url, 'POST', '/api/auth/enrol', undefined, {
        username: 'nina',
        code: made.oneTimeCode.code,
        password: PASSWORD,
      }),
    );
    const held = await login(server.url, 'nina');
    expect((await admin().patch(`/api/users/${made.id}`, { roles: ['scrutiny', 'ratifier'] })).status).toBe(202);
    const agreed = ok(await caller(secondToken).post(`/api/users/${made.id}/pending/approve`, {}, await asRead(secondToken, made.id)));
    expect(agreed).toMatchObject({ roles: ['scrutiny', 'ratifier'], hasPassword: false, oneTimeCode: { code: expect.any(String) } });
    // The password the requester set, and its sessions, no longer work.
    expect((await caller(held).get('/api/auth/me')).status).toBe(401);
    expect((await request(server.url, 'POST', '/api/auth/login', undefined, { username: 'nina', password: PASSWORD })).status).toBe(401);
  });

  it('bringing back a disabled ratifier waits for a second admin, as granting the role does', async () => {
    await createPerson(server.url, server.tokens.admin, { username: 'second-admin', displayName: 'Second admin', roles: ['admin'] });
    const ratifierId = (ok(await admin().get('/api/users')) as Array<{ id: string; username: string }>).find(
      (u) => u.username === 'ratifier',
    )!.id;
    ok(await admin().patch(`/api/users/${ratifierId}`, { disabled: true }));
    const back = await admin().patch(`/api/users/${ratifierId}`, { disabled: false });
    expect(back.status).toBe(202);
    expect(back.body).toMatchObject({ disabled: true, pending: { kind: 'enable', requestedBy: 'admin' } });
    expect((await request(server.url, 'POST', '/api/auth/login', undefined, { username: 'ratifier', password: PASSWORD })).status).toBe(
      401,
    );
  });

  it('a second admin agrees only to the change as they read it', async () => {
    await createPerson(server.url, server.tokens.admin, { username: 'second-admin', displayName: 'Second admin', roles: ['admin'] });
    const secondToken = await login(server.url, 'second-admin');
    const person = await createPerson(server.url, server.tokens.admin, {
      username: 'analyst',
      displayName: 'Analyst',
      roles: ['scrutiny'],
    });
    expect((await admin().patch(`/api/users/${person.id}`, { roles: ['scrutiny', 'officer'] })).status).toBe(202);
    const read = await asRead(secondToken, person.id);
    // Meanwhile the request becomes officer and ratifier.
    expect((await admin().patch(`/api/users/${person.id}`, { roles: ['officer', 'ratifier'] })).status).toBe(202);
    const agreed = await caller(secondToken).post(`/api/users/${person.id}/pending/approve`, {}, read);
    expect(agreed.status).toBe(412);
    expect(ok(await admin().get(`/api/users/${person.id}`)).roles).toEqual(['scrutiny']);
  });

  it('with a second admin, every password reset waits for them: a ratifier demoted, reset and promoted again is not taken over', async () => {
    await createPerson(server.url, server.tokens.admin, { username: 'second-admin', displayName: 'Second admin', roles: ['admin'] });
    const ratifierId = (ok(await admin().get('/api/users')) as Array<{ id: string; username: string }>).find(
      (u) => u.username === 'ratifier',
    )!.id;
    ok(await admin().patch(`/api/users/${ratifierId}`, { roles: ['scrutiny'] }));
    const reset = await admin().post(`/api/users/${ratifierId}/password-reset`);
    expect(reset.status).toBe(202);
    expect(reset.body).toMatchObject({ oneTimeCode: null, pending: { kind: 'password-reset' } });
  });
});

describe('3. four eyes cannot be laundered through a copy', () => {
  it('a colleague cloning a draft unchanged does not make its author a second pair of eyes', async () => {
    await halfPriceDraft('price-cut', officer2);
    // The officer clones officer2's draft unchanged, and submits the clone.
    await cloneVersion(server, server.tokens.officer, 'adult-ras', 'price-cut', 'price-cut-clone');
    ok(await caller(server.tokens.officer).post(`${path('price-cut-clone')}/submit`));
    const clone = ok(await caller(server.tokens.officer).get(path('price-cut-clone')));
    expect(clone).toMatchObject({ contributors: ['officer'], inheritedAuthors: ['officer2'] });
    const before = await snapshot();
    const res = await ratify(server, officer2, 'adult-ras', 'price-cut-clone', ratificationFor('2026-12-01'));
    expect(res.status).toBe(403);
    expect(res.body.type).toBe('/problems/four_eyes');
    expect(res.body.detail).toContain('price-cut');
    expect(await snapshot()).toEqual(before);
    // Deleting the source draft first changes nothing: authorship was taken from it when it was copied.
    ok(await caller(officer2).del(path('price-cut')));
    expect((await ratify(server, officer2, 'adult-ras', 'price-cut-clone', ratificationFor('2026-12-01'))).status).toBe(403);
    // Someone who wrote none of it may ratify it.
    expect((await ratify(server, server.tokens.ratifier, 'adult-ras', 'price-cut-clone', ratificationFor('2026-12-01'))).status).toBe(200);
  });

  it('nor does pasting the same content into a new version', async () => {
    await halfPriceDraft('price-cut', officer2);
    const cut = ok(await caller(officer2).get(path('price-cut')));
    const pasted = { ...cut.document, version: 'pasted-cut', title: 'A new title for the same cut' };
    ok(await caller(server.tokens.officer).post('/api/policies/adult-ras/versions', pasted));
    await replaceExamples(server, server.tokens.officer, 'adult-ras', 'pasted-cut', []);
    const stored = ok(await caller(server.tokens.officer).get(path('pasted-cut')));
    expect(stored.inheritedAuthors).toEqual(['officer2']);
  });

  it('a clone of ratified content carries no authors: it was reviewed already', async () => {
    await cloneVersion(server, server.tokens.officer, 'adult-ras', '2010-revised', 'plain-clone');
    expect(ok(await caller(server.tokens.officer).get(path('plain-clone')))).not.toHaveProperty('inheritedAuthors');
  });
});

describe('4. reasons that are reasons', () => {
  const BLANKS = [' ', '\u200b', '\t', '.', '\u00a0', 'n/a', 'ok ok', '\u2060\ufeff'];

  it.each(BLANKS)('%j is no comparison waiver, and nothing is ratified', async (blank) => {
    await submittedCopy('halved', server.tokens.officer);
    const res = await ratify(
      server,
      server.tokens.ratifier,
      'adult-ras',
      'halved',
      ratificationFor('2026-12-01', { comparisonWaiver: blank }),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/comparisonWaiver', code: 'reason_required' })]);
    expect(ok(await caller(server.tokens.officer).get(path('halved'))).status).toBe('submitted');
  });

  it('nor a withdrawal reason, nor a final budget reason', async () => {
    for (const blank of BLANKS) {
      const res = await caller(server.tokens.ratifier).post(`${path('2010-revised')}/withdrawal`, { reason: blank });
      expect(res.body.type, JSON.stringify(blank)).toBe('/problems/reason_required');
    }
    const decision = await caller(server.tokens['api-client']).post('/api/decisions', { policyId: 'adult-ras', assessment: SAMPLE });
    for (const blank of BLANKS) {
      const res = await caller(server.tokens['api-client']).put(
        `/api/decisions/${decision.body.id}/final-budget`,
        { weeklyPence: 1, reason: blank },
        {
          'if-match': decision.headers.get('etag')!,
        },
      );
      expect(res.body.errors, JSON.stringify(blank)).toEqual([expect.objectContaining({ pointer: '/reason', code: 'reason_required' })]);
    }
    expect(ok(await caller(server.tokens['api-client']).get(`/api/decisions/${decision.body.id}`)).finalBudget).toBeNull();
  });

  it('a reason in words is kept without the white space and invisible characters around it', async () => {
    await submittedCopy('halved', server.tokens.officer);
    const waiver = '\u200b  Cabinet reviewed the worked examples instead.\t\u00a0';
    const res = await ratify(
      server,
      server.tokens.ratifier,
      'adult-ras',
      'halved',
      ratificationFor('2026-12-01', { comparisonWaiver: waiver }),
    );
    expect(res.status).toBe(200);
    expect(res.body.ratification.comparisonWaiver).toBe('Cabinet reviewed the worked examples instead.');
  });
});

describe('5. nobody disappears from a comparison unseen', () => {
  it('a price cut that also adds a question the reference cohort does not answer needs the equality note: everyone loses their amount', async () => {
    const scrutiny = caller(server.tokens.scrutiny);
    const people = [
      adult('OP-1', 'older-people', '75-84', { 'pc-washing': 'some-help' }),
      adult('LD-1', 'learning-disability', '18-64', { 'pc-washing': 'some-help' }),
      adult('MH-1', 'mental-health', '18-64'),
    ];
    const cohort = ok(await scrutiny.post('/api/cohorts', cohortDocument('Reference cohort', people)));
    ok(await scrutiny.put('/api/policies/adult-ras/reference-cohort', { cohortId: cohort.id }));
    await halfPriceDraft('hidden-cut', server.tokens.officer, (d) => {
      d.questionnaires[0].questions.push({
        id: 'new-question',
        domain: 'personal-care',
        text: 'A question nobody in the reference cohort was asked',
        answers: [{ id: 'no', text: 'No', points: 0 }],
      });
    });
    // The same worked example, answering the new question too: 2,600p, as above.
    await replaceExamples(server, server.tokens.officer, 'adult-ras', 'hidden-cut', [
      {
        name: 'Older person needing some help washing, at half price',
        assessment: { ...WASHING, answers: { ...WASHING.answers, 'new-question': 'no' } },
        expect: { totalPoints: 10, weeklyPence: 2_600 },
      },
    ]);
    ok(await caller(server.tokens.officer).post(`${path('hidden-cut')}/submit`));
    const before = await snapshot();

    const res = await ratify(
      server,
      server.tokens.ratifier,
      'adult-ras',
      'hidden-cut',
      ratificationFor('2026-12-01', { comparisonWaiver: undefined }),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/equalityImpact', code: 'equality_impact_required' })]);
    expect(res.body.detail).toContain('Older people: 1 lose their amount');
    expect(await snapshot()).toEqual(before);

    const noted = await ratify(
      server,
      server.tokens.ratifier,
      'adult-ras',
      'hidden-cut',
      ratificationFor('2026-12-01', {
        comparisonWaiver: undefined,
        equalityImpact: 'Everyone is to be reassessed on the new question; see report EIA/2026/9.',
      }),
    );
    expect(noted.status).toBe(200);
    expect(noted.body.ratification.comparison).toMatchObject({
      people: 0,
      excluded: 3,
      lostAmount: {
        people: 3,
        cannotEvaluate: 3,
        noAmount: 0,
        byClientGroup: { 'learning-disability': 1, 'mental-health': 1, 'older-people': 1 },
      },
    });
  });
});

describe('5, continued: a reference cohort that shows nobody', () => {
  it('cannot be one made for another scheme', async () => {
    const scrutiny = caller(server.tokens.scrutiny);
    const adults = ok(await scrutiny.post('/api/cohorts', cohortDocument('Adults', [adult('OP-1', 'older-people', '75-84')])));
    const res = await scrutiny.put('/api/policies/childrens-ras/reference-cohort', { cohortId: adults.id });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/cohortId', code: 'cohort_of_another_scheme' })]);
    expect(ok(await caller(server.tokens.officer).get('/api/policies/childrens-ras')).referenceCohortId ?? null).toBeNull();
  });

  it('that compares nobody in money needs the equality note: no loser seen is not no loser', async () => {
    const scrutiny = caller(server.tokens.scrutiny);
    // People giving an answer only the draft offers: the version in force cannot evaluate any of them.
    await halfPriceDraft('new-answer', server.tokens.officer, (d) => {
      d.questionnaires[0].questions[0].answers.push({ id: 'three-people', text: 'I need three people to do this for me', points: 40 });
    });
    const asked = adult('OP-1', 'older-people', '75-84', { 'pc-washing': 'three-people' });
    const cohort = ok(await scrutiny.post('/api/cohorts', cohortDocument('Only the draft can read them', [asked])));
    ok(await scrutiny.put('/api/policies/adult-ras/reference-cohort', { cohortId: cohort.id }));
    ok(await caller(server.tokens.officer).post(`${path('new-answer')}/submit`));
    const res = await ratify(
      server,
      server.tokens.ratifier,
      'adult-ras',
      'new-answer',
      ratificationFor('2026-12-01', { comparisonWaiver: undefined }),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/equalityImpact', code: 'equality_impact_required' })]);
    expect(res.body.detail).toContain('Nobody in the reference cohort could be compared');
  });
});

describe('5, continued: a proposed withdrawal keeps its reference cohort', () => {
  it('cannot have its reference cohort changed while it waits, so the confirmation compares over the cohort the proposal did', async () => {
    const scrutiny = caller(server.tokens.scrutiny);
    const cohort = ok(
      await scrutiny.post(
        '/api/cohorts',
        cohortDocument('Reference', [adult('OP-1', 'older-people', '75-84', { 'pc-washing': 'some-help' })]),
      ),
    );
    const other = ok(await scrutiny.post('/api/cohorts', cohortDocument('One person', [adult('LD-1', 'learning-disability', '18-64')])));
    ok(await scrutiny.put('/api/policies/adult-ras/reference-cohort', { cohortId: cohort.id }));
    ok(
      await caller(server.tokens.ratifier).post(`${path('2010-revised')}/withdrawal`, {
        reason: 'Withdrawn so that the pilot prices apply again.',
      }),
    );
    const swapped = await caller(server.tokens.ratifier).put('/api/policies/adult-ras/reference-cohort', { cohortId: other.id });
    expect(swapped.status).toBe(409);
    expect(swapped.body).toMatchObject({ type: '/problems/reference_cohort_locked' });
    // A conflict of the scheme's state, not a fault in the field sent: said once, in words true with or without a cohort.
    expect(swapped.body.errors ?? []).toEqual([]);
    expect(swapped.body.detail).toBe(
      'Withdrawing 2010-revised is proposed and will be compared over the current reference cohort, which cannot change until then; confirm or cancel the proposal before changing it.',
    );
    expect(ok(await caller(server.tokens.officer).get('/api/policies/adult-ras')).referenceCohortId).toBe(cohort.id);
  });

  it('cannot be a cohort that names no scheme', async () => {
    const scrutiny = caller(server.tokens.scrutiny);
    const { policyId: _none, ...unnamed } = cohortDocument('No scheme', [adult('OP-1', 'older-people', '75-84')]);
    const cohort = ok(await scrutiny.post('/api/cohorts', unnamed));
    const res = await scrutiny.put('/api/policies/adult-ras/reference-cohort', { cohortId: cohort.id });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/cohortId', code: 'cohort_of_another_scheme' })]);
  });
});

describe('6. one reading of If-Match', () => {
  it('a no-break space before "*" is not "*": an edit after review cannot be ratified with it', async () => {
    await submittedCopy('reviewed', server.tokens.officer);
    const reviewedEtag = (await caller(server.tokens.ratifier).get(path('reviewed'))).headers.get('etag')!;
    ok(await caller(officer2).post(`${path('reviewed')}/return-to-draft`));
    await editDocument(server, server.tokens.officer, 'adult-ras', 'reviewed', (d) => {
      d.title = 'Changed after review';
    });
    ok(await caller(server.tokens.officer).post(`${path('reviewed')}/submit`));
    const current = (await caller(server.tokens.ratifier).get(path('reviewed'))).headers.get('etag')!;
    for (const crafted of ['\u00a0*', '*\u00a0', reviewedEtag, `\u00a0${reviewedEtag}`, `${reviewedEtag}, ${current}`]) {
      const res = await caller(server.tokens.ratifier).post(`${path('reviewed')}/ratify`, ratificationFor('2026-12-01'), {
        'if-match': crafted,
      });
      expect(res.status, JSON.stringify(crafted)).toBe(412);
    }
    expect(ok(await caller(server.tokens.officer).get(path('reviewed'))).status).toBe('submitted');
  });

  it('a final budget takes the same reading: "*" names nothing read, a crafted tag matches nothing', async () => {
    const decision = await caller(server.tokens['api-client']).post('/api/decisions', { policyId: 'adult-ras', assessment: SAMPLE });
    const etag = decision.headers.get('etag')!;
    const put = (ifMatch: string) =>
      caller(server.tokens['api-client']).put(
        `/api/decisions/${decision.body.id}/final-budget`,
        { weeklyPence: 40_000, reason: 'Agreed at support planning.' },
        {
          'if-match': ifMatch,
        },
      );
    expect((await put('*')).status).toBe(428);
    expect((await put(`\u00a0${etag}`)).status).toBe(412);
    expect((await put(`W/${etag}`)).status).toBe(412);
    // A list of tags would match whatever the decision has become: a person names the one they read.
    expect((await put(`"0", ${etag}`)).body.type).toBe('/problems/if_match_malformed');
    expect((await put(` ${etag}\t`)).status).toBe(200);
  });
});

describe('7. a decision rests on the version in force on the assessment date', () => {
  it('cannot be recorded under a superseded version for a 2026 assessment, or as of a date that skips an uplift', async () => {
    const assessment = { ...SAMPLE, assessmentDate: '2026-06-01' };
    const count = async () => Number((await caller(server.tokens.officer).get('/api/decisions?limit=1')).headers.get('x-total-count'));
    const before = await count();
    const superseded = await caller(server.tokens.officer).post('/api/decisions', {
      policyId: 'adult-ras',
      version: '2009-pilot',
      assessment,
    });
    expect(superseded.status).toBe(422);
    expect(superseded.body.errors).toEqual([expect.objectContaining({ pointer: '/version', code: 'not_in_force' })]);
    const past = await caller(server.tokens['api-client']).post('/api/decisions', {
      policyId: 'adult-ras',
      asOf: '2010-04-01',
      assessment,
    });
    expect(past.status).toBe(422);
    expect(past.body.errors).toEqual([expect.objectContaining({ pointer: '/asOf', code: 'as_of_not_assessment_date' })]);
    expect(await count()).toBe(before);
  });

  it('dated under a version no longer in force, says why: a date cannot quietly choose an older scheme', async () => {
    const assessment = { ...SAMPLE, assessmentDate: '2010-03-31' };
    const quiet = await caller(server.tokens['api-client']).post('/api/decisions', { policyId: 'adult-ras', assessment });
    expect(quiet.status).toBe(422);
    expect(quiet.body.errors).toEqual([expect.objectContaining({ pointer: '/reason', code: 'reason_required' })]);
    const blank = await caller(server.tokens['api-client']).post('/api/decisions', { policyId: 'adult-ras', assessment, reason: ' . ' });
    expect(blank.body.type).toBe('/problems/reason_required');
    const reason = 'Assessed on paper in March 2010; entered now from the file.';
    const said = ok(await caller(server.tokens['api-client']).post('/api/decisions', { policyId: 'adult-ras', assessment, reason }));
    // Under 2009-pilot, as the date says: £320.00 a week, and the audit keeps why, beside the version in force today.
    expect(said).toMatchObject({ version: '2009-pilot', result: { weeklyPence: 32_000 } });
    const entry = ok(await caller(server.tokens.scrutiny).get(`/api/audit?target=decision:${said.id}`))[0];
    expect(entry.details.backdated).toEqual({ reason, inForceToday: '2010-revised' });
  });

  it('cannot be recorded for an assessment dated after today: that would choose a version not yet in force', async () => {
    const next = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
    const res = await caller(server.tokens['api-client']).post('/api/decisions', {
      policyId: 'adult-ras',
      assessment: { ...SAMPLE, assessmentDate: next },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/assessment/assessmentDate', code: 'assessment_in_future' })]);
  });

  it('a worked example that states no expected figure does not count as a passing one at submission', async () => {
    await cloneVersion(server, server.tokens.officer, 'adult-ras', '2010-revised', 'empty-example');
    const current = ok(await caller(server.tokens.officer).get(path('empty-example')));
    await replaceExamples(server, server.tokens.officer, 'adult-ras', 'empty-example', [
      ...current.examples,
      // Its flags are right, but it states no figure: it would pass whatever the policy paid.
      { name: 'States nothing', assessment: current.examples[0].assessment, expect: { flags: current.examples[0].expect.flags } },
    ]);
    const res = await caller(server.tokens.officer).post(`${path('empty-example')}/submit`);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ pointer: `/examples/${current.examples.length}/expect`, code: 'example_failed' }),
    ]);
    expect(ok(await caller(server.tokens.officer).get(path('empty-example'))).status).toBe('draft');
  });
});
