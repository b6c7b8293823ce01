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
  /** The cohort a submitted version is compared over, against the version in force, before ratification. */
  referenceCohortId?: string | null;
}

export interface Ratification {
  body: string;
  decisionDate: string;
  minuteReference: string;
  rationale: string;
  effectiveFrom: string;
  ratifiedBy: string;
  ratifiedAt: string;
  /** Required when the comparison over the reference cohort leaves any group worse off. */
  equalityImpact?: string;
  /** The comparison over the reference cohort against the version in force, when there was one. */
  comparison?: Record<string, unknown> | null;
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
  /** Set on a draft saved from a calibration: what it was calibrated on and how it compares with its source. */
  calibration?: Record<string, unknown> | null;
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

/** A stored cohort's description; its people are a document of their own (kind 'cohort'). */
export interface CohortRecord {
  id: string;
  name: string;
  description: string | null;
  policyId: string | null;
  people: number;
  source: 'json' | 'csv' | 'generated';
  byClientGroup: Record<string, number>;
  byAgeBand: Record<string, number>;
  withCurrentCost: number;
  createdAt: string;
  createdBy: string;
}

export interface Collections {
  policies: PolicyRecord[];
  versions: VersionRecord[];
  decisions: DecisionRecord[];
  users: UserRecord[];
  sessions: SessionRecord[];
  audit: AuditEntry[];
  cohorts: CohortRecord[];
}

export type CollectionName = keyof Collections;
export const COLLECTIONS: readonly CollectionName[] = ['policies', 'versions', 'decisions', 'users', 'sessions', 'audit', 'cohorts'];
