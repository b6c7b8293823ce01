/**
 * react-admin's data provider over the RAS API. Lists are small (policies, versions, users), so they
 * are fetched whole and sorted, filtered and paged here. A version's id is "<policyId>:<version>".
 */

import type { WorkedExample, WorkedExampleOutcome } from '../../engine/worked-example';
import type {
  CreateResult,
  DataProvider,
  DeleteResult,
  GetListParams,
  GetListResult,
  GetManyReferenceResult,
  GetManyResult,
  GetOneResult,
  RaRecord,
  UpdateResult,
} from 'react-admin';
import { api, apiBlob } from './http';

export const versionId = (policyId: string, version: string) => `${policyId}:${version}`;
export const splitVersionId = (id: string) => {
  const at = String(id).indexOf(':');
  return { policyId: String(id).slice(0, at), version: String(id).slice(at + 1) };
};
export const versionPath = (id: string) => {
  const { policyId, version } = splitVersionId(id);
  return `/api/policies/${encodeURIComponent(policyId)}/versions/${encodeURIComponent(version)}`;
};

type Loader = (params: GetListParams) => Promise<RaRecord[]>;

const lists: Record<string, Loader> = {
  policies: async () => (await api<RaRecord[]>('/api/policies')).body,
  versions: async ({ filter }) => {
    const policyIds: string[] = filter?.policyId ? [filter.policyId] : (await api<RaRecord[]>('/api/policies')).body.map((p) => p.id);
    const all = await Promise.all(
      policyIds.map(async (id) => (await api<RaRecord[]>(`/api/policies/${encodeURIComponent(id)}/versions`)).body),
    );
    return all.flat().map((v) => ({ ...v, id: versionId(v.policyId, v.version) }));
  },
  users: async () => (await api<RaRecord[]>('/api/users')).body,
  audit: async ({ filter }) => {
    const query = new URLSearchParams(
      Object.entries(filter ?? {})
        .filter(([k, v]) => ['target', 'actor', 'action'].includes(k) && v)
        .map(([k, v]) => [k, String(v)]),
    );
    return (await api<RaRecord[]>(`/api/audit?${query}`)).body.map((e) => ({ ...e, id: e.seq })).reverse();
  },
  cohorts: async () => (await api<RaRecord[]>('/api/cohorts')).body,
  decisions: async () => (await api<RaRecord[]>('/api/decisions')).body,
};

function page(records: RaRecord[], params: GetListParams) {
  const { field, order } = params.sort ?? { field: 'id', order: 'ASC' };
  const q = String(params.filter?.q ?? '').toLowerCase();
  const filtered = records
    .filter((r) => !q || JSON.stringify(r).toLowerCase().includes(q))
    .filter((r) =>
      Object.entries(params.filter ?? {}).every(
        ([k, v]) => k === 'q' || k === 'policyId' || ['target', 'actor', 'action'].includes(k) || v === undefined || r[k] === v,
      ),
    );
  const sorted = [...filtered].sort((a, b) => {
    const x = a[field];
    const y = b[field];
    return (
      (x === y ? 0 : x === undefined || x === null ? 1 : y === undefined || y === null ? -1 : x < y ? -1 : 1) * (order === 'DESC' ? -1 : 1)
    );
  });
  const { page: p = 1, perPage = 25 } = params.pagination ?? {};
  return { data: sorted.slice((p - 1) * perPage, p * perPage), total: sorted.length };
}

async function getOne(resource: string, id: string): Promise<RaRecord> {
  switch (resource) {
    case 'versions': {
      const res = await api<RaRecord>(versionPath(id));
      return { ...res.body, id, etag: res.headers.get('ETag') };
    }
    case 'policies':
      return (await api<RaRecord>(`/api/policies/${encodeURIComponent(id)}`)).body;
    case 'cohorts':
      return (await api<RaRecord>(`/api/cohorts/${encodeURIComponent(id)}`)).body;
    case 'users':
      return (await api<RaRecord>(`/api/users/${encodeURIComponent(id)}`)).body;
    case 'decisions':
      return (await api<RaRecord>(`/api/decisions/${encodeURIComponent(id)}`)).body;
    default: {
      const { data } = page(
        await lists[resource]!({ pagination: { page: 1, perPage: 1e6 }, sort: { field: 'id', order: 'ASC' }, filter: {} }),
        { pagination: { page: 1, perPage: 1e6 }, sort: { field: 'id', order: 'ASC' }, filter: {} },
      );
      const found = data.find((r) => String(r.id) === String(id));
      if (!found) throw new Error(`${resource} ${id} not found`);
      return found;
    }
  }
}

/** What running a version's worked examples reports (POST …/examples/run). */
export interface ExamplesReport {
  passed: boolean;
  examples: WorkedExampleOutcome[];
}

/** A DataProvider with the version's worked examples as custom methods: run them, and replace them (If-Match). */
export interface RasDataProvider extends DataProvider {
  /** The letter to the person about a decision, as a printable page or a PDF. */
  letter(decisionId: string, format: 'html' | 'pdf'): Promise<Blob>;
  /** Compares versions over a stored cohort and waits for the result (POST /api/comparisons, wait). */
  compare(body: { policyId: string; versions: string[]; cohortId: string; asOf?: string }): Promise<ComparisonJob>;
  runExamples(id: string): Promise<ExamplesReport>;
  saveExamples(id: string, examples: WorkedExample[], reason: string, etag: string): Promise<{ examples: WorkedExample[]; etag: string }>;
}

