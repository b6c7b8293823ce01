/**
 * The published OpenAPI document is the API's contract: every route the server mounts is in it, with the
 * access the server enforces, and every real response — successes and problems alike — has a status
 * the document declares for that operation and a body that fits the schema declared for it.
 */

import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it, type RunnerTask, type RunnerTestSuite } from 'vitest';
import { createApp } from '../../server/app.js';
import { rolesFor } from '../../server/domain/permissions.js';
import { ROLES } from '../../server/store/records.js';
import { LowdbStore } from '../../server/store/lowdb-store.js';
import { adult, cohortCsv, cohortDocument } from '../support/adult-cohort.js';
import { exampleVersions } from '../support/examples.js';
import { editDocument, ratificationFor, replaceExamples } from '../support/api-client.js';
import { Contract, type OpenApiDocument } from '../support/contract.js';
import { baseAssessment, basePolicy } from '../support/policy-builder.js';
import { login, removeStore, request, startServer, type JsonResponse, type TestServer } from '../support/server.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testAuditKey } from '../support/audit-key.js';

let server: TestServer;
let contract: Contract;
let routeTable: ReturnType<typeof createApp>['routes'];
const extraDirs: string[] = [];

/** An assessment every seeded adult version can evaluate: the 2009 pilot's first worked example. */
let assessment: Record<string, unknown>;
/** Why an assessment under a version no longer in force is recorded now. */
const LATE = 'Recorded late, from the paper assessment made at the time.';
const servers: TestServer[] = [];

beforeAll(async () => {
  server = await startServer();
  servers.push(server);
  const res = await request(server.url, 'GET', '/api/openapi.json');
  contract = new Contract(res.body as OpenApiDocument);
  const dir = mkdtempSync(join(tmpdir(), 'ras-contract-routes-'));
  extraDirs.push(dir);
  const routeStore = await LowdbStore.open(dir, { auditKey: await testAuditKey() });
  routeTable = createApp({ store: routeStore }).routes;
  await routeStore.close();
  const pilot = await request(server.url, 'GET', '/api/policies/adult-ras/versions/2009-pilot', server.tokens.officer);
  assessment = (pilot.body.examples as Array<{ assessment: Record<string, unknown> }>)[0]!.assessment;
});

/**
 * The contract is shown in full only when the whole file runs: every operation it documents, and each of
 * its successes, met at least once by a real, fitting response in one of the tests above.
 */
// biome-ignore lint/correctness/noEmptyPattern: vitest gives the file as the second argument, and wants the first destructured
afterAll(({}, file) => {
  const everyTestRan = (file as RunnerTestSuite).tasks.every(function ran(task: RunnerTask): boolean {
    return task.type === 'suite' ? task.tasks.every(ran) : task.mode === 'run' && task.result?.state === 'pass';
  });
  if (everyTestRan) {
    const exercised = new Set([...contract.seen].map((s) => s.split(' ').slice(0, 2).join(' ')));
    const missing = routeTable.map((r) => `${r.method} ${openApiPath(r.path)}`).filter((op) => !exercised.has(op));
    expect(missing, 'operations never exercised').toEqual([]);
    const unseenSuccesses = routeTable.flatMap((r) => {
      const op = `${r.method} ${openApiPath(r.path)}`;
      const documented = Object.keys(contract.operation(r.method, openApiPath(r.path))!.responses).filter((s) => s.startsWith('2'));
      return documented.filter((status) => !contract.seen.has(`${op} ${status}`)).map((status) => `${op} ${status}`);
    });
    expect(unseenSuccesses, 'successes never seen').toEqual([]);
  }
});

afterAll(async () => {
  for (const s of servers) {
    await s.close();
    s.remove();
  }
  extraDirs.forEach(removeStore);
});

/** A server of the test's own, for a test that changes what others read (the tokens are the same). */
async function ownServer(): Promise<TestServer> {
  const own = await startServer();
  servers.push(own);
  return own;
}

