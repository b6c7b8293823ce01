/**
 * A version's lifecycle, as a domain: draft -> submitted -> ratified -> superseded or withdrawn, and a
 * submitted version may return to draft. Only drafts change; every other state is fixed for good.
 *
 * decide() is pure: the policy's current records, a command, who gives it and when, in; the rows to
 * write, the audit events and the answer, out. Every guard lives here: the transition table, four eyes
 * (nobody who created, edited or submitted a version's content may ratify it), If-Match on exactly the
 * revision the ratifier reviewed, losers need a reason, the reference cohort's lock, superseding. The
 * store runs it inside one commit, so no await comes between a guard and the write it protects.
 */

import { contentHash, type Policy, type WorkedExample } from '../engine/index.js';
import type { AuditEvent } from './audit.js';
import { versionInForce } from './in-force.js';
import type { WorseOffGroup } from './ratification-comparison.js';
import type { AuditAnchor, PolicyRecord, Ratification, VersionRecord, VersionStatus } from './store/records.js';

export type LifecycleErrorKind = 'not-found' | 'forbidden' | 'conflict' | 'precondition-failed' | 'precondition-required' | 'invalid';

/** A command the lifecycle refuses: its kind says which HTTP status answers it, its pointer which field is at fault. */
export class LifecycleError extends Error {
  constructor(
    readonly kind: LifecycleErrorKind,
    readonly code: string,
    message: string,
    readonly pointer?: string,
    /** Several fields at fault, each with its own message (when one pointer is not enough). */
    readonly fields: ReadonlyArray<{ pointer: string; code: string; message: string }> = [],
  ) {
    super(message);
    this.name = 'LifecycleError';
  }
}

/** A worked example the submitted content does not reproduce. */
export interface ExampleFailure {
  pointer: string;
  code: 'example_failed';
  message: string;
}

export interface Actor {
  username: string;
}

export type RatificationDecision = Pick<Ratification, 'body' | 'decisionDate' | 'minuteReference' | 'rationale' | 'effectiveFrom'> & {
  equalityImpact?: string;
  comparisonWaiver?: string;
  /** The ratifier confirms an effective date before today or more than a year ahead. */
  confirmEffectiveFrom?: boolean;
};

/** The comparison over the reference cohort, made before the commit, with what it was made on. */
export interface ComparisonMade {
  cohortId: string;
  against: string;
  /** The revisions compared: the commit refuses a comparison of anything that has changed since. */
  candidateRevision: number;
  againstRevision: number;
  worseOff: WorseOffGroup[];
  record: Record<string, unknown>;
}

export type VersionCommand =
  | {
      kind: 'create';
      document: Policy;
      examples: WorkedExample[];
      basedOn: VersionRecord['basedOn'];
      calibration?: Record<string, unknown>;
    }
  | { kind: 'edit'; document: Policy; ifMatch: string | undefined }
  | { kind: 'edit-examples'; examples: WorkedExample[]; ifMatch: string | undefined; reason?: string }
  | { kind: 'delete' }
  | { kind: 'submit'; checked: { revision: number; examples: number; failures: ExampleFailure[] } }
  | { kind: 'return-to-draft' }
  | { kind: 'ratify'; decision: RatificationDecision; ifMatch: string | undefined; comparison: ComparisonMade | null }
  | { kind: 'withdraw'; reason: string };

export type Transition = 'edit' | 'edit-examples' | 'delete' | 'submit' | 'return-to-draft' | 'ratify' | 'withdraw';

/** The transition table: which states each command may start from. */
export const FROM: Record<Transition, readonly VersionStatus[]> = {
  edit: ['draft'],
  'edit-examples': ['draft'],
  delete: ['draft'],
  submit: ['draft'],
  'return-to-draft': ['submitted'],
  ratify: ['submitted'],
  withdraw: ['ratified', 'superseded'],
};

/** What decide() reads: the policy and all its versions, as committed. */
export interface PolicyState {
  policy: PolicyRecord | undefined;
  versions: readonly VersionRecord[];
}

/** What the commit gives decide(): its revision (each row it writes carries it), the time, the audit head. */
export interface CommitContext {
  revision: number;
  at: string;
  auditHead: AuditAnchor;
}

