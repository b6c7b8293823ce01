/**
 * Whatever a client sends, the server answers with a 4xx problem document (RFC 9457: Content-Type
 * application/problem+json, with type, title, status and detail, and errors[].pointer JSON Pointers
 * naming each field at fault) and goes on serving. Named cases first, then a seeded stream of
 * thousands of generated requests across every route and method.
 */

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adult, cohortCsv, cohortDocument, QUESTION_IDS } from '../support/adult-cohort.js';
import { chance, NASTY_KEYS, NASTY_STRINGS, pick, seeded, type Random } from '../support/hostile.js';
import { hostileStream, streamIngredients } from '../support/hostile-stream.js';
import { basePolicy } from '../support/policy-builder.js';
import { request, startServer, type JsonResponse, type TestServer } from '../support/server.js';

let server: TestServer;
let assessment: Record<string, unknown>;

beforeAll(async () => {
  server = await startServer();
  const version = await request(server.url, 'GET', '/api/policies/adult-ras/versions/2009-pilot', server.tokens.officer);
  assessment = version.body.examples[0].assessment;
});

afterAll(async () => {
  await server?.close();
  if (server) server.remove();
});

afterEach(async () => {
  // Whatever a test sent, the server is still up.
  expect((await request(server.url, 'GET', '/api/health')).status).toBe(200);
});

const JSON_POINTER = /^(\/([^~/]|~[01])*)*$/;

/** A 4xx RFC 9457 problem document whose status matches the response's; optionally naming fields at fault. */
function expectProblem(res: JsonResponse, status: number | 'any4xx', pointers: string[] = []): void {
  const why = JSON.stringify(res.body)?.slice(0, 600);
  if (status === 'any4xx') {
    expect(res.status, why).toBeGreaterThanOrEqual(400);
    expect(res.status, why).toBeLessThan(500);
  } else {
    expect(res.status, why).toBe(status);
  }
  expect(res.headers.get('content-type'), why).toMatch(/^application\/problem\+json/);
  expect(res.body, why).toMatchObject({
    type: expect.any(String),
    title: expect.any(String),
    status: res.status,
    detail: expect.any(String),
  });
  for (const e of res.body.errors ?? []) {
    expect(e, why).toMatchObject({ pointer: expect.any(String), code: expect.any(String), message: expect.any(String) });
    expect(e.pointer, why).toMatch(JSON_POINTER);
  }
  const named = (res.body.errors ?? []).map((e: { pointer: string }) => e.pointer);
  for (const pointer of pointers) expect(named, why).toContain(pointer);
}

const send = (method: string, path: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}) =>
  request(server.url, method, path, token, body, headers);
const officer = () => server.tokens.officer;
const apiClient = () => server.tokens['api-client'];
const admin = () => server.tokens.admin;

describe('malformed JSON', () => {
  it.each([
    ['a truncated object', '{"username": "officer", '],
    ['a trailing comma', '{"username": "officer", "password": "x",}'],
    ['single quotes', "{'username': 'officer'}"],
    ['a bare word', 'hello'],
    ['NaN', '{"age": NaN}'],
    ['two documents', '{}{}'],
    ['a comment', '/* hi */ {}'],
  ])('%s is a 400 with a pointer to the whole body', async (_, body) => {
    const res = await send('POST', '/api/auth/login', undefined, body);
    expectProblem(res, 400, ['']);
    expect(res.body.type).toBe('/problems/malformed_json');
  });

  it.each(['"a string"', '42', 'null', 'true'])('a JSON scalar (%s) where an object belongs is refused', async (body) => {
    expectProblem(await send('POST', '/api/policies/adult-ras/evaluate', apiClient(), body), 'any4xx');
    expectProblem(await send('POST', '/api/users', admin(), body), 'any4xx');
  });

  it('an array where an object belongs is refused with a pointer to the whole body', async () => {
    expectProblem(await send('POST', '/api/auth/login', undefined, []), 422, ['']);
    expectProblem(await send('POST', '/api/decisions', apiClient(), [{ policyId: 'adult-ras', assessment }]), 422, ['']);
  });

  it('an empty body where one is needed is refused', async () => {
    expectProblem(await send('POST', '/api/auth/login', undefined, undefined, { 'content-type': 'application/json' }), 422);
    expectProblem(await send('POST', '/api/policies/adult-ras/evaluate', apiClient()), 422);
  });
});

