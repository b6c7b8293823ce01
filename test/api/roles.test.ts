/**
 * Who may call what. The table below is written from the product's rules, not read from the server's
 * route table, so a route whose declared access drifts from the rules fails here:
 *
 * - officers edit drafts and submit them, record decisions and final budgets;
 * - ratifiers ratify versions, propose, confirm or cancel their withdrawal (two of them), and may send a
 *   submitted version back to draft;
 * - scrutiny reads policies and the audit log, and compares (replays) decisions;
 * - API clients (other systems) evaluate, record decisions and final budgets, read the version in force
 *   and single decisions — nothing else;
 * - admins manage users (one-time codes, resets, second-admin approvals) and systems' API keys, and read
 *   the audit log; they do not evaluate or make decisions. Anyone with a one-time code may set their password.
 * - scrutiny, officers and ratifiers read cohorts and run comparisons and calibrations over them;
 *   scrutiny and officers import, generate and delete cohorts; scrutiny and ratifiers choose the
 *   reference cohort a version is compared over before ratification. API clients and admins do none of it.
 *
 * Every route is called by everyone — nobody, each role, and a user with two roles — with dummy ids
 * and an empty body: refused callers get a 401 (nobody) or 403 (wrong role) problem; allowed callers
 * get past the check (a 404 for the dummy id, a 422 for the empty body: anything but 401 or 403).
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import type { Role } from '../../server/store/records.js';
import { LowdbStore } from '../../server/store/lowdb-store.js';
import { login, removeStore, request, startServer, type TestServer } from '../support/server.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testAuditKey } from '../support/audit-key.js';

type Access = 'public' | 'signed-in' | readonly Role[];

const ADMIN = ['admin'] as const;
const OFFICER = ['officer'] as const;
const RATIFIER = ['ratifier'] as const;
/** People who work on or oversee policies read them; other systems do not browse them. */
const POLICY_READERS = ['officer', 'ratifier', 'scrutiny', 'admin'] as const;
/** Anyone who tests or applies a policy; admins manage accounts, not budgets. */
const EVALUATORS = ['officer', 'ratifier', 'scrutiny', 'api-client'] as const;
const DECISION_MAKERS = ['officer', 'api-client'] as const;
const AUDITORS = ['admin', 'ratifier', 'scrutiny'] as const;
/** Who looks at what a policy would do to a population. */
const ANALYSTS = ['scrutiny', 'officer', 'ratifier'] as const;
/** Who brings cohorts in and clears them out. */
const COHORT_KEEPERS = ['scrutiny', 'officer'] as const;

