/**
 * Hardening at the edge, case by case, as a hostile tester found each one: text that is not Unicode,
 * absurd nesting, bodies read before the caller is known, heavy work on the event loop, guessable
 * passwords and endless sign-in attempts, sessions that outlive a password, missing security headers,
 * readable data files, and one system reading another's decisions. Each answer is checked through the
 * real HTTP API, and so is what the server kept (or did not).
 */

import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LowdbStore } from '../../server/store/lowdb-store.js';
import { adult, cohortDocument } from '../support/adult-cohort.js';
import { as, cloneVersion, ok, ratificationFor, ratify, versionPath } from '../support/api-client.js';
import { createPerson, login, PASSWORD, request, startServer, type TestServer } from '../support/server.js';
import { onPostgres, storedCohortDocuments } from '../support/store-under-test.js';
import { testAuditKey } from '../support/audit-key.js';

let server: TestServer;
let uploadDir: string;
beforeAll(async () => {
  uploadDir = mkdtempSync(join(tmpdir(), 'ras-uploads-test-'));
  server = await startServer({ uploadDir });
});
afterAll(async () => {
  await server.close();
  server.remove();
  rmSync(uploadDir, { recursive: true, force: true });
});

const officer = () => as(server, server.tokens.officer);
const admin = () => as(server, server.tokens.admin);
const scrutiny = () => as(server, server.tokens.scrutiny);
/** A lone high surrogate, written as JSON writes it: valid JSON, but not text that UTF-8 can hold. */
const LONE = '\ud800';

/** Everything the store has committed: a refused request must leave this unchanged. */
async function committed(on: TestServer = server): Promise<{ audit: number; files: string[] }> {
  const audit = ok(await as(on, on.tokens.admin).get('/api/audit')).length;
  return { audit, files: [...(await storedCohortDocuments(on.where)), ...readdirSync(uploadDir)] };
}

