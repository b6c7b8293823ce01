/** API keys: how a case-management system signs in. Every key issued must work until it is revoked. */

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, request, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let userId: string;
/** The server's clock, moved by the tests that need time to pass: real time plus this many milliseconds. */
let ahead = 0;
beforeAll(async () => {
  server = await startServer({ clock: () => new Date(Date.now() + ahead) });
  const user = (await call(server.url, 'POST', '/api/users', server.tokens.admin, {
    username: 'case-system',
    displayName: 'Case system',
    roles: ['api-client'],
  })) as { id: string };
  userId = user.id;
});
afterEach(() => {
  ahead = 0;
});
afterAll(async () => {
  await server.close();
  server.remove();
});

const issue = async (label: string) =>
  (await call(server.url, 'POST', `/api/users/${userId}/api-keys`, server.tokens.admin, { label })) as { id: string; key: string };

describe('API keys', () => {
  it('work, every one of them, in either header (secrets may contain "_")', async () => {
    // A base64url secret holds '_' about half the time; 40 keys make a miss near impossible to hide.
    const keys = await Promise.all(Array.from({ length: 40 }, (_, i) => issue(`key ${i}`)));
    expect(keys.some((k) => k.key.split('_').length > 3)).toBe(true);
    for (const { key } of keys) {
      const viaAuthorization = await request(server.url, 'GET', '/api/auth/me', undefined, undefined, { authorization: `ApiKey ${key}` });
      const viaHeader = await request(server.url, 'GET', '/api/auth/me', undefined, undefined, { 'x-api-key': key });
      expect([viaAuthorization.status, viaHeader.status], key).toEqual([200, 200]);
      expect(viaHeader.body).toMatchObject({ username: 'case-system', roles: ['api-client'], via: 'api-key' });
    }
  });

  it('are shown once, and the user record keeps only their ids and labels', async () => {
    const { id } = await issue('shown once');
    const users = (await call(server.url, 'GET', '/api/users', server.tokens.admin)) as Array<{ id: string; apiKeys: object[] }>;
    const stored = users.find((u) => u.id === userId)!.apiKeys.find((k: any) => k.id === id);
    expect(Object.keys(stored!).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'label', 'lastUsedAt', 'revokedAt']);
  });

  it('stop working when revoked', async () => {
    const { id, key } = await issue('to revoke');
    expect((await request(server.url, 'GET', '/api/auth/me', undefined, undefined, { 'x-api-key': key })).status).toBe(200);
    expect((await request(server.url, 'DELETE', `/api/users/${userId}/api-keys/${id}`, server.tokens.admin)).status).toBe(204);
    const refused = await request(server.url, 'GET', '/api/auth/me', undefined, undefined, { 'x-api-key': key });
    expect(refused.status).toBe(401);
    expect(refused.body.type).toBe('/problems/bad_credentials');
  });

  it('stop working while their user is disabled, and work again when the user is enabled', async () => {
    const { key } = await issue('user disabled');
    const me = () => request(server.url, 'GET', '/api/auth/me', undefined, undefined, { 'x-api-key': key });
    expect((await me()).status).toBe(200);
    expect((await request(server.url, 'PATCH', `/api/users/${userId}`, server.tokens.admin, { disabled: true })).status).toBe(200);
    const refused = await me();
    expect(refused.status).toBe(401);
    expect(refused.body.type).toBe('/problems/account_disabled');
    expect((await request(server.url, 'PATCH', `/api/users/${userId}`, server.tokens.admin, { disabled: false })).status).toBe(200);
    expect((await me()).status).toBe(200);
  });

  it('are refused when the secret is wrong, even with a real key id', async () => {
    const { id } = await issue('wrong secret');
    const refused = await request(server.url, 'GET', '/api/auth/me', undefined, undefined, { 'x-api-key': `ras_${id}_not-the-secret` });
    expect(refused.status).toBe(401);
    expect(refused.body.type).toBe('/problems/bad_credentials');
  });
});

describe('an API key with an expiry', () => {
  const HOUR = 3600_000;
  const me = (key: string) => request(server.url, 'GET', '/api/auth/me', undefined, undefined, { 'x-api-key': key });

  it('works until its expiry and is refused from then on, saying so', async () => {
    const expiresAt = new Date(Date.now() + 2 * HOUR).toISOString();
    const made = await request(server.url, 'POST', `/api/users/${userId}/api-keys`, server.tokens.admin, { label: 'two hours', expiresAt });
    expect(made.status).toBe(201);
    expect(made.body.expiresAt).toBe(expiresAt);
    expect((await me(made.body.key)).status).toBe(200);
    ahead = 2 * HOUR - 60_000;
    expect((await me(made.body.key)).status).toBe(200);
    ahead = 2 * HOUR;
    const refused = await me(made.body.key);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ type: '/problems/api_key_expired' });
    expect(refused.body.detail).toContain(expiresAt);
  });

  it('may not expire in the past', async () => {
    const res = await request(server.url, 'POST', `/api/users/${userId}/api-keys`, server.tokens.admin, {
      label: 'already gone',
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/expiresAt', code: 'expiry_in_past' })]);
  });

  it('an expiry that is not a date and time is named at its pointer', async () => {
    const res = await request(server.url, 'POST', `/api/users/${userId}/api-keys`, server.tokens.admin, {
      label: 'x',
      expiresAt: 'next week',
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/expiresAt']);
  });
});

describe('when a key was last used', () => {
  const HOUR = 3600_000;
  const keysOf = async () =>
    (
      (await call(server.url, 'GET', `/api/users/${userId}`, server.tokens.admin)) as {
        apiKeys: Array<{ id: string; lastUsedAt: string | null }>;
      }
    ).apiKeys;
  const usesOf = async (keyId: string) =>
    (
      (await call(server.url, 'GET', `/api/audit?action=api-key.used&target=user:${userId}`, server.tokens.admin)) as Array<{
        details: { keyId: string };
      }>
    ).filter((e) => e.details.keyId === keyId).length;

  it('is shown to the hour, and written at most once an hour', async () => {
    const { id, key } = await issue('used now and then');
    expect((await keysOf()).find((k) => k.id === id)!.lastUsedAt).toBeNull();

    const hourOf = (ms: number) => new Date(Math.floor(ms / HOUR) * HOUR).toISOString();
    const first = Date.now();
    for (let i = 0; i < 5; i++) await request(server.url, 'GET', '/api/auth/me', undefined, undefined, { 'x-api-key': key });
    const lastUsed = (await keysOf()).find((k) => k.id === id)!.lastUsedAt;
    // Five uses within a moment (unless an hour boundary fell among them): one hour, one audit entry.
    expect([hourOf(first), hourOf(Date.now())]).toContain(lastUsed);
    expect(await usesOf(id)).toBeLessThanOrEqual(2);
    const before = await usesOf(id);

    ahead = HOUR;
    await request(server.url, 'GET', '/api/auth/me', undefined, undefined, { 'x-api-key': key });
    expect((await keysOf()).find((k) => k.id === id)!.lastUsedAt).toBe(hourOf(Date.now() + HOUR));
    expect(await usesOf(id)).toBe(before + 1);
  });
});
