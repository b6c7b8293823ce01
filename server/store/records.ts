/**
 * What the service stores: the records' types, generated from their schemas (record-schemas.ts), and
 * how the store keys and audits them.
 */

import type { WorkedExample } from '../../engine/index.js';
import type { CohortRecord, DecisionRecord, PolicyRecord, SessionRecord, UserRecord, VersionRecord } from '../contract/records.js';

export type { WorkedExample };
export type {
  ApiKeyRecord,
  AuditAnchor,
  CohortRecord,
  DecisionRecord,
  Enrolment,
  FinalBudget,
  PendingAccountChange,
  PolicyRecord,
  Ratification,
  Restores,
  Role,
  SessionRecord,
  StoredAuditEntry as AuditEntry,
  UserRecord,
  VersionRecord,
  VersionStatus,
  Withdrawal,
  WithdrawalProposal,
} from '../contract/records.js';
export { ROLES, VERSION_STATUSES } from '../domain/record-schemas.js';

/** A decision without its input and output: what lists show, and what the store keeps in memory. */
export type DecisionSummary = Omit<DecisionRecord, 'assessment' | 'result'> & {
  /** Null for a result without an amount (not eligible, or an outcome such as universal services). */
  weeklyPence: number | null;
  flags: string[];
  /**
   * The assessment's reference (the case system's pseudonymous one), to find a decision by; null when it
   * has none, and absent from commits written before lists carried it.
   */
  reference?: string | null;
};

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