describe('lengths count characters, not UTF-16 code units', () => {
  it('a reference of 100 emoji is evaluated; of 101, it is a 422 naming /reference', async () => {
    const emoji = '😀';
    const within = await send('POST', '/api/policies/adult-ras/evaluate', apiClient(), { ...assessment, reference: emoji.repeat(100) });
    expect(within.status, JSON.stringify(within.body)?.slice(0, 300)).toBe(200);
    expect(within.body.person.reference).toBe(emoji.repeat(100));
    expectProblem(
      await send('POST', '/api/policies/adult-ras/evaluate', apiClient(), { ...assessment, reference: emoji.repeat(101) }),
      422,
      ['/reference'],
    );
  });
});

describe('wrong types, unknown fields and missing fields', () => {
  it('wrong types are named at their pointers', async () => {
    expectProblem(await send('POST', '/api/auth/login', undefined, { username: 42, password: true }), 422, ['/username', '/password']);
    expectProblem(await send('POST', '/api/policies/adult-ras/evaluate', apiClient(), { ...assessment, age: 'eighty' }), 422, ['/age']);
    expectProblem(await send('POST', '/api/policies/adult-ras/evaluate', apiClient(), { ...assessment, answers: ['a', 'b'] }), 422, [
      '/answers',
    ]);
    expectProblem(await send('POST', '/api/policies/adult-ras/evaluate-batch', apiClient(), { assessments: 'all of them' }), 422, [
      '/assessments',
    ]);
    expectProblem(await send('PUT', '/api/decisions/x/final-budget', apiClient(), { weeklyPence: '100', reason: 7 }), 422, [
      '/weeklyPence',
      '/reason',
    ]);
    expectProblem(
      await send('POST', '/api/policies/adult-ras/versions/2009-pilot/ratify', server.tokens.ratifier, {
        body: 'Cabinet',
        decisionDate: 20200101,
        minuteReference: 'M',
        rationale: 'R',
        effectiveFrom: '2020-04-01',
      }),
      422,
      ['/decisionDate'],
    );
    expectProblem(await send('POST', '/api/users', admin(), { username: 'typed', displayName: 'T', roles: 'admin' }), 422, ['/roles']);
  });

  it('unknown fields are refused, not ignored — including ones that would grant something', async () => {
    expectProblem(await send('POST', '/api/auth/login', undefined, { username: 'officer', password: 'x', admin: true }), 422, ['/admin']);
    expectProblem(
      await send('POST', '/api/users', admin(), {
        username: 'sneaky',
        displayName: 'S',
        roles: ['officer'],
        passwordHash: 'scrypt$1$1$1$AA==$AA==',
      }),
      422,
      ['/passwordHash'],
    );
    expectProblem(await send('PATCH', '/api/users/anyone', admin(), { apiKeys: [] }), 422, ['/apiKeys']);
    expectProblem(await send('POST', '/api/policies/adult-ras/evaluate', apiClient(), { ...assessment, isUrgent: true }), 422, [
      '/isUrgent',
    ]);
    expectProblem(
      await send('POST', '/api/decisions', apiClient(), { policyId: 'adult-ras', assessment, result: { weeklyPence: 1 } }),
      422,
      ['/result'],
    );
    expectProblem(
      await send('PUT', '/api/decisions/x/final-budget', apiClient(), { weeklyPence: 1, reason: 'r', recordedBy: 'someone-else' }),
      422,
      ['/recordedBy'],
    );
  });

  it('missing fields are each named', async () => {
    expectProblem(await send('POST', '/api/auth/login', undefined, {}), 422, ['/username', '/password']);
    expectProblem(await send('POST', '/api/decisions', apiClient(), {}), 422, ['/policyId', '/assessment']);
    expectProblem(await send('POST', '/api/policies/adult-ras/versions/2009-pilot/ratify', server.tokens.ratifier, {}), 422, [
      '/body',
      '/decisionDate',
      '/minuteReference',
      '/rationale',
      '/effectiveFrom',
    ]);
    const { clientGroup: _c, answers: _a, ...partial } = assessment;
    expectProblem(await send('POST', '/api/policies/adult-ras/evaluate', apiClient(), partial), 422, ['/clientGroup', '/answers']);
  });
});