describe('text that is not well-formed Unicode is refused where it is sent, and nothing of it is kept', () => {
  it("in a worked example's name: 422 at its pointer, and the version stays readable and unchanged", async () => {
    await cloneVersion(server, server.tokens.officer, 'adult-ras', '2009-pilot', 'surrogate-example');
    const path = versionPath('adult-ras', 'surrogate-example');
    const before = await officer().get(`${path}/examples`);
    const kept = await committed();
    const examples = before.body.examples.map((e: { name: string }, i: number) => (i === 0 ? { ...e, name: `Older person ${LONE}` } : e));
    const res = await officer().put(`${path}/examples`, { examples }, { 'if-match': before.headers.get('etag')! });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ type: '/problems/not_unicode' });
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/examples/0/name', code: 'not_unicode' })]);
    const after = await officer().get(path);
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
    expect(await committed()).toEqual(kept);
  });

  it("in an API key's label", async () => {
    const me = ok(await scrutiny().get('/api/auth/me'));
    const kept = await committed();
    const res = await admin().post(`/api/users/${me.id}/api-keys`, { label: `system ${LONE}` });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/label', code: 'not_unicode' })]);
    expect(ok(await admin().get(`/api/users/${me.id}`)).apiKeys).toEqual([]);
    expect(await committed()).toEqual(kept);
  });

  it("in a new policy's title", async () => {
    const document = ok(await officer().get(versionPath('adult-ras', '2009-pilot'))).document;
    const kept = await committed();
    const res = await officer().post('/api/policies', { document: { ...document, id: 'surrogate-ras', title: `Adults ${LONE}` } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/document/title', code: 'not_unicode' })]);
    expect((await officer().get('/api/policies/surrogate-ras')).status).toBe(404);
    expect(await committed()).toEqual(kept);
  });

  it("in a cohort's name, or a field name: no record, no people file, no upload left behind", async () => {
    const people = [adult('U-1', 'older-people', '65-74', { 'pc-washing': 'some-help' })];
    const kept = await committed();
    const named = await scrutiny().post('/api/cohorts', cohortDocument(`Cohort ${LONE}`, people));
    expect(named.status).toBe(422);
    expect(named.body.errors).toEqual([expect.objectContaining({ pointer: '/name', code: 'not_unicode' })]);
    const keyed = await scrutiny().post(
      '/api/cohorts',
      JSON.stringify(cohortDocument('Keys', people)).replace('"answers":{', `"answers":{"x\\ud800":"y",`),
    );
    expect(keyed.status).toBe(422);
    expect(keyed.body.errors).toEqual([expect.objectContaining({ pointer: '/people/0/answers', code: 'not_unicode' })]);
    expect(ok(await scrutiny().get('/api/cohorts')).map((c: { name: string }) => c.name)).not.toContain(`Cohort ${LONE}`);
    expect(await committed()).toEqual(kept);
  });

  it('in a query parameter', async () => {
    // A URL can carry a lone surrogate only as its UTF-16 escape; express decodes %uD800 in query strings.
    const res = await scrutiny().post(`/api/cohorts?name=%uD800&policyId=adult-ras`, 'ref,clientGroup,ageBand\n', {
      'content-type': 'text/csv',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});

describe('nesting is measured before anything walks it', () => {
  it('an assessmentDate nested 200,000 arrays deep is a 422 naming it, not a stack overflow', async () => {
    const deep = `${'['.repeat(200_000)}"2011-06-01"${']'.repeat(200_000)}`;
    const res = await request(
      server.url,
      'POST',
      '/api/policies/adult-ras/evaluate',
      server.tokens['api-client'],
      `{"assessmentDate":${deep},"age":70,"clientGroup":"older-people","answers":{}}`,
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/assessmentDate', code: 'too_deep' })]);
    expect((await request(server.url, 'GET', '/api/health')).status).toBe(200);
  });
});

/** A raw request that declares a large body and sends only its first 64 KiB, then waits for an answer. */
function declareLargeBody(
  path: string,
  headers: Record<string, string>,
  declaredBytes: number,
): Promise<{ status: number; sentBytes: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(server.url);
    let sentBytes = 0;
    const req = httpRequest(
      { host: url.hostname, port: url.port, path, method: 'POST', headers: { ...headers, 'content-length': String(declaredBytes) } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => {
          resolve({ status: res.statusCode!, sentBytes, body });
          req.destroy();
        });
      },
    );
    req.on('error', (e) => (sentBytes > 0 ? undefined : reject(e)));
    const chunk = Buffer.alloc(64 * 1024, 'x');
    req.write('{"name":"');
    req.write(chunk);
    sentBytes = chunk.length + 9;
  });
}

describe('a body is read only once the caller may send it', () => {
  it('an anonymous 95 MB cohort is refused with 401 after its first 64 KiB, without waiting for the rest', async () => {
    const res = await declareLargeBody('/api/cohorts', { 'content-type': 'application/json' }, 95 * 1024 * 1024);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ type: '/problems/not_signed_in', status: 401 });
    expect(res.sentBytes).toBeLessThan(100 * 1024);
  });

  it('so is a signed-in caller whose role may not import cohorts (403)', async () => {
    const res = await declareLargeBody(
      '/api/cohorts',
      { 'content-type': 'application/json', authorization: `ApiKey ${server.tokens['api-client']}` },
      95 * 1024 * 1024,
    );
    expect(res.status).toBe(403);
  });

  it('a body larger than the route allows is cut off at once with 413, before it has all arrived', async () => {
    const res = await declareLargeBody(
      '/api/policies/adult-ras/evaluate',
      { 'content-type': 'application/json', authorization: `ApiKey ${server.tokens['api-client']}` },
      5 * 1024 * 1024,
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ type: '/problems/body_too_large', status: 413 });
  });

  it('GET and DELETE read no body at all, so never answer 413 or 415 for one', async () => {
    const big = 'x'.repeat(2 * 1024 * 1024);
    const read = await new Promise<number>((resolve) => {
      const url = new URL(server.url);
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: '/api/policies',
          method: 'GET',
          headers: { authorization: `Bearer ${server.tokens.officer}`, 'content-type': 'text/plain', 'content-length': String(big.length) },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      );
      req.end(big);
    });
    expect(read).toBe(200);
    const deleted = await request(server.url, 'DELETE', '/api/cohorts/no-such-cohort', server.tokens.scrutiny, big, {
      'content-type': 'text/plain',
    });
    expect(deleted.status).toBe(404);
  });
});