/** A finished comparison job, as much of it as the console reads. */
export interface ComparisonJob {
  status: 'running' | 'done' | 'failed';
  error?: string;
  result?: {
    evaluated: number;
    withoutAmount: number;
    pairs: Array<{
      base: string;
      candidate: string;
      overall: PairStats;
      byClientGroup: Record<string, PairStats>;
      policyChanges: Array<{ area: string; path: string; description: string }>;
    }>;
  };
}

export interface PairStats {
  people: number;
  gainers: number;
  losers: number;
  unchanged: number;
  totalChangePence: number;
}

export const dataProvider: RasDataProvider = {
  letter(decisionId, format) {
    return apiBlob(`/api/decisions/${encodeURIComponent(decisionId)}/letter${format === 'pdf' ? '.pdf' : ''}`);
  },
  async compare(body) {
    return (await api<ComparisonJob>('/api/comparisons', { method: 'POST', body: { ...body, wait: true } })).body;
  },
  async runExamples(id) {
    return (await api<ExamplesReport>(`${versionPath(id)}/examples/run`, { method: 'POST', body: {} })).body;
  },
  async saveExamples(id, examples, reason, etag) {
    const res = await api<{ examples: WorkedExample[] }>(`${versionPath(id)}/examples`, {
      method: 'PUT',
      body: { examples, reason },
      headers: { 'If-Match': etag },
    });
    return { examples: res.body.examples, etag: res.headers.get('ETag') ?? '' };
  },
  async getList<R extends RaRecord>(resource: string, params: GetListParams) {
    const load = lists[resource];
    if (!load) throw new Error(`Unknown resource ${resource}`);
    return page(await load(params), params) as GetListResult<R>;
  },
  getOne: async <R extends RaRecord>(resource: string, params: { id: RaRecord['id'] }) =>
    ({ data: await getOne(resource, String(params.id)) }) as GetOneResult<R>,
  getMany: async <R extends RaRecord>(resource: string, params: { ids: RaRecord['id'][] }) =>
    ({ data: await Promise.all(params.ids.map((id) => getOne(resource, String(id)))) }) as GetManyResult<R>,
  async getManyReference(resource, params) {
    return page(
      await lists[resource]!({ ...params, filter: { ...params.filter, [params.target]: params.id } }),
      params,
    ) as GetManyReferenceResult;
  },
  async create<R extends RaRecord>(resource: string, params: { data: Partial<R> }): Promise<CreateResult<R>> {
    switch (resource) {
      case 'versions': {
        // A new version is always a clone of an existing one: policy documents are never typed from nothing.
        const { policyId, source, version, title, description } = params.data as unknown as {
          policyId: string;
          source: string;
          version: string;
          title?: string;
          description?: string;
        };
        const res = await api<RaRecord>(`/api/policies/${encodeURIComponent(policyId)}/versions/${encodeURIComponent(source)}/clone`, {
          method: 'POST',
          body: { version, ...(title ? { title } : {}), ...(description ? { description } : {}) },
        });
        return { data: { ...res.body, id: versionId(res.body.policyId, res.body.version), etag: res.headers.get('ETag') } as unknown as R };
      }
      case 'users':
        return { data: (await api<R>('/api/users', { method: 'POST', body: params.data })).body };
      case 'cohorts':
        return { data: (await api<R>('/api/cohorts/generate', { method: 'POST', body: params.data })).body };
      default:
        throw new Error(`${resource} cannot be created here`);
    }
  },
  async update<R extends RaRecord>(
    resource: string,
    params: { id: RaRecord['id']; data: Partial<R>; previousData: R },
  ): Promise<UpdateResult<R>> {
    switch (resource) {
      case 'versions': {
        const res = await api<RaRecord>(versionPath(String(params.id)), {
          method: 'PUT',
          body: (params.data as RaRecord).document,
          headers: { 'If-Match': params.previousData.etag },
        });
        return { data: { ...res.body, id: params.id, etag: res.headers.get('ETag') } as unknown as R };
      }
      case 'users': {
        const { displayName, roles, disabled, password } = params.data as RaRecord;
        const body = { displayName, roles, disabled, ...(password ? { password } : {}) };
        return { data: (await api<R>(`/api/users/${params.id}`, { method: 'PATCH', body })).body };
      }
      default:
        throw new Error(`${resource} cannot be changed here`);
    }
  },
  async updateMany() {
    throw new Error('Changing several records at once is not supported');
  },
  async delete<R extends RaRecord>(resource: string, params: { id: RaRecord['id']; previousData?: R }): Promise<DeleteResult<R>> {
    const path = resource === 'versions' ? versionPath(String(params.id)) : `/api/${resource}/${encodeURIComponent(String(params.id))}`;
    await api(path, { method: 'DELETE' });
    return { data: (params.previousData ?? { id: params.id }) as R };
  },
  async deleteMany(resource, params) {
    for (const id of params.ids) await this.delete(resource, { id, previousData: { id } as RaRecord });
    return { data: params.ids };
  },
};