describe('sizes and content types', () => {
  const huge = JSON.stringify({ username: 'officer', password: 'x'.repeat(1_100_000) });
  // A policy document may be larger (the schema allows 5,000 questions a questionnaire), up to 8 MiB.
  const hugePolicy = JSON.stringify({ title: 'x'.repeat(8.5 * 1024 * 1024) });

  it.each([
    ['POST', '/api/auth/login'],
    ['POST', '/api/policies/adult-ras/evaluate'],
  ])('a body over 1 MB to %s %s is a 413', async (method, path) => {
    expectProblem(await send(method, path, officer(), huge), 413);
  });

  it.each([
    ['POST', '/api/policies'],
    ['POST', '/api/policies/adult-ras/versions'],
    ['PUT', '/api/policies/adult-ras/versions/2009-pilot'],
  ])('a policy document over 8 MB to %s %s is a 413, and one over 1 MB is read', async (method, path) => {
    expectProblem(await send(method, path, officer(), hugePolicy), 413);
    // Read and checked, not refused for its size: a 422 (or 409/412 for a version's state) names what is wrong.
    expect((await send(method, path, officer(), huge)).status).not.toBe(413);
  });

  it('a body over 1 MB sent in chunks, with no Content-Length, is a 413', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"password":"'));
        if (sent > 1_200_000) {
          controller.enqueue(new TextEncoder().encode('"}'));
          controller.close();
          return;
        }
        controller.enqueue(chunk);
        sent += chunk.length;
      },
    });
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'text/html',
    'application/octet-stream',
  ])('a body sent as %s is a 415', async (type) => {
    const res = await send('POST', '/api/auth/login', undefined, '{"username":"officer","password":"x"}', { 'content-type': type });
    expectProblem(res, 415);
  });

  it('a body with no Content-Type is a 415', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      body: new Uint8Array(Buffer.from('{"username":"officer"}')),
    });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('JSON in a charset other than UTF-8 is a 415', async () => {
    expectProblem(await send('POST', '/api/auth/login', undefined, '{}', { 'content-type': 'application/json; charset=iso-8859-1' }), 415);
  });

  it('a body claiming gzip that is not is a 4xx', async () => {
    expectProblem(await send('POST', '/api/auth/login', undefined, '{}', { 'content-encoding': 'gzip' }), 'any4xx');
    expectProblem(await send('POST', '/api/auth/login', undefined, '{}', { 'content-encoding': 'br, compress' }), 'any4xx');
  });
});

describe('dates in query strings', () => {
  it.each([
    '2021-02-29',
    '2020-13-01',
    '2020-00-10',
    '2020-04-31',
    '20200101',
    '2020-1-1',
    'today',
    '',
    '2020-01-01T00:00:00Z',
    ' 2020-01-01',
    '２０２０-01-01',
  ])('in-force?date=%j is a 400 naming /query/date', async (date) => {
    expectProblem(await send('GET', `/api/policies/adult-ras/in-force?date=${encodeURIComponent(date)}`, apiClient()), 400, [
      '/query/date',
    ]);
  });

  it('a repeated date parameter is a 400, not a guess', async () => {
    expectProblem(await send('GET', '/api/policies/adult-ras/in-force?date=2010-06-01&date=2011-06-01', apiClient()), 400, ['/query/date']);
  });

  it.each(['2011-02-29', 'yesterday', '2011-06', '2011-06-01&asOf=2011-06-02'])(
    'evaluate?asOf=%j is a 400 naming /query/asOf',
    async (asOf) => {
      const query = asOf.includes('&') ? asOf : encodeURIComponent(asOf);
      expectProblem(await send('POST', `/api/policies/adult-ras/evaluate?asOf=${query}`, apiClient(), assessment), 400, ['/query/asOf']);
      expectProblem(
        await send('POST', `/api/policies/adult-ras/versions/2009-pilot/evaluate-batch?asOf=${query}`, apiClient(), {
          assessments: [assessment],
        }),
        400,
        ['/query/asOf'],
      );
    },
  );

  it('an impossible date in the body is named at its pointer', async () => {
    expectProblem(
      await send('POST', '/api/policies/adult-ras/evaluate', apiClient(), { ...assessment, assessmentDate: '2009-02-29' }),
      422,
      ['/assessmentDate'],
    );
    expectProblem(await send('POST', '/api/decisions', apiClient(), { policyId: 'adult-ras', asOf: '2009-11-31', assessment }), 422, [
      '/asOf',
    ]);
  });
});

