/* Generated from server/http/request-schemas.ts by scripts/generate-contracts.ts (npm run contracts). Do not edit: change the schemas. */
import type { Policy, Assessment, WorkedExample } from '../../engine/index.js';

export interface RequestBodies {
  LoginRequest: LoginRequest;
  SetupRequest: SetupRequest;
  CreateUserRequest: CreateUserRequest;
  EnrolRequest: EnrolRequest;
  UpdateUserRequest: UpdateUserRequest;
  CreateApiKeyRequest: CreateApiKeyRequest;
  ChangePasswordRequest: ChangePasswordRequest;
  WorkedExamplesRequest: WorkedExamplesRequest;
  CreatePolicyRequest: CreatePolicyRequest;
  CloneRequest: CloneRequest;
  RatifyRequest: RatifyRequest;
  WithdrawRequest: WithdrawRequest;
  ConfirmWithdrawalRequest: ConfirmWithdrawalRequest;
  BatchRequest: BatchRequest;
  RecordDecisionRequest: RecordDecisionRequest;
  FinalBudgetRequest: FinalBudgetRequest;
  CompareRequest: CompareRequest;
  GenerateCohortRequest: GenerateCohortRequest;
  ReferenceCohortRequest: ReferenceCohortRequest;
  CalibrateRequest: CalibrateRequest;
  VerifyRequest: VerifyRequest;
}
export interface LoginRequest {
  username: string;
  password: string;
}
export interface SetupRequest {
  code: string;
  username: string;
  displayName?: string;
  password: string;
}
export interface CreateUserRequest {
  username: string;
  displayName: string;
  /**
   * @minItems 1
   */
  roles: ("officer" | "ratifier" | "scrutiny" | "api-client" | "admin")[];
}
export interface EnrolRequest {
  username: string;
  code: string;
  password: string;
}
export interface UpdateUserRequest {
  displayName?: string;
  /**
   * @minItems 1
   */
  roles?: ("officer" | "ratifier" | "scrutiny" | "api-client" | "admin")[];
  disabled?: boolean;
}
export interface CreateApiKeyRequest {
  label: string;
  /**
   * When the key stops working; without it, it works until revoked.
   */
  expiresAt?: string;
}
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}
export interface WorkedExamplesRequest {
  /**
   * @maxItems 200
   */
  examples: WorkedExample[];
  reason?: string;
}
export interface CreatePolicyRequest {
  document: Policy;
  /**
   * @maxItems 200
   */
  examples?: WorkedExample[];
}
export interface CloneRequest {
  version: string;
  /**
   * The new version's title; default the source's.
   */
  title?: string;
  /**
   * The new version's description; default the source's.
   */
  description?: string;
}
export interface RatifyRequest {
  body: string;
  decisionDate: string;
  minuteReference: string;
  rationale: string;
  effectiveFrom: string;
  equalityImpact?: string;
  comparisonWaiver?: string;
  /**
   * Confirms an effective date before today or more than a year ahead: the ratification is refused without it.
   */
  confirmEffectiveFrom?: boolean;
}
export interface WithdrawRequest {
  reason: string;
}
export interface ConfirmWithdrawalRequest {
  equalityImpact?: string;
  comparisonWaiver?: string;
}
export interface BatchRequest {
  /**
   * Each is evaluated on its own: one that does not fit gives a problem in its place, and the others are answered.
   *
   * @minItems 1
   * @maxItems 1000
   */
  assessments: Assessment[];
}
export interface RecordDecisionRequest {
  policyId: string;
  version?: string;
  asOf?: string;
  assessment: Assessment;
  /**
   * Why an assessment dated under a version no longer in force is recorded under it: required then, kept in the audit log.
   */
  reason?: string;
}
export interface FinalBudgetRequest {
  weeklyPence: number;
  reason: string;
}
export interface CompareRequest {
  policyId: string;
  /**
   * @minItems 2
   * @maxItems 6
   */
  versions: string[];
  cohortId: string;
  asOf?: string;
  materiality?: {
    pounds?: number;
    percent?: number;
  };
  attribution?: boolean;
  wait?: boolean;
}
export interface GenerateCohortRequest {
  policyId: string;
  version: string;
  name: string;
  description?: string;
  size: number;
  seed: number;
}
export interface ReferenceCohortRequest {
  cohortId: string | null;
}
export interface CalibrateRequest {
  cohortId: string;
  budgetPence: number;
  contingencyPercent?: number;
  asOf?: string;
  /**
   * @maxItems 50
   */
  sensitivityPercents?: number[];
  saveAs?: string;
}
export interface VerifyRequest {
  /**
   * @maxItems 1000
   *
   * Items: A checkpoint line: ras-checkpoint v1 commit=… entry=… head=… at=… key=… sig=…
   */
  checkpoints?: string[];
  /**
   * Text holding checkpoint lines among other words (minutes pasted whole): every line in it is checked.
   */
  text?: string;
}
