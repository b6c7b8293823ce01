/**
 * A stream of generated hostile requests against a running server, aimed by its own OpenAPI document,
 * and what each answer gets wrong: a 5xx, no answer, or an answer the document does not allow (a status
 * it does not declare for the operation, or a body that does not fit the declared schema, problem
 * documents included). The hostile-input suite runs a short stream; `npm run soak:hostile` a long one.
 */

import { adult, cohortDocument } from './adult-cohort.js';
import { Contract, type OpenApiDocument } from './contract.js';
import { type HostileRequest, hostileRequest, type Ingredients, inBatches, operationsOf, seeded } from './hostile.js';
import { basePolicy } from './policy-builder.js';
import { type JsonResponse, request } from './server.js';

export interface StreamTarget {
  url: string;
  /** Bearer tokens by role. */
  tokens: Record<string, string>;
}

export interface StreamReport {
  count: number;
  failures: string[];
  /** Requests made from each operation ('post /api/policies/{id}/evaluate'), and 'random'. */
  hits: Map<string, number>;
  statuses: Map<number, number>;
  /** Milliseconds from sending each request to reading its whole answer. */
  latencies: number[];
}

/** Real things for requests to name (a cohort, a finished comparison), and valid bodies to make hostile. */
export async function streamIngredients(target: StreamTarget): Promise<{ ingredients: Ingredients; contract: Contract }> {
  const doc = (await request(target.url, 'GET', '/api/openapi.json')).body as OpenApiDocument;
  const version = await request(target.url, 'GET', '/api/policies/adult-ras/versions/2009-pilot', target.tokens.officer);
  const assessment = version.body.examples[0].assessment as Record<string, unknown>;
  const people = [
    adult('S-1', 'older-people', '75-84', { 'pc-washing': 'some-help' }),
    adult('S-2', 'learning-disability', '18-64', { 'he-physical': 'some-help' }),
  ];
  const cohort = (await request(target.url, 'POST', '/api/cohorts', target.tokens.scrutiny, cohortDocument('Stream', people))).body;
  const comparisonRequest = {
    policyId: 'adult-ras',
    versions: ['2009-pilot', '2010-revised'],
    cohortId: cohort.id,
    asOf: '2010-06-01',
    attribution: true,
    wait: true,
  };
  const comparison = (await request(target.url, 'POST', '/api/comparisons', target.tokens.scrutiny, comparisonRequest)).body;
  if (comparison.status !== 'done') throw new Error(`the stream's comparison did not finish: ${JSON.stringify(comparison)}`);
  const ratification = { body: 'Cabinet', decisionDate: '2020-03-01', minuteReference: 'M/1', rationale: 'R', effectiveFrom: '2020-04-01' };
  const ingredients: Ingredients = {
    operations: operationsOf(doc),
    realParams: {
      id: ['adult-ras', 'childrens-ras'],
      version: ['2009-pilot', '2010-revised', '2012-pilot'],
      name: ['policy.schema.json', 'assessment.schema.json'],
      cohortId: [cohort.id],
      comparisonId: [comparison.id],
    },
    validBodies: {
      'post /api/auth/login': { username: 'nobody-here', password: 'not-a-password' },
      'post /api/auth/password': { currentPassword: 'not-my-password', newPassword: 'a-new-long-passphrase' },
      'post /api/setup': { code: 'not-the-code', username: 'second', password: 'a-long-enough-password' },
      'post /api/users': { username: 'generated', displayName: 'Generated', roles: ['scrutiny'] },
      'patch /api/users/{userId}': { displayName: 'Renamed' },
      'post /api/users/{userId}/api-keys': { label: 'generated', expiresAt: '2099-01-01T00:00:00Z' },
      'post /api/policies': { document: basePolicy({ id: 'generated-ras' }) },
      'post /api/policies/{id}/versions': { ...basePolicy({ id: 'adult-ras', version: 'generated' }) },
      'put /api/policies/{id}/versions/{version}': { ...basePolicy({ id: 'adult-ras', version: '2009-pilot' }) },
      'put /api/policies/{id}/versions/{version}/examples': { examples: [{ name: 'x', assessment, expect: {} }] },
      'post /api/policies/{id}/versions/{version}/clone': { version: 'generated-clone' },
      'post /api/policies/{id}/versions/{version}/ratify': ratification,
      'post /api/policies/{id}/versions/{version}/withdraw': { reason: 'generated' },
      'post /api/policies/{id}/evaluate': assessment,
      'post /api/policies/{id}/versions/{version}/evaluate': assessment,
      'post /api/policies/{id}/evaluate-batch': { assessments: [assessment, assessment] },
      'post /api/policies/{id}/versions/{version}/evaluate-batch': { assessments: [assessment] },
      'post /api/decisions': { policyId: 'adult-ras', assessment },
      'put /api/decisions/{decisionId}/final-budget': { weeklyPence: 1000, reason: 'generated' },
      'post /api/cohorts': cohortDocument('Generated', people),
      'post /api/cohorts/generate': { policyId: 'adult-ras', version: '2009-pilot', name: 'Generated', size: 20, seed: 1 },
      'put /api/policies/{id}/reference-cohort': { cohortId: cohort.id },
      'post /api/comparisons': comparisonRequest,
      'post /api/policies/{id}/versions/{version}/calibrate': {
        cohortId: cohort.id,
        budgetPence: 100_000_000,
        contingencyPercent: 5,
        asOf: '2010-06-01',
        sensitivityPercents: [90, 110],
      },
    },
    credentials: Object.fromEntries(Object.entries(target.tokens).map(([role, token]) => [role, [{ authorization: `Bearer ${token}` }]])),
  };
  return { ingredients, contract: new Contract(doc) };
}