describe('headers too large', () => {
  it('are answered 431 with a problem document', async () => {
    const res = await fetch(`${server.url}/api/health`, { headers: { 'x-padding': 'x'.repeat(20_000) } });
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({
      type: '/problems/headers_too_large',
      status: 431,
      title: expect.any(String),
      detail: expect.any(String),
    });
  });
});

describe('sign-in attempts are limited per account and per address', () => {
  /** A server of the test's own: limits are kept per server, and these tests use them up. */
  async function withOwnServer(limits: Parameters<typeof startServer>[0], run: (url: string) => Promise<void>): Promise<void> {
    const own = await startServer(limits);
    try {
      await run(own.url);
    } finally {
      await own.close();
      own.remove();
    }
  }
  const signIn = (url: string, username: string, password: string) =>
    request(url, 'POST', '/api/auth/login', undefined, { username, password });

  it('60 wrong passwords for one account: 10 are answered 401, the rest 429 with Retry-After, the right one too', () =>
    withOwnServer({}, async (url) => {
      const answers = [];
      for (let i = 0; i < 60; i++) answers.push(await signIn(url, 'officer', `guess number ${i}`));
      expect(answers.map((a) => a.status)).toEqual([...Array(10).fill(401), ...Array(50).fill(429)]);
      const limited = answers[10]!;
      expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(limited.body).toMatchObject({ type: '/problems/too_many_attempts', status: 429 });
      // A window of 15 minutes: the wait is at most that.
      const wait = Number(limited.headers.get('retry-after'));
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(15 * 60);
      expect((await signIn(url, 'officer', PASSWORD)).status).toBe(429);
    }));

  it('another account is not held up by one being guessed at', () =>
    withOwnServer({}, async (url) => {
      for (let i = 0; i < 12; i++) await signIn(url, 'officer', `guess number ${i}`);
      expect((await signIn(url, 'officer', PASSWORD)).status).toBe(429);
      expect((await signIn(url, 'ratifier', PASSWORD)).status).toBe(200);
    }));

  it('failures from one address across many names hold up that address', () =>
    withOwnServer({ signInLimits: { perAccount: 10, perAddress: 5, windowMinutes: 15 } }, async (url) => {
      for (let i = 0; i < 5; i++) expect((await signIn(url, `nobody-${i}`, 'a wrong guess')).status).toBe(401);
      const res = await signIn(url, 'someone-new', 'a wrong guess');
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await signIn(url, 'ratifier', PASSWORD)).status).toBe(429);
    }));

  it('successful sign-ins are not counted: officers sharing an address sign in all day', () =>
    withOwnServer({ signInLimits: { perAccount: 3, perAddress: 3, windowMinutes: 15 } }, async (url) => {
      for (let i = 0; i < 8; i++) expect((await signIn(url, 'scrutiny', PASSWORD)).status).toBe(200);
    }));
});