export interface Outcome {
  /** Versions written (new or replaced), keyed by version name. */
  write: VersionRecord[];
  /** Versions removed. */
  remove: string[];
  policy?: PolicyRecord;
  events: AuditEvent[];
  /** The version the command was about, as it now is (null once deleted). */
  version: VersionRecord | null;
}

export function decide(
  state: PolicyState,
  policyId: string,
  name: string,
  command: VersionCommand,
  actor: Actor,
  commit: CommitContext,
): Outcome {
  if (!state.policy) throw new LifecycleError('not-found', 'policy_not_found', `There is no policy '${policyId}'.`);
  if (command.kind === 'create') return create(state, command, actor, commit);

  const current = state.versions.find((v) => v.version === name);
  if (!current) throw new LifecycleError('not-found', 'version_not_found', `Policy '${policyId}' has no version '${name}'.`);
  assertFrom(current, command.kind);
  const event = (action: string, details: Record<string, unknown>): AuditEvent => ({
    at: commit.at,
    actor: actor.username,
    action,
    target: target(current),
    details,
  });
  const touch = (v: VersionRecord): VersionRecord => ({ ...v, revision: commit.revision, updatedAt: commit.at });

  switch (command.kind) {
    case 'edit': {
      assertRevision(current, command.ifMatch, 'stale_version', 'reload it and apply your change again');
      const hash = contentHash(command.document);
      const next = touch({ ...current, document: command.document, contentHash: hash, contributors: withPerson(current, actor) });
      return one(next, event('version.edit', { from: current.contentHash, to: hash, revision: commit.revision }));
    }
    case 'edit-examples': {
      assertRevision(current, command.ifMatch, 'stale_examples', 'reload them and apply your change again');
      const next = touch({ ...current, examples: command.examples, contributors: withPerson(current, actor) });
      return one(
        next,
        event('version.edit-examples', {
          examples: command.examples.length,
          revision: commit.revision,
          ...(command.reason ? { reason: command.reason } : {}),
        }),
      );
    }
    case 'delete': {
      return { write: [], remove: [name], events: [event('version.delete', { contentHash: current.contentHash })], version: null };
    }
    case 'submit': {
      if (command.checked.revision !== current.revision)
        throw new LifecycleError(
          'conflict',
          'changed_meanwhile',
          `Version ${name} changed while its worked examples were run; submit again.`,
        );
      if (command.checked.examples === 0)
        throw new LifecycleError(
          'invalid',
          'examples_required',
          'A version needs at least one worked example before it can be submitted.',
          '/examples',
        );
      if (command.checked.failures.length > 0)
        throw new LifecycleError(
          'invalid',
          'examples_failed',
          `${command.checked.failures.length} of ${command.checked.examples} worked examples do not give their expected result.`,
          undefined,
          command.checked.failures,
        );
      const next = touch({
        ...current,
        status: 'submitted',
        submittedAt: commit.at,
        submittedBy: actor.username,
        contributors: withPerson(current, actor),
      });
      return one(next, event('version.submit', { contentHash: current.contentHash, status: 'submitted', revision: commit.revision }));
    }
    case 'return-to-draft': {
      const next = touch({ ...current, status: 'draft', submittedAt: null, submittedBy: null });
      return one(next, event('version.return-to-draft', { contentHash: current.contentHash, status: 'draft', revision: commit.revision }));
    }
    case 'ratify':
      return ratify(state, current, command, actor, commit);
    case 'withdraw': {
      const next = touch({ ...current, status: 'withdrawn', withdrawal: { by: actor.username, at: commit.at, reason: command.reason } });
      return one(next, event('version.withdraw', { contentHash: current.contentHash, status: 'withdrawn', reason: command.reason }));
    }
  }
}

