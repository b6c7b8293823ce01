/**
 * A real server for API tests: the real app over a real lowdb store in a temporary directory, listening
 * on a random port, with one signed-in user per role created through the API itself.
 */

import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type AppOptions, createApp } from '../../server/app.js';
import { serve } from '../../server/http/serve.js';
import { silentLogger } from '../../server/logger.js';
import { seedExamples } from '../../server/services/seed.js';
import type { Role } from '../../server/store/records.js';
import type { Store } from '../../server/store/store.js';
import { copyStore, isSchema, newStorePlace, onPostgres, openTestStore } from './store-under-test.js';

export const PASSWORD = 'a-long-test-password';
export const SETUP_CODE = 'test-setup-code';

export interface TestServer {
  url: string;
  /** Where the store lives (store-under-test.ts): a directory, or a PostgreSQL schema. */
  where: string;
  store: Store;
  /** Bearer tokens of users created for the test, by role (user names are the role names, e.g. 'officer'). */
  tokens: Record<Role, string>;
  close(): Promise<void>;
  /** Deletes the store (after close). */
  remove(): void;
}

export interface StartOptions extends Partial<AppOptions> {
  /** Reuse a store (to test a restart); default: a new one. */
  where?: string;
  /** Seed the example policies into a new store (default true). */
  seed?: boolean;
  /** Create (in a new store) or sign in (in one that has them) one user per role (default true). */
  users?: boolean;
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const template = options.where === undefined && options.seed !== false && options.users !== false ? templatePlace() : null;
  const where = options.where ?? newStorePlace();
  if (template) await copyTemplate(template, where);
  const { store, wasEmpty } = await openTestStore(where);
  if (wasEmpty && options.seed !== false) await seedExamples(store, '2026-01-01T00:00:00.000Z');
  const firstRun = store.all('users').length === 0;
  const { express } = createApp({ logger: silentLogger, setupCode: firstRun ? SETUP_CODE : null, ...options, store });
  const server = await listen(express);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokens = template
    ? (JSON.parse(readFileSync(join(template.root, 'tokens.json'), 'utf8')) as Record<Role, string>)
    : options.users === false
      ? ({} as Record<Role, string>)
      : firstRun
        ? await createRoleUsers(url)
        : await loginRoleUsers(url);
  return {
    url,
    where,
    store,
    tokens,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await store.close();
    },
    remove: () => removeStore(where),
  };
}

/**
 * The seeded examples and one signed-in user per role, made once per test run through the real API
 * (global-setup.ts) and copied for each server: creating users and signing them in costs a second of
 * scrypt, and most suites need exactly this starting point. `root` is a directory for the tokens (and,
 * on lowdb, the store); `where` the store.
 */
export async function createTemplate(root: string, where: string): Promise<void> {
  const server = await startServer({ where });
  await server.close();
  writeFileSync(join(root, 'tokens.json'), JSON.stringify(server.tokens));
}

interface TemplatePlace {
  root: string;
  where: string;
}

function templatePlace(): TemplatePlace | null {
  try {
    return inject('template') ?? null;
  } catch {
    return null; // outside a vitest worker (a script): build each store from scratch
  }
}

async function copyTemplate(template: TemplatePlace, where: string): Promise<void> {
  if (onPostgres()) await copyStore(template.where, where);
  else cpSync(template.where, where, { recursive: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    template: TemplatePlace;
  }
}

/**
 * Deletes a store made for a test. A PostgreSQL schema stays until the end of the run, when the run's
 * database is dropped with everything in it.
 */
export function removeStore(where: string): void {
  if (!isSchema(where)) rmSync(where, { recursive: true, force: true });
}

function listen(app: ReturnType<typeof createApp>['express']): Promise<Server> {
  return serve(app, { port: 0, host: '127.0.0.1' });
}

async function createRoleUsers(url: string): Promise<Record<Role, string>> {
  await call(url, 'POST', '/api/setup', undefined, { code: SETUP_CODE, username: 'admin', password: PASSWORD });
  return createOtherRoleUsers(url, await login(url, 'admin'));
}

/**
 * Given a signed-in admin: one person per role but api-client, and officer2 (officer and ratifier),
 * each setting their own password with the one-time code their account came with; and the system's
 * account 'api-client', whose credential is an API key. Returns every role's token (the key for api-client).
 */
export async function createOtherRoleUsers(url: string, admin: string): Promise<Record<Role, string>> {
  const people: Array<[string, string, Role[]]> = [
    ...PERSON_ROLES.filter((r) => r !== 'admin').map((role): [string, string, Role[]] => [role, `Test ${role}`, [role]]),
    // A second officer and ratifier, for the four-eyes rule.
    ['officer2', 'Second officer', ['officer', 'ratifier']],
  ];
  for (const [username, displayName, roles] of people) await createPerson(url, admin, { username, displayName, roles });
  const system = (await call(url, 'POST', '/api/users', admin, {
    username: 'api-client',
    displayName: 'Test case system',
    roles: ['api-client'],
  })) as {
    id: string;
  };
  const key = (await call(url, 'POST', `/api/users/${system.id}/api-keys`, admin, { label: 'tests' })) as { key: string };
  const entries = await Promise.all(PERSON_ROLES.map(async (role) => [role, await login(url, role)] as const));
  return { ...(Object.fromEntries(entries) as Record<Role, string>), 'api-client': key.key };
}

/** A person's account made by an admin, with the person setting their own password with its one-time code. */
export async function createPerson(
  url: string,
  admin: string,
  person: { username: string; displayName: string; roles: Role[] },
  password = PASSWORD,
): Promise<{ id: string }> {
  const created = (await call(url, 'POST', '/api/users', admin, person)) as { id: string; oneTimeCode: { code: string } };
  await call(url, 'POST', '/api/auth/enrol', undefined, { username: person.username, code: created.oneTimeCode.code, password });
  return created;
}

const PERSON_ROLES: Role[] = ['officer', 'ratifier', 'scrutiny', 'admin'];

/** Signs in the people again (after a restart), and gives the system's account a new key. */
async function loginRoleUsers(url: string): Promise<Record<Role, string>> {
  const entries = await Promise.all(PERSON_ROLES.map(async (role) => [role, await login(url, role).catch(() => '')] as const));
  const tokens = Object.fromEntries(entries) as Record<Role, string>;
  const users = tokens.admin ? ((await call(url, 'GET', '/api/users', tokens.admin)) as Array<{ id: string; username: string }>) : [];
  const system = users.find((u) => u.username === 'api-client');
  if (system)
    tokens['api-client'] = (
      (await call(url, 'POST', `/api/users/${system.id}/api-keys`, tokens.admin, { label: 'tests' })) as { key: string }
    ).key;
  return tokens;
}

export async function login(url: string, username: string, password = PASSWORD): Promise<string> {
  const body = (await call(url, 'POST', '/api/auth/login', undefined, { username, password })) as { token: string };
  return body.token;
}

/** A JSON request that must succeed (2xx); returns the parsed body. */
export async function call(
  url: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<unknown> {
  const res = await request(url, method, path, token, body, headers);
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: any;
}

/** Any JSON request; returns status, headers and parsed body (or text when not JSON). */
export async function request(
  url: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const res = await fetch(url + path, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      // A system's credential is an API key; a person's a session token.
      ...(token ? { authorization: token.startsWith('ras_') ? `ApiKey ${token}` : `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body: parsed };
}
