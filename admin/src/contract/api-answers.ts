/* Generated from the OpenAPI components (server/openapi/components.ts) by scripts/generate-contracts.ts (npm run contracts). Do not edit: change the components. */
import type { Policy, Assessment, EvaluationResult, WorkedExample } from '../../../engine/index.js';
import type { PairStats, PairComparison, VersionOutcome, CurrentCostComparison } from '../../../engine/cohort/compare.js';
import type { TablePrice } from '../../../engine/cohort/calibrate.js';
import type { PolicyChange } from '../../../engine/diff.js';

export type Role = "officer" | "ratifier" | "scrutiny" | "api-client" | "admin";
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
 * A comparison job: running (with progress), done (with its result) or failed.
 */
export type ComparisonJob =
  | {
      id: string;
      progress: {
        done: number;
        total: number;
      };
      createdAt: string;
      policyId: string;
      /**
       * @minItems 2
       */
      versions: string[];
      cohortId: string | null;
      asOf: string;
      materiality: {
        pence?: number;
        percent?: number;
      };
      links: {
        self: string;
        csv: string;
        json: string;
      };
      status: "running";
    }
  | {
      id: string;
      progress: {
        done: number;
        total: number;
      };
      createdAt: string;
      policyId: string;
      /**
       * @minItems 2
       */
      versions: string[];
      cohortId: string | null;
      asOf: string;
      materiality: {
        pence?: number;
        percent?: number;
      };
      links: {
        self: string;
        csv: string;
        json: string;
      };
      status: "done";
      result: ComparisonResult;
    }
  | {
      id: string;
      progress: {
        done: number;
        total: number;
      };
      createdAt: string;
      policyId: string;
      /**
       * @minItems 2
       */
      versions: string[];
      cohortId: string | null;
      asOf: string;
      materiality: {
        pence?: number;
        percent?: number;
      };
      links: {
        self: string;
        csv: string;
        json: string;
      };
      status: "failed";
      error: string;
    };
export type VersionStatus = "draft" | "submitted" | "ratified" | "superseded" | "withdrawn";
/**
 * The version that answers, once this one is withdrawn, for the first day this one answered for; null when none will.
 */
export type Restores = {
  version: string;
  contentHash: string;
} | null;
export type Step =
  | "edit"
  | "edit-examples"
  | "delete"
  | "clone"
  | "submit"
  | "return-to-draft"
  | "ratify"
  | "propose-withdrawal"
  | "cancel-withdrawal"
  | "confirm-withdrawal";
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
export type Permission =
  | "policy.read"
  | "policy.in-force"
  | "policy.create"
  | "version.draft"
  | "version.submit"
  | "version.return-to-draft"
  | "version.ratify"
  | "version.withdraw"
  | "assessment.evaluate"
  | "decision.record"
  | "decision.list"
  | "decision.read"
  | "decision.replay"
  | "decision.final-budget"
  | "audit.read"
  | "user.manage"
  | "cohort.read"
  | "cohort.manage"
  | "comparison.run"
  | "calibration.run"
  | "calibration.save"
  | "policy.reference-cohort";
export type GroupOrWithheld = GroupFigures | string;

export interface ApiAnswers {
  ApprovedChange: ApprovedChange;
  AuditAction: AuditAction;
  CohortRecord: CohortRecord;
  ComparisonJob: ComparisonJob;
  VersionWithLinks: VersionWithLinks;
  AuditEntry: AuditEntry;
  IntegrityReport: IntegrityReport;
  SignedCheckpoint: SignedCheckpoint;
  PolicyListItem: PolicyListItem;
  VersionSummary: VersionSummary;
  UserWithHistory: UserWithHistory;
  NewUser: NewUser;
  Me: Me;
  LoginResponse: LoginResponse;
  SetupStatus: SetupStatus;
  NewApiKey: NewApiKey;
  WorkedExamples: WorkedExamples;
  ExamplesReport: ExamplesReport;
  Decision: Decision;
  PublishedPolicy: PublishedPolicy;
  PublishedVersion: PublishedVersion;
  Problem: Problem;
  ProblemError: ProblemError;
}
/**
 * An account after a second admin agreed to the change waiting on it.
 */