function create(state: PolicyState, command: Extract<VersionCommand, { kind: 'create' }>, actor: Actor, commit: CommitContext): Outcome {
  const { document } = command;
  if (state.versions.some((v) => v.version === document.version))
    throw new LifecycleError(
      'conflict',
      'version_exists',
      `Policy '${document.id}' already has a version '${document.version}': choose another version name.`,
      '/version',
    );
  const record: VersionRecord = {
    policyId: document.id,
    version: document.version,
    status: 'draft',
    document,
    contentHash: contentHash(document),
    examples: command.examples,
    basedOn: command.basedOn,
    createdAt: commit.at,
    createdBy: actor.username,
    updatedAt: commit.at,
    revision: commit.revision,
    contributors: [actor.username],
    submittedAt: null,
    submittedBy: null,
    ratification: null,
    superseded: null,
    withdrawal: null,
    ...(command.calibration ? { calibration: command.calibration } : {}),
  };
  return {
    write: [record],
    remove: [],
    events: [
      {
        at: commit.at,
        actor: actor.username,
        action: 'version.create',
        target: target(record),
        details: { contentHash: record.contentHash, basedOn: command.basedOn, revision: commit.revision },
      },
    ],
    version: record,
  };
}

function ratify(
  state: PolicyState,
  current: VersionRecord,
  command: Extract<VersionCommand, { kind: 'ratify' }>,
  actor: Actor,
  commit: CommitContext,
): Outcome {
  if (!command.ifMatch || command.ifMatch === '*')
    throw new LifecycleError(
      'precondition-required',
      'if_match_required',
      `Send If-Match with the ETag of version ${current.version} as you reviewed it, so that you ratify exactly that.`,
    );
  assertRevision(current, command.ifMatch, 'changed_since_review', 'review it again before ratifying');
  if (current.contributors.includes(actor.username))
    throw new LifecycleError(
      'forbidden',
      'four_eyes',
      `You ${current.submittedBy === actor.username ? 'submitted' : current.createdBy === actor.username ? 'created' : 'edited'} version ${current.version}, so someone else must ratify it.`,
    );

  const { decision } = command;
  const confirmedDate = checkRatificationDates(decision, commit.at.slice(0, 10));
  const comparison = command.comparison;
  if (comparison) {
    const expected = expectedComparison(state, current, decision.effectiveFrom);
    if (
      !expected ||
      expected.cohortId !== comparison.cohortId ||
      expected.against.version !== comparison.against ||
      expected.against.revision !== comparison.againstRevision ||
      comparison.candidateRevision !== current.revision
    )
      throw new LifecycleError(
        'conflict',
        'comparison_stale',
        'The reference cohort or the version in force changed while the comparison was being made; ratify again.',
      );
    if (comparison.worseOff.length > 0 && !decision.equalityImpact)
      throw new LifecycleError(
        'invalid',
        'equality_impact_required',
        `Compared with ${comparison.against} over the reference cohort, this version leaves people worse off (${describeWorseOff(comparison.worseOff)}). Record an equality impact note with the rationale.`,
        undefined,
        [
          {
            pointer: '/equalityImpact',
            code: 'equality_impact_required',
            message: `some groups are worse off: ${describeWorseOff(comparison.worseOff)}`,
          },
        ],
      );
    if (decision.comparisonWaiver)
      throw new LifecycleError(
        'invalid',
        'waiver_not_applicable',
        'This version was compared over the reference cohort, so there is nothing to waive.',
        '/comparisonWaiver',
      );
  } else {
    if (expectedComparison(state, current, decision.effectiveFrom))
      throw new LifecycleError(
        'conflict',
        'comparison_stale',
        'A reference cohort was chosen meanwhile: ratify again so that the version is compared over it.',
      );
    if (!decision.comparisonWaiver)
      throw new LifecycleError(
        'invalid',
        'comparison_waiver_required',
        `Version ${current.version} cannot be compared with a version in force over a reference cohort (${whyNoComparison(state, current, decision.effectiveFrom)}). Record why it is ratified without a comparison.`,
        undefined,
        [
          {
            pointer: '/comparisonWaiver',
            code: 'comparison_waiver_required',
            message: 'say why this version is ratified without a comparison',
          },
        ],
      );
  }

  const ratification: Ratification = {
    body: decision.body,
    decisionDate: decision.decisionDate,
    minuteReference: decision.minuteReference,
    rationale: decision.rationale,
    effectiveFrom: decision.effectiveFrom,
    ...(decision.equalityImpact ? { equalityImpact: decision.equalityImpact } : {}),
    ...(decision.comparisonWaiver ? { comparisonWaiver: decision.comparisonWaiver } : {}),
    ...(confirmedDate ? { effectiveFromConfirmed: true } : {}),
    ratifiedBy: actor.username,
    ratifiedAt: commit.at,
    comparison: comparison?.record ?? null,
    auditAnchor: commit.auditHead,
  };
  const ratified: VersionRecord = { ...current, status: 'ratified', ratification, revision: commit.revision, updatedAt: commit.at };
  const events: AuditEvent[] = [
    {
      at: commit.at,
      actor: actor.username,
      action: 'version.ratify',
      target: target(current),
      details: {
        contentHash: current.contentHash,
        revision: commit.revision,
        ...decision,
        worseOff: comparison?.worseOff ?? [],
        auditAnchor: commit.auditHead,
      },
    },
  ];
  const superseded = supersessions([...state.versions.filter((v) => v.version !== current.version), ratified], actor.username, commit);
  return {
    write: [ratified, ...superseded.write],
    remove: [],
    events: [...events, ...superseded.events],
    // Ratified to take effect before a version already in force, it is superseded at once.
    version: superseded.write.find((v) => v.version === current.version) ?? ratified,
  };
}