describe('deeply nested JSON', () => {
  const nestedArrays = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
  const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

  it.each([1_000, 10_000, 100_000])('%i levels of arrays in a body is refused', async (depth) => {
    expectProblem(await send('POST', '/api/auth/login', undefined, `{"username":${nestedArrays(depth)},"password":"x"}`), 'any4xx', [
      '/username',
    ]);
    expectProblem(await send('POST', '/api/policies/adult-ras/evaluate', apiClient(), nestedArrays(depth)), 'any4xx');
  });

  it.each([1_000, 20_000])('%i levels of objects in an assessment is refused', async (depth) => {
    expectProblem(await send('POST', '/api/policies/adult-ras/evaluate', apiClient(), `{"answers":${nestedObjects(depth)}}`), 'any4xx');
    expectProblem(
      await send('POST', '/api/decisions', apiClient(), `{"policyId":"adult-ras","assessment":${nestedObjects(depth)}}`),
      'any4xx',
    );
  });

  it('a policy whose rule conditions nest 2,000 deep is refused as invalid, not a server error', async () => {
    let conditions = '{"fact":"age","operator":"greaterThan","value":64}';
    for (let i = 0; i < 2_000; i++) conditions = `{"all":[${conditions}]}`;
    const rule = `{"name":"deep","conditions":${conditions},"event":{"type":"deep","params":{"message":"deep"}}}`;
    const document = JSON.stringify(basePolicy({ id: 'deep-rules' })).replace(/}$/, `,"rules":[${rule}]}`);
    expectProblem(await send('POST', '/api/policies', officer(), `{"document":${document}}`), 'any4xx');
    expectProblem(
      await send('POST', '/api/policies/adult-ras/versions', officer(), document.replace('"deep-rules"', '"adult-ras"')),
      'any4xx',
    );
  });
});

describe('a deeply nested worked example', () => {
  // Its own server: what this request does to the store must not leak into the other tests.
  let own: TestServer;
  beforeAll(async () => {
    own = await startServer();
  });
  afterAll(async () => {
    await own?.close();
    if (own) own.remove();
  });

  it('is refused, and leaves the draft readable and the store writable', async () => {
    const officerToken = own.tokens.officer;
    expect((await request(own.url, 'POST', '/api/policies', officerToken, { document: basePolicy({ id: 'nested-ras' }) })).status).toBe(
      201,
    );
    const assessmentJson = `{"assessmentDate":"2010-06-01","age":70,"clientGroup":"older-people","answers":{},"notes":${'['.repeat(5_000)}1${']'.repeat(5_000)}}`;
    const res = await request(
      own.url,
      'PUT',
      '/api/policies/nested-ras/versions/v1/examples',
      officerToken,
      `{"examples":[{"name":"deep","assessment":${assessmentJson},"expect":{}}]}`,
      { 'if-match': '*' },
    );
    expectProblem(res, 'any4xx');
    expect((await request(own.url, 'GET', '/api/policies/nested-ras/versions/v1', officerToken)).status).toBe(200);
    expect(
      (await request(own.url, 'POST', '/api/policies', officerToken, { document: basePolicy({ id: 'after-nested-ras' }) })).status,
    ).toBe(201);
  });
});

