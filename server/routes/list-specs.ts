/**
 * What the schemes, versions and users lists may be sorted, searched and filtered by: read by their
 * handlers and by the API document (server/openapi/operations.ts), so the two cannot disagree. The
 * sortable fields are the ones the console's columns name.
 */

import { ROLES, VERSION_STATUSES } from '../domain/record-schemas.js';
import type { ListSpec } from '../http/list-query.js';

/** A scheme as GET /api/policies lists it. */
export interface PolicyRow {
  id: string;
  title: string;
  council: string;
  createdAt: string;
  versions: number;
  inForce: { version: string; effectiveFrom: string } | null;
}

export const POLICY_LIST: ListSpec<PolicyRow> = {
  sortable: {
    id: (p) => p.id,
    title: (p) => p.title,
    council: (p) => p.council,
    createdAt: (p) => p.createdAt,
    versions: (p) => p.versions,
    'inForce.version': (p) => p.inForce?.version,
    'inForce.effectiveFrom': (p) => p.inForce?.effectiveFrom,
  },
  sort: 'createdAt',
  order: 'asc',
  search: (p) => [p.id, p.title, p.council],
  searchedIn: 'id, title or council',
  filters: {},
};

/** A version as the version lists show it. */
export interface VersionRow {
  policyId: string;
  version: string;
  title: string;
  status: string;
  createdAt: string;
  updatedAt: string;
  ratification?: { effectiveFrom: string } | null;
}

/** The versions of every scheme (GET /api/versions), or of one (GET /api/policies/{id}/versions, without policyId). */
export const VERSION_LIST: ListSpec<VersionRow> = {
  sortable: {
    policyId: (v) => v.policyId,
    version: (v) => v.version,
    title: (v) => v.title,
    status: (v) => v.status,
    createdAt: (v) => v.createdAt,
    updatedAt: (v) => v.updatedAt,
    'ratification.effectiveFrom': (v) => v.ratification?.effectiveFrom,
  },
  sort: 'createdAt',
  order: 'asc',
  search: (v) => [v.policyId, v.version, v.title],
  searchedIn: 'scheme id, version name or title',
  filters: {
    policyId: { description: 'Only the versions of this scheme.', matches: (v, id) => v.policyId === id },
    status: { description: 'Only versions with this status.', values: VERSION_STATUSES, matches: (v, s) => v.status === s },
  },
};

/** The same list within one scheme: its policyId is the path's. */
export const SCHEME_VERSION_LIST: ListSpec<VersionRow> = {
  ...VERSION_LIST,
  filters: { status: VERSION_LIST.filters.status! },
};

/** An account as GET /api/users lists it. */
export interface UserRow {
  username: string;
  displayName: string;
  roles: readonly string[];
  disabled: boolean;
  createdAt: string;
}

export const USER_LIST: ListSpec<UserRow> = {
  sortable: {
    username: (u) => u.username,
    displayName: (u) => u.displayName,
    disabled: (u) => u.disabled,
    createdAt: (u) => u.createdAt,
  },
  sort: 'createdAt',
  order: 'asc',
  search: (u) => [u.username, u.displayName],
  searchedIn: 'user name or name',
  filters: {
    role: { description: 'Only accounts holding this role.', values: ROLES, matches: (u, role) => u.roles.includes(role) },
    disabled: {
      description: 'true: only disabled accounts; false: only active ones.',
      values: ['true', 'false'],
      matches: (u, d) => u.disabled === (d === 'true'),
    },
  },
};

/** A stored cohort as GET /api/cohorts lists it. */
export interface CohortRow {
  name: string;
  description: string | null;
  policyId: string | null;
  people: number;
  source: string;
  createdAt: string;
}

export const COHORT_LIST: ListSpec<CohortRow> = {
  sortable: {
    name: (c) => c.name,
    people: (c) => c.people,
    policyId: (c) => c.policyId,
    source: (c) => c.source,
    createdAt: (c) => c.createdAt,
  },
  sort: 'createdAt',
  order: 'asc',
  search: (c) => [c.name, c.description],
  searchedIn: 'name or description',
  filters: {
    policyId: { description: 'Only cohorts made for this scheme.', matches: (c, id) => c.policyId === id },
    source: {
      description: 'Only cohorts imported as JSON or CSV, or generated.',
      values: ['json', 'csv', 'generated'],
      matches: (c, s) => c.source === s,
    },
  },
};