/** What a ratification on this date must be compared with: the policy's reference cohort and the version then in force. */
export function expectedComparison(
  state: PolicyState,
  candidate: VersionRecord,
  effectiveFrom: string,
): { cohortId: string; against: VersionRecord } | null {
  const cohortId = state.policy?.referenceCohortId;
  if (!cohortId) return null;
  const against = versionInForce(
    state.versions.filter((v) => v.version !== candidate.version),
    candidate.policyId,
    effectiveFrom,
  );
  return against ? { cohortId, against } : null;
}

/**
 * A ratification records a decision already taken, so its date cannot be after today. An effective date
 * before today (backdating) or more than a year ahead is sometimes right, and often a slip of the keyboard:
 * it needs the ratifier's explicit confirmation, which the record keeps. Returns whether one was needed.
 */
export function checkRatificationDates(decision: RatificationDecision, today: string): boolean {
  if (decision.decisionDate > today)
    throw new LifecycleError(
      'invalid',
      'decision_date_in_future',
      `The decision date ${decision.decisionDate} is after today (${today}): a ratification records a decision already taken.`,
      '/decisionDate',
    );
  const yearAhead = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  const unusual = decision.effectiveFrom < today ? 'before today' : decision.effectiveFrom > yearAhead ? 'more than a year ahead' : null;
  if (unusual && decision.confirmEffectiveFrom !== true)
    throw new LifecycleError(
      'invalid',
      'effective_from_unusual',
      `The version would be in force from ${decision.effectiveFrom}, ${unusual} (today is ${today}). If that is intended, confirm the effective date (confirmEffectiveFrom: true).`,
      '/effectiveFrom',
    );
  return unusual !== null;
}

function whyNoComparison(state: PolicyState, candidate: VersionRecord, effectiveFrom: string): string {
  if (!state.policy?.referenceCohortId) return `policy '${candidate.policyId}' has no reference cohort`;
  return `no version of '${candidate.policyId}' is in force on ${effectiveFrom} to compare with`;
}

/**
 * After a ratification, every ratified version of the scheme except the one that takes effect last is
 * superseded, by the next one to take effect after it. Ratifying a version dated before an existing
 * one therefore supersedes the new version at once (it still answers for the dates between).
 */
export function supersessions(versions: readonly VersionRecord[], actor: string, commit: CommitContext): Pick<Outcome, 'write' | 'events'> {
  const live = versions
    .filter((v) => v.status === 'ratified')
    .sort(
      (a, b) =>
        a.ratification!.effectiveFrom.localeCompare(b.ratification!.effectiveFrom) ||
        a.ratification!.ratifiedAt.localeCompare(b.ratification!.ratifiedAt),
    );
  const write: VersionRecord[] = [];
  const events: AuditEvent[] = [];
  live.slice(0, -1).forEach((v, k) => {
    const next = live[k + 1]!;
    const from = next.ratification!.effectiveFrom;
    write.push({
      ...v,
      status: 'superseded',
      superseded: { by: next.version, from, at: commit.at },
      updatedAt: commit.at,
      revision: commit.revision,
    });
    events.push({ at: commit.at, actor, action: 'version.supersede', target: target(v), details: { by: next.version, from } });
  });
  return { write, events };
}

