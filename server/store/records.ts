/**
 * What the service stores. Rows are immutable once committed; every row that can change carries the
 * revision (the store's commit number) of its last change, which is also its ETag.
 */

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
  revision: number;
  /** The cohort a submitted version is compared over, against the version in force, before ratification. */
  referenceCohortId?: string | null;
}

/** A point in the audit chain: an entry's sequence number and hash. */
export interface AuditAnchor {
  seq: number;
  hash: string;
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
  /** Why the version was ratified without a comparison (no reference cohort, or nothing in force to compare with). */
  comparisonWaiver?: string;
  /** The audit chain's head when the version was ratified: verification checks the chain still passes through it. */
  auditAnchor?: AuditAnchor;
  /** The ratifier confirmed an effective date before the day of ratification or more than a year after it. */
  effectiveFromConfirmed?: boolean;
}

/** What answers, once a version is withdrawn, for the first day it answered for: null when nothing will. */
export type Restores = { version: string; contentHash: string } | null;

/** Taking a version out of force: proposed by one ratifier, confirmed by another. */
export interface WithdrawalProposal {
  proposedBy: string;
  proposedAt: string;
  reason: string;
  restores: Restores;
}

export interface Withdrawal {
  /** Who confirmed it (the second person). */
  by: string;
  at: string;
  reason: string;
  /** Who proposed it (absent on withdrawals made before two people were needed). */
  proposedBy?: string;
  proposedAt?: string;
  restores?: Restores;
  equalityImpact?: string;
  comparisonWaiver?: string;
  /** The version withdrawn compared with the one that comes back, over the reference cohort, when there was one. */
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
  revision: number;
  /** Everyone who created, edited or submitted this version: none of them may ratify it. */
  contributors: string[];
  /**
   * Whoever authored, in a version not yet ratified, the content this one was cloned or copied from
   * (absent when none did): none of them may ratify it either. Authorship follows content.
   */
  inheritedAuthors?: string[];
  submittedAt: string | null;
  submittedBy: string | null;
  ratification: Ratification | null;
  superseded: { by: string; from: string; at: string } | null;
  withdrawal: Withdrawal | null;
  /** A withdrawal one ratifier proposed, waiting for another to confirm (absent or null when none is). */
  withdrawalProposal?: WithdrawalProposal | null;
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
  revision: number;
  assessment: unknown;
  result: EvaluationResult;
  finalBudget: FinalBudget | null;
}

/** A decision without its input and output: what lists show, and what the store keeps in memory. */
export type DecisionSummary = Omit<DecisionRecord, 'assessment' | 'result'> & {
  /** Null for a result without an amount (not eligible, or an outcome such as universal services). */
  weeklyPence: number | null;
  flags: string[];
};

export interface ApiKeyRecord {
  id: string;
  label: string;
  /** SHA-256 of the key's secret part; the key itself is shown once, at creation. */
  secretHash: string;
  createdAt: string;
  revokedAt: string | null;
  /** When the key stops working (absent: until revoked). */
  expiresAt?: string | null;
  /** When the key was last used, to the hour: written at most once an hour, so use does not flood the journal. */
  lastUsedAt?: string | null;
}

/** A one-time code for a person to set their own password: only its hash is kept. */
export interface Enrolment {
  codeHash: string;
  expiresAt: string;
  /** When the code starts to work (absent: at once): the reset of the other admin of a council of two waits. */
  notBefore?: string;
  purpose: 'new-account' | 'password-reset';
  issuedBy: string;
  issuedAt: string;
}

/** A change to an account that waits for a second admin. */
export type PendingAccountChange =
  | { kind: 'roles'; roles: Role[]; requestedBy: string; requestedAt: string }
  | { kind: 'password-reset'; requestedBy: string; requestedAt: string }
  | { kind: 'disable'; requestedBy: string; requestedAt: string }
  | { kind: 'enable'; requestedBy: string; requestedAt: string }
  | { kind: 'api-key'; label: string; expiresAt: string | null; requestedBy: string; requestedAt: string };

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  passwordHash: string | null;
  apiKeys: ApiKeyRecord[];
  disabled: boolean;
  createdAt: string;
  revision: number;
  /** A one-time code waiting to be used (absent or null when none is). */
  enrolment?: Enrolment | null;
  /** A change waiting for a second admin (absent or null when none is). */
  pending?: PendingAccountChange | null;
  /** Who gave the one-time code the current password was set with (absent: set at setup, or before codes). */
  passwordFrom?: string;
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
  /** SHA-256 of what this entry's commit changed for its target (null for events that change nothing). */
  digest: string | null;
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

/** The collections kept whole in memory and written as JSON files a council can read. */
export interface Collections {
  policies: PolicyRecord[];
  versions: VersionRecord[];
  users: UserRecord[];
  sessions: SessionRecord[];
  cohorts: CohortRecord[];
}

export type CollectionName = keyof Collections;
export const COLLECTIONS: readonly CollectionName[] = ['policies', 'versions', 'users', 'sessions', 'cohorts'];

/** Each row's key within its collection. */
export function keyOf(collection: CollectionName, row: Collections[CollectionName][number]): string {
  switch (collection) {
    case 'versions': {
      const v = row as VersionRecord;
      return `${v.policyId}/${v.version}`;
    }
    case 'sessions':
      return (row as SessionRecord).tokenHash;
    default:
      return (row as { id: string }).id;
  }
}

/** The audit target that answers for a change to a row: sessions are a user's business. */
export function auditTargetOf(collection: CollectionName | 'decisions', row: unknown): string {
  switch (collection) {
    case 'policies':
      return `policy:${(row as PolicyRecord).id}`;
    case 'versions':
      return `version:${keyOf('versions', row as VersionRecord)}`;
    case 'users':
      return `user:${(row as UserRecord).id}`;
    case 'sessions':
      return `user:${(row as SessionRecord).userId}`;
    case 'cohorts':
      return `cohort:${(row as CohortRecord).id}`;
    case 'decisions':
      return `decision:${(row as { id: string }).id}`;
  }
}
