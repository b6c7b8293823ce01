/**
 * Small conveniences over the real-HTTP test server: a caller bound to one user's token, and the steps
 * of a version's lifecycle (clone, edit, submit, ratify) as the API itself performs them.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { login, request, type JsonResponse, type TestServer } from './server.js';

/** Anything that serves the API: a test server in this process, or a child process. */
export type Served = Pick<TestServer, 'url'>;

export interface Caller {
  get(path: string, headers?: Record<string, string>): Promise<JsonResponse>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<JsonResponse>;
  put(path: string, body?: unknown, headers?: Record<string, string>): Promise<JsonResponse>;
  patch(path: string, body?: unknown, headers?: Record<string, string>): Promise<JsonResponse>;
  del(path: string, headers?: Record<string, string>): Promise<JsonResponse>;
}

/** Requests to the server as one signed-in user. */
export function as(server: Served, token: string): Caller {
  return {
    get: (path, headers) => request(server.url, 'GET', path, token, undefined, headers),
    post: (path, body, headers) => request(server.url, 'POST', path, token, body ?? {}, headers),
    put: (path, body, headers) => request(server.url, 'PUT', path, token, body, headers),
    patch: (path, body, headers) => request(server.url, 'PATCH', path, token, body, headers),
    del: (path, headers) => request(server.url, 'DELETE', path, token, undefined, headers),
  };
}

/** officer2 holds both the officer and ratifier roles; the harness signs in one user per role only. */
export function signIn(server: Served, username: string): Promise<string> {
  return login(server.url, username);
}

export const versionPath = (policyId: string, version: string) => `/api/policies/${policyId}/versions/${version}`;

export const NO_REFERENCE_COHORT = 'The scheme has no reference cohort yet; the committee reviewed the worked examples instead.';

/**
 * A ratification decision as a council would minute it. The seeded schemes have no reference cohort, so
 * by default it carries the waiver a ratification without a comparison needs; pass
 * `{ comparisonWaiver: undefined }` for a scheme that has one.
 */
export function ratificationFor(
  effectiveFrom: string,
  overrides: Partial<
    Record<'body' | 'decisionDate' | 'minuteReference' | 'rationale' | 'equalityImpact' | 'comparisonWaiver', string | undefined> & {
      confirmEffectiveFrom: boolean | undefined;
    }
  > = {},
): Record<string, string | boolean> {
  const decision: Record<string, string | boolean | undefined> = {
    body: 'Adult Social Care Cabinet (test council)',
    // A decision already taken: on the effective date, or today for a version in force from a later date.
    decisionDate: overrides.decisionDate ?? (effectiveFrom < today() ? effectiveFrom : today()),
    minuteReference: `ASC/TEST/${effectiveFrom}`,
    rationale: 'Adopted for the API tests.',
    effectiveFrom,
    comparisonWaiver: NO_REFERENCE_COHORT,
    // The tests' versions are mostly in force from historical dates, which the ratifier must confirm.
    confirmEffectiveFrom: true,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(decision).filter(([, v]) => v !== undefined)) as Record<string, string | boolean>;
}

/** Today as the server's clock has it (the tests run on the real clock). */
export const today = () => new Date().toISOString().slice(0, 10);

/** Ratifies a version as its ratifier reviewed it: reads its ETag, then sends it as If-Match. */
export async function ratify(server: Served, token: string, policyId: string, version: string, decision: object): Promise<JsonResponse> {
  const caller = as(server, token);
  const reviewed = await caller.get(versionPath(policyId, version));
  return caller.post(`${versionPath(policyId, version)}/ratify`, decision, { 'if-match': reviewed.headers.get('etag') ?? '' });
}

/** Expects a 2xx answer and returns its body, with the failing answer in the message otherwise. */
export function ok(res: JsonResponse, what = 'request'): any {
  if (res.status < 200 || res.status >= 300) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Clones a version to a new draft as `token` (an officer) and returns the new record. */
export async function cloneVersion(server: Served, token: string, policyId: string, from: string, version: string): Promise<any> {
  return ok(await as(server, token).post(`${versionPath(policyId, from)}/clone`, { version }), `clone ${from} to ${version}`);
}

/** Replaces a draft's document after reading its current ETag; returns the updated record. */
export async function editDocument(
  server: Served,
  token: string,
  policyId: string,
  version: string,
  change: (document: any) => void,
): Promise<any> {
  const caller = as(server, token);
  const current = await caller.get(versionPath(policyId, version));
  ok(current, `GET ${version}`);
  const document = structuredClone(current.body.document);
  change(document);
  return ok(await caller.put(versionPath(policyId, version), document, { 'if-match': current.headers.get('etag')! }), `PUT ${version}`);
}

/** Replaces a draft's worked examples after reading the version's ETag. */
export async function replaceExamples(server: Served, token: string, policyId: string, version: string, examples: unknown[]): Promise<any> {
  const caller = as(server, token);
  const current = await caller.get(`${versionPath(policyId, version)}/examples`);
  ok(current, `GET ${version}/examples`);
  return ok(
    await caller.put(`${versionPath(policyId, version)}/examples`, { examples }, { 'if-match': current.headers.get('etag')! }),
    `PUT ${version}/examples`,
  );
}

/** Clone, submit (as officer) and ratify (as ratifier) a copy of `from` with the given effective date. */
export async function ratifyCopy(server: TestServer, policyId: string, from: string, version: string, effectiveFrom: string): Promise<any> {
  await cloneVersion(server, server.tokens.officer, policyId, from, version);
  ok(await as(server, server.tokens.officer).post(`${versionPath(policyId, version)}/submit`), `submit ${version}`);
  return ok(await ratify(server, server.tokens.ratifier, policyId, version, ratificationFor(effectiveFrom)), `ratify ${version}`);
}

/** Reads the rows of one collection file of a (stopped) server's data directory. */
export function readCollection(dataDir: string, name: string): any[] {
  return (JSON.parse(readFileSync(join(dataDir, `${name}.json`), 'utf8')) as { rows: any[] }).rows;
}

/** Rewrites the rows of one collection file of a stopped server's data directory, as a tamperer would. */
export function writeCollection(dataDir: string, name: string, rows: unknown[]): void {
  const file = join(dataDir, `${name}.json`);
  const { commit } = JSON.parse(readFileSync(file, 'utf8')) as { commit: number };
  writeFileSync(file, JSON.stringify({ commit, rows }, null, 2));
}

/**
 * Takes a version out of force as a council does: one ratifier proposes it with the reason, another
 * reads the proposal and confirms it (If-Match), with the note or waiver the change needs. Returns the
 * confirmation's answer (the withdrawn version, or the refusal).
 */
export async function withdraw(
  server: Served,
  tokens: { proposer: string; confirmer: string },
  policyId: string,
  version: string,
  reason: string,
  notes: { equalityImpact?: string; comparisonWaiver?: string } = { comparisonWaiver: NO_REFERENCE_COHORT },
): Promise<JsonResponse> {
  ok(await as(server, tokens.proposer).post(`${versionPath(policyId, version)}/withdrawal`, { reason }), `propose withdrawing ${version}`);
  const confirmer = as(server, tokens.confirmer);
  const reviewed = await confirmer.get(versionPath(policyId, version));
  return confirmer.post(`${versionPath(policyId, version)}/withdrawal/confirm`, notes, { 'if-match': reviewed.headers.get('etag') ?? '' });
}

/** The note a withdrawal that leaves nothing in force needs. */
export const NOTHING_IN_FORCE_NOTE = 'Nobody is assessed under this scheme any more; the committee accepted that none is in force.';