export interface ApprovedChange {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  createdAt: string;
  hasPassword: boolean;
  /**
   * A one-time code given for this account and not yet used (never the code itself).
   */
  oneTimeCodeOutstanding: {
    purpose: "new-account" | "password-reset";
    issuedBy: string;
    issuedAt: string;
    expiresAt: string;
    /**
     * When the code starts to work: later than issuedAt for the reset of the other admin of a council of two.
     */
    worksFrom: string;
  } | null;
  /**
   * A change waiting for a second admin, as the account record keeps it.
   */
  pending: PendingAccountChange | null;
  /**
   * Everyone the account names (who gave the outstanding one-time code, who asked for the change waiting), by user name: their names now, or words for the system.
   */
  names: {
    [k: string]: string;
  };
  apiKeys: ApiKeySummary[];
  /**
   * The one-time code of an approved reset: shown this once.
   */
  oneTimeCode: {
    code: string;
    expiresAt: string;
  } | null;
  /**
   * The API key of an approved key: shown this once.
   */
  apiKey: NewApiKey | null;
}
export interface ApiKeySummary {
  id: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
  /**
   * When the key stops working; null: until revoked.
   */
  expiresAt: string | null;
  /**
   * The hour the key was last used (kept to the hour); null: never.
   */
  lastUsedAt: string | null;
}
/**
 * The key is shown once, here.
 */
export interface NewApiKey {
  id: string;
  label: string;
  expiresAt: string | null;
  key: string;
}
/**
 * An action the audit log records.
 */