/** A new scheme with its first draft. */
export function createPolicy(
  state: PolicyState,
  document: Policy,
  examples: WorkedExample[],
  actor: Actor,
  commit: CommitContext,
): Outcome {
  if (state.policy)
    throw new LifecycleError(
      'conflict',
      'policy_exists',
      `There is already a policy '${document.id}': add a version to it instead.`,
      '/id',
    );
  const policy: PolicyRecord = {
    id: document.id,
    title: document.title,
    council: document.council,
    createdAt: commit.at,
    createdBy: actor.username,
    revision: commit.revision,
  };
  const draft = create({ policy, versions: [] }, { kind: 'create', document, examples, basedOn: null }, actor, commit);
  return {
    ...draft,
    policy,
    events: [{ at: commit.at, actor: actor.username, action: 'policy.create', target: `policy:${policy.id}` }, ...draft.events],
  };
}

/** Choosing the cohort versions are compared over before ratification: not while one of them is submitted. */
export function setReferenceCohort(state: PolicyState, cohortId: string | null, actor: Actor, commit: CommitContext): Outcome {
  if (!state.policy) throw new LifecycleError('not-found', 'policy_not_found', 'There is no such policy.');
  const submitted = state.versions.filter((v) => v.status === 'submitted').map((v) => v.version);
  if (submitted.length > 0 && cohortId !== (state.policy.referenceCohortId ?? null))
    throw new LifecycleError(
      'conflict',
      'reference_cohort_locked',
      `Version${submitted.length > 1 ? 's' : ''} ${submitted.join(', ')} ${submitted.length > 1 ? 'are' : 'is'} submitted and will be compared over the current reference cohort; return ${submitted.length > 1 ? 'them' : 'it'} to draft before changing it.`,
      '/cohortId',
    );
  const policy: PolicyRecord = { ...state.policy, referenceCohortId: cohortId, revision: commit.revision };
  return {
    write: [],
    remove: [],
    policy,
    events: [
      { at: commit.at, actor: actor.username, action: 'policy.reference-cohort', target: `policy:${policy.id}`, details: { cohortId } },
    ],
    version: null,
  };
}

export function describeWorseOff(groups: readonly WorseOffGroup[]): string {
  return groups.map((g) => `${g.group}: ${g.losers} of ${g.people} worse off`).join('; ');
}

/** Versions that speak for some date: ratified ones, and superseded ones for the dates before their successor. */
export function countsForDates(version: VersionRecord): boolean {
  return version.status === 'ratified' || version.status === 'superseded';
}

/** How a version is named in the audit log. */
export function target(record: Pick<VersionRecord, 'policyId' | 'version'>): string {
  return `version:${record.policyId}/${record.version}`;
}

/** A version's ETag: the revision (commit number) of its last change, quoted. */
export function etagOf(record: { revision: number }): string {
  return `"${record.revision}"`;
}

function one(version: VersionRecord, event: AuditEvent): Outcome {
  return { write: [version], remove: [], events: [event], version };
}

function withPerson(version: VersionRecord, actor: Actor): string[] {
  return version.contributors.includes(actor.username) ? version.contributors : [...version.contributors, actor.username];
}

function assertFrom(version: VersionRecord, transition: Transition): void {
  const allowed = FROM[transition];
  if (allowed.includes(version.status)) return;
  if (allowed.length === 1 && allowed[0] === 'draft' && transition !== 'submit')
    throw new LifecycleError(
      'conflict',
      'version_immutable',
      `Version ${version.version} is ${version.status} and can never change. Clone it to a new draft to make changes.`,
    );
  throw new LifecycleError(
    'conflict',
    'wrong_status',
    `Version ${version.version} is ${version.status}: only a version that is ${allowed.join(' or ')} can ${transition.replaceAll('-', ' ')}.`,
  );
}

function assertRevision(version: VersionRecord, ifMatch: string | undefined, code: string, advice: string): void {
  if (!ifMatch)
    throw new LifecycleError(
      'precondition-required',
      'if_match_required',
      'Send If-Match with the ETag you last read, so a stale edit cannot overwrite a newer one.',
    );
  if (ifMatch.trim() !== '*' && ifMatch.trim() !== etagOf(version))
    throw new LifecycleError(
      'precondition-failed',
      code,
      `Version ${version.version} has changed since you read it (it is now ${etagOf(version)}, you read ${ifMatch.trim()}): ${advice}.`,
    );
}