describe('unicode oddities', () => {
  it.each([
    ['a lone surrogate', '{"username":"\\ud800","password":"\\udfff"}'],
    ['a NUL character', '{"username":"off\\u0000icer","password":"x"}'],
    ['a byte-order mark before the JSON', '\ufeff{"username":"officer","password":"x"}'],
    ['right-to-left override', '{"username":"\u202eofficer","password":"x"}'],
    ['zero-width joiners', '{"username":"o\u200dfficer","password":"x"}'],
    ['emoji and combining marks', '{"username":"👩‍👩‍👧‍👦é","password":"x"}'],
  ])('%s in a login is refused as bad credentials or an invalid body', async (_, body) => {
    expectProblem(await send('POST', '/api/auth/login', undefined, body), 'any4xx');
  });

  it('bytes that are not UTF-8 are refused', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array([0x7b, 0x22, 0x75, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x7d]),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('unicode ids and values are named at their pointers', async () => {
    expectProblem(await send('POST', '/api/policies', officer(), { document: basePolicy({ id: 'pölicy-ras' }) }), 422, ['/document/id']);
    expectProblem(await send('POST', '/api/users', admin(), { username: 'ädmin', displayName: 'X', roles: ['admin'] }), 422, ['/username']);
    expectProblem(
      await send('POST', '/api/policies/adult-ras/evaluate', apiClient(), { ...assessment, clientGroup: 'older\u2010people' }),
      422,
      ['/clientGroup'],
    );
    expectProblem(
      await send('POST', '/api/policies/adult-ras/evaluate', apiClient(), {
        ...assessment,
        answers: { ...(assessment.answers as object), 'pc-washing\u200b': 'x' },
      }),
      422,
    );
  });

  it.each(['%F0%9F%92%A9', '%E2%80%AE', '%EF%BB%BFadult-ras', 'adult-ras%00', '%C0%AF', '%E0%A4%A', '%'])(
    'the path segment %s is a 4xx',
    async (segment) => {
      expectProblem(await send('GET', `/api/policies/${segment}`, officer()), 'any4xx');
      expectProblem(await send('POST', `/api/policies/${segment}/evaluate`, apiClient(), assessment), 'any4xx');
    },
  );
});

describe('prototype-pollution keys', () => {
  const raw = (json: string) => json; // sent as written, so __proto__ is an own key as JSON.parse makes it

  it('__proto__ and constructor at the top of a body are unknown fields', async () => {
    expectProblem(
      await send('POST', '/api/auth/login', undefined, raw('{"username":"officer","password":"x","__proto__":{"admin":true}}')),
      422,
      ['/__proto__'],
    );
    expectProblem(
      await send(
        'POST',
        '/api/users',
        admin(),
        raw('{"username":"polluter","displayName":"P","roles":["officer"],"__proto__":{"roles":["admin"]}}'),
      ),
      422,
      ['/__proto__'],
    );
    expectProblem(await send('PATCH', '/api/users/anyone', admin(), raw('{"constructor":{"prototype":{"isAdmin":true}}}')), 422, [
      '/constructor',
    ]);
    expectProblem(
      await send(
        'POST',
        '/api/decisions',
        apiClient(),
        raw(`{"policyId":"adult-ras","assessment":${JSON.stringify(assessment)},"__proto__":{"version":"x"}}`),
      ),
      422,
      ['/__proto__'],
    );
    expect((await send('GET', '/api/users', admin())).body.map((u: { username: string }) => u.username)).not.toContain('polluter');
  });

  it('__proto__, constructor and friends as assessment answers are unknown questions', async () => {
    const answers = '{"__proto__":"x","constructor":"y","toString":"z","hasOwnProperty":"w","valueOf":"v"}';
    const body = JSON.stringify({ ...assessment, answers: {} }).replace('"answers":{}', `"answers":${answers}`);
    expectProblem(await send('POST', '/api/policies/adult-ras/evaluate', apiClient(), raw(body)), 422, [
      '/answers/__proto__',
      '/answers/constructor',
      '/answers/toString',
      '/answers/hasOwnProperty',
      '/answers/valueOf',
    ]);
    expectProblem(await send('POST', '/api/decisions', apiClient(), raw(`{"policyId":"adult-ras","assessment":${body}}`)), 422, [
      '/assessment/answers/__proto__',
    ]);
    const batch = await send('POST', '/api/policies/adult-ras/evaluate-batch', apiClient(), raw(`{"assessments":[${body}]}`));
    expect(batch.status).toBe(200);
    expect(batch.body.results[0].ok).toBe(false);
    expect(batch.body.results[0].problem.errors.map((e: { pointer: string }) => e.pointer)).toContain('/assessments/0/answers/__proto__');
  });

  it('prototype keys as values name nothing that exists', async () => {
    expectProblem(await send('POST', '/api/policies/adult-ras/evaluate', apiClient(), { ...assessment, clientGroup: 'constructor' }), 422, [
      '/clientGroup',
    ]);
    expectProblem(await send('POST', '/api/policies/adult-ras/evaluate', apiClient(), { ...assessment, questionnaire: '__proto__' }), 422, [
      '/questionnaire',
    ]);
    expectProblem(
      await send('POST', '/api/policies/adult-ras/evaluate', apiClient(), {
        ...assessment,
        carer: { willingToContinue: true, ableToContinue: true, supportLevel: '__proto__', impact: 'constructor' },
      }),
      422,
      ['/carer/supportLevel', '/carer/impact'],
    );
    expectProblem(await send('POST', '/api/decisions', apiClient(), { policyId: 'constructor', assessment }), 404);
    expectProblem(await send('GET', '/api/policies/__proto__', officer()), 404);
    expectProblem(await send('GET', '/api/decisions/constructor', officer()), 404);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('the schema named %s does not exist', async (name) => {
    expectProblem(await send('GET', `/api/schemas/${name}`, undefined), 404);
  });

  it('prototype keys in query strings are ignored, not obeyed', async () => {
    const res = await send('GET', '/api/audit?__proto__=x&constructor=y&target[__proto__]=z', admin());
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
  });

  it('nothing sent reaches Object.prototype in the server process', () => {
    const probe = {} as Record<string, unknown>;
    for (const key of ['admin', 'roles', 'isAdmin', 'version', 'polluted']) expect(probe[key], key).toBeUndefined();
  });
});

describe('credentials that are not credentials', () => {
  it.each<[string, Record<string, string>]>([
    ['Bearer with no token', { authorization: 'Bearer' }],
    ['Bearer with an empty token', { authorization: 'Bearer ' }],
    ['Basic', { authorization: 'Basic YWRtaW46YWRtaW4=' }],
    ['an API key with no parts', { authorization: 'ApiKey ras_' }],
    ['an unknown API key', { authorization: 'ApiKey ras_x_y' }],
    ['X-API-Key not in the key form', { 'x-api-key': 'not-a-key' }],
    ['an empty X-API-Key', { 'x-api-key': '' }],
    ['an 8,000-character bearer token', { authorization: `Bearer ${'A'.repeat(8000)}` }],
  ])('%s is a 401 problem, even on a route anyone may call', async (_, headers) => {
    expectProblem(await send('GET', '/api/policies', undefined, undefined, headers), 401);
    expectProblem(await send('GET', '/api/openapi.json', undefined, undefined, headers), 401);
  });
});

describe('unknown routes', () => {
  it.each([
    ['GET', '/api/nope'],
    ['POST', '/api/nope'],
    ['GET', '/api'],
    ['GET', '/api/'],
    ['GET', '/api/policies/adult-ras/versions/2009-pilot/nope'],
    ['DELETE', '/api/health'],
    ['PATCH', '/api/policies'],
    ['PUT', '/api/audit'],
    ['GET', '/nope'],
    ['GET', '/'],
    ['POST', '/api/__proto__'],
  ])('%s %s is a JSON 404 problem', async (method, path) => {
    expectProblem(await send(method, path, officer()), 404);
  });
});

describe('cohorts, comparisons and calibrations', () => {
  const scrutiny = () => server.tokens.scrutiny;
  const sendCsv = (query: string, text: string | Uint8Array) =>
    fetch(`${server.url}/api/cohorts${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${scrutiny()}`, 'content-type': 'text/csv' },
      body: text,
    }).then(async (res) => ({ status: res.status, headers: res.headers, body: JSON.parse(await res.text()) }) as JsonResponse);
  const people = [adult('H-1', 'older-people', '65-74', { 'pc-washing': 'some-help' }), adult('H-2', 'mental-health', '18-64')];

  it('an array or a scalar where a cohort document belongs is refused with a pointer to the whole body', async () => {
    expectProblem(await send('POST', '/api/cohorts', scrutiny(), []), 422, ['']);
    expectProblem(await send('POST', '/api/cohorts', scrutiny(), '"people"'), 'any4xx');
  });

  it('__proto__ and constructor are unknown questions, as CSV columns and as JSON answers', async () => {
    const header = 'ref,clientGroup,ageBand,__proto__,constructor';
    expectProblem(await sendCsv('?name=Polluter&policyId=adult-ras', `${header}\nH-1,older-people,65-74,x,y\n`), 422, [
      '/rows/0/__proto__',
      '/rows/0/constructor',
    ]);
    const body = JSON.stringify(cohortDocument('Polluter', people)).replace('"answers":{', '"answers":{"__proto__":"x","constructor":"y",');
    expectProblem(await send('POST', '/api/cohorts', scrutiny(), body), 422, [
      '/people/0/answers/__proto__',
      '/people/0/answers/constructor',
    ]);
    // Without a scheme to check against, whatever is stored, nothing reaches Object.prototype.
    const unchecked = await sendCsv('?name=Unchecked', `${header}\nH-1,older-people,65-74,x,y\n`);
    expect(unchecked.status).toBeLessThan(500);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("a CSV cohort's name must be one string of 1 to 200 characters", async () => {
    expectProblem(await sendCsv('?name=a&name=b', cohortCsv(people)), 422, ['/query/name']);
    expectProblem(await sendCsv(`?name=${'n'.repeat(201)}`, cohortCsv(people)), 422, ['/query/name']);
    expectProblem(await sendCsv('?name[__proto__]=x', cohortCsv(people)), 422, ['/query/name']);
  });

  it('CSV that is not CSV is a 422, never a crash', async () => {
    expectProblem(await sendCsv('?name=Quote', 'ref,clientGroup,ageBand\n"H-1,older-people,65-74\n'), 422);
    expectProblem(
      await sendCsv(
        '?name=Bytes&policyId=adult-ras',
        Uint8Array.from({ length: 256 }, (_, i) => (i * 37) % 256),
      ),
      422,
    );
    expectProblem(await sendCsv('?name=Empty', ''), 422);
    expectProblem(await sendCsv('?name=Header', '\ufeff\r\n\r\n'), 422);
  });

  it('CSV is accepted by the cohort import only', async () => {
    expectProblem(
      await send('POST', '/api/comparisons', scrutiny(), 'policyId,versions\nadult-ras,2009-pilot', { 'content-type': 'text/csv' }),
      415,
    );
    expectProblem(await send('POST', '/api/cohorts/generate', scrutiny(), 'policyId\nadult-ras', { 'content-type': 'text/csv' }), 415);
  });

  it('a cohort may be larger than other bodies; a comparison may not', async () => {
    // About 3 MB of people: over the 1 MB limit of other routes, well under the cohort's 100 MB.
    const many = Array.from({ length: 5_000 }, (_, i) => adult(`BIG-${i}`, 'older-people', '65-74', { 'pc-washing': 'some-help' }));
    const big = JSON.stringify(cohortDocument('Big', many));
    expect(big.length).toBeGreaterThan(2_000_000);
    const stored = await send('POST', '/api/cohorts', scrutiny(), big);
    expect(stored.status, JSON.stringify(stored.body).slice(0, 300)).toBe(201);
    expect(stored.body.people).toBe(5_000);
    expectProblem(
      await send(
        'POST',
        '/api/comparisons',
        scrutiny(),
        JSON.stringify({ policyId: 'adult-ras', versions: ['2009-pilot', '2010-revised'], cohortId: 'x', padding: 'x'.repeat(1_100_000) }),
      ),
      413,
    );
  });

  it('comparison requests out of range are named at their pointers', async () => {
    const valid = { policyId: 'adult-ras', versions: ['2009-pilot', '2010-revised'], cohortId: 'some-cohort' };
    expectProblem(await send('POST', '/api/comparisons', scrutiny(), { ...valid, versions: ['2009-pilot'] }), 422, ['/versions']);
    expectProblem(await send('POST', '/api/comparisons', scrutiny(), { ...valid, versions: ['2009-pilot', '2009-pilot'] }), 422, [
      '/versions',
    ]);
    expectProblem(await send('POST', '/api/comparisons', scrutiny(), { ...valid, versions: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }), 422, [
      '/versions',
    ]);
    expectProblem(await send('POST', '/api/comparisons', scrutiny(), { ...valid, cohortId: '../../etc/passwd' }), 422, ['/cohortId']);
    expectProblem(await send('POST', '/api/comparisons', scrutiny(), { ...valid, materiality: { pounds: -1, percent: 101 } }), 422, [
      '/materiality/pounds',
      '/materiality/percent',
    ]);
    expectProblem(await send('POST', '/api/comparisons', scrutiny(), { ...valid, asOf: '2010-02-30', wait: 'yes' }), 422, [
      '/asOf',
      '/wait',
    ]);
    expectProblem(await send('POST', '/api/comparisons', scrutiny(), { ...valid, cohortId: 'constructor' }), 404);
    expectProblem(await send('GET', '/api/comparisons/__proto__', scrutiny()), 404);
    expectProblem(await send('GET', '/api/comparisons/constructor/people.csv', scrutiny()), 404);
    expectProblem(await send('GET', '/api/cohorts/__proto__', scrutiny()), 404);
  });

  it('calibration requests out of range are named at their pointers', async () => {
    const path = '/api/policies/adult-ras/versions/2009-pilot/calibrate';
    expectProblem(await send('POST', path, officer(), { cohortId: 'c', budgetPence: 1e16, contingencyPercent: -5 }), 422, [
      '/budgetPence',
      '/contingencyPercent',
    ]);
    expectProblem(await send('POST', path, officer(), { cohortId: 'c', budgetPence: 1.5, sensitivityPercents: [0, 2000] }), 422, [
      '/budgetPence',
      '/sensitivityPercents/0',
      '/sensitivityPercents/1',
    ]);
    expectProblem(await send('POST', path, officer(), { cohortId: 'c', budgetPence: 100, saveAs: 'Not A Slug' }), 422, ['/saveAs']);
    expectProblem(await send('PUT', '/api/policies/adult-ras/reference-cohort', scrutiny(), { cohortId: 42 }), 422, ['/cohortId']);
    expectProblem(await send('PUT', '/api/policies/adult-ras/reference-cohort', scrutiny(), { cohortId: null, extra: true }), 422, [
      '/extra',
    ]);
  });

  it('a cohort with nobody in it, or a million names, is refused', async () => {
    expectProblem(await send('POST', '/api/cohorts', scrutiny(), cohortDocument('Nobody', [])), 422, ['/people']);
    expectProblem(
      await send('POST', '/api/cohorts/generate', scrutiny(), {
        policyId: 'adult-ras',
        version: '2009-pilot',
        name: 'Too many',
        size: 1_000_001,
        seed: 1,
      }),
      422,
      ['/size'],
    );
  });

  it('a seeded stream of 300 generated CSV files gets no 5xx, and every refusal is a problem document', async () => {
    const rand = seeded(20_260_202);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let n = 0; n < 300; n++) {
      const query = pick(rand, [
        '?name=Stream',
        '?name=Stream&policyId=adult-ras',
        '',
        '?name=Stream&policyId=childrens-ras',
        `?name=${encodeURIComponent(
          pick(rand, NASTY_STRINGS)
            .slice(0, 50)
            .replace(/[\ud800-\udfff]/g, '?') || 'x',
        )}`,
      ]);
      const res = await fetch(`${server.url}/api/cohorts${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${pick(rand, [scrutiny(), officer()])}`, 'content-type': 'text/csv' },
        body: hostileCsv(rand),
      });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const text = await res.text();
      if (res.status >= 500) failures.push(`${query}: ${res.status} ${text.slice(0, 200)}`);
      else if (res.status >= 400 && !/^application\/problem\+json/.test(res.headers.get('content-type') ?? ''))
        failures.push(`${query}: ${res.status} not a problem document`);
    }
    expect(failures.slice(0, 10), `${failures.length} of 300 misbehaved`).toEqual([]);
    expect(statuses.get(422) ?? 0).toBeGreaterThan(100);
    expect(statuses.get(201) ?? 0, 'some generated files are sound and are stored').toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

/** A CSV file that is nearly right: known and nasty column names, good and nasty cells, stray quotes and line ends. */
function hostileCsv(rand: Random): string {
  const fixed = ['ref', 'clientGroup', 'ageBand', 'carerWilling', 'carerAble', 'carerSupportLevel', 'carerImpact', 'currentAnnualCost'];
  const columns = chance(rand, 0.5)
    ? [...fixed.slice(0, 3), ...QUESTION_IDS]
    : Array.from({ length: 1 + Math.floor(rand() * 8) }, () => pick(rand, [...fixed, ...QUESTION_IDS, ...NASTY_KEYS]));
  const good: Record<string, string[]> = {
    ref: ['R-1', 'R-2', 'R-3'],
    clientGroup: ['older-people', 'mental-health'],
    ageBand: ['65-74', '18-64', '85+'],
    carerWilling: ['yes', 'no'],
    carerAble: ['yes', 'no'],
    carerSupportLevel: ['regular'],
    carerImpact: ['low'],
    currentAnnualCost: ['1234.56', '£12,345'],
  };
  const cell = (column: string) => {
    if (chance(rand, 0.75)) return pick(rand, good[column] ?? ['independent', 'some-help', 'none', 'well', 'safe', 'no-concern']);
    const nasty = pick(rand, NASTY_STRINGS).slice(0, 80);
    return chance(rand, 0.3) ? `"${nasty.replaceAll('"', '""')}"` : nasty;
  };
  const lines = [columns.join(',')];
  for (let r = 0; r < 1 + Math.floor(rand() * 4); r++) lines.push(columns.map(cell).join(','));
  if (chance(rand, 0.1)) lines.push('"unterminated');
  return lines.join(pick(rand, ['\n', '\r\n', '\r'])) + (chance(rand, 0.5) ? '\n' : '');
}

describe('a seeded stream of 3,200 requests generated from the OpenAPI document', () => {
  const SEED = 20_260_101;
  const COUNT = 3_200;

  it('gets no 5xx, and every answer is one the document allows, problem documents included', async () => {
    // A server of its own: the stream's failed sign-ins run out the address's allowance, as they should.
    const own = await startServer();
    try {
      const setup = await streamIngredients(own);
      const report = await hostileStream(own, setup, { seed: SEED, count: COUNT });
      expect(report.failures.slice(0, 15), `${report.failures.length} of ${COUNT} requests misbehaved (seed ${SEED})`).toEqual([]);
      // The stream reached every operation, and the server is still answering.
      for (const op of setup.ingredients.operations)
        expect(report.hits.get(`${op.method} ${op.template}`) ?? 0, `${op.method} ${op.template}`).toBeGreaterThanOrEqual(20);
      // ...and got past the front door often enough to meet every kind of refusal, and some successes.
      for (const status of [200, 400, 401, 403, 404, 413, 415, 422])
        expect(report.statuses.get(status) ?? 0, `answers with status ${status}`).toBeGreaterThanOrEqual(10);
      expect((await request(own.url, 'GET', '/api/health')).status).toBe(200);
    } finally {
      await own.close();
      own.remove();
    }
  });
});
