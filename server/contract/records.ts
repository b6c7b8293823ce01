/* Generated from server/domain/record-schemas.ts by scripts/generate-contracts.ts (npm run contracts). Do not edit: change the schemas. */
import type { Policy, Assessment, EvaluationResult, WorkedExample } from '../../engine/index.js';
import type { PairStats, PairComparison, VersionOutcome, CurrentCostComparison } from '../../engine/cohort/compare.js';
import type { TablePrice } from '../../engine/cohort/calibrate.js';

export type Role = "officer" | "ratifier" | "scrutiny" | "api-client" | "admin";
export type VersionStatus = "draft" | "submitted" | "ratified" | "superseded" | "withdrawn";
/**
 * The version that answers, once this one is withdrawn, for the first day this one answered for; null when none will.
 */
export type Restores = {
  version: string;
  contentHash: string;
} | null;
/**
 * A change to an account waiting for a second admin: roles (the whole list asked for), a password reset, disabling an admin, enabling an account that can change what people are paid, or an API key for a system.
 */
export type PendingAccountChange =
  | {
      kind: "roles";
      roles: Role[];
      requestedBy: string;
      requestedAt: string;
    }
  | {
      kind: "password-reset";
      requestedBy: string;
      requestedAt: string;
    }
  | {
      kind: "disable";
      requestedBy: string;
      requestedAt: string;
    }
  | {
      kind: "enable";
      requestedBy: string;
      requestedAt: string;
    }
  | {
      kind: "api-key";
      label: string;
      expiresAt: string | null;
      requestedBy: string;
      requestedAt: string;
    };
/**
 * journal_damaged: a line in the middle cannot be read. commit_missing, journal_truncated: commits or entries removed (the journal ends before what head.json, a file, or an anchor shows). chain_broken: an entry changed, removed or reordered. change_unaudited, entry_without_change, digest_mismatch: a change and the entry that vouches for it disagree. anchor_mismatch: the chain no longer passes through a ratification’s anchor. file_differs: a copy beside the record (a collection file, a table) differs from it. file_missing: head.json or a collection file is missing, so nothing shows where the record ended. recorded_finding: a problem the server found and recorded when it started. checkpoint_unsigned: the head carries no signed checkpoint. signature_invalid: a checkpoint’s signature does not hold. key_unknown: a checkpoint signed by a key that is not trusted. checkpoint_not_in_record: a checkpoint (kept outside, or in the record) lies beyond the record’s end. checkpoint_mismatch: the record holds another head at a checkpoint’s point. rule_broken: a recorded transition breaks a rule of the lifecycle (an author ratified, a version in force without ratification, a decision not under the version in force on its date).
 */
export type IntegrityCode =
  | "journal_damaged"
  | "commit_missing"
  | "chain_broken"
  | "change_unaudited"
  | "entry_without_change"
  | "digest_mismatch"
  | "anchor_mismatch"
  | "journal_truncated"
  | "file_differs"
  | "file_missing"
  | "recorded_finding"
  | "checkpoint_unsigned"
  | "signature_invalid"
  | "key_unknown"
  | "checkpoint_not_in_record"
  | "checkpoint_mismatch"
  | "rule_broken";

export interface Records {
  Role: Role;
  VersionStatus: VersionStatus;
  PolicyRecord: PolicyRecord;
  AuditAnchor: AuditAnchor;
  Checkpoint: Checkpoint;
  Ratification: Ratification;
  Restores: Restores;
  WithdrawalProposal: WithdrawalProposal;
  Withdrawal: Withdrawal;
  VersionRecord: VersionRecord;
  FinalBudget: FinalBudget;
  DecisionRecord: DecisionRecord;
  ApiKeyRecord: ApiKeyRecord;
  Enrolment: Enrolment;
  PendingAccountChange: PendingAccountChange;
  UserRecord: UserRecord;
  SessionRecord: SessionRecord;
  StoredAuditEntry: StoredAuditEntry;
  CohortRecord: CohortRecord;
  IntegrityReport: IntegrityReport;
}
export interface PolicyRecord {
  id: string;
  title: string;
  council: string;
  createdAt: string;
  createdBy: string;
  /**
   * The commit that last changed the policy: its ETag.
   */
  revision: number;
  /**
   * The cohort a submitted version is compared over before ratification; absent or null for none.
   */
  referenceCohortId?: string | null;
}
/**
 * A point in the audit chain: an entry's sequence number and hash.
 */
export interface AuditAnchor {
  seq: number;
  hash: string;
}
/**
 * A point of the record signed with the council's audit key: after commit `commit`, the audit chain ends at entry `seq` with hash `hash`. Kept outside the record (the minutes, a published page), it lets verification find a record rewritten or cut short since.
 */