/** A generated cohort of 300 people of the adult pilot, on the given server. */
async function generatedCohort(on: TestServer = server): Promise<string> {
  const res = await request(on.url, 'POST', '/api/cohorts/generate', on.tokens.officer, {
    policyId: 'adult-ras',
    version: '2009-pilot',
    name: 'Synthetic',
    size: 300,
    seed: 7,
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

interface Call {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One real request whose response must have the expected status and fit the contract. */
const exchangeWith = (...args: Parameters<typeof exchange>) => exchange(...args);
async function exchange(method: string, path: string, expectedStatus: number, call: Call = {}, url = server.url): Promise<JsonResponse> {
  const res = await request(url, method, path, call.token, call.body, call.headers);
  expect(contract.check(method, path, res), `${method} ${path}: ${JSON.stringify(res.body).slice(0, 500)}`).toEqual([]);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body).slice(0, 500)}`).toBe(expectedStatus);
  return res;
}

const tokens = () => server.tokens;
/**
 * The operations with two successful outcomes; every other one has exactly one. A comparison is a job
 * (202), or the finished job when the caller waits for it (200); a calibration is a result (200), or
 * also a new draft when saved (201).
 */
const TWO_OUTCOMES: Record<string, string[]> = {
  'post /api/comparisons': ['200', '202'],
  'post /api/users': ['201', '202'],
  'patch /api/users/{userId}': ['200', '202'],
  'post /api/users/{userId}/password-reset': ['201', '202'],
  'post /api/users/{userId}/api-keys': ['201', '202'],
  'post /api/policies/{id}/versions/{version}/calibrate': ['200', '201'],
};
/** The secret part of a key 'ras_<id>_<secret>': everything after the second underscore. */
const secretOf = (key: string) => key.split('_').slice(2).join('_');
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

describe('the OpenAPI document', () => {
  it('is an OpenAPI 3.1 document with info, paths, components and both ways of signing in', async () => {
    const res = await exchange('GET', '/api/openapi.json', 200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = res.body as OpenApiDocument;
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toEqual(expect.any(String));
    expect(doc.info.version).toEqual(expect.any(String));
    expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.values(doc.components.securitySchemes)).toContainEqual(
      expect.objectContaining({ type: 'apiKey', in: 'header', name: 'Authorization' }),
    );
    expect(Object.values(doc.components.securitySchemes)).toContainEqual(
      expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-API-Key' }),
    );
  });

  it('lists every route the server mounts, with its summary and method', () => {
    expect(routeTable.length).toBeGreaterThan(30);
    for (const route of routeTable) {
      const op = contract.operation(route.method, openApiPath(route.path));
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      expect(op!.summary).toBe(route.summary);
    }
    const documented = Object.entries(contract.doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(documented.sort()).toEqual(routeTable.map((r) => `${r.method} ${openApiPath(r.path)}`).sort());
  });

  it('states who may call each operation: public ones need no credentials, others list their roles', () => {
    for (const route of routeTable) {
      const op = contract.operation(route.method, openApiPath(route.path))!;
      const label = `${route.method} ${route.path}`;
      if (route.access === 'public') {
        expect(op.security, label).toEqual([]);
        expect(op['x-roles'], label).toEqual([]);
      } else {
        expect(op.security, label).toBeUndefined(); // the document-wide bearer / API key requirement applies
        expect(op['x-roles'], label).toEqual(route.access === 'signed-in' ? [...ROLES] : [...rolesFor(route.access)]);
        expect(op.responses['401'], label).toBeDefined();
      }
      if (route.access !== 'public' && route.access !== 'signed-in') {
        expect(op.responses['403'], label).toBeDefined();
        expect(op['x-permission'], label).toBe(route.access);
      }
    }
  });

  it('declares a success response for every operation, with a schema unless it is 204', () => {
    for (const [path, ops] of Object.entries(contract.doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const success = Object.keys(op.responses)
          .filter((s) => s.startsWith('2'))
          .sort();
        expect(success, `${method} ${path}`).toEqual(TWO_OUTCOMES[`${method} ${path}`] ?? [expect.any(String)]);
        for (const status of success) {
          const declared = op.responses[status]!;
          if (status === '204') expect(declared.content).toBeUndefined();
          else expect(Object.values(declared.content ?? {})[0]?.schema, `${method} ${path} ${status}`).toBeDefined();
        }
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) >= 400)
            expect(response.content, `${method} ${path} ${status}`).toEqual({
              'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
            });
        }
      }
    }
  });

  it('describes every request body by its component: the schema the route checks, or the engine document it passes to the engine', () => {
    const schemas = contract.doc.components.schemas as Record<string, Record<string, any>>;
    const body = (method: string, path: string) => {
      const schema = contract.operation(method, path)?.requestBody?.content['application/json']?.schema as { $ref: string } | undefined;
      return String(schema?.$ref).replace('#/components/schemas/', '');
    };
    expect(body('post', '/api/policies/{id}/evaluate')).toBe('Assessment');
    expect(body('post', '/api/policies/{id}/versions')).toBe('Policy');
    expect(body('post', '/api/cohorts')).toBe('Cohort');
    expect(contract.operation('post', '/api/cohorts')?.requestBody?.content['text/csv']?.schema).toMatchObject({ type: 'string' });
    expect(schemas[body('post', '/api/policies')]!.properties.document).toEqual({ $ref: '#/components/schemas/Policy' });
    expect(schemas[body('post', '/api/decisions')]!.properties.assessment).toEqual({ $ref: '#/components/schemas/Assessment' });
    expect(schemas[body('post', '/api/auth/login')]).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['username', 'password'],
    });
    expect(schemas[body('post', '/api/comparisons')]).toMatchObject({
      additionalProperties: false,
      required: ['policyId', 'versions', 'cohortId'],
    });
    // The engine schemas' definitions are components of their own, which generators of clients read.
    expect(schemas.Cohort!.properties.people.items).toEqual({ $ref: '#/components/schemas/CohortPerson' });
    expect(schemas.Slug).toEqual({ type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' });
    expect(JSON.stringify(contract.doc)).not.toMatch(/"\$defs"|"tsType"|#\/\$defs\//);
  });

  it('is the one the policy schema served at /api/schemas describes (the embedded copy accepts the seeded policies)', async () => {
    await exchange('GET', '/api/schemas/policy.schema.json', 200);
    await exchange('GET', '/api/schemas/assessment.schema.json', 200);
    // Served as any JSON Schema 2020-12 validator reads them in its strictest mode: no annotations of our tools.
    const outsider = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true });
    addFormats.default(outsider, ['date', 'date-time', 'uri']);
    for (const name of ['policy', 'assessment', 'cohort', 'result', 'transparency-record'])
      outsider.addSchema((await fetch(`${server.url}/api/schemas/${name}.schema.json`).then((r) => r.json())) as object);
    expect(outsider.getSchema('https://ras.example/schemas/result.schema.json')).toBeTypeOf('function');
    await exchange('GET', '/api/schemas/no-such.schema.json', 404);
  });
});

describe('real responses fit the contract', () => {
  it('a draft with a base amount evaluates to base plus points, and its explanation fits the contract', async () => {
    const officer = tokens().officer;
    await exchange('POST', '/api/policies/adult-ras/versions/2009-pilot/clone', 201, { token: officer, body: { version: 'with-base' } });
    await editDocument(server, officer, 'adult-ras', 'with-base', (d) => {
      d.schemaVersion = 2;
      d.pricing.default.basePence = 2000;
    });
    const carerCase = exampleVersions()
      .find((v) => v.scheme === 'adult-ras' && v.version === '2009-pilot')!
      .examples.find((e) => e.name === 'older-person-carer-reduction')!.json.assessment;
    const res = await exchange('POST', '/api/policies/adult-ras/versions/with-base/evaluate', 200, { token: officer, body: carerCase });
    // 77 points × 488p = 37 576p, + base 2 000p = 39 576p; less 15% (5 937p, rounded up) = 33 639p; to the pound, up: 33 700p
    expect(res.body.explanation.find((line: { step: string }) => line.step === 'pricing')).toMatchObject({
      basePence: 2000,
      pointsPence: 37576,
      pence: 39576,
    });
    expect(res.body.weeklyPence).toBe(33700);
  });

  it('a maximum limits the amount, and the explanation (with its route) fits the contract', async () => {
    const officer = tokens().officer;
    await exchange('POST', '/api/policies/adult-ras/versions/2009-pilot/clone', 201, { token: officer, body: { version: 'with-maximum' } });
    const route = { id: 'panel', label: 'Resource panel', words: 'Your social worker can take your support plan to the resource panel.' };
    await editDocument(server, officer, 'adult-ras', 'with-maximum', (d) => {
      d.schemaVersion = 2;
      d.maximum = { pence: 30_000, period: 'week', route };
    });
    const carerCase = exampleVersions()
      .find((v) => v.scheme === 'adult-ras' && v.version === '2009-pilot')!
      .examples.find((e) => e.name === 'older-person-carer-reduction')!.json.assessment;
    const res = await exchange('POST', '/api/policies/adult-ras/versions/with-maximum/evaluate', 200, { token: officer, body: carerCase });
    // The worked example gives 32 000p a week; the maximum 30 000p limits it by 2 000p
    expect(res.body.explanation.find((line: { step: string }) => line.step === 'maximum')).toEqual({
      step: 'maximum',
      maximumPence: 30_000,
      period: 'week',
      beforePence: 32_000,
      limitedByPence: 2000,
      afterPence: 30_000,
      applied: true,
      route,
    });
    expect(res.body.weeklyPence).toBe(30_000);
  });

  it('the lesser of the amount and one requested is paid; a policy that does not pay it refuses the input', async () => {
    const officer = tokens().officer;
    await exchange('POST', '/api/policies/adult-ras/versions/2009-pilot/clone', 201, { token: officer, body: { version: 'pays-lesser' } });
    await editDocument(server, officer, 'adult-ras', 'pays-lesser', (d) => {
      d.schemaVersion = 2;
      d.lesserOfRequested = { label: 'The cost of the support you asked for' };
    });
    const carerCase = exampleVersions()
      .find((v) => v.scheme === 'adult-ras' && v.version === '2009-pilot')!
      .examples.find((e) => e.name === 'older-person-carer-reduction')!.json.assessment;
    const requested = { ...carerCase, requested: { pence: 25_000, period: 'week' } };
    const res = await exchange('POST', '/api/policies/adult-ras/versions/pays-lesser/evaluate', 200, { token: officer, body: requested });
    // The worked example gives 32 000p a week; 25 000p was requested, so 25 000p is paid
    expect(res.body.explanation.find((line: { step: string }) => line.step === 'requested')).toMatchObject({
      requestedPence: 25_000,
      beforePence: 32_000,
      afterPence: 25_000,
      applied: true,
    });
    expect(res.body.weeklyPence).toBe(25_000);
    const refused = await exchange('POST', '/api/policies/adult-ras/versions/2009-pilot/evaluate', 422, {
      token: officer,
      body: requested,
    });
    expect(refused.body.errors).toEqual([expect.objectContaining({ pointer: '/requested', code: 'requested_not_used' })]);
  });

  it("the person's contribution splits the budget, and the result with its split fits the contract", async () => {
    const officer = tokens().officer;
    await exchange('POST', '/api/policies/adult-ras/versions/2009-pilot/clone', 201, { token: officer, body: { version: 'splits' } });
    await editDocument(server, officer, 'adult-ras', 'splits', (d) => {
      d.schemaVersion = 2;
      d.contribution = { label: 'Your assessed contribution' };
    });
    const carerCase = exampleVersions()
      .find((v) => v.scheme === 'adult-ras' && v.version === '2009-pilot')!
      .examples.find((e) => e.name === 'older-person-carer-reduction')!.json.assessment;
    const body = { ...carerCase, contribution: { pence: 4_560, period: 'week' } };
    const res = await exchange('POST', '/api/policies/adult-ras/versions/splits/evaluate', 200, { token: officer, body });
    // The worked example gives 32 000p a week; the person contributes 4 560p, the council 27 440p
    expect(res.body.contribution).toEqual({ period: 'week', personPence: 4560, councilPence: 27_440 });
    expect(res.body.weeklyPence).toBe(32_000);
  });

  it('points given instead of answers are priced, and the result says they were given', async () => {
    const officer = tokens().officer;
    await exchange('POST', '/api/policies/adult-ras/versions/2009-pilot/clone', 201, { token: officer, body: { version: 'given-points' } });
    await editDocument(server, officer, 'adult-ras', 'given-points', (d) => {
      d.schemaVersion = 2;
      d.acceptsGivenPoints = ['total'];
    });
    const body = { reference: 'CMS-1', assessmentDate: '2009-11-30', age: 80, clientGroup: 'older-people', points: { total: 50 } };
    const res = await exchange('POST', '/api/policies/adult-ras/versions/given-points/evaluate', 200, { token: officer, body });
    // 50 points × 488p = 24 400p a week; no carer; rounded up to the pound: 24 400p
    expect(res.body.provenance.pointsGiven).toBe('total');
    expect(res.body.weeklyPence).toBe(24_400);
    const refused = await exchange('POST', '/api/policies/adult-ras/versions/2009-pilot/evaluate', 422, { token: officer, body });
    expect(refused.body.errors).toEqual([expect.objectContaining({ pointer: '/points', code: 'given_points_not_accepted' })]);
  });

  it('a band whose outcome has no amount gives that outcome and null amounts, never £0; the unpriced top is not a cap', async () => {
    const apiClient = tokens()['api-client'];
    const child = { assessmentDate: '2024-05-20', age: 9, clientGroup: 'children-with-disabilities' };
    const universal = await exchange('POST', '/api/policies/childrens-short-breaks/evaluate', 200, {
      token: apiClient,
      body: { ...child, points: { total: 5 } },
    });
    expect(universal.body.outcome).toMatchObject({
      kind: 'without-amount',
      id: 'universal-services',
      label: 'Universal and targeted services',
    });
    expect([universal.body.allocation, universal.body.weeklyPence, universal.body.annualPence]).toEqual([null, null, null]);
    const top = await exchange('POST', '/api/policies/childrens-short-breaks/evaluate', 200, {
      token: apiClient,
      body: { ...child, points: { total: 400 } },
    });
    expect(top.body.outcome).toMatchObject({ kind: 'without-amount', id: 'individual-assessment' });
  });

  it('a yearly award is paid pro rata from the start date, and the award line fits the contract', async () => {
    const body = {
      assessmentDate: '2024-05-20',
      age: 9,
      clientGroup: 'children-with-disabilities',
      points: { total: 25 },
      startDate: '2024-06-15',
    };
    const res = await exchange('POST', '/api/policies/childrens-short-breaks/evaluate', 200, { token: tokens()['api-client'], body });
    // Band B, 100 000p a year; from 15 June 10 of 12 months are left: 100 000 × 10 ÷ 12 = 83 333.33 → 83 333p
    expect(res.body.award).toEqual({ kind: 'yearly', pence: 83_333 });
    expect(res.body.annualPence).toBe(100_000);
    const refused = await exchange('POST', '/api/policies/childrens-short-breaks/evaluate', 422, {
      token: tokens()['api-client'],
      body: { ...body, startDate: '2024-02-30' },
    });
    expect(refused.body.errors).toEqual([expect.objectContaining({ pointer: '/startDate' })]);
  });

  it('a person who does not meet an eligibility condition is not eligible, with the reason; facts are checked', async () => {
    const apiClient = tokens()['api-client'];
    const carer = {
      assessmentDate: '2024-07-01',
      age: 58,
      clientGroup: 'adult-carers',
      answers: { 'cr-intensity': 'all', 'cr-tasks': 'intensive', 'wb-health': 'breaking-point', 'wb-breaks': 'never' },
    };
    const paid = await exchange('POST', '/api/policies/carers-one-off-payment/evaluate', 200, {
      token: apiClient,
      body: { ...carer, facts: { 'hours-caring-a-week': 50, 'payments-this-year': 1 } },
    });
    expect(paid.body.outcome).toEqual({
      kind: 'not-eligible',
      reasons: [
        {
          condition: 'no-payment-this-year',
          label: 'No payment yet this financial year',
          reason: 'A carer can have one payment in a financial year, and one has been made this year. You can ask again from 1 April.',
        },
      ],
    });
    expect(paid.body.allocation).toBeNull();
    // 35 points: £100 + 35 × £10 = £450, limited to the £400 maximum, paid once
    const eligible = await exchange('POST', '/api/policies/carers-one-off-payment/evaluate', 200, {
      token: apiClient,
      body: { ...carer, facts: { 'hours-caring-a-week': 50, 'payments-this-year': 0 } },
    });
    expect(eligible.body.award).toEqual({ kind: 'one-off', pence: 40_000 });
    const missing = await exchange('POST', '/api/policies/carers-one-off-payment/evaluate', 422, {
      token: apiClient,
      body: { ...carer, facts: { 'hours-caring-a-week': 50 } },
    });
    expect(missing.body.errors).toEqual([expect.objectContaining({ pointer: '/facts', code: 'fact_missing' })]);
  });

  it('a decision without an amount is recorded, listed with no weekly amount, and replays identically', async () => {
    const apiClient = tokens()['api-client'];
    const body = {
      policyId: 'childrens-short-breaks',
      assessment: { assessmentDate: '2024-05-20', age: 9, clientGroup: 'children-with-disabilities', points: { total: 3 } },
    };
    const recorded = await exchange('POST', '/api/decisions', 201, { token: apiClient, body });
    expect(recorded.body.result.outcome).toMatchObject({ id: 'universal-services' });
    const list = await exchange('GET', '/api/decisions?policyId=childrens-short-breaks', 200, { token: tokens().officer });
    expect(list.body.find((d: { id: string }) => d.id === recorded.body.id)).toMatchObject({ weeklyPence: null });
    const replay = await exchange('POST', `/api/decisions/${recorded.body.id}/replay`, 200, { token: tokens().scrutiny });
    expect(replay.body.identical).toBe(true);
  });

  it('policy format 1: a base amount in a draft is refused at its pointer (422), naming the format it needs', async () => {
    const officer = tokens().officer;
    await exchange('POST', '/api/policies/adult-ras/versions/2009-pilot/clone', 201, { token: officer, body: { version: 'v1-with-base' } });
    const current = await request(server.url, 'GET', '/api/policies/adult-ras/versions/v1-with-base', officer);
    const document = { ...current.body.document, pricing: { ...current.body.document.pricing } };
    document.pricing.default = { ...document.pricing.default, basePence: 2000 };
    const res = await exchange('PUT', '/api/policies/adult-ras/versions/v1-with-base', 422, {
      token: officer,
      body: document,
      headers: { 'if-match': current.headers.get('etag')! },
    });
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/pricing/default/basePence', code: 'needs_schema_version_2' })]);
  });

  it('evaluating a calibrated version: a price per point with four decimals is a number the contract allows', async () => {
    const officer = tokens().officer;
    await exchange('POST', '/api/policies/adult-ras/versions/2010-revised/clone', 201, {
      token: officer,
      body: { version: 'calibrated-price' },
    });
    await editDocument(server, officer, 'adult-ras', 'calibrated-price', (d) => {
      d.pricing.default.pencePerPoint = 488.3417;
      for (const table of Object.values(d.pricing.byClientGroup ?? {}) as Array<{ pencePerPoint?: number }>)
        if (table.pencePerPoint !== undefined) table.pencePerPoint = 502.0001;
    });
    const res = await exchange('POST', '/api/policies/adult-ras/versions/calibrated-price/evaluate', 200, {
      token: officer,
      body: assessment,
    });
    const pricing = res.body.explanation.find((line: { step: string }) => line.step === 'pricing');
    expect([488.3417, 502.0001]).toContain(pricing.pencePerPoint);
  });

  it('the published RAS, read without signing in', async () => {
    await exchange('GET', '/api/public/policies', 200);
    await exchange('GET', '/api/public/policies/adult-ras/in-force?asOf=2010-06-01', 200);
    await exchange('GET', '/api/public/policies/adult-ras/in-force?asOf=1999-01-01', 404);
    await exchange('GET', '/api/public/policies/adult-ras/in-force?asOf=2010-02-30', 400);
    await exchange('GET', '/api/public/policies/adult-ras/versions/2009-pilot', 200);
    await exchange('GET', '/api/public/policies/adult-ras/versions/no-such-version', 404);
    await exchange('GET', '/api/public/policies/adult-ras/versions/2009-pilot/transparency-record', 200);
    await exchange('GET', '/api/public/policies/adult-ras/versions/no-such-version/transparency-record', 404);
  });

  it('health, setup status and sign-in', async () => {
    await exchange('GET', '/api/health', 200);
    await exchange('GET', '/api/setup', 200);
    await exchange('POST', '/api/setup', 409, {
      body: { code: 'whatever-code', username: 'second-admin', password: 'a-long-enough-password' },
    });
    await exchange('POST', '/api/setup', 422, { body: { code: 'whatever-code' } });
    const ok = await exchange('POST', '/api/auth/login', 200, { body: { username: 'officer', password: 'a-long-test-password' } });
    expect(ok.body.user.roles).toEqual(['officer']);
    await exchange('POST', '/api/auth/login', 401, { body: { username: 'officer', password: 'not-the-password' } });
    await exchange('POST', '/api/auth/login', 422, { body: { username: 'officer' } });
    await exchange('POST', '/api/auth/login', 400, { body: '{"username": ' });
    await exchange('POST', '/api/auth/login', 415, {
      body: 'username=officer',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await exchange('POST', '/api/auth/login', 413, { body: JSON.stringify({ username: 'x'.repeat(1_100_000), password: 'y' }) });
    await exchange('GET', '/api/auth/me', 200, { token: tokens().scrutiny });
    await exchange('GET', '/api/auth/me', 401);
    await exchange('GET', '/api/health', 401, { headers: { authorization: 'Bearer not-a-session' } });
  });

  it('policies, versions and the version in force', async () => {
    await exchange('GET', '/api/policies', 200, { token: tokens().officer });
    await exchange('GET', '/api/policies', 403, { token: tokens()['api-client'] });
    await exchange('GET', '/api/policies/adult-ras', 200, { token: tokens().scrutiny });
    await exchange('GET', '/api/policies/no-such-policy', 404, { token: tokens().scrutiny });
    await exchange('GET', '/api/policies/adult-ras/in-force?asOf=2010-06-01', 200, { token: tokens()['api-client'] });
    await exchange('GET', '/api/policies/adult-ras/in-force', 200, { token: tokens()['api-client'] });
    await exchange('GET', '/api/policies/adult-ras/in-force?asOf=2010-02-30', 400, { token: tokens()['api-client'] });
    await exchange('GET', '/api/policies/adult-ras/in-force?asOf=1990-01-01', 404, { token: tokens()['api-client'] });
    await exchange('GET', '/api/policies/adult-ras/versions', 200, { token: tokens().ratifier });
    await exchange('GET', '/api/policies/no-such-policy/versions', 404, { token: tokens().ratifier });
    await exchange('GET', '/api/versions?policyId=adult-ras&sort=version&order=desc&limit=1', 200, { token: tokens().officer });
    await exchange('GET', '/api/versions?sort=nothing', 400, { token: tokens().officer });
    await exchange('GET', '/api/policies?sort=title&q=adult', 200, { token: tokens().officer });
    await exchange('GET', '/api/decisions?reference=A-0001', 200, { token: tokens().officer });
    const version = await exchange('GET', '/api/policies/adult-ras/versions/2009-pilot', 200, { token: tokens().admin });
    await exchange('GET', '/api/policies/adult-ras/versions/no-such-version', 404, { token: tokens().admin });
    await exchange('GET', '/api/policies/adult-ras/versions/2009-pilot/audit', 200, { token: tokens().scrutiny });
    await exchange('GET', '/api/policies/adult-ras/versions/no-such-version/audit', 404, { token: tokens().scrutiny });
    await exchange('POST', '/api/policies/adult-ras/versions/2009-pilot/examples/run', 200, { token: tokens().scrutiny });
    await exchange('POST', '/api/policies/adult-ras/versions/no-such-version/examples/run', 404, { token: tokens().scrutiny });
    expect(version.body.examples[0].assessment).toEqual(assessment);
  });

  it('evaluation, one at a time and in batches', async () => {
    const apiClient = tokens()['api-client'];
    await exchange('POST', '/api/policies/adult-ras/evaluate', 200, { token: apiClient, body: assessment });
    await exchange('POST', '/api/policies/adult-ras/evaluate?asOf=2011-01-01', 200, { token: apiClient, body: assessment });
    await exchange('POST', '/api/policies/adult-ras/evaluate?asOf=2011-02-30', 400, { token: apiClient, body: assessment });
    await exchange('POST', '/api/policies/adult-ras/evaluate', 422, {
      token: apiClient,
      body: { ...assessment, clientGroup: 'no-such-group' },
    });
    await exchange('POST', '/api/policies/adult-ras/evaluate', 422, {
      token: apiClient,
      body: { ...assessment, assessmentDate: '1990-01-01' },
    });
    await exchange('POST', '/api/policies/no-such-policy/evaluate', 404, { token: apiClient, body: assessment });
    await exchange('POST', '/api/policies/adult-ras/evaluate', 403, { token: tokens().admin, body: assessment });
    await exchange('POST', '/api/policies/adult-ras/evaluate', 401, { body: assessment });
    await exchange('POST', '/api/policies/adult-ras/evaluate', 415, {
      token: apiClient,
      body: 'plain text',
      headers: { 'content-type': 'text/plain' },
    });
    await exchange('POST', '/api/policies/adult-ras/versions/2010-revised/evaluate', 200, { token: tokens().scrutiny, body: assessment });
    await exchange('POST', '/api/policies/adult-ras/versions/2010-revised/evaluate?asOf=nope', 400, {
      token: tokens().scrutiny,
      body: assessment,
    });
    await exchange('POST', '/api/policies/adult-ras/versions/no-such-version/evaluate', 404, {
      token: tokens().scrutiny,
      body: assessment,
    });
    await exchange('POST', '/api/policies/adult-ras/versions/2010-revised/evaluate', 422, {
      token: tokens().scrutiny,
      body: { answers: 'none' },
    });

    const batch = await exchange('POST', '/api/policies/adult-ras/evaluate-batch', 200, {
      token: apiClient,
      body: { assessments: [assessment, { ...assessment, age: -1 }, { ...assessment, assessmentDate: '1990-01-01' }] },
    });
    expect(batch.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false, false]);
    await exchange('POST', '/api/policies/adult-ras/evaluate-batch', 422, { token: apiClient, body: { assessments: [] } });
    await exchange('POST', '/api/policies/no-such-policy/evaluate-batch', 404, { token: apiClient, body: { assessments: [assessment] } });
    await exchange('POST', '/api/policies/adult-ras/versions/2009-pilot/evaluate-batch?asOf=2009-12-01', 200, {
      token: apiClient,
      body: { assessments: [assessment, 'not an assessment'] },
    });
    await exchange('POST', '/api/policies/adult-ras/versions/2009-pilot/evaluate-batch?asOf=2009-12-32', 400, {
      token: apiClient,
      body: { assessments: [assessment] },
    });
    await exchange('POST', '/api/policies/adult-ras/versions/nope/evaluate-batch', 404, {
      token: apiClient,
      body: { assessments: [assessment] },
    });
    await exchange('POST', '/api/policies/adult-ras/versions/2009-pilot/evaluate-batch', 422, {
      token: apiClient,
      body: { assessments: [assessment], extra: true },
    });
  });

  it('decisions: record, list, read, replay and final budget', async () => {
    const apiClient = tokens()['api-client'];
    // The sample is assessed under 2009-pilot, no longer in force: without a reason that is refused.
    await exchange('POST', '/api/decisions', 422, { token: apiClient, body: { policyId: 'adult-ras', assessment } });
    const recorded = await exchange('POST', '/api/decisions', 201, {
      token: apiClient,
      body: { policyId: 'adult-ras', assessment, reason: LATE },
    });
    const id = recorded.body.id as string;
    expect(recorded.headers.get('location')).toBe(`/api/decisions/${id}`);
    // A decision rests on the version in force on the assessment date, as of that date: naming another is what-if, not a decision.
    await exchange('POST', '/api/decisions', 422, {
      token: tokens().officer,
      body: { policyId: 'adult-ras', version: '2009-pilot', asOf: '2009-12-01', assessment },
    });
    await exchange('POST', '/api/decisions', 422, {
      token: apiClient,
      body: { policyId: 'adult-ras', version: 'no-such-version', assessment },
    });
    await exchange('POST', '/api/decisions', 404, { token: apiClient, body: { policyId: 'no-such-policy', assessment } });
    await exchange('POST', '/api/decisions', 422, {
      token: apiClient,
      body: { policyId: 'adult-ras', assessment: { ...assessment, answers: { nothing: 'here' } } },
    });
    await exchange('POST', '/api/decisions', 422, { token: apiClient, body: { policyId: 'adult-ras' } });
    await exchange('GET', '/api/decisions', 200, { token: tokens().ratifier });
    await exchange('GET', '/api/decisions?policyId=adult-ras', 200, { token: tokens().officer });
    await exchange('GET', `/api/decisions/${id}`, 200, { token: apiClient });
    await exchange('GET', '/api/decisions/no-such-decision', 404, { token: apiClient });
    const replay = await exchange('POST', `/api/decisions/${id}/replay`, 200, { token: tokens().scrutiny });
    expect(replay.body.identical).toBe(true);
    const letter = await exchange('GET', `/api/decisions/${id}/letter`, 200, { token: apiClient });
    expect(String(letter.body)).toContain('<h2>What happens next</h2>');
    await exchange('GET', `/api/decisions/${id}/letter.pdf`, 200, { token: tokens().officer });
    await exchange('GET', `/api/decisions/${id}/letter`, 403, { token: tokens().scrutiny });
    await exchange('GET', '/api/decisions/no-such-decision/letter.pdf', 404, { token: apiClient });
    await exchange('POST', '/api/decisions/no-such-decision/replay', 404, { token: tokens().scrutiny });
    const read = await exchange('GET', `/api/decisions/${id}`, 200, { token: apiClient });
    const asRead = { 'if-match': read.headers.get('etag')! };
    await exchange('PUT', `/api/decisions/${id}/final-budget`, 428, {
      token: apiClient,
      body: { weeklyPence: 30_000, reason: 'No precondition.' },
    });
    await exchange('PUT', `/api/decisions/${id}/final-budget`, 200, {
      token: apiClient,
      body: { weeklyPence: 30_000, reason: 'Agreed at support planning.' },
      headers: asRead,
    });
    await exchange('PUT', `/api/decisions/${id}/final-budget`, 412, {
      token: apiClient,
      body: { weeklyPence: 31_000, reason: 'From a stale read.' },
      headers: asRead,
    });
    await exchange('PUT', `/api/decisions/${id}/final-budget`, 422, {
      token: apiClient,
      body: { weeklyPence: -1, reason: '' },
      headers: asRead,
    });
    await exchange('PUT', '/api/decisions/no-such-decision/final-budget', 404, {
      token: apiClient,
      body: { weeklyPence: 1, reason: 'Agreed at support planning.' },
      headers: { 'if-match': '"1"' },
    });
    await exchange('GET', `/api/decisions/${id}`, 200, { token: tokens().officer });
  });

  it("a draft's life: create, edit with If-Match, examples, submit, return, ratify, withdraw, clone and delete", async () => {
    const officer = tokens().officer;
    const ratifier = tokens().ratifier;
    const v1 = basePolicy({ id: 'contract-ras', version: 'v1' });
    const created = await exchange('POST', '/api/policies', 201, { token: officer, body: { document: v1 } });
    expect(created.headers.get('location')).toBe('/api/policies/contract-ras');
    await exchange('POST', '/api/policies', 409, { token: officer, body: { document: v1 } });
    await exchange('POST', '/api/policies', 422, { token: officer, body: { document: { ...v1, id: 'Not A Slug' } } });
    await exchange('POST', '/api/policies', 422, { token: officer, body: {} });
    await exchange('POST', '/api/policies', 403, { token: ratifier, body: { document: v1 } });

    const base = '/api/policies/contract-ras/versions/v1';
    const read = await exchange('GET', base, 200, { token: officer });
    const etag = read.headers.get('etag')!;
    expect(etag).toBe(`"${read.body.revision}"`);
    const edited = { ...v1, title: 'Contract RAS, edited' };
    await exchange('PUT', base, 428, { token: officer, body: edited });
    await exchange('PUT', base, 412, { token: officer, body: edited, headers: { 'if-match': '"1"' } });
    await exchange('PUT', base, 422, { token: officer, body: { ...edited, version: 'v9' }, headers: { 'if-match': etag } });
    const put = await exchange('PUT', base, 200, { token: officer, body: edited, headers: { 'if-match': etag } });
    await exchange('PUT', '/api/policies/contract-ras/versions/nope', 404, {
      token: officer,
      body: { ...edited, version: 'nope' },
      headers: { 'if-match': '*' },
    });

    await exchange('POST', `${base}/submit`, 422, { token: officer }); // no worked examples yet
    const sample = baseAssessment({ assessmentDate: '2020-06-01' });
    const result = (await exchange('POST', `${base}/evaluate`, 200, { token: officer, body: sample })).body;
    const example = {
      name: 'Older person, some help',
      assessment: sample,
      expect: { totalPoints: result.points.total, weeklyPence: result.weeklyPence, allocation: result.allocation, flags: [] },
    };
    const examples = await exchange('GET', `${base}/examples`, 200, { token: tokens().scrutiny });
    await exchange('GET', '/api/policies/contract-ras/versions/nope/examples', 404, { token: tokens().scrutiny });
    const examplesEtag = examples.headers.get('etag')!;
    expect(put.body).toBeDefined();
    await exchange('PUT', `${base}/examples`, 428, { token: officer, body: { examples: [example] } });
    await exchange('PUT', `${base}/examples`, 422, {
      token: officer,
      body: { examples: [{ ...example, surprise: 1 }] },
      headers: { 'if-match': examplesEtag },
    });
    const withExamples = await exchange('PUT', `${base}/examples`, 200, {
      token: officer,
      body: { examples: [example] },
      headers: { 'if-match': examplesEtag },
    });
    await exchange('PUT', `${base}/examples`, 412, { token: officer, body: { examples: [] }, headers: { 'if-match': examplesEtag } });
    await exchange('PUT', '/api/policies/contract-ras/versions/nope/examples', 404, {
      token: officer,
      body: { examples: [] },
      headers: { 'if-match': '*' },
    });
    expect(withExamples.body.examples).toHaveLength(1);
    await exchange('POST', `${base}/examples/run`, 200, { token: officer });

    await exchange('POST', `${base}/submit`, 200, { token: officer });
    await exchange('POST', `${base}/submit`, 409, { token: officer });
    await exchange('PUT', base, 409, { token: officer, body: edited, headers: { 'if-match': '*' } });
    await exchange('DELETE', base, 409, { token: officer });
    await exchange('POST', `${base}/return-to-draft`, 200, { token: ratifier });
    await exchange('POST', `${base}/return-to-draft`, 409, { token: ratifier });
    await exchange('POST', '/api/policies/contract-ras/versions/nope/return-to-draft', 404, { token: ratifier });
    await exchange('POST', '/api/policies/contract-ras/versions/nope/submit', 404, { token: officer });

    // Four eyes: whoever submitted may not ratify.
    const both = await login(server.url, 'officer2'); // officer and ratifier
    await exchange('POST', `${base}/submit`, 200, { token: both });
    const ratification = {
      body: 'Cabinet',
      decisionDate: '2020-03-01',
      minuteReference: 'CAB/2020/1',
      rationale: 'Contract test.',
      effectiveFrom: '2020-04-01',
      comparisonWaiver: 'A new scheme: nothing is in force to compare it with.',
      confirmEffectiveFrom: true,
    };
    const reviewed = { 'if-match': (await exchange('GET', base, 200, { token: ratifier })).headers.get('etag')! };
    await exchange('POST', `${base}/ratify`, 403, { token: both, body: ratification, headers: reviewed });
    await exchange('POST', `${base}/ratify`, 428, { token: ratifier, body: ratification });
    await exchange('POST', `${base}/ratify`, 412, { token: ratifier, body: ratification, headers: { 'if-match': '"1"' } });
    await exchange('POST', `${base}/ratify`, 422, {
      token: ratifier,
      body: { ...ratification, effectiveFrom: '2020-04-31' },
      headers: reviewed,
    });
    const { comparisonWaiver: _waiver, ...unwaived } = ratification;
    await exchange('POST', `${base}/ratify`, 422, { token: ratifier, body: unwaived, headers: reviewed });
    const ratified = await exchange('POST', `${base}/ratify`, 200, { token: ratifier, body: ratification, headers: reviewed });
    await exchange('POST', `${base}/ratify`, 409, {
      token: ratifier,
      body: ratification,
      headers: { 'if-match': ratified.headers.get('etag')! },
    });
    await exchange('POST', '/api/policies/contract-ras/versions/nope/ratify', 404, {
      token: ratifier,
      body: ratification,
      headers: reviewed,
    });
    await exchange('GET', '/api/policies/contract-ras/in-force?asOf=2021-01-01', 200, { token: tokens()['api-client'] });
    await exchange('POST', '/api/decisions', 201, {
      token: tokens()['api-client'],
      body: { policyId: 'contract-ras', assessment: sample },
    });
    await exchange('GET', `${base}/audit`, 200, { token: tokens().admin });

    const v2 = { ...edited, version: 'v2' };
    await exchange('POST', '/api/policies/contract-ras/versions', 201, { token: officer, body: v2 });
    await exchange('POST', '/api/policies/contract-ras/versions', 409, { token: officer, body: v2 });
    await exchange('POST', '/api/policies/contract-ras/versions', 422, { token: officer, body: { ...v2, id: 'other-ras' } });
    await exchange('POST', '/api/policies/no-such-policy/versions', 404, { token: officer, body: v2 });
    await exchange('DELETE', '/api/policies/contract-ras/versions/v2', 204, { token: officer });
    await exchange('DELETE', '/api/policies/contract-ras/versions/v2', 404, { token: officer });

    await exchange('POST', `${base}/clone`, 201, { token: officer, body: { version: 'v3' } });
    // Decisions rest on the version in force, never on a draft.
    await exchange('POST', '/api/decisions', 422, {
      token: tokens()['api-client'],
      body: { policyId: 'contract-ras', version: 'v3', assessment: sample },
    });
    await exchange('POST', `${base}/clone`, 409, { token: officer, body: { version: 'v3' } });
    await exchange('POST', `${base}/clone`, 422, { token: officer, body: { version: 'Not a slug' } });
    await exchange('POST', '/api/policies/contract-ras/versions/nope/clone', 404, { token: officer, body: { version: 'v4' } });

    // Taking it out of force: proposed by one ratifier, confirmed by another as reviewed.
    const second = await login(server.url, 'officer2');
    await exchange('POST', `${base}/withdrawal`, 422, { token: ratifier, body: {} });
    await exchange('POST', `${base}/withdrawal`, 422, { token: ratifier, body: { reason: ' . ' } });
    await exchange('POST', `${base}/withdrawal`, 201, { token: ratifier, body: { reason: 'Replaced after consultation.' } });
    await exchange('POST', `${base}/withdrawal`, 409, { token: second, body: { reason: 'Proposed a second time.' } });
    await exchange('DELETE', `${base}/withdrawal`, 200, { token: second });
    await exchange('DELETE', `${base}/withdrawal`, 409, { token: second });
    const proposal = await exchange('POST', `${base}/withdrawal`, 201, {
      token: ratifier,
      body: { reason: 'Replaced after consultation.' },
    });
    const asProposed = { 'if-match': proposal.headers.get('etag')! };
    const notes = { equalityImpact: 'Nothing else is in force for this scheme; the committee accepted that.' };
    await exchange('POST', `${base}/withdrawal/confirm`, 428, { token: second, body: notes });
    await exchange('POST', `${base}/withdrawal/confirm`, 403, { token: ratifier, body: notes, headers: asProposed });
    await exchange('POST', `${base}/withdrawal/confirm`, 412, { token: second, body: notes, headers: { 'if-match': '"1"' } });
    await exchange('POST', `${base}/withdrawal/confirm`, 422, { token: second, body: {}, headers: asProposed });
    await exchange('POST', `${base}/withdrawal/confirm`, 200, { token: second, body: notes, headers: asProposed });
    await exchange('POST', `${base}/withdrawal`, 409, { token: ratifier, body: { reason: 'Again, after it was withdrawn.' } });
    await exchange('POST', '/api/policies/contract-ras/versions/nope/withdrawal', 404, {
      token: ratifier,
      body: { reason: 'No such version here.' },
    });
    await exchange('POST', '/api/policies/contract-ras/versions/nope/withdrawal/confirm', 404, {
      token: second,
      body: notes,
      headers: asProposed,
    });
    await exchange('DELETE', '/api/policies/contract-ras/versions/nope/withdrawal', 404, { token: second });
  });

  it("a decision cannot be replayed once its version's stored content is not what it used", async () => {
    const own = await ownServer();
    const decision = await exchange(
      'POST',
      '/api/decisions',
      201,
      { token: tokens()['api-client'], body: { policyId: 'adult-ras', assessment, reason: LATE } },
      own.url,
    );
    // Ratified versions never change through the API, so this simulates the store being edited behind its back.
    const versionOf = (rows: readonly { policyId: string; version: string }[]) =>
      rows.findIndex((v) => v.policyId === 'adult-ras' && v.version === decision.body.version);
    await own.store.transact((draft) => {
      const rows = draft.rows('versions');
      rows[versionOf(rows)] = { ...rows[versionOf(rows)]!, contentHash: `sha256:${'0'.repeat(64)}`, revision: draft.revision };
      draft.audit({
        at: new Date().toISOString(),
        actor: 'test',
        action: 'test.tamper',
        target: `version:adult-ras/${decision.body.version}`,
      });
    });
    await exchange('POST', `/api/decisions/${decision.body.id}/replay`, 409, { token: tokens().ratifier }, own.url);
  });

  it('users and API keys', async () => {
    const admin = tokens().admin;
    await exchange('GET', '/api/users', 200, { token: admin });
    await exchange('GET', '/api/users', 403, { token: tokens().officer });
    const user = await exchange('POST', '/api/users', 201, {
      token: admin,
      body: { username: 'contract-system', displayName: 'Case system', roles: ['api-client'] },
    });
    expect(user.headers.get('location')).toBe(`/api/users/${user.body.id}`);
    await exchange('POST', '/api/users', 409, {
      token: admin,
      body: { username: 'contract-system', displayName: 'Again', roles: ['api-client'] },
    });
    await exchange('POST', '/api/users', 422, { token: admin, body: { username: 'x', displayName: 'Bad', roles: ['superuser'] } });
    await exchange('PATCH', `/api/users/${user.body.id}`, 200, { token: admin, body: { displayName: 'Case management system' } });
    const account = await exchange('GET', `/api/users/${user.body.id}`, 200, { token: admin });
    expect(account.body.history.map((h: { action: string }) => h.action)).toEqual(['user.create', 'user.update']);
    await exchange('GET', '/api/users/no-such-user', 404, { token: admin });
    await exchange('POST', '/api/users', 422, {
      token: admin,
      body: { username: 'two-hats', displayName: 'Two hats', roles: ['admin', 'officer'] },
    });
    await exchange('PATCH', `/api/users/${user.body.id}`, 422, { token: admin, body: {} });
    await exchange('PATCH', '/api/users/no-such-user', 404, { token: admin, body: { displayName: 'Nobody' } });
    const me = await exchange('GET', '/api/auth/me', 200, { token: admin });
    await exchange('PATCH', `/api/users/${me.body.id}`, 409, { token: admin, body: { disabled: true } });

    // A key whose secret has an underscore does not work (see the next test), so this flow uses one without.
    let key = await exchange('POST', `/api/users/${user.body.id}/api-keys`, 201, {
      token: admin,
      body: { label: 'Case system, production' },
    });
    while (secretOf(key.body.key).includes('_')) {
      key = await exchange('POST', `/api/users/${user.body.id}/api-keys`, 201, {
        token: admin,
        body: { label: 'Case system, production' },
      });
    }
    await exchange('POST', `/api/users/${user.body.id}/api-keys`, 422, { token: admin, body: { label: '' } });
    await exchange('POST', '/api/users/no-such-user/api-keys', 404, { token: admin, body: { label: 'x' } });
    const viaHeader = await exchange('GET', '/api/auth/me', 200, { headers: { authorization: `ApiKey ${key.body.key}` } });
    expect(viaHeader.body.via).toBe('api-key');
    await exchange('GET', '/api/policies/adult-ras/in-force', 200, { headers: { 'x-api-key': key.body.key } });
    await exchange('POST', '/api/policies/adult-ras/evaluate', 200, {
      headers: { authorization: `ApiKey ${key.body.key}` },
      body: assessment,
    });
    await exchange('DELETE', `/api/users/${user.body.id}/api-keys/${key.body.id}`, 204, { token: admin });
    await exchange('DELETE', `/api/users/${user.body.id}/api-keys/no-such-key`, 404, { token: admin });
    await exchange('GET', '/api/auth/me', 401, { headers: { authorization: `ApiKey ${key.body.key}` } });
  });

  it('every API key it issues works, even when its secret contains an underscore', async () => {
    const admin = tokens().admin;
    const user = await exchange('POST', '/api/users', 201, {
      token: admin,
      body: { username: 'contract-keys', displayName: 'Key test', roles: ['api-client'] },
    });
    // The secret is base64url, so about half of all keys have an '_' in it; issue keys until one does.
    let key: JsonResponse | undefined;
    for (let attempt = 0; attempt < 40 && !(key && secretOf(key.body.key).includes('_')); attempt++) {
      key = await exchange('POST', `/api/users/${user.body.id}/api-keys`, 201, { token: admin, body: { label: `attempt ${attempt}` } });
    }
    expect(secretOf(key!.body.key)).toContain('_');
    const viaAuthorization = await request(server.url, 'GET', '/api/auth/me', undefined, undefined, {
      authorization: `ApiKey ${key!.body.key}`,
    });
    expect(viaAuthorization.status, JSON.stringify(viaAuthorization.body)).toBe(200);
    const viaHeader = await request(server.url, 'GET', '/api/auth/me', undefined, undefined, { 'x-api-key': key!.body.key });
    expect(viaHeader.status, JSON.stringify(viaHeader.body)).toBe(200);
  });

  it('the audit log and its chain', async () => {
    await exchange('GET', '/api/audit', 200, { token: tokens().admin });
    await exchange('GET', '/api/audit?action=version.ratify', 200, { token: tokens().scrutiny });
    const page = await exchange('GET', '/api/audit?order=desc&offset=1&limit=3&q=ratified', 200, { token: tokens().scrutiny });
    expect(Number(page.headers.get('x-total-count'))).toBeGreaterThanOrEqual(page.body.length);
    await exchange('GET', '/api/audit?limit=0', 400, { token: tokens().scrutiny });
    await exchange('GET', '/api/audit', 403, { token: tokens().officer });
    const actions = await exchange('GET', '/api/audit/actions', 200, { token: tokens().admin });
    expect(actions.body).toContainEqual({ action: 'version.ratify', words: 'Ratified' });
    const verified = await exchange('GET', '/api/audit/verify', 200, { token: tokens().ratifier });
    expect(verified.body.ok).toBe(true);
    const signed = await exchange('GET', '/api/audit/checkpoint', 200, { token: tokens().scrutiny });
    await exchange('GET', '/api/audit/checkpoint', 403, { token: tokens().officer });
    const against = await exchange('POST', '/api/audit/verify', 200, {
      token: tokens().scrutiny,
      body: { checkpoints: [signed.body.line] },
    });
    expect(against.body.checkpoints.known).toBe(1);
    await exchange('POST', '/api/audit/verify', 422, { token: tokens().scrutiny, body: { checkpoints: ['minute 12'] } });
    await exchange('GET', `/api/audit/verify?checkpoint=${encodeURIComponent(signed.body.line)}`, 200, { token: tokens().scrutiny });
    const published = await exchange('GET', '/api/public/checkpoints', 200);
    expect(published.body.auditKey).toBe(signed.body.checkpoint.key);
  });

  it('cohorts: import as CSV and JSON, generate, read, list and delete', async () => {
    const scrutiny = tokens().scrutiny;
    const officer = tokens().officer;
    const csvHeaders = { 'content-type': 'text/csv' };
    const people = [
      adult('C-1', 'older-people', '75-84', { 'pc-washing': 'some-help' }, { currentAnnualCostPence: 250_000 }),
      adult('C-2', 'learning-disability', '18-64'),
    ];
    await exchange('GET', '/api/cohorts', 200, { token: scrutiny });
    await exchange('GET', '/api/cohorts', 403, { token: tokens()['api-client'] });
    const fromCsv = await exchange('POST', '/api/cohorts?name=Contract%20CSV&policyId=adult-ras', 201, {
      token: scrutiny,
      body: cohortCsv(people),
      headers: csvHeaders,
    });
    expect(fromCsv.headers.get('location')).toBe(`/api/cohorts/${fromCsv.body.id}`);
    await exchange('POST', '/api/cohorts?policyId=adult-ras', 422, { token: scrutiny, body: cohortCsv(people), headers: csvHeaders }); // no name
    await exchange('POST', '/api/cohorts?name=Bad', 422, {
      token: scrutiny,
      body: 'ref,clientGroup\nC-1,older-people\n',
      headers: csvHeaders,
    });
    await exchange('POST', '/api/cohorts?name=Lost&policyId=no-such-policy', 404, {
      token: scrutiny,
      body: cohortCsv(people),
      headers: csvHeaders,
    });
    await exchange('POST', '/api/cohorts', 201, { token: officer, body: cohortDocument('Contract JSON', people) });
    await exchange('POST', '/api/cohorts', 422, { token: officer, body: cohortDocument('Nobody', []) });
    await exchange('POST', '/api/cohorts', 422, { token: officer, body: { schemaVersion: 1, name: 'Bad people', people: [{ ref: 'x' }] } });
    await exchange('POST', '/api/cohorts', 415, {
      token: officer,
      body: 'ref=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await exchange('POST', '/api/cohorts', 403, { token: tokens().ratifier, body: cohortDocument('Not theirs', people) });
    await exchange('GET', `/api/cohorts/${fromCsv.body.id}`, 200, { token: tokens().ratifier });
    await exchange('GET', '/api/cohorts/no-such-cohort', 404, { token: tokens().ratifier });
    const generated = await exchange('POST', '/api/cohorts/generate', 201, {
      token: officer,
      body: { policyId: 'adult-ras', version: '2009-pilot', name: 'Synthetic', size: 300, seed: 7 },
    });
    expect(generated.body).toMatchObject({ people: 300, source: 'generated' });
    await exchange('POST', '/api/cohorts/generate', 404, {
      token: officer,
      body: { policyId: 'adult-ras', version: 'no-such-version', name: 'x', size: 1, seed: 1 },
    });
    await exchange('POST', '/api/cohorts/generate', 422, {
      token: officer,
      body: { policyId: 'adult-ras', version: '2009-pilot', name: 'x', size: 0, seed: 1 },
    });
    await exchange('GET', '/api/cohorts', 200, { token: officer });
    await exchange('DELETE', `/api/cohorts/${fromCsv.body.id}`, 204, { token: scrutiny });
    await exchange('DELETE', `/api/cohorts/${fromCsv.body.id}`, 404, { token: scrutiny });
  });

  it('comparisons: a job to poll, or one waited for, and its people as CSV and JSON', async () => {
    const scrutinyCohortId = await generatedCohort();
    const scrutiny = tokens().scrutiny;
    const request = {
      policyId: 'adult-ras',
      versions: ['2009-pilot', '2010-revised'],
      cohortId: scrutinyCohortId,
      asOf: '2010-06-01',
      attribution: true,
    };
    const started = await exchange('POST', '/api/comparisons', 202, { token: scrutiny, body: request });
    expect(started.body.status).toBe('running');
    expect(started.headers.get('location')).toBe(`/api/comparisons/${started.body.id}`);
    let job = started;
    while (job.body.status === 'running')
      job = await exchange('GET', `/api/comparisons/${started.body.id}`, 200, { token: tokens().ratifier });
    expect(job.body.status).toBe('done');
    const waited = await exchange('POST', '/api/comparisons', 200, {
      token: tokens().officer,
      body: { ...request, versions: ['2010-revised', '2009-pilot'], materiality: { pounds: 10, percent: 1 }, wait: true },
    });
    expect(waited.body.status).toBe('done');
    await exchange('POST', '/api/comparisons', 404, { token: scrutiny, body: { ...request, cohortId: 'no-such-cohort' } });
    await exchange('POST', '/api/comparisons', 404, { token: scrutiny, body: { ...request, versions: ['2009-pilot', 'no-such-version'] } });
    await exchange('POST', '/api/comparisons', 422, { token: scrutiny, body: { ...request, versions: ['2009-pilot'] } });
    await exchange('POST', '/api/comparisons', 403, { token: tokens().admin, body: request });
    await exchange('GET', '/api/comparisons/no-such-comparison', 404, { token: scrutiny });
    const csv = await exchange('GET', `/api/comparisons/${started.body.id}/people.csv`, 200, { token: scrutiny });
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="?comparison-adult-ras-2009-pilot-2010-revised\.csv"?$/);
    await exchange('GET', '/api/comparisons/no-such-comparison/people.csv', 404, { token: scrutiny });
    await exchange('GET', `/api/comparisons/${waited.body.id}/people.json`, 200, { token: scrutiny });
    await exchange('GET', '/api/comparisons/no-such-comparison/people.json', 404, { token: scrutiny });
  });

  it('calibration: a result, or a result saved as a new draft', async () => {
    const scrutinyCohortId = await generatedCohort();
    const base = '/api/policies/adult-ras/versions/2009-pilot';
    const body = {
      cohortId: scrutinyCohortId,
      budgetPence: 500_000_000,
      contingencyPercent: 5,
      asOf: '2010-06-01',
      sensitivityPercents: [90, 100, 110],
    };
    await exchange('POST', `${base}/calibrate`, 200, { token: tokens().scrutiny, body });
    const saved = await exchange('POST', `${base}/calibrate`, 201, {
      token: tokens().officer,
      body: { ...body, saveAs: 'contract-calibrated' },
    });
    expect(saved.headers.get('location')).toBe('/api/policies/adult-ras/versions/contract-calibrated');
    await exchange('POST', `${base}/calibrate`, 403, { token: tokens().scrutiny, body: { ...body, saveAs: 'not-allowed' } });
    await exchange('POST', `${base}/calibrate`, 409, { token: tokens().officer, body: { ...body, saveAs: '2010-revised' } });
    await exchange('POST', `${base}/calibrate`, 404, { token: tokens().officer, body: { ...body, cohortId: 'no-such-cohort' } });
    await exchange('POST', '/api/policies/adult-ras/versions/no-such-version/calibrate', 404, { token: tokens().officer, body });
    await exchange('POST', `${base}/calibrate`, 422, { token: tokens().officer, body: { ...body, budgetPence: -1 } });
    await exchange('POST', `${base}/calibrate`, 403, { token: tokens()['api-client'], body });
    // The draft keeps its calibration, in the record, the summary list and the policy's versions.
    const draft = await exchange('GET', '/api/policies/adult-ras/versions/contract-calibrated', 200, { token: tokens().ratifier });
    expect(draft.body.calibration.targetPence).toBe(475_000_000);
    await exchange('GET', '/api/policies/adult-ras/versions', 200, { token: tokens().ratifier });
    await exchange('GET', '/api/policies/adult-ras', 200, { token: tokens().ratifier });
  });

  it('the reference cohort, and the comparison a ratification keeps', async () => {
    // Its own server: this test ratifies versions and sets the scheme's reference cohort.
    const own = await ownServer();
    const scrutinyCohortId = await generatedCohort(own);
    const exchange = (method: string, path: string, status: number, call: Call = {}) => exchangeWith(method, path, status, call, own.url);
    const scrutiny = tokens().scrutiny;
    const officer = tokens().officer;
    await exchange('PUT', '/api/policies/adult-ras/reference-cohort', 200, { token: scrutiny, body: { cohortId: scrutinyCohortId } });
    await exchange('PUT', '/api/policies/adult-ras/reference-cohort', 404, { token: scrutiny, body: { cohortId: 'no-such-cohort' } });
    await exchange('PUT', '/api/policies/no-such-policy/reference-cohort', 404, { token: scrutiny, body: { cohortId: null } });
    await exchange('PUT', '/api/policies/adult-ras/reference-cohort', 422, { token: scrutiny, body: {} });
    await exchange('PUT', '/api/policies/adult-ras/reference-cohort', 403, { token: tokens().admin, body: { cohortId: null } });
    const listed = await exchange('GET', '/api/policies', 200, { token: scrutiny });
    expect(listed.body.find((p: { id: string }) => p.id === 'adult-ras').referenceCohortId).toBe(scrutinyCohortId);
    await exchange('GET', '/api/policies/adult-ras', 200, { token: scrutiny });

    // An unchanged copy of the version in force leaves nobody worse off: no note needed, and the comparison is kept.
    const path = '/api/policies/adult-ras/versions/contract-2030';
    await exchange('POST', '/api/policies/adult-ras/versions/2010-revised/clone', 201, {
      token: officer,
      body: { version: 'contract-2030' },
    });
    await exchange('POST', `${path}/submit`, 200, { token: officer });
    // A submitted version keeps its reference cohort until it is ratified or returned.
    await exchange('PUT', '/api/policies/adult-ras/reference-cohort', 409, { token: scrutiny, body: { cohortId: null } });
    const noWaiver = { comparisonWaiver: undefined };
    const reviewed = async (version: string) => ({
      'if-match': (await exchange('GET', `/api/policies/adult-ras/versions/${version}`, 200, { token: tokens().ratifier })).headers.get(
        'etag',
      )!,
    });
    const ratified = await exchange('POST', `${path}/ratify`, 200, {
      token: tokens().ratifier,
      body: ratificationFor('2030-04-01', noWaiver),
      headers: await reviewed('contract-2030'),
    });
    expect(ratified.body.ratification.comparison).toMatchObject({ cohortId: scrutinyCohortId, against: '2010-revised', worseOff: [] });
    await exchange('GET', path, 200, { token: scrutiny });
    await exchange('GET', '/api/policies/adult-ras/in-force?asOf=2030-04-01', 200, { token: tokens()['api-client'] });

    // A cheaper copy leaves people worse off: refused without an equality impact note.
    await exchange('POST', '/api/policies/adult-ras/versions/2010-revised/clone', 201, {
      token: officer,
      body: { version: 'contract-cut' },
    });
    await editDocument(own, officer, 'adult-ras', 'contract-cut', (d) => {
      d.pricing.default.pencePerPoint = 300;
    });
    const sample = (await exchange('GET', '/api/policies/adult-ras/versions/contract-cut/examples', 200, { token: officer })).body
      .examples[0];
    const result = (
      await exchange('POST', '/api/policies/adult-ras/versions/contract-cut/evaluate', 200, { token: officer, body: sample.assessment })
    ).body;
    await replaceExamples(own, officer, 'adult-ras', 'contract-cut', [{ ...sample, expect: { weeklyPence: result.weeklyPence } }]);
    await exchange('POST', '/api/policies/adult-ras/versions/contract-cut/submit', 200, { token: officer });
    await exchange('POST', '/api/policies/adult-ras/versions/contract-cut/ratify', 422, {
      token: tokens().ratifier,
      body: ratificationFor('2031-04-01', noWaiver),
      headers: await reviewed('contract-cut'),
    });
    await exchange('POST', '/api/policies/adult-ras/versions/contract-cut/ratify', 200, {
      token: tokens().ratifier,
      body: ratificationFor('2031-04-01', { ...noWaiver, equalityImpact: 'Assessed in the contract test.' }),
      headers: await reviewed('contract-cut'),
    });
    await exchange('PUT', '/api/policies/adult-ras/reference-cohort', 200, { token: tokens().ratifier, body: { cohortId: null } });
  });

  it('accounts: one-time codes, setting and changing your own password, resets, second admins, keys for systems, sign-in limits', async () => {
    const own = await ownServer();
    const admin = own.tokens.admin;
    const person = { username: 'contract-person', displayName: 'Person', roles: ['scrutiny'] };
    await exchange('POST', '/api/users', 422, { token: admin, body: { ...person, password: 'first-long-passphrase' } }, own.url);
    const created = await exchange('POST', '/api/users', 201, { token: admin, body: person }, own.url);
    const code = created.body.oneTimeCode.code as string;
    const enrol = (body: object, status: number) => exchange('POST', '/api/auth/enrol', status, { body }, own.url);
    await enrol({ username: 'contract-person', code: 'not-the-code', password: 'first-long-passphrase' }, 403);
    await enrol({ username: 'contract-person', code, password: 'password1234' }, 422);
    await enrol({ username: 'contract-person', code }, 422);
    await enrol({ username: 'contract-person', code, password: 'first-long-passphrase' }, 204);
    await enrol({ username: 'contract-person', code, password: 'another-long-passphrase' }, 403);
    const userId = created.body.id as string;
    const reset = await exchange('POST', `/api/users/${userId}/password-reset`, 201, { token: admin }, own.url);
    expect(reset.body.oneTimeCode.code).not.toBe(code);
    // A code for your own account that you did not ask for can be turned down.
    const personSession = await login(own.url, 'contract-person', 'first-long-passphrase');
    await exchange('DELETE', '/api/auth/one-time-code', 200, { token: personSession }, own.url);
    await exchange('DELETE', '/api/auth/one-time-code', 409, { token: personSession }, own.url);
    await exchange('POST', '/api/users/no-such-user/password-reset', 404, { token: admin }, own.url);
    await exchange('POST', `/api/users/${userId}/api-keys`, 409, { token: admin, body: { label: 'a person has no keys' } }, own.url);
    // A second admin: granting officer then waits for them.
    const second = await exchange(
      'POST',
      '/api/users',
      201,
      { token: admin, body: { username: 'second-admin', displayName: 'Second', roles: ['admin'] } },
      own.url,
    );
    await enrol({ username: 'second-admin', code: second.body.oneTimeCode.code, password: 'tidal meadow lantern forty' }, 204);
    const secondToken = await login(own.url, 'second-admin', 'tidal meadow lantern forty');
    const asked = await exchange('PATCH', `/api/users/${userId}`, 202, { token: admin, body: { roles: ['scrutiny', 'officer'] } }, own.url);
    expect(asked.body).toMatchObject({
      roles: ['scrutiny'],
      pending: { kind: 'roles', roles: ['scrutiny', 'officer'], requestedBy: 'admin' },
    });
    const held = await exchange(
      'POST',
      '/api/users',
      202,
      { token: admin, body: { username: 'new-ratifier', displayName: 'New', roles: ['ratifier'] } },
      own.url,
    );
    expect(held.body).toMatchObject({
      roles: [],
      pending: { kind: 'roles', roles: ['ratifier'] },
      oneTimeCode: null,
    });
    await exchange('POST', `/api/users/${userId}/pending/approve`, 403, { token: admin }, own.url);
    await exchange('POST', `/api/users/${userId}/pending/approve`, 428, { token: secondToken }, own.url);
    const read = await exchange('GET', `/api/users/${userId}`, 200, { token: secondToken }, own.url);
    const asRead = { 'if-match': read.headers.get('etag')! };
    await exchange('POST', `/api/users/${userId}/pending/approve`, 412, { token: secondToken, headers: { 'if-match': '"1"' } }, own.url);
    // Its password was set with a code from the admin who asked: the powers come with a new one, from the one who agreed.
    const agreed = await exchange('POST', `/api/users/${userId}/pending/approve`, 200, { token: secondToken, headers: asRead }, own.url);
    await enrol({ username: 'contract-person', code: agreed.body.oneTimeCode.code, password: 'first-long-passphrase' }, 204);
    await exchange('POST', `/api/users/${userId}/pending/approve`, 409, { token: secondToken, headers: asRead }, own.url);
    await exchange('DELETE', `/api/users/${userId}/pending`, 409, { token: secondToken }, own.url);
    await exchange('POST', `/api/users/${userId}/password-reset`, 202, { token: admin }, own.url);
    await exchange('DELETE', `/api/users/${userId}/pending`, 200, { token: secondToken }, own.url);
    await exchange('POST', '/api/users/no-such-user/pending/approve', 404, { token: secondToken }, own.url);
    // A system's key waits for the second admin, who is shown it once.
    const system = await exchange(
      'POST',
      '/api/users',
      201,
      { token: admin, body: { username: 'contract-system', displayName: 'System', roles: ['api-client'] } },
      own.url,
    );
    await exchange('POST', `/api/users/${system.body.id}/api-keys`, 202, { token: admin, body: { label: 'case system' } }, own.url);
    const systemRead = await exchange('GET', `/api/users/${system.body.id}`, 200, { token: secondToken }, own.url);
    const keyed = await exchange(
      'POST',
      `/api/users/${system.body.id}/pending/approve`,
      200,
      { token: secondToken, headers: { 'if-match': systemRead.headers.get('etag')! } },
      own.url,
    );
    expect(keyed.body.apiKey).toMatchObject({ label: 'case system', key: expect.stringMatching(/^ras_/) });
    await exchange('DELETE', '/api/users/no-such-user/pending', 404, { token: secondToken }, own.url);
    const me = await exchange(
      'GET',
      '/api/auth/me',
      200,
      { token: await login(own.url, 'contract-person', 'first-long-passphrase') },
      own.url,
    );
    expect(me.body.accountHistory.map((e: { action: string }) => e.action)).toEqual([
      'user.create',
      'user.enrol',
      'user.password-reset',
      'user.code-refused',
      'user.update',
      'user.update',
      'user.password-reset',
      'user.enrol',
      'user.password-reset',
      'user.pending-cancelled',
    ]);
    const session = await login(own.url, 'contract-person', 'first-long-passphrase');
    const change = (currentPassword: string, newPassword: string, status: number) =>
      exchange('POST', '/api/auth/password', status, { token: session, body: { currentPassword, newPassword } }, own.url);
    await change('not-my-password', 'second-long-passphrase', 403);
    await change('first-long-passphrase', 'password1234', 422);
    await change('first-long-passphrase', 'second-long-passphrase', 204);
    await exchange('POST', '/api/auth/password', 422, { token: session, body: {} }, own.url);
    for (let i = 0; i < 10; i++)
      await exchange('POST', '/api/auth/login', 401, { body: { username: 'contract-person', password: `wrong guess ${i}` } }, own.url);
    const limited = await exchange(
      'POST',
      '/api/auth/login',
      429,
      { body: { username: 'contract-person', password: 'wrong again' } },
      own.url,
    );
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('signing out', async () => {
    const session = await login(server.url, 'scrutiny');
    await exchange('POST', '/api/auth/logout', 204, { token: session });
    await exchange('POST', '/api/auth/logout', 401, { token: session });
  });

  it('unknown routes are not in the contract and answer with a problem', async () => {
    const res = await request(server.url, 'GET', '/api/no-such-route');
    expect(contract.templateOf('/api/no-such-route')).toBeUndefined();
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('first-run setup of the first admin', async () => {
    const fresh = await startServer({ users: false, seed: false, setupCode: 'contract-setup-code' });
    try {
      expect((await exchange('GET', '/api/setup', 200, {}, fresh.url)).body).toEqual({ needed: true });
      await exchange(
        'POST',
        '/api/setup',
        403,
        { body: { code: 'wrong-code', username: 'first-admin', password: 'a-long-enough-password' } },
        fresh.url,
      );
      const admin = await exchange(
        'POST',
        '/api/setup',
        201,
        { body: { code: 'contract-setup-code', username: 'first-admin', password: 'a-long-enough-password' } },
        fresh.url,
      );
      expect(admin.body.roles).toEqual(['admin']);
      expect((await exchange('GET', '/api/setup', 200, {}, fresh.url)).body).toEqual({ needed: false });
    } finally {
      await fresh.close();
      fresh.remove();
    }
  });
});
