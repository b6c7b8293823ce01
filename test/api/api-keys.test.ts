/** API keys: how a case-management system signs in. Every key issued must work until it is revoked. */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, removeDataDir, request, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let userId: string;
beforeAll(async () => {
  server = await startServer();
  const user = (await call(server.url, 'POST', '/api/users', server.tokens.admin, {
    username: 'case-system',
    displayName: 'Case system',
    roles: ['api-client'],
  })) as { id: string };
  userId = user.id;
});
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
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
    expect(Object.keys(stored!).sort()).toEqual(['createdAt', 'id', 'label', 'revokedAt']);
  });

  it('stop working when revoked', async () => {
    const { id, key } = await issue('to revoke');
    expect((await request(server.url, 'GET', '/api/auth/me', undefined, undefined, { 'x-api-key': key })).status).toBe(200);
    expect((await request(server.url, 'DELETE', `/api/users/${userId}/api-keys/${id}`, server.tokens.admin)).status).toBe(204);
    const refused = await request(server.url, 'GET', '/api/auth/me', undefined, undefined, { 'x-api-key': key });
    expect(refused.status).toBe(401);
    expect(refused.body.type).toBe('/problems/bad_credentials');
  });
});