export interface Checkpoint {
  commit: number;
  seq: number;
  hash: string;
  at: string;
  /**
   * The Ed25519 public key that signed it (base64url of its 32 bytes).
   */
  key: string;
  /**
   * The signature (base64url) of the checkpoint line before " sig=".
   */
  sig: string;
}
export interface Ratification {
  body: string;
  decisionDate: string;
  minuteReference: string;
  rationale: string;
  effectiveFrom: string;
  ratifiedBy: string;
  ratifiedAt: string;
  /**
   * The equality impact note; required when the comparison over the reference cohort leaves any group worse off.
   */
  equalityImpact?: string;
  /**
   * The comparison over the policy's reference cohort with the version in force on the effective date; null when there was none to make (absent on older records).
   */
  comparison?: RatificationComparison | null;
  /**
   * Why the version was ratified without a comparison over a reference cohort.
   */
  comparisonWaiver?: string;
  auditAnchor?: AuditAnchor;
  checkpoint?: Checkpoint;
  /**
   * Present when the ratifier confirmed an effective date before the day of ratification or more than a year after it.
   */
  effectiveFromConfirmed?: true;
}
/**
 * The version in force compared, over the policy's reference cohort, with the one that would take its place: before a ratification (on its effective date) or a withdrawal (on the withdrawn version's).
 */
export interface RatificationComparison {
  cohortId: string;
  /**
   * The version in force, compared from.
   */
  against: string;
  /**
   * The version that would be in force instead: the one ratified, or the one a withdrawal brings back.
   */
  candidate?: string;
  asOf: string;
  people: number;
  excluded: number;
  overall: PairStats;
  byClientGroup: {
    [k: string]: PairStats;
  };
  byAgeBand: {
    [k: string]: PairStats;
  };
  /**
   * People who have an amount under the version in force and would have none: counted apart from losers, never hidden.
   */
  lostAmount?: {
    people: number;
    cannotEvaluate: number;
    noAmount: number;
    byClientGroup: {
      [k: string]: number;
    };
    byAgeBand: {
      [k: string]: number;
    };
  };
  worseOff: {
    dimension: "clientGroup" | "ageBand";
    group: string;
    /**
     * People whose amount falls.
     */
    losers: number;
    /**
     * People who would have no amount at all.
     */
    lostAmount?: number;
    people: number;
    /**
     * An amount of money in whole pence; negative for a fall.
     */
    totalChangePence: number;
  }[];
}
/**
 * Taking a version out of force, proposed by one ratifier and waiting for another to confirm it.
 */
export interface WithdrawalProposal {
  proposedBy: string;
  proposedAt: string;
  reason: string;
  restores: Restores;
}
/**
 * How the version was taken out of force: proposed by one ratifier, confirmed by another.
 */
export interface Withdrawal {
  /**
   * The ratifier who confirmed the withdrawal (the second person).
   */
  by: string;
  at: string;
  reason: string;
  /**
   * The ratifier who proposed it (absent on withdrawals made before two people were needed).
   */
  proposedBy?: string;
  proposedAt?: string;
  restores?: Restores;
  equalityImpact?: string;
  comparisonWaiver?: string;
  /**
   * The version withdrawn compared with the one that comes back, over the reference cohort, when there was one.
   */
  comparison?: RatificationComparison | null;
}
export interface VersionRecord {
  policyId: string;
  version: string;
  status: VersionStatus;
  contentHash: string;
  basedOn: {
    version: string;
    contentHash: string;
  } | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /**
   * The commit that last changed the version: its ETag.
   */
  revision: number;
  /**
   * Everyone who created, edited or submitted this version; none of them may ratify it.
   */
  contributors: string[];
  /**
   * Whoever authored, in a version not yet ratified, the content this one was cloned or copied from; none of them may ratify it either. Absent when none did.
   */
  inheritedAuthors?: string[];
  submittedAt: string | null;
  submittedBy: string | null;
  ratification: Ratification | null;
  superseded: {
    by: string;
    from: string;
    at: string;
  } | null;
  withdrawal: Withdrawal | null;
  /**
   * A proposal to withdraw the version, waiting for a second ratifier to confirm or anyone to cancel; absent or null when none is.
   */
  withdrawalProposal?: WithdrawalProposal | null;
  /**
   * On a draft saved from a calibration: what it was calibrated on, and how it compares with its source.
   */
  calibration?: SavedCalibration | null;
  document: Policy;
  examples: WorkedExample[];
}
/**
 * The calibration a draft was saved from, with the comparison of the draft with its source over the same cohort.
 */
