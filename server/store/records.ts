/** What the service stores, one collection per file. Rows are immutable once committed. */

import type { EvaluationResult, Policy, WorkedExample } from '../../engine/index.js';

export type { WorkedExample };

export type Role = 'officer' | 'ratifier' | 'scrutiny' | 'api-client' | 'admin';
export const ROLES: readonly Role[] = ['officer', 'ratifier', 'scrutiny', 'api-client', 'admin'];

export type VersionStatus = 'draft' | 'submitted' | 'ratified' | 'superseded' | 'withdrawn';

export interface PolicyRecord {
  id: string;
  title: string;
  council: string;
  createdAt: string;
  createdBy: string;
}

export interface Ratification {
  body: string;
  decisionDate: string;
  minuteReference: string;
  rationale: string;
  effectiveFrom: string;
  ratifiedBy: string;
  ratifiedAt: string;
}

export interface VersionRecord {
  policyId: string;
  version: string;
  status: VersionStatus;
  document: Policy;
  contentHash: string;
  examples: WorkedExample[];
  basedOn: { version: string; contentHash: string } | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  submittedAt: string | null;
  submittedBy: string | null;
  ratification: Ratification | null;
  superseded: { by: string; from: string; at: string } | null;
  withdrawal: { by: string; at: string; reason: string } | null;
}

export interface FinalBudget {
  weeklyPence: number;
  reason: string;
  recordedBy: string;
  recordedAt: string;
}

export interface DecisionRecord {
  id: string;
  createdAt: string;
  createdBy: string;
  policyId: string;
  version: string;
  contentHash: string;
  asOf: string | null;
  assessment: unknown;
  result: EvaluationResult;
  finalBudget: FinalBudget | null;
}

export interface ApiKeyRecord {
  id: string;
  label: string;
  /** SHA-256 of the key's secret part; the key itself is shown once, at creation. */
  secretHash: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  passwordHash: string | null;
  apiKeys: ApiKeyRecord[];
  disabled: boolean;
  createdAt: string;
}

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface Collections {
  policies: PolicyRecord[];
  versions: VersionRecord[];
  decisions: DecisionRecord[];
  users: UserRecord[];
  sessions: SessionRecord[];
  audit: AuditEntry[];
}

export type CollectionName = keyof Collections;
export const COLLECTIONS: readonly CollectionName[] = ['policies', 'versions', 'decisions', 'users', 'sessions', 'audit'];