describe('passwords', () => {
  const weak = ['aaaaaaaaaaaa', 'password1234', ' '.repeat(12), 'qwertyuiop12', 'case-worker-rota'];
  /** A new account's one-time code, for the person to set their own password with. */
  const codeFor = async (username: string) =>
    ok(await admin().post('/api/users', { username, displayName: 'Rota', roles: ['scrutiny'] })).oneTimeCode.code as string;

  it.each(weak)(
    '%j is refused when a person sets it with their one-time code, naming /password, and the code still works',
    async (password) => {
      // The username itself is one of the weak passwords; the others go to accounts of their own.
      const username = password === 'case-worker-rota' ? password : `rota-${weak.indexOf(password)}`;
      const code = await codeFor(username);
      const res = await request(server.url, 'POST', '/api/auth/enrol', undefined, { username, code, password });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/password', code: 'weak_password' })]);
      const strong = await request(server.url, 'POST', '/api/auth/enrol', undefined, {
        username,
        code,
        password: 'correct horse battery staple',
      });
      expect(strong.status).toBe(204);
    },
  );

  it('a password that is part of the username (its first part, here) is refused', async () => {
    const username = 'fiona.mcallister-jones';
    const code = await codeFor(username);
    const res = await request(server.url, 'POST', '/api/auth/enrol', undefined, { username, code, password: 'fiona.mcallister' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { pointer: '/password', code: 'weak_password', message: 'do not use part of the username or name as the password' },
    ]);
  });

  it('fewer than 12 characters is refused by the schema', async () => {
    const code = await codeFor('short-one');
    const res = await request(server.url, 'POST', '/api/auth/enrol', undefined, { username: 'short-one', code, password: 'tiny-pass' });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/password']);
  });

  it("an admin cannot set anyone's password: a password in a new account or a change is refused by the schema", async () => {
    const created = await admin().post('/api/users', {
      username: 'given-one',
      displayName: 'Given',
      roles: ['scrutiny'],
      password: 'correct horse battery staple',
    });
    expect(created.status).toBe(422);
    expect(created.body.errors).toEqual([expect.objectContaining({ pointer: '/password', code: 'schema_additional_property' })]);
    const users = ok(await admin().get('/api/users'));
    const scrutinyUser = users.find((u: { username: string }) => u.username === 'scrutiny');
    const patched = await admin().patch(`/api/users/${scrutinyUser.id}`, { password: 'correct horse battery staple' });
    expect(patched.status).toBe(422);
    // The person's own password still works: nobody else set one.
    expect(await login(server.url, 'scrutiny')).toEqual(expect.any(String));
  });

  it('a weak password is refused at first setup, and when people change their own', async () => {
    const own = await as(server, await login(server.url, 'scrutiny')).post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'scrutiny-scrutiny',
    });
    expect(own.status).toBe(422);
    expect(own.body.errors).toEqual([expect.objectContaining({ pointer: '/newPassword', code: 'weak_password' })]);

    const fresh = await startServer({ users: false, seed: false, setupCode: 'hardening-setup' });
    try {
      const setup = await request(fresh.url, 'POST', '/api/setup', undefined, {
        code: 'hardening-setup',
        username: 'admin',
        password: 'adminadminadmin',
      });
      expect(setup.status).toBe(422);
      expect(setup.body.errors).toEqual([expect.objectContaining({ pointer: '/password', code: 'weak_password' })]);
    } finally {
      await fresh.close();
      fresh.remove();
    }
  });

  it('a long passphrase is accepted, and the person signs in with it', async () => {
    const code = await codeFor('passphrase-person');
    const res = await request(server.url, 'POST', '/api/auth/enrol', undefined, {
      username: 'passphrase-person',
      code,
      password: 'correct horse battery staple',
    });
    expect(res.status).toBe(204);
    expect(await login(server.url, 'passphrase-person', 'correct horse battery staple')).toEqual(expect.any(String));
  });
});

