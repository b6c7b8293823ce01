/**
 * The console's one data layer over the RAS API: a provider per resource, combined as react-admin's
 * combineDataProviders does, with the API's own operations (evaluate, compare, transitions, worked
 * examples, API keys, the audit check, the published RAS) as custom methods beside them. Components
 * reach the server through useDataProvider() (or the authProvider, to sign in), never with fetch.
 *
 * Every list is sorted, searched, filtered and paged by the server: react-admin's list parameters go
 * into the query (sort, order, q, the list's filters, offset, limit), and the server counts the matches
 * (X-Total-Count). Nothing is sorted or paged in the browser. A version's id is "<policyId>:<version>".
 */

import {
  combineDataProviders,
  type CreateParams,
  type DataProvider,
  type DeleteParams,
  type GetListParams,
  type GetListResult,
  type RaRecord,
  type UpdateParams,
} from 'react-admin';
import type { WorkedExample } from '../../engine/worked-example';
import type { EvaluationResult } from '../../engine/evaluate';
import type { Assessment } from '../../engine/assessment';
import type { CohortRecord, ComparisonJob } from './comparisonAnswers';
import type { PublishedPolicy, PublishedVersion, TransparencyRecord } from './published/publishedApi';
import { api, apiFile } from './http';
import type {
  AuditAction,
  AuditEntry,
  ExamplesReport,
  IntegrityReport,
  SignedCheckpoint,
  PolicyListItem,
  VersionSummary,
  WorkedExamples,
} from './contract/api-answers';
import type { ApprovedKey, CreatedUser, MyAccount, OneTimeCode, UserView } from './users/types';

export const versionId = (policyId: string, version: string) => `${policyId}:${version}`;
export const splitVersionId = (id: string) => {
  const at = String(id).indexOf(':');
  return { policyId: String(id).slice(0, at), version: String(id).slice(at + 1) };
};
export const versionPath = (id: string) => {
  const { policyId, version } = splitVersionId(id);
  return `/api/policies/${encodeURIComponent(policyId)}/versions/${encodeURIComponent(version)}`;
};
const segment = (id: RaRecord['id']) => encodeURIComponent(String(id));

// ---------------------------------------------------------------------------------------------
// The resources

/** What a resource supports; anything else is refused with a sentence, not a crash. */
type ResourceProvider = Partial<DataProvider>;

/** How a list the server sorts is asked for: the filters it takes, and the field that stands for react-admin's 'id'. */
export interface ServerList {
  path: string;
  /** The filters the server takes, by their names in react-admin and in the query. */
  filters: readonly string[];
  /** What to sort by when react-admin asks for 'id' (its default), which the server may not sort by. */
  idField: string;
}

/** The lists the server sorts, searches, filters and pages (server/routes/list-specs.ts). */
export const SERVER_LISTS = {
  policies: { path: '/api/policies', filters: ['q'], idField: 'id' },
  versions: { path: '/api/versions', filters: ['q', 'policyId', 'status'], idField: 'policyId' },
  users: { path: '/api/users', filters: ['q', 'role', 'disabled'], idField: 'username' },
  cohorts: { path: '/api/cohorts', filters: ['q', 'policyId', 'source'], idField: 'createdAt' },
} as const satisfies Record<string, ServerList>;

/** The query a getList sends: the list's filters that are set, sort and order, and the page as offset and limit. */
export function listQuery(list: ServerList, params: GetListParams): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of list.filters) {
    const value = params.filter?.[name];
    if (value !== undefined && value !== null && String(value).trim() !== '') query.set(name, String(value).trim());
  }
  if (params.sort?.field) {
    query.set('sort', params.sort.field === 'id' ? list.idField : params.sort.field);
    query.set('order', params.sort.order === 'DESC' ? 'desc' : 'asc');
  }
  return withPage(query, params);
}

function withPage(query: URLSearchParams, params: GetListParams): URLSearchParams {
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  query.set('offset', String((page - 1) * perPage));
  query.set('limit', String(perPage));
  return query;
}

