/**
 * A real server for API tests: the real app over a real lowdb store in a temporary directory, listening
 * on a random port, with one signed-in user per role created through the API itself.
 */

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type AppOptions, createApp } from '../../server/app.js';
import { serve } from '../../server/http/serve.js';
import { silentLogger } from '../../server/logger.js';
import { seedExamples } from '../../server/seed.js';
import type { Role } from '../../server/store/records.js';
import { LowdbStore } from '../../server/store/lowdb-store.js';
import { sharedWorkPool } from '../../server/work/pool.js';

export const PASSWORD = 'a-long-test-password';
const SETUP_CODE = 'test-setup-code';

export interface TestServer {
  url: string;
  dataDir: string;
  store: LowdbStore;
  /** Bearer tokens of users created for the test, by role (user names are the role names, e.g. 'officer'). */
  tokens: Record<Role, string>;
  close(): Promise<void>;
  /** Deletes the data directory (after close). */
  remove(): void;
}

export interface StartOptions extends Partial<AppOptions> {
  /** Reuse a data directory (to test a restart); default: a new temporary one. */
  dataDir?: string;
  /** Seed the example policies into a new directory (default true). */
  seed?: boolean;
  /** Create and sign in one user per role (default true; needs a new directory). */
  users?: boolean;
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const template = options.dataDir === undefined && options.seed !== false && options.users !== false ? templateDir() : null;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ras-api-'));
  if (template) cpSync(join(template, 'data'), dataDir, { recursive: true });
  const store = await LowdbStore.open(dataDir, { verifier: () => sharedWorkPool().verifyStore({ kind: 'lowdb', dataDir }) });
  if (store.wasEmpty && options.seed !== false) await seedExamples(store, '2026-01-01T00:00:00.000Z');
  const firstRun = store.all('users').length === 0;
  const { express } = createApp({ logger: silentLogger, setupCode: firstRun ? SETUP_CODE : null, ...options, store });
  const server = await listen(express);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokens = template
    ? (JSON.parse(readFileSync(join(template, 'tokens.json'), 'utf8')) as Record<Role, string>)
    : firstRun && options.users !== false
      ? await createRoleUsers(url)
      : await loginRoleUsers(url);
  return {
    url,
    dataDir,
    store,
    tokens,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await store.close();
    },
    remove: () => removeDataDir(dataDir),
  };
}

/**
 * The seeded examples and one signed-in user per role, made once per test run through the real API
 * (global-setup.ts) and copied for each server: creating users and signing them in costs a second of
 * scrypt, and most suites need exactly this starting point.
 */
export async function createTemplate(root: string): Promise<void> {
  const server = await startServer({ dataDir: join(root, 'data') });
  await server.close();
  writeFileSync(join(root, 'tokens.json'), JSON.stringify(server.tokens));
}

function templateDir(): string | null {
  try {
    return inject('templateDataDir') ?? null;
  } catch {
    return null; // outside a vitest worker (a script): build each store from scratch
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDataDir: string;
  }
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

function listen(app: ReturnType<typeof createApp>['express']): Promise<Server> {
  return serve(app, { port: 0, host: '127.0.0.1' });
}

const ROLE_NAMES: Role[] = ['officer', 'ratifier', 'scrutiny', 'api-client', 'admin'];

async function createRoleUsers(url: string): Promise<Record<Role, string>> {
  await call(url, 'POST', '/api/setup', undefined, { code: SETUP_CODE, username: 'admin', password: PASSWORD });
  return createOtherRoleUsers(url, await login(url, 'admin'));
}

/** Given a signed-in admin: one user per other role, and officer2; returns every role's token. */
export async function createOtherRoleUsers(url: string, admin: string): Promise<Record<Role, string>> {
  for (const role of ROLE_NAMES.filter((r) => r !== 'admin')) {
    await call(url, 'POST', '/api/users', admin, { username: role, displayName: `Test ${role}`, roles: [role], password: PASSWORD });
  }
  // A second officer and ratifier, for the four-eyes rule.
  await call(url, 'POST', '/api/users', admin, {
    username: 'officer2',
    displayName: 'Second officer',
    roles: ['officer', 'ratifier'],
    password: PASSWORD,
  });
  return loginRoleUsers(url);
}

async function loginRoleUsers(url: string): Promise<Record<Role, string>> {
  const entries = await Promise.all(ROLE_NAMES.map(async (role) => [role, await login(url, role).catch(() => '')] as const));
  return Object.fromEntries(entries) as Record<Role, string>;
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
      ...(token ? { authorization: `Bearer ${token}` } : {}),
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