export interface AuditAction {
  action: string;
  /**
   * The action in words, as the audit log shows it.
   */
  words: string;
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
export interface ComparisonResult {
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
  /**
   * Why amounts changed, part by part, for each candidate; empty unless attribution was asked for.
   */
  attribution: {
    base: string;
    candidate: string;
    steps: AttributionStep[];
  }[];
}
/**
 * One changed part of the policy, applied after the ones before it; the steps sum to the whole change for every person.
 */
export interface AttributionStep {
  /**
   * The part of the policy, e.g. pricing:default; parts that could not be applied alone are joined with +.
   */
  id: string;
  label: string;
  changes: PolicyChange[];
  /**
   * An amount of money in whole pence; negative for a fall.
   */
  totalWeeklyChangePence: number;
  /**
   * An amount of money in whole pence; negative for a fall.
   */
  totalAnnualChangePence: number;
  peopleAffected: number;
}
export interface VersionWithLinks {
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
  /**
   * Who created it, by name now.
   */
  createdByName: string;
  /**
   * Everyone the record names (creator, editors, submitter, ratifier, withdrawal), by user name: their names now, or words for the system.
   */
  names: {
    [k: string]: string;
  };
  links: VersionLinks;
  /**
   * The steps the caller may take on this version now: their roles allow it, the version's status does, and no four-eyes rule stands in their way. The server still judges each request.
   */
  steps: Step[];
  /**
   * The ratification's signed checkpoint as one line, for the minutes (absent until ratified, and on records from before checkpoints).
   */
  checkpointLine?: string;
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
export interface VersionLinks {
  self: string;
  examples: string;
  evaluate: string;
  audit: string;
}
export interface AuditEntry {
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
  /**
   * What happened, in words (e.g. Ratified).
   */
  actionWords: string;
  /**
   * Who did it, by the user's name now (or the system's role); `actor` is the username recorded.
   */
  actorName: string;
  /**
   * What it was done to, by title or name now (e.g. Adult RAS, version 2010-revised).
   */
  targetWords: string;
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
/**
 * The record as it stands, signed with the audit key: keep the line outside the record.
 */
export interface SignedCheckpoint {
  checkpoint: Checkpoint;
  /**
   * The checkpoint as one line, for the minutes.
   */
  line: string;
}
export interface PolicyListItem {
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
  versions: number;
  inForce: {
    version: string;
    effectiveFrom: string;
  } | null;
}
export interface VersionSummary {
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
  title: string;
  exampleCount: number;
}
export interface UserWithHistory {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  createdAt: string;
  hasPassword: boolean;
  /**
   * A one-time code given for this account and not yet used (never the code itself).
   */
  oneTimeCodeOutstanding: {
    purpose: "new-account" | "password-reset";
    issuedBy: string;
    issuedAt: string;
    expiresAt: string;
    /**
     * When the code starts to work: later than issuedAt for the reset of the other admin of a council of two.
     */
    worksFrom: string;
  } | null;
  /**
   * A change waiting for a second admin, as the account record keeps it.
   */
  pending: PendingAccountChange | null;
  /**
   * Everyone the account names (who gave the outstanding one-time code, who asked for the change waiting), by user name: their names now, or words for the system.
   */
  names: {
    [k: string]: string;
  };
  apiKeys: ApiKeySummary[];
  history: AccountHistoryEntry[];
}
export interface AccountHistoryEntry {
  seq: number;
  at: string;
  actor: string;
  /**
   * Who did it, by name now (or words for the system).
   */
  actorName: string;
  action:
    | "user.create"
    | "user.update"
    | "user.password-reset"
    | "user.pending-cancelled"
    | "user.enrol"
    | "user.code-refused"
    | "api-key.create"
    | "api-key.revoke";
  details: {
    [k: string]: unknown;
  };
  /**
   * Everyone the details name (requestedBy, issuedBy, codeIssuedBy, pending.requestedBy), by user name: their names now, or words for the system.
   */
  names: {
    [k: string]: string;
  };
}
/**
 * An account just created or reset.
 */
export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  createdAt: string;
  hasPassword: boolean;
  /**
   * A one-time code given for this account and not yet used (never the code itself).
   */
  oneTimeCodeOutstanding: {
    purpose: "new-account" | "password-reset";
    issuedBy: string;
    issuedAt: string;
    expiresAt: string;
    /**
     * When the code starts to work: later than issuedAt for the reset of the other admin of a council of two.
     */
    worksFrom: string;
  } | null;
  /**
   * A change waiting for a second admin, as the account record keeps it.
   */
  pending: PendingAccountChange | null;
  /**
   * Everyone the account names (who gave the outstanding one-time code, who asked for the change waiting), by user name: their names now, or words for the system.
   */
  names: {
    [k: string]: string;
  };
  apiKeys: ApiKeySummary[];
  /**
   * The one-time code with which the person sets their own password (POST /api/auth/enrol): shown this once, never kept. Pass it to the person; null for a system's account, or when a second admin must agree first.
   */
  oneTimeCode: {
    code: string;
    expiresAt: string;
  } | null;
}
export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  createdAt: string;
  hasPassword: boolean;
  /**
   * A one-time code given for this account and not yet used (never the code itself).
   */
  oneTimeCodeOutstanding: {
    purpose: "new-account" | "password-reset";
    issuedBy: string;
    issuedAt: string;
    expiresAt: string;
    /**
     * When the code starts to work: later than issuedAt for the reset of the other admin of a council of two.
     */
    worksFrom: string;
  } | null;
  /**
   * A change waiting for a second admin, as the account record keeps it.
   */
  pending: PendingAccountChange | null;
  /**
   * Everyone the account names (who gave the outstanding one-time code, who asked for the change waiting), by user name: their names now, or words for the system.
   */
  names: {
    [k: string]: string;
  };
  apiKeys: ApiKeySummary[];
  via: "session" | "api-key";
  /**
   * The actions this user may take: the console offers no other.
   */
  permissions: Permission[];
  /**
   * Everything done to this account and by whom: roles, keys, one-time codes, passwords set.
   */
  accountHistory: AccountHistoryEntry[];
}
export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: User;
}
/**
 * A user as the API shows it: never a password hash, a code or a key hash.
 */