describe("a change to an account ends that account's sessions", () => {
  const me = (token: string) => request(server.url, 'GET', '/api/auth/me', token);
  let userId: string;
  let password = 'first tidal meadow lantern';

  beforeAll(async () => {
    userId = (
      await createPerson(
        server.url,
        server.tokens.admin,
        { username: 'session-person', displayName: 'Sessions', roles: ['officer', 'scrutiny'] },
        password,
      )
    ).id;
  });

  it('a password set with a reset code ends every session', async () => {
    const [a, b] = [await login(server.url, 'session-person', password), await login(server.url, 'session-person', password)];
    const { code } = ok(await admin().post(`/api/users/${userId}/password-reset`)).oneTimeCode;
    // The old password works until the person uses the code.
    expect((await me(a)).status).toBe(200);
    password = 'second tidal meadow lantern';
    expect((await request(server.url, 'POST', '/api/auth/enrol', undefined, { username: 'session-person', code, password })).status).toBe(
      204,
    );
    expect([(await me(a)).status, (await me(b)).status]).toEqual([401, 401]);
    expect((await me(await login(server.url, 'session-person', password))).status).toBe(200);
  });

  it("a person's own change ends their other sessions and keeps the one they changed it in", async () => {
    const [here, elsewhere] = [await login(server.url, 'session-person', password), await login(server.url, 'session-person', password)];
    const next = 'third tidal meadow lantern';
    const res = await request(server.url, 'POST', '/api/auth/password', here, { currentPassword: password, newPassword: next });
    expect(res.status).toBe(204);
    password = next;
    expect((await me(here)).status).toBe(200);
    expect((await me(elsewhere)).status).toBe(401);
    const audit = ok(await admin().get(`/api/audit?target=user:${userId}&action=user.update`));
    // The session opened elsewhere, and any left from the tests before, are ended and counted.
    expect(audit.at(-1)).toMatchObject({ actor: 'session-person', details: { changed: ['password'] } });
    expect(audit.at(-1).details.sessionsEnded).toBeGreaterThanOrEqual(1);
  });

  it('a role taken away ends every session', async () => {
    const token = await login(server.url, 'session-person', password);
    ok(await admin().patch(`/api/users/${userId}`, { roles: ['scrutiny'] }));
    expect((await me(token)).status).toBe(401);
  });

  it('a disabled account ends every session, and cannot sign in', async () => {
    const token = await login(server.url, 'session-person', password);
    ok(await admin().patch(`/api/users/${userId}`, { disabled: true }));
    expect((await me(token)).status).toBe(401);
    expect((await request(server.url, 'POST', '/api/auth/login', undefined, { username: 'session-person', password })).status).toBe(401);
  });
});