/** Sends `count` requests from a seed, `concurrency` at a time, and checks every answer. */
export async function hostileStream(
  target: StreamTarget,
  setup: { ingredients: Ingredients; contract: Contract },
  options: { seed: number; count: number; concurrency?: number },
): Promise<StreamReport> {
  const rand = seeded(options.seed);
  const requests = Array.from({ length: options.count }, () => hostileRequest(rand, setup.ingredients));
  const report: StreamReport = { count: options.count, failures: [], hits: new Map(), statuses: new Map(), latencies: [] };
  await inBatches(requests, options.concurrency ?? 20, async (req: HostileRequest) => {
    report.hits.set(req.template, (report.hits.get(req.template) ?? 0) + 1);
    const started = performance.now();
    const answer = await misbehaviour(target.url, setup.contract, req);
    report.latencies.push(performance.now() - started);
    report.statuses.set(answer.status, (report.statuses.get(answer.status) ?? 0) + 1);
    if (answer.wrong) report.failures.push(answer.wrong);
  });
  return report;
}

const JSON_POINTER = /^(\/([^~/]|~[01])*)*$/;

/** The server's answer to one request, and what is wrong with it (if anything). */
async function misbehaviour(url: string, contract: Contract, req: HostileRequest): Promise<{ status: number; wrong?: string }> {
  const label = `${req.method} ${req.path.slice(0, 120)} [${req.template}]`;
  let res: Response;
  let text: string;
  try {
    res = await fetch(url + req.path, { method: req.method, headers: req.headers, body: req.body as RequestInit['body'] });
    text = await res.text();
  } catch (e) {
    return { status: 0, wrong: `${label}: no answer (${String(e)})` };
  }
  const status = res.status;
  if (status >= 500) return { status, wrong: `${label}: ${status} ${text.slice(0, 200)}` };
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    if (status >= 400) return { status, wrong: `${label}: ${status} with a body that is not JSON: ${text.slice(0, 100)}` };
  }
  if (status >= 400 && !/^application\/problem\+json/.test(res.headers.get('content-type') ?? ''))
    return { status, wrong: `${label}: ${status} with Content-Type ${res.headers.get('content-type')}` };
  // A documented operation answers only as its document says; anything else is a problem document. The
  // operation is the one the path names as sent: a client resolves dot segments ('..', '%2e%2e') first.
  const sent = new URL(url + req.path);
  const path = sent.pathname + sent.search;
  const documented = contract.templateOf(path) && contract.operation(req.method, contract.templateOf(path)!);
  const faults = documented
    ? contract.check(req.method, path, { status, headers: res.headers, body } as JsonResponse)
    : problemFaults(status, body);
  return faults.length === 0 ? { status } : { status, wrong: `${label}: ${faults.slice(0, 3).join('; ')}` };
}

function problemFaults(status: number, body: unknown): string[] {
  if (status < 400) return [];
  const problem = body as Record<string, unknown> | null;
  const fits =
    typeof problem?.type === 'string' &&
    typeof problem.title === 'string' &&
    problem.status === status &&
    typeof problem.detail === 'string' &&
    (problem.errors === undefined ||
      (Array.isArray(problem.errors) &&
        problem.errors.every((e: { pointer?: unknown }) => typeof e.pointer === 'string' && JSON_POINTER.test(e.pointer))));
  return fits ? [] : [`${status} problem document does not fit RFC 9457: ${JSON.stringify(body).slice(0, 200)}`];
}
