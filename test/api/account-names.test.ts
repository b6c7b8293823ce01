/**
 * An account's answer names people by their names now, never only by user name: who did each thing in its
 * history (actorName), who its details name (names), who gave the code not yet used and who asked for the
 * change waiting (names). A person reading their own account cannot list users, so the server says them.
 *
 * The template's admin is renamed 'Ada Admin' here, so a user name and a name never look alike.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, ok, signIn } from '../support/api-client.js';
import { createPerson, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin2: string;
let adminId: string;
beforeEach(async () => {
  server = await startServer();
  const users = ok(await as(server, server.tokens.admin).get('/api/users?q=admin')) as Array<{ id: string; username: string }>;
  adminId = users.find((u) => u.username === 'admin')!.id;
  ok(await as(server, server.tokens.admin).patch(`/api/users/${adminId}`, { displayName: 'Ada Admin' }), 'rename the admin');
  // A second admin, whose password is set with the one-time code the admin gave.
  await createPerson(server.url, server.tokens.admin, { username: 'admin2', displayName: 'Second admin', roles: ['admin'] });
  admin2 = await signIn(server, 'admin2');
});
afterEach(async () => {
  await server.close();
  server.remove();
});

const admin = () => as(server, server.tokens.admin);

describe("a user's page (GET /api/users/:userId)", () => {
  it('names who gave the code not yet used and who asked for the change waiting, and who did each thing in its history', async () => {
    const made = await admin().post('/api/users', { username: 'k.osei', displayName: 'Kofi Osei', roles: ['scrutiny'] });
    expect(made.status).toBe(201);
    // Giving the ratifier role waits for the second admin.
    const asked = await admin().patch(`/api/users/${made.body.id}`, { roles: ['scrutiny', 'ratifier'] });
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ pending: { kind: 'roles', requestedBy: 'admin' }, names: { admin: 'Ada Admin' } });

    const page = ok(await as(server, admin2).get(`/api/users/${made.body.id}`));
    expect(page.oneTimeCodeOutstanding).toMatchObject({ purpose: 'new-account', issuedBy: 'admin' });
    expect(page.pending).toMatchObject({ kind: 'roles', requestedBy: 'admin' });
    expect(page.names).toEqual({ admin: 'Ada Admin' });
    expect(page.history).toMatchObject([
      { action: 'user.create', actor: 'admin', actorName: 'Ada Admin', names: {} },
      {
        action: 'user.update',
        actor: 'admin',
        actorName: 'Ada Admin',
        names: {},
        details: { awaitingSecondAdmin: ['scrutiny', 'ratifier'] },
      },
    ]);
  });

  it('names, on the second admin agreeing, the admin who asked (details.requestedBy)', async () => {
    const made = ok(await admin().post('/api/users', { username: 'o.mensah', displayName: 'Ola Mensah', roles: ['scrutiny'] }));
    await admin().patch(`/api/users/${made.id}`, { roles: ['scrutiny', 'ratifier'] });
    const read = await as(server, admin2).get(`/api/users/${made.id}`);
    const agreed = await as(server, admin2).post(`/api/users/${made.id}/pending/approve`, {}, { 'If-Match': read.headers.get('etag')! });
    expect(agreed.status).toBe(200);
    // Ola had set no password, so the admin who asked could have: agreeing gives a new code, the second admin's.
    expect(agreed.body.oneTimeCodeOutstanding).toMatchObject({ issuedBy: 'admin2' });
    expect(agreed.body.names).toEqual({ admin2: 'Second admin' });

    const page = ok(await admin().get(`/api/users/${made.id}`));
    const agreement = page.history.find((e: { details: { granted?: string[] } }) => e.details.granted?.includes('ratifier'));
    expect(agreement).toMatchObject({
      action: 'user.update',
      actor: 'admin2',
      actorName: 'Second admin',
      details: { requestedBy: 'admin', granted: ['ratifier'] },
      names: { admin: 'Ada Admin' },
    });
  });

  it('names who refused a request, and whose request it was (details.pending.requestedBy)', async () => {
    const made = ok(await admin().post('/api/users', { username: 'r.ward', displayName: 'Rae Ward', roles: ['scrutiny'] }));
    await admin().patch(`/api/users/${made.id}`, { roles: ['scrutiny', 'officer'] });
    ok(await as(server, admin2).del(`/api/users/${made.id}/pending`), 'refuse');
    const page = ok(await admin().get(`/api/users/${made.id}`));
    expect(page.history.at(-1)).toMatchObject({
      action: 'user.pending-cancelled',
      actor: 'admin2',
      actorName: 'Second admin',
      details: { pending: { requestedBy: 'admin' } },
      names: { admin: 'Ada Admin' },
    });
  });
});

describe('My account (GET /api/auth/me), for a person who cannot list users', () => {
  it('names who created the account and whose one-time code set the password', async () => {
    await createPerson(server.url, server.tokens.admin, { username: 'j.patel', displayName: 'Jo Patel', roles: ['scrutiny'] });
    const jo = await signIn(server, 'j.patel');
    expect((await as(server, jo).get('/api/users')).status).toBe(403);
    const me = ok(await as(server, jo).get('/api/auth/me'));
    expect(me.accountHistory).toMatchObject([
      { action: 'user.create', actor: 'admin', actorName: 'Ada Admin', names: {} },
      { action: 'user.enrol', actor: 'j.patel', actorName: 'Jo Patel', details: { codeIssuedBy: 'admin' }, names: { admin: 'Ada Admin' } },
    ]);
    expect(me.names).toEqual({});
  });

  it('names the admin who gave a code for a new password, not yet used', async () => {
    const { id } = await createPerson(server.url, server.tokens.admin, {
      username: 'k.kim',
      displayName: 'Kim Careful',
      roles: ['scrutiny'],
    });
    const kim = await signIn(server, 'k.kim');
    // With two admins, a reset waits for the second to agree; the code is the one who agrees'.
    ok(await admin().post(`/api/users/${id}/password-reset`, {}), 'ask for a reset');
    const read = await as(server, admin2).get(`/api/users/${id}`);
    ok(await as(server, admin2).post(`/api/users/${id}/pending/approve`, {}, { 'If-Match': read.headers.get('etag')! }), 'agree');
    const me = ok(await as(server, kim).get('/api/auth/me'));
    expect(me.oneTimeCodeOutstanding).toMatchObject({ purpose: 'password-reset', issuedBy: 'admin2' });
    expect(me.names).toEqual({ admin2: 'Second admin' });
    expect(me.accountHistory.at(-1)).toMatchObject({
      action: 'user.password-reset',
      actor: 'admin2',
      actorName: 'Second admin',
      details: { requestedBy: 'admin' },
      names: { admin: 'Ada Admin' },
    });
  });
});