export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  createdAt: string;
  hasPassword: boolean;
  /**
   * A one-time code given for this account and not yet used (never the code itself).
   */
  oneTimeCodeOutstanding: {
    purpose: "new-account" | "password-reset";
    issuedBy: string;
    issuedAt: string;
    expiresAt: string;
    /**
     * When the code starts to work: later than issuedAt for the reset of the other admin of a council of two.
     */
    worksFrom: string;
  } | null;
  /**
   * A change waiting for a second admin, as the account record keeps it.
   */
  pending: PendingAccountChange | null;
  /**
   * Everyone the account names (who gave the outstanding one-time code, who asked for the change waiting), by user name: their names now, or words for the system.
   */
  names: {
    [k: string]: string;
  };
  apiKeys: ApiKeySummary[];
}
export interface SetupStatus {
  needed: boolean;
}
export interface WorkedExamples {
  examples: WorkedExample[];
}
export interface ExamplesReport {
  passed: boolean;
  examples: {
    name: string;
    passed: boolean;
    differences: {
      field: string;
      expected: unknown;
      actual: unknown;
    }[];
    issues?: Issue[];
  }[];
}
export interface Issue {
  code: string;
  path: string;
  message: string;
  severity: "error" | "warning";
  params?: {
    [k: string]: unknown;
  };
}
export interface Decision {
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
  /**
   * Who recorded it, by name now: given when a decision is read.
   */
  createdByName?: string;
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
export interface PublishedPolicy {
  id: string;
  title: string;
  council: string;
  inForce: {
    version: string;
    effectiveFrom: string;
  } | null;
  versions: {
    version: string;
    status: "ratified" | "superseded";
    effectiveFrom: string;
  }[];
}
/**
 * A ratified version as the public sees it: the whole RAS and who decided it, not who edited the drafts.
 */
export interface PublishedVersion {
  policyId: string;
  version: string;
  status: "ratified" | "superseded";
  contentHash: string;
  document: Policy;
  ratification: {
    body: string;
    decisionDate: string;
    minuteReference: string;
    rationale: string;
    effectiveFrom: string;
    equalityImpact?: string;
    auditAnchor?: AuditAnchor;
    /**
     * The checkpoint line of the audit anchor, signed with the audit key: keep it (the minutes, a copy of this page), and `ras audit verify --checkpoints` finds a record rewritten or cut short since.
     */
    checkpoint?: string;
  };
  /**
   * The council's audit public key (Ed25519, base64url): the key every checkpoint of the record must be signed with.
   */
  auditKey: string;
  superseded: {
    by: string;
    from: string;
  } | null;
  /**
   * The version's first worked example, worked out: one case a reader can follow in pounds.
   */
  workedExample: {
    name: string;
    result: EvaluationResult;
  } | null;
  /**
   * For a version ratified with a comparison: who gains and who loses against the version it replaced, by client group and age band; groups under 10 people are withheld.
   */
  equalities: ImpactSummary | null;
}
/**
 * Who gains and who loses against the version compared with, over the cohort: aggregates only, groups under 10 people withheld.
 */
export interface ImpactSummary {
  comparedWith: string;
  cohortPeople: number;
  overall: GroupFigures;
  byClientGroup: {
    [k: string]: GroupOrWithheld;
  };
  byAgeBand: {
    [k: string]: GroupOrWithheld;
  };
}
export interface GroupFigures {
  people: number;
  betterOff: number;
  worseOff: number;
  unchanged: number;
  /**
   * An amount of money in whole pence; negative for a fall.
   */
  totalChangePence: number;
}
/**
 * RFC 9457 problem details. `errors` lists every fault found, each at its JSON Pointer.
 */
export interface Problem {
  /**
   * A URI reference naming the kind of problem, e.g. /problems/validation_failed.
   */
  type: string;
  title: string;
  status: number;
  detail: string;
  /**
   * @minItems 1
   */
  errors?: ProblemError[];
  /**
   * @minItems 1
   */
  warnings?: ProblemError[];
}
export interface ProblemError {
  /**
   * JSON Pointer (RFC 6901) into the request body, or /query/<name> for a query parameter.
   */
  pointer: string;
  code: string;
  message: string;
  /**
   * What the check found, to word it without reading the message: a schema check's keyword and its limit (e.g. { keyword: 'maximum', comparison: '<=', limit: 100 }), a semantic check's figures.
   */
  params?: {
    [k: string]: unknown;
  };
}