export interface SavedCalibration {
  /**
   * An amount of money in whole pence.
   */
  budgetPence: number;
  contingencyPercent: number;
  /**
   * The budget less the contingency, rounded down to the penny.
   */
  targetPence: number;
  people: number;
  excluded: number;
  current: {
    /**
     * An amount of money in whole pence.
     */
    totalPence: number;
    /**
     * An amount of money in whole pence; negative for a fall.
     */
    againstBudgetPence: number;
    /**
     * An amount of money in whole pence; negative for a fall.
     */
    againstTargetPence: number;
  };
  /**
   * What every price was multiplied by.
   */
  factor: number;
  prices: TablePrice[];
  /**
   * An amount of money in whole pence.
   */
  calibratedTotalPence: number;
  /**
   * The target less the calibrated total: what is left unspent, at most the smallest step the prices allow when the target is reached. Negative when even the lowest prices cost more than the target; large when even the highest cost less.
   */
  gapPence: number;
  /**
   * Whether prices within the policy format’s limits reach the target, or which limit stopped them.
   */
  reached: "target" | "lowest-prices" | "highest-prices";
  sensitivity: {
    percent: number;
    factor: number;
    /**
     * An amount of money in whole pence.
     */
    totalPence: number;
    /**
     * An amount of money in whole pence; negative for a fall.
     */
    againstBudgetPence: number;
  }[];
  currentCost: CurrentCostComparison | null;
  cohortId: string;
  asOf: string;
  source: {
    version: string;
    contentHash: string;
  };
  comparison: {
    asOf: string;
    cohortSize: number;
    evaluated: number;
    /**
     * People some version cannot evaluate; they are left out of every total, so totals are like for like.
     */
    excluded: {
      count: number;
      /**
       * @maxItems 100
       */
      examples: {
        ref: string;
        version: string;
        reason: string;
      }[];
    };
    /**
     * Evaluated people with no amount under at least one version (schemaVersion 2): outside the money figures.
     */
    withoutAmount: number;
    versions: VersionOutcome[];
    /**
     * Each version after the first, against the first.
     */
    pairs: PairComparison[];
  };
}
/**
 * The budget agreed after support planning, and why it differs from the indicative one.
 */
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
  /**
   * The commit that last changed the decision (its final budget): its ETag.
   */
  revision: number;
  finalBudget: FinalBudget | null;
  assessment: Assessment;
  result: EvaluationResult;
}
export interface ApiKeyRecord {
  id: string;
  label: string;
  /**
   * SHA-256 of the key's secret part; the key itself is shown once, at creation.
   */
  secretHash: string;
  createdAt: string;
  revokedAt: string | null;
  /**
   * When the key stops working (absent or null: until revoked).
   */
  expiresAt?: string | null;
  /**
   * When the key was last used, to the hour: written at most once an hour, so use does not flood the journal.
   */
  lastUsedAt?: string | null;
}
/**
 * A one-time code for a person to set their own password: only its hash is kept.
 */
export interface Enrolment {
  codeHash: string;
  expiresAt: string;
  /**
   * When the code starts to work (absent: at once): the reset of the other admin of a council of two waits.
   */
  notBefore?: string;
  purpose: "new-account" | "password-reset";
  issuedBy: string;
  issuedAt: string;
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
  /**
   * The commit that last changed the account: its ETag.
   */
  revision: number;
  /**
   * A one-time code waiting to be used (absent or null when none is).
   */
  enrolment?: Enrolment | null;
  /**
   * A change waiting for a second admin (absent or null when none is).
   */
  pending?: PendingAccountChange | null;
  /**
   * Who gave the one-time code the current password was set with (absent: set at setup, or before codes).
   */
  passwordFrom?: string;
}
export interface SessionRecord {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}
export interface StoredAuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: {
    [k: string]: unknown;
  };
  /**
   * SHA-256 of what this entry's commit changed for its target; null for events that change nothing (absent on entries older than digests).
   */
  digest?: string | null;
  prevHash: string;
  hash: string;
}
/**
 * A stored cohort's description; its people are kept apart and never shown whole.
 */
export interface CohortRecord {
  id: string;
  name: string;
  description: string | null;
  policyId: string | null;
  people: number;
  source: "json" | "csv" | "generated";
  /**
   * People in each client group.
   */
  byClientGroup: {
    [k: string]: number;
  };
  /**
   * People in each age band.
   */
  byAgeBand: {
    [k: string]: number;
  };
  /**
   * People whose current package cost is known.
   */
  withCurrentCost: number;
  createdAt: string;
  createdBy: string;
}
/**
 * The whole record checked from disk: the audit chain, every ratification anchor, every change against the entry that vouches for it, and the files beside the journal. ok is true only when there are no problems.
 */
export interface IntegrityReport {
  ok: boolean;
  /**
   * Commits in the journal.
   */
  commits: number;
  /**
   * Audit entries in the chain.
   */
  entries: number;
  head: AuditAnchor;
  /**
   * Ratification anchors checked against the chain.
   */
  anchors: number;
  problems: IntegrityProblem[];
  /**
   * What the checkpoints showed. trustedKeys are the keys signatures were checked against: the audit key the check was given and the keys of the checkpoints kept outside; none means signatures were checked only against the keys the record itself names.
   */
  checkpoints: {
    /**
     * Signed checkpoints the record carries (ratifications, checkpoint entries, its head), each checked.
     */
    inRecord: number;
    /**
     * Checkpoints kept outside the record that were given to the check.
     */
    known: number;
    /**
     * Items: A public key (base64url).
     */
    trustedKeys: string[];
    lastSigned?: Checkpoint;
  };
  /**
   * Bytes at the journal's end that a crash cut short: never acknowledged, and set aside when the server next starts.
   */
  tornTail?: {
    offset: number;
    bytes: number;
  };
}
export interface IntegrityProblem {
  code: IntegrityCode;
  message: string;
  seq?: number;
  commit?: number;
  file?: string;
}