const EXPECTED_ACCESS: Record<string, Access> = {
  'get /api/health': 'public',
  'get /api/openapi.json': 'public',
  'get /api/schemas/:name': 'public',
  'get /api/public/policies': 'public',
  'get /api/public/checkpoints': 'public',
  'get /api/public/policies/:id/in-force': 'public',
  'get /api/public/policies/:id/versions/:version': 'public',
  'get /api/public/policies/:id/versions/:version/transparency-record': 'public',
  'post /api/auth/login': 'public',
  'post /api/auth/logout': 'signed-in',
  'get /api/auth/me': 'signed-in',
  'post /api/auth/password': 'signed-in',
  'post /api/auth/enrol': 'public',
  'delete /api/auth/one-time-code': 'signed-in',
  'get /api/setup': 'public',
  'post /api/setup': 'public',

  'get /api/users': ADMIN,
  'get /api/users/:userId': ADMIN,
  'post /api/users': ADMIN,
  'patch /api/users/:userId': ADMIN,
  'post /api/users/:userId/password-reset': ADMIN,
  'post /api/users/:userId/pending/approve': ADMIN,
  'delete /api/users/:userId/pending': ADMIN,
  'post /api/users/:userId/api-keys': ADMIN,
  'delete /api/users/:userId/api-keys/:keyId': ADMIN,

  'get /api/policies': POLICY_READERS,
  'post /api/policies': OFFICER,
  'get /api/policies/:id': POLICY_READERS,
  'get /api/policies/:id/in-force': [...POLICY_READERS, 'api-client'],
  'get /api/policies/:id/versions': POLICY_READERS,
  'get /api/versions': POLICY_READERS,
  'post /api/policies/:id/versions': OFFICER,
  'get /api/policies/:id/versions/:version': POLICY_READERS,
  'put /api/policies/:id/versions/:version': OFFICER,
  'get /api/policies/:id/versions/:version/examples': POLICY_READERS,
  'put /api/policies/:id/versions/:version/examples': OFFICER,
  'delete /api/policies/:id/versions/:version': OFFICER,
  'post /api/policies/:id/versions/:version/clone': OFFICER,
  'post /api/policies/:id/versions/:version/examples/run': POLICY_READERS,
  'post /api/policies/:id/versions/:version/submit': OFFICER,
  'post /api/policies/:id/versions/:version/return-to-draft': ['officer', 'ratifier'],
  'post /api/policies/:id/versions/:version/ratify': RATIFIER,
  'post /api/policies/:id/versions/:version/withdrawal': RATIFIER,
  'post /api/policies/:id/versions/:version/withdrawal/confirm': RATIFIER,
  'delete /api/policies/:id/versions/:version/withdrawal': RATIFIER,
  'get /api/policies/:id/versions/:version/audit': POLICY_READERS,

  'post /api/policies/:id/evaluate': EVALUATORS,
  'post /api/policies/:id/versions/:version/evaluate': EVALUATORS,
  'post /api/policies/:id/evaluate-batch': EVALUATORS,
  'post /api/policies/:id/versions/:version/evaluate-batch': EVALUATORS,

  'post /api/decisions': DECISION_MAKERS,
  'get /api/decisions': ['officer', 'ratifier'],
  'get /api/decisions/:decisionId': ['officer', 'ratifier', 'api-client'],
  // The letter says what the decision says, so whoever may read the decision may read its letter.
  'get /api/decisions/:decisionId/letter': ['officer', 'ratifier', 'api-client'],
  'get /api/decisions/:decisionId/letter.pdf': ['officer', 'ratifier', 'api-client'],
  'post /api/decisions/:decisionId/replay': ['officer', 'ratifier', 'scrutiny'],
  'put /api/decisions/:decisionId/final-budget': DECISION_MAKERS,

  'get /api/audit': AUDITORS,
  'get /api/audit/actions': AUDITORS,
  'get /api/audit/verify': AUDITORS,
  'post /api/audit/verify': AUDITORS,
  'get /api/audit/checkpoint': AUDITORS,

  'get /api/cohorts': ANALYSTS,
  'get /api/cohorts/:cohortId': ANALYSTS,
  'post /api/cohorts': COHORT_KEEPERS,
  'post /api/cohorts/generate': COHORT_KEEPERS,
  'delete /api/cohorts/:cohortId': COHORT_KEEPERS,
  'put /api/policies/:id/reference-cohort': ['officer', 'scrutiny', 'ratifier'],
  'post /api/comparisons': ANALYSTS,
  'get /api/comparisons/:comparisonId': ANALYSTS,
  'get /api/comparisons/:comparisonId/people.csv': ANALYSTS,
  'get /api/comparisons/:comparisonId/people.json': ANALYSTS,
  'post /api/policies/:id/versions/:version/calibrate': ANALYSTS,
};

const ROLE_CALLERS: Role[] = ['officer', 'ratifier', 'scrutiny', 'api-client', 'admin'];
/** Who calls: nobody, one user per role, and 'officer2', who is both officer and ratifier. */
const CALLERS: Array<{ name: string; roles: Role[] | null }> = [
  { name: 'anonymous', roles: null },
  ...ROLE_CALLERS.map((role) => ({ name: role, roles: [role] })),
  { name: 'officer2 (officer + ratifier)', roles: ['officer', 'ratifier'] },
];