/** One page of a list, and how many match in all (X-Total-Count). */
async function fetchPage(path: string, query: URLSearchParams): Promise<GetListResult> {
  const res = await api<RaRecord[]>(`${path}?${query}`);
  return { data: res.body, total: Number(res.headers.get('X-Total-Count') ?? res.body.length) };
}

/** A list the server sorts, filters and pages; `toRecord` gives each row the id the console knows it by. */
function serverList(list: ServerList, toRecord: (row: RaRecord) => RaRecord = (row) => row): ResourceProvider {
  const getList = async (params: GetListParams) => {
    const page = await fetchPage(list.path, listQuery(list, params));
    return { ...page, data: page.data.map(toRecord) };
  };
  return {
    getList: (async (_resource: string, params: GetListParams) => getList(params)) as DataProvider['getList'],
    getManyReference: (async (_resource: string, params: GetListParams & { target: string; id: RaRecord['id'] }) =>
      getList({ ...params, filter: { ...params.filter, [params.target]: params.id } })) as DataProvider['getManyReference'],
  };
}

/** A list the server pages in its own order (newest first, or the audit log's order): filters and page only. */
async function serverPage(path: string, query: Record<string, string | undefined>, params: GetListParams): Promise<GetListResult> {
  const search = new URLSearchParams(
    Object.entries(query)
      .map(([name, value]) => [name, value?.trim()] as const)
      .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
  return fetchPage(path, withPage(search, params));
}

const policies: ResourceProvider = {
  ...serverList(SERVER_LISTS.policies),
  getOne: (async (_r: string, { id }: { id: RaRecord['id'] }) => ({
    data: (await api<RaRecord>(`/api/policies/${segment(id)}`)).body,
  })) as DataProvider['getOne'],
};

const versions: ResourceProvider = {
  ...serverList(SERVER_LISTS.versions, (v) => ({ ...v, id: versionId(v.policyId, v.version) })),
  getOne: (async (_r: string, { id }: { id: RaRecord['id'] }) => {
    const res = await api<RaRecord>(versionPath(String(id)));
    return { data: { ...res.body, id, etag: res.headers.get('ETag') } };
  }) as DataProvider['getOne'],
  // A new version is always a clone of an existing one: policy documents are never typed from nothing.
  create: (async (_r: string, { data }: CreateParams) => {
    const { policyId, source, version, title, description } = data as {
      policyId: string;
      source: string;
      version: string;
      title?: string;
      description?: string;
    };
    const res = await api<RaRecord>(`${versionPath(versionId(policyId, source))}/clone`, {
      method: 'POST',
      body: { version, ...(title ? { title } : {}), ...(description ? { description } : {}) },
    });
    return { data: { ...res.body, id: versionId(res.body.policyId, res.body.version), etag: res.headers.get('ETag') } };
  }) as DataProvider['create'],
  update: (async (_r: string, { id, data, previousData }: UpdateParams) => {
    const res = await api<RaRecord>(versionPath(String(id)), {
      method: 'PUT',
      body: (data as RaRecord).document,
      headers: { 'If-Match': previousData.etag },
    });
    return { data: { ...res.body, id, etag: res.headers.get('ETag') } };
  }) as DataProvider['update'],
  delete: (async (_r: string, { id, previousData }: DeleteParams) => {
    await api(versionPath(String(id)), { method: 'DELETE' });
    return { data: previousData ?? { id } };
  }) as DataProvider['delete'],
};

const users: ResourceProvider = {
  ...serverList(SERVER_LISTS.users),
  // With its ETag: a second admin agrees to a waiting change as they read it (If-Match).
  getOne: (async (_r: string, { id }: { id: RaRecord['id'] }) => {
    const res = await api<RaRecord>(`/api/users/${segment(id)}`);
    return { data: { ...res.body, etag: res.headers.get('ETag') } };
  }) as DataProvider['getOne'],
  // A person's account comes with a one-time code, shown once in this answer; 202 when roles wait for a second admin.
  create: (async (_r: string, { data }: CreateParams) => {
    const { username, displayName, roles } = data as RaRecord;
    const res = await api<CreatedUser>('/api/users', { method: 'POST', body: { username, displayName, roles } });
    return { data: { ...res.body, held: res.status === 202, etag: res.headers.get('ETag') } };
  }) as DataProvider['create'],
  // No password here: a person sets their own with a one-time code. 202 when a role waits for a second admin.
  update: (async (_r: string, { id, data }: UpdateParams) => {
    const { displayName, roles, disabled } = data as RaRecord;
    const res = await api<UserView>(`/api/users/${segment(id)}`, { method: 'PATCH', body: { displayName, roles, disabled } });
    return { data: { ...res.body, held: res.status === 202, etag: res.headers.get('ETag') } };
  }) as DataProvider['update'],
};

const cohorts: ResourceProvider = {
  ...serverList(SERVER_LISTS.cohorts),
  getOne: (async (_r: string, { id }: { id: RaRecord['id'] }) => ({
    data: (await api<RaRecord>(`/api/cohorts/${segment(id)}`)).body,
  })) as DataProvider['getOne'],
  create: (async (_r: string, { data }: CreateParams) => ({
    data: (await api<RaRecord>('/api/cohorts/generate', { method: 'POST', body: data })).body,
  })) as DataProvider['create'],
  delete: (async (_r: string, { id, previousData }: DeleteParams) => {
    await api(`/api/cohorts/${segment(id)}`, { method: 'DELETE' });
    return { data: previousData ?? { id } };
  }) as DataProvider['delete'],
};

/** The log, newest first unless sorted otherwise; searched (q) and filtered on the server. */
const audit: ResourceProvider = {
  getList: (async (_r: string, params: GetListParams) => {
    const { q, action, actor, target } = (params.filter ?? {}) as Record<string, string | undefined>;
    const order = params.sort?.order === 'ASC' ? 'asc' : 'desc';
    const page = await serverPage('/api/audit', { q, action, actor, target, order }, params);
    return { ...page, data: page.data.map((e) => ({ ...e, id: e.seq })) };
  }) as DataProvider['getList'],
};

const decisions: ResourceProvider = {
  getList: (async (_r: string, params: GetListParams) =>
    serverPage(
      '/api/decisions',
      { policyId: params.filter?.policyId, reference: params.filter?.reference },
      params,
    )) as DataProvider['getList'],
  getOne: (async (_r: string, { id }: { id: RaRecord['id'] }) => ({
    data: (await api<RaRecord>(`/api/decisions/${segment(id)}`)).body,
  })) as DataProvider['getOne'],
};

const RESOURCES: Record<string, ResourceProvider> = { policies, versions, users, cohorts, audit, decisions };

/** The resource's provider, with every method it lacks refusing in words. */
function providerFor(resource: string): DataProvider {
  const own = RESOURCES[resource];
  if (!own) throw new Error(`The console has no list of ${resource}.`);
  const refuse = (what: string) => async () => {
    throw new Error(`${resource}: ${what} is not something the console does.`);
  };
  return {
    getList: refuse('listing'),
    getOne: refuse('reading one'),
    getMany: (async (r: string, { ids }: { ids: RaRecord['id'][] }) => {
      if (!own.getOne) throw new Error(`${resource}: reading one is not something the console does.`);
      return { data: await Promise.all(ids.map(async (id) => (await own.getOne!(r, { id })).data)) };
    }) as DataProvider['getMany'],
    getManyReference: refuse('listing by reference'),
    create: refuse('creating'),
    update: refuse('changing'),
    updateMany: refuse('changing several at once'),
    delete: refuse('deleting'),
    deleteMany: (async (r: string, { ids }: { ids: RaRecord['id'][] }) => {
      if (!own.delete) throw new Error(`${resource}: deleting is not something the console does.`);
      for (const id of ids) await own.delete(r, { id, previousData: { id } });
      return { data: ids };
    }) as DataProvider['deleteMany'],
    ...own,
  } as DataProvider;
}

// ---------------------------------------------------------------------------------------------
// The API's own operations

// The API's answers as its OpenAPI components state them (generated: npm run contracts); an
// ExamplesReport is what running a version's worked examples reports (POST …/examples/run).
export type { AuditEntry, ExamplesReport, IntegrityReport, VersionSummary } from './contract/api-answers';
/** A scheme as GET /api/policies lists it. */
export type PolicySummary = PolicyListItem;

export type Transition = 'submit' | 'return-to-draft' | 'ratify';

/** What the second ratifier adds when confirming a withdrawal, as the case needs. */
export interface WithdrawalNotes {
  equalityImpact?: string;
  comparisonWaiver?: string;
}

/** The API's own operations, beside react-admin's standard methods. */
export interface RasOperations {
  /** Schemes, and a scheme's versions, in the server's order (for pickers outside react-admin's lists). */
  policyList(): Promise<PolicySummary[]>;
  versionList(policyId: string): Promise<VersionSummary[]>;
  /**
   * The indicative budget for an assessment under one version (POST …/evaluate). The assessment is sent as
   * typed, to be checked by the server: a 422 lists its problems.
   */
  evaluate(id: string, assessment: Assessment | Record<string, unknown>, signal?: AbortSignal): Promise<EvaluationResult>;
  /** A version moved on in its life (submit, return, ratify), with If-Match where the server asks for it. */
  transition(id: string, transition: Transition, body?: unknown, etag?: string): Promise<void>;
  /** Proposes taking a ratified version out of force: another ratifier must confirm it. */
  proposeWithdrawal(id: string, reason: string): Promise<void>;
  /** Confirms another ratifier's proposal, as reviewed (the version's ETag as read, sent as If-Match). */
  confirmWithdrawal(id: string, notes: WithdrawalNotes, etag: string): Promise<void>;
  /** Cancels a proposal to withdraw a version. */
  cancelWithdrawal(id: string): Promise<void>;
  /** Who did what to a version and when, from the audit log. */
  versionHistory(id: string): Promise<AuditEntry[]>;
  runExamples(id: string): Promise<ExamplesReport>;
  saveExamples(id: string, examples: WorkedExample[], reason: string, etag: string): Promise<{ examples: WorkedExample[]; etag: string }>;
  /** Starts a comparison over a stored cohort (POST /api/comparisons); poll it with comparison(). */
  startComparison(body: Record<string, unknown>): Promise<ComparisonJob>;
  comparison(jobId: string): Promise<ComparisonJob>;
  /** Compares versions over a stored cohort and waits for the result. */
  compare(body: { policyId: string; versions: string[]; cohortId: string; asOf?: string }): Promise<ComparisonJob>;
  /** A comparison's people, one row each, as a CSV file. */
  comparisonCsv(job: ComparisonJob): Promise<{ blob: Blob; fileName: string | null }>;
  /** A cohort uploaded as CSV, checked row by row. */
  importCohortCsv(csv: string, name: string, policyId: string): Promise<CohortRecord>;
  /** The letter to the person about a decision, as a printable page or a PDF. */
  letter(decisionId: string, format: 'html' | 'pdf'): Promise<Blob>;
  /** The whole record checked from disk. */
  /** The whole record checked; against the checkpoint lines in `kept` (minutes pasted whole), when given. */
  verifyAudit(kept?: string): Promise<IntegrityReport>;
  /** The record as it stands, signed with the audit key: the line for the minutes. */
  auditCheckpoint(): Promise<SignedCheckpoint>;
  /** Each action the log records, with its words. */
  auditActions(): Promise<AuditAction[]>;
  /** A system's account's API key, shown once in the answer (people have none). */
  /** A system's key, shown once; `held` (and no key) when it waits for a second administrator. */
  issueApiKey(
    userId: string,
    label: string,
    expiresAt?: string,
  ): Promise<{ key: { id: string; label: string; key: string } | null; held: boolean }>;
  revokeApiKey(userId: string, keyId: string): Promise<void>;
  /**
   * A new one-time code for a person to set their own password with (shown once); `held` when it waits for
   * a second admin, and then no code.
   */
  newSignInCode(userId: string): Promise<{ user: UserView; oneTimeCode: OneTimeCode | null; held: boolean }>;
  /**
   * Agrees, as the second admin, to the change waiting on an account as read (its ETag, sent as If-Match);
   * a password reset's code is shown once.
   */
  approvePending(
    userId: string,
    etag: string | null | undefined,
  ): Promise<{ user: UserView; oneTimeCode: OneTimeCode | null; apiKey: ApprovedKey | null }>;
  /** Refuses, or withdraws, the change waiting on an account. */
  refusePending(userId: string): Promise<UserView>;
  /** The signed-in person's own account, with everything done to it and by whom. */
  myAccount(): Promise<MyAccount>;
  /** Turns down a one-time code given for your own account that you did not ask for. */
  refuseOwnCode(): Promise<void>;
  /** Changes the signed-in person's own password (their other sessions end). */
  changeOwnPassword(currentPassword: string, newPassword: string): Promise<void>;
  /** The published RAS, which anyone may read. */
  publishedSchemes(): Promise<PublishedPolicy[]>;
  publishedVersion(policyId: string, version: string): Promise<PublishedVersion>;
  transparencyRecord(policyId: string, version: string): Promise<TransparencyRecord>;
  /** Chooses the cohort a scheme's changes are compared over before ratifying (null: none); the scheme as it then is. */
  setReferenceCohort(policyId: string, cohortId: string | null): Promise<PolicySummary>;
}

const published = (policyId: string, version: string) => `/api/public/policies/${segment(policyId)}/versions/${segment(version)}`;

export type RasDataProvider = DataProvider & RasOperations;

const operations: RasOperations = {
  async policyList() {
    return (await api<PolicySummary[]>('/api/policies')).body;
  },
  async versionList(policyId) {
    return (await api<VersionSummary[]>(`/api/policies/${segment(policyId)}/versions`)).body;
  },
  async evaluate(id, assessment, signal) {
    return (await api<EvaluationResult>(`${versionPath(id)}/evaluate`, { method: 'POST', body: assessment, signal })).body;
  },
  async transition(id, transition, body, etag) {
    await api(`${versionPath(id)}/${transition}`, { method: 'POST', body: body ?? {}, headers: etag ? { 'If-Match': etag } : {} });
  },
  async proposeWithdrawal(id, reason) {
    await api(`${versionPath(id)}/withdrawal`, { method: 'POST', body: { reason } });
  },
  async confirmWithdrawal(id, notes, etag) {
    await api(`${versionPath(id)}/withdrawal/confirm`, { method: 'POST', body: notes, headers: { 'If-Match': etag } });
  },
  async cancelWithdrawal(id) {
    await api(`${versionPath(id)}/withdrawal`, { method: 'DELETE' });
  },
  async versionHistory(id) {
    return (await api<AuditEntry[]>(`${versionPath(id)}/audit`)).body;
  },
  async runExamples(id) {
    return (await api<ExamplesReport>(`${versionPath(id)}/examples/run`, { method: 'POST', body: {} })).body;
  },
  async saveExamples(id, examples, reason, etag) {
    const res = await api<WorkedExamples>(`${versionPath(id)}/examples`, {
      method: 'PUT',
      body: { examples, reason },
      headers: { 'If-Match': etag },
    });
    return { examples: res.body.examples, etag: res.headers.get('ETag') ?? '' };
  },
  async startComparison(body) {
    return (await api<ComparisonJob>('/api/comparisons', { method: 'POST', body })).body;
  },
  async comparison(jobId) {
    return (await api<ComparisonJob>(`/api/comparisons/${segment(jobId)}`)).body;
  },
  async compare(body) {
    return (await api<ComparisonJob>('/api/comparisons', { method: 'POST', body: { ...body, wait: true } })).body;
  },
  comparisonCsv(job) {
    return apiFile(job.links.csv);
  },
  async importCohortCsv(csv, name, policyId) {
    const query = new URLSearchParams({ name, policyId });
    return (await api<CohortRecord>(`/api/cohorts?${query}`, { method: 'POST', body: csv, headers: { 'Content-Type': 'text/csv' } })).body;
  },
  async letter(decisionId, format) {
    return (await apiFile(`/api/decisions/${segment(decisionId)}/letter${format === 'pdf' ? '.pdf' : ''}`)).blob;
  },
  async verifyAudit(kept) {
    return kept?.trim()
      ? (await api<IntegrityReport>('/api/audit/verify', { method: 'POST', body: { text: kept } })).body
      : (await api<IntegrityReport>('/api/audit/verify')).body;
  },
  async auditCheckpoint() {
    return (await api<SignedCheckpoint>('/api/audit/checkpoint')).body;
  },
  async auditActions() {
    return (await api<AuditAction[]>('/api/audit/actions')).body;
  },
  async issueApiKey(userId, label, expiresAt) {
    const res = await api<{ id: string; label: string; key: string }>(`/api/users/${segment(userId)}/api-keys`, {
      method: 'POST',
      body: { label, ...(expiresAt ? { expiresAt } : {}) },
    });
    return res.status === 202 ? { key: null, held: true } : { key: res.body, held: false };
  },
  async revokeApiKey(userId, keyId) {
    await api(`/api/users/${segment(userId)}/api-keys/${segment(keyId)}`, { method: 'DELETE' });
  },
  async newSignInCode(userId) {
    const res = await api<CreatedUser>(`/api/users/${segment(userId)}/password-reset`, { method: 'POST', body: {} });
    const { oneTimeCode, ...user } = res.body;
    return { user, oneTimeCode, held: res.status === 202 };
  },
  async approvePending(userId, etag) {
    const res = await api<UserView & { oneTimeCode?: OneTimeCode | null; apiKey?: ApprovedKey | null }>(
      `/api/users/${segment(userId)}/pending/approve`,
      {
        method: 'POST',
        body: {},
        headers: etag ? { 'If-Match': etag } : {},
      },
    );
    const { oneTimeCode = null, apiKey = null, ...user } = res.body;
    return { user: { ...user, etag: res.headers.get('ETag') }, oneTimeCode, apiKey };
  },
  async refusePending(userId) {
    return (await api<UserView>(`/api/users/${segment(userId)}/pending`, { method: 'DELETE' })).body;
  },
  async refuseOwnCode() {
    await api('/api/auth/one-time-code', { method: 'DELETE' });
  },
  async myAccount() {
    return (await api<MyAccount>('/api/auth/me')).body;
  },
  async changeOwnPassword(currentPassword, newPassword) {
    await api('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
  },
  async publishedSchemes() {
    return (await api<PublishedPolicy[]>('/api/public/policies')).body;
  },
  async publishedVersion(policyId, version) {
    return (await api<PublishedVersion>(published(policyId, version))).body;
  },
  async transparencyRecord(policyId, version) {
    return (await api<TransparencyRecord>(`${published(policyId, version)}/transparency-record`)).body;
  },
  async setReferenceCohort(policyId, cohortId) {
    return (await api<PolicySummary>(`/api/policies/${segment(policyId)}/reference-cohort`, { method: 'PUT', body: { cohortId } })).body;
  },
};

const byResource = combineDataProviders(providerFor);
const STANDARD = ['getList', 'getOne', 'getMany', 'getManyReference', 'create', 'update', 'updateMany', 'delete', 'deleteMany'] as const;

export const dataProvider: RasDataProvider = {
  ...(Object.fromEntries(STANDARD.map((method) => [method, byResource[method]])) as unknown as DataProvider),
  ...operations,
};