describe('security headers', () => {
  it.each(['/api/health', '/api/no-such-route', '/'])('are sent on %s', async (path) => {
    const res = await fetch(server.url + path);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe.skipIf(onPostgres())('data at rest, in the embedded store', () => {
  const mode = (path: string) => statSync(path).mode & 0o777;

  it('the data directory is 0700 and every file in it 0600, cohorts included', async () => {
    ok(await scrutiny().post('/api/cohorts', cohortDocument('Modes', [adult('M-1', 'older-people', '65-74')])));
    expect(mode(server.where)).toBe(0o700);
    const files = readdirSync(server.where, { recursive: true, withFileTypes: true });
    const seen = files.filter((f) => f.isFile()).map((f) => join(f.parentPath, f.name));
    expect(seen.map((f) => f.slice(server.where.length + 1))).toEqual(expect.arrayContaining(['journal.jsonl', 'head.json', 'users.json']));
    expect(seen.some((f) => f.includes(`${join('cohorts', '')}`))).toBe(true);
    for (const file of seen) expect([file, mode(file)]).toEqual([file, 0o600]);
    for (const dir of files.filter((f) => f.isDirectory())) expect(mode(join(dir.parentPath, dir.name))).toBe(0o700);
    expect(mode(uploadDir)).toBe(0o700);
  });

  it('a directory left readable by an older release is made private when it is opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ras-modes-'));
    try {
      await (await LowdbStore.open(dir, { auditKey: await testAuditKey() })).close();
      chmodSync(dir, 0o755);
      for (const name of readdirSync(dir)) chmodSync(join(dir, name), 0o644);
      await (await LowdbStore.open(dir, { auditKey: await testAuditKey() })).close();
      expect(mode(dir)).toBe(0o700);
      for (const name of readdirSync(dir)) expect([name, mode(join(dir, name))]).toEqual([name, 0o600]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a case-management system reads only the decisions it recorded', () => {
  let first: string;
  let second: string;
  let decision: { id: string; etag: string };

  beforeAll(async () => {
    const key = async (username: string) => {
      const user = ok(await admin().post('/api/users', { username, displayName: username, roles: ['api-client'] }));
      return ok(await admin().post(`/api/users/${user.id}/api-keys`, { label: 'case system' })).key as string;
    };
    [first, second] = [await key('system-north'), await key('system-south')];
    const assessment = ok(await officer().get(versionPath('adult-ras', '2009-pilot'))).examples[0].assessment;
    const recorded = await request(
      server.url,
      'POST',
      '/api/decisions',
      undefined,
      { policyId: 'adult-ras', assessment, reason: 'Recorded late, from the paper assessment made at the time.' },
      { 'x-api-key': first },
    );
    expect(recorded.status).toBe(201);
    decision = { id: recorded.body.id, etag: recorded.headers.get('etag')! };
  });

  const withKey = (key: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    request(server.url, method, path, undefined, body, { 'x-api-key': key, ...headers });

  it('its own: read and completed with a final budget', async () => {
    expect((await withKey(first, 'GET', `/api/decisions/${decision.id}`)).status).toBe(200);
  });

  it("another system's: not found, to read or to complete, and nothing changes", async () => {
    const read = await withKey(second, 'GET', `/api/decisions/${decision.id}`);
    expect(read.status).toBe(404);
    expect(read.body.type).toBe('/problems/decision_not_found');
    const budget = await withKey(
      second,
      'PUT',
      `/api/decisions/${decision.id}/final-budget`,
      { weeklyPence: 1, reason: 'Not my decision to complete.' },
      { 'if-match': decision.etag },
    );
    expect(budget.status).toBe(404);
    expect((await withKey(first, 'GET', `/api/decisions/${decision.id}`)).body.finalBudget).toBeNull();
  });

  it('officers and ratifiers read every decision, as the permissions table says', async () => {
    expect((await officer().get(`/api/decisions/${decision.id}`)).status).toBe(200);
    expect((await as(server, server.tokens.ratifier).get(`/api/decisions/${decision.id}`)).status).toBe(200);
    expect((await scrutiny().get(`/api/decisions/${decision.id}`)).status).toBe(403);
  });
});

describe('heavy work runs off the event loop', () => {
  it('/api/health keeps answering while a 400,000-person ratification comparison and a 300,000-person generation run', {
    timeout: 120_000,
  }, async () => {
    const own = await startServer();
    try {
      const scrutinyOn = as(own, own.tokens.scrutiny);
      const cohort = ok(
        await scrutinyOn.post('/api/cohorts/generate', {
          policyId: 'adult-ras',
          version: '2010-revised',
          name: 'Reference',
          size: 400_000,
          seed: 4,
        }),
      );
      ok(await scrutinyOn.put('/api/policies/adult-ras/reference-cohort', { cohortId: cohort.id }));
      await cloneVersion(own, own.tokens.officer, 'adult-ras', '2010-revised', 'unchanged-copy');
      ok(await as(own, own.tokens.officer).post(`${versionPath('adult-ras', 'unchanged-copy')}/submit`));

      const latencies: number[] = [];
      let busy = true;
      const probe = (async () => {
        while (busy) {
          const started = performance.now();
          const res = await fetch(`${own.url}/api/health`);
          await res.arrayBuffer();
          latencies.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      const started = performance.now();
      const [ratified, generated] = await Promise.all([
        ratify(own, own.tokens.ratifier, 'adult-ras', 'unchanged-copy', ratificationFor('2012-04-01', { comparisonWaiver: undefined })),
        scrutinyOn.post('/api/cohorts/generate', {
          policyId: 'adult-ras',
          version: '2010-revised',
          name: 'Second',
          size: 300_000,
          seed: 5,
        }),
      ]);
      const workMs = performance.now() - started;
      busy = false;
      await probe;

      expect(ratified.status, JSON.stringify(ratified.body).slice(0, 300)).toBe(200);
      expect(ratified.body.ratification.comparison).toMatchObject({ people: 400_000 });
      expect(generated.status).toBe(201);
      expect(generated.body.people).toBe(300_000);
      const sorted = [...latencies].sort((a, b) => a - b);
      const p99 = sorted[Math.floor(sorted.length * 0.99)]!;
      console.log(
        `health during ${(workMs / 1000).toFixed(1)} s of heavy work: ${latencies.length} answers, median ${sorted[sorted.length >> 1]!.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`,
      );
      // Health answered all along, not once the work was done: on one event loop it waited seconds (the whole
      // comparison). How fast it answers is measured by npm run bench (50 ms); this bound only tells "answered
      // meanwhile" from "waited for the work", with room for a loaded 2-core machine (510 ms was seen there).
      expect(latencies.length).toBeGreaterThan(workMs / 100);
      expect(sorted.at(-1)!).toBeLessThan(2_000);
    } finally {
      await own.close();
      own.remove();
    }
  });
});