const DUMMY_PARAMS: Record<string, string> = {
  name: 'no-such.schema.json',
  userId: 'no-such-user',
  keyId: 'no-such-key',
  id: 'no-such-policy',
  version: 'no-such-version',
  decisionId: 'no-such-decision',
  cohortId: 'no-such-cohort',
  comparisonId: 'no-such-comparison',
};

function allows(access: Access, roles: Role[] | null): boolean {
  if (access === 'public') return true;
  if (roles === null) return false;
  return access === 'signed-in' || roles.some((r) => access.includes(r));
}

let server: TestServer;
const tokens = new Map<string, string>();
const dirs: string[] = [];

beforeAll(async () => {
  server = await startServer();
  for (const role of ROLE_CALLERS) tokens.set(role, server.tokens[role]);
  tokens.set('officer2 (officer + ratifier)', await login(server.url, 'officer2'));
});

afterAll(async () => {
  await server?.close();
  if (server) server.remove();
  dirs.forEach(removeStore);
});

describe('the access table', () => {
  it('decides every route the app mounts, and only those', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ras-roles-routes-'));
    dirs.push(dir);
    const store = await LowdbStore.open(dir, { auditKey: await testAuditKey() });
    const { routes } = createApp({ store });
    await store.close();
    const mounted = routes.map((r) => `${r.method} ${r.path}`).sort();
    expect(Object.keys(EXPECTED_ACCESS).sort()).toEqual(mounted);
  });
});

describe.each(Object.entries(EXPECTED_ACCESS))('%s', (key, access) => {
  const [method, template] = key.split(' ') as [string, string];
  const path = template.replace(/:(\w+)/g, (_, name: string) => DUMMY_PARAMS[name]!);

  it.each(CALLERS)('$name', async ({ name, roles }) => {
    // Signing out ends the session it is called with, so it gets a session of its own.
    const ownSession = key === 'post /api/auth/logout' && !roles?.includes('api-client');
    const token = roles === null ? undefined : ownSession ? await login(server.url, name.split(' ')[0]!) : tokens.get(name)!;
    const body = method === 'get' || method === 'delete' ? undefined : {};
    const res = await request(server.url, method.toUpperCase(), path, token, body);
    const why = `${name} ${method.toUpperCase()} ${path} -> ${res.status} ${JSON.stringify(res.body)}`;

    if (allows(access, roles)) {
      expect(res.status, why).not.toBe(401);
      expect(res.status, why).not.toBe(403);
    } else {
      const status = roles === null ? 401 : 403;
      expect(res.status, why).toBe(status);
      expect(res.headers.get('content-type'), why).toMatch(/^application\/problem\+json/);
      expect(res.body, why).toMatchObject({
        status,
        type: roles === null ? '/problems/not_signed_in' : '/problems/role_required',
        title: expect.any(String),
        detail: expect.any(String),
      });
    }
  });
});

describe('GET /api/auth/me', () => {
  it.each(CALLERS.filter((c) => c.roles !== null))(
    'tells $name exactly the actions the table above lets them take, so the console offers nothing the server refuses',
    async ({ name, roles }) => {
      const me = await request(server.url, 'GET', '/api/auth/me', tokens.get(name)!);
      const doc = (await request(server.url, 'GET', '/api/openapi.json')).body as {
        paths: Record<string, Record<string, { 'x-permission'?: string }>>;
      };
      for (const [key, access] of Object.entries(EXPECTED_ACCESS)) {
        if (access === 'public' || access === 'signed-in') continue;
        const [method, template] = key.split(' ') as [string, string];
        const permission = doc.paths[template.replace(/:(\w+)/g, '{$1}')]![method]!['x-permission']!;
        expect(me.body.permissions.includes(permission), `${name}: ${key} (${permission})`).toBe(allows(access, roles));
      }
    },
  );
});
