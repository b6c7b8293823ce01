/**
 * A version's lifecycle, as a domain: draft -> submitted -> ratified -> superseded or withdrawn, and a
 * submitted version may return to draft. Only drafts change; every other state is fixed for good.
 *
 * decide() is pure: the policy's current records, a command, who gives it and when, in; the rows to
 * write, the audit events and the answer, out. Every guard lives here: the transition table, four eyes
 * over every change of what is in force (a ratification, and a withdrawal proposed by one ratifier and
 * confirmed by another), authorship that follows content through clones and copies, If-Match on
 * exactly the revision the second person reviewed, losers need a reason, reasons that hold words, the
 * reference cohort's lock, superseding. The store runs it inside one commit, so no await comes between
 * a guard and the write it protects.
 */

import { contentHash, longDate, type Policy, type WorkedExample } from '../../engine/index.js';
import type { RatificationComparison, SavedCalibration } from '../contract/records.js';
import type { AuditEvent } from '../audit/chain.js';
import type { Changes, CommitContext } from './changes.js';
import { DomainError as LifecycleError } from './errors.js';
import { type PreconditionRule, requirePrecondition } from './preconditions.js';
import { optionalReason, requireReason } from './reasons.js';
import { byTakingEffect, countsForDates, versionInForce } from './in-force.js';
import { type Action, may } from './permissions.js';
import type {
  CohortRecord,
  PolicyRecord,
  Ratification,
  Restores,
  Role,
  VersionRecord,
  VersionStatus,
  Withdrawal,
} from '../store/records.js';

/** The figures a worked example may state of a result: one at least, or it tests nothing. */
const EXPECTED_FIGURES = ['totalPoints', 'allocation', 'weeklyPence', 'monthlyPence', 'annualPence', 'outcome', 'awardPence'] as const;

/** Worked examples that state no expected figure: each is a failure, not a pass, at submission. */
export function examplesStatingNoFigure(examples: readonly WorkedExample[]): ExampleFailure[] {
  return examples.flatMap((example, i) =>
    EXPECTED_FIGURES.some((field) => field in example.expect)
      ? []
      : [
          {
            pointer: `/examples/${i}/expect`,
            code: 'example_failed' as const,
            message: `'${example.name}' states no expected figure: give at least one of ${EXPECTED_FIGURES.join(', ')}, worked out by hand.`,
          },
        ],
  );
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

/** A client group or age band that a change of what is in force leaves with people worse off. */
/** A group the comparison leaves worse off, as the comparison record states it (lostAmount is absent on older records). */
export type WorseOffGroup = RatificationComparison['worseOff'][number];

/** The comparison over the reference cohort, made before the commit, with what it was made on. */
export interface ComparisonMade {
  cohortId: string;
  /** The version in force, compared from. */
  against: string;
  /** The version that would be in force instead. */
  candidate: string;
  /** The revisions compared: the commit refuses a comparison of anything that has changed since. */
  candidateRevision: number;
  againstRevision: number;
  /** People compared in money: both versions give them an amount. */
  people: number;
  worseOff: WorseOffGroup[];
  record: RatificationComparison;
}

export type VersionCommand =
  | {
      kind: 'create';
      document: Policy;
      examples: WorkedExample[];
      basedOn: VersionRecord['basedOn'];
      /** The authors its source carried when it was read (a source deleted before the commit still counts). */
      sourceAuthors?: readonly string[];
      calibration?: SavedCalibration;
    }
  | { kind: 'edit'; document: Policy; ifMatch: string | undefined }
  | { kind: 'edit-examples'; examples: WorkedExample[]; ifMatch: string | undefined; reason?: string }
  | { kind: 'delete' }
  | { kind: 'submit'; checked: { revision: number; examples: number; failures: ExampleFailure[] } }
  | { kind: 'return-to-draft' }
  | { kind: 'ratify'; decision: RatificationDecision; ifMatch: string | undefined; comparison: ComparisonMade | null }
  | { kind: 'propose-withdrawal'; reason: string }
  | { kind: 'cancel-withdrawal' }
  | {
      kind: 'confirm-withdrawal';
      decision: WithdrawalDecision;
      ifMatch: string | undefined;
      comparison: ComparisonMade | null;
    };

/** What the second ratifier adds when confirming a withdrawal. */
export interface WithdrawalDecision {
  equalityImpact?: string;
  comparisonWaiver?: string;
}

export type Transition = Exclude<VersionCommand['kind'], 'create'>;

/** The transition table: which states each command may start from. */
export const FROM: Record<Transition, readonly VersionStatus[]> = {
  edit: ['draft'],
  'edit-examples': ['draft'],
  delete: ['draft'],
  submit: ['draft'],
  'return-to-draft': ['submitted'],
  ratify: ['submitted'],
  'propose-withdrawal': ['ratified', 'superseded'],
  'cancel-withdrawal': ['ratified', 'superseded'],
  'confirm-withdrawal': ['ratified', 'superseded'],
};

/** A step a person may take from a version's page: a transition, or a new draft cloned from it. */
export type Step = Transition | 'clone';

/** The permission each step needs: the version routes are guarded by the same. */
export const STEP_PERMISSION: Record<Step, Action> = {
  edit: 'version.draft',
  'edit-examples': 'version.draft',
  delete: 'version.draft',
  clone: 'version.draft',
  submit: 'version.submit',
  'return-to-draft': 'version.return-to-draft',
  ratify: 'version.ratify',
  'propose-withdrawal': 'version.withdraw',
  'cancel-withdrawal': 'version.withdraw',
  'confirm-withdrawal': 'version.withdraw',
};

/**
 * The steps this person may take on the version now: their roles allow it, the version's status does
 * (the transition table), and no rule of four eyes stands in their way (an author does not ratify; whoever
 * proposed a withdrawal does not confirm it). The console offers these and nothing else; decide() still
 * judges each command as it comes, with what only the command knows (the ETag read, the reasons given).
 */
export function stepsOpenTo(version: VersionRecord, person: { username: string; roles: readonly Role[] }): Step[] {
  const proposal = version.withdrawalProposal ?? null;
  const allowed: Record<Step, boolean> = {
    edit: true,
    'edit-examples': true,
    delete: true,
    clone: true,
    submit: true,
    'return-to-draft': true,
    ratify: !authorsOfContent(version).includes(person.username),
    'propose-withdrawal': proposal === null,
    'cancel-withdrawal': proposal !== null,
    'confirm-withdrawal': proposal !== null && proposal.proposedBy !== person.username,
  };
  return (Object.keys(STEP_PERMISSION) as Step[]).filter(
    (step) => may(person.roles, STEP_PERMISSION[step]) && allowed[step] && (step === 'clone' || FROM[step].includes(version.status)),
  );
}

/** What decide() reads: the policy and all its versions, as committed. */
export interface PolicyState {
  policy: PolicyRecord | undefined;
  versions: readonly VersionRecord[];
}

export type { CommitContext };

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

/** What the outcome changes, for the command runner: the versions written and removed, the policy, the events. */
export function changesOf(policyId: string, outcome: Outcome): Changes {
  return {
    put: [
      ...outcome.write.map((row) => ({ collection: 'versions' as const, row })),
      ...(outcome.policy ? [{ collection: 'policies' as const, row: outcome.policy }] : []),
    ],
    remove: outcome.remove.map((name) => ({ collection: 'versions' as const, key: `${policyId}/${name}` })),
    events: outcome.events,
  };
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
      requirePrecondition(command.ifMatch, etagOf(current), draftRule(current, 'stale_version', 'reload it and apply your change again'));
      const hash = contentHash(command.document);
      const inherited = inheritedAuthors(state, command.document, null, current.inheritedAuthors ?? []);
      const next = touch({
        ...current,
        document: command.document,
        contentHash: hash,
        contributors: withPerson(current, actor),
        ...(inherited.length > 0 ? { inheritedAuthors: inherited } : {}),
      });
      return one(next, event('version.edit', { from: current.contentHash, to: hash, revision: commit.revision }));
    }
    case 'edit-examples': {
      requirePrecondition(
        command.ifMatch,
        etagOf(current),
        draftRule(current, 'stale_examples', 'reload them and apply your change again'),
      );
      const reason = optionalReason(command.reason, '/reason', 'why the worked examples change');
      const next = touch({ ...current, examples: command.examples, contributors: withPerson(current, actor) });
      return one(
        next,
        event('version.edit-examples', {
          examples: command.examples.length,
          revision: commit.revision,
          ...(reason ? { reason } : {}),
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
    case 'propose-withdrawal': {
      if (current.withdrawalProposal)
        throw new LifecycleError(
          'conflict',
          'withdrawal_proposed',
          `${current.withdrawalProposal.proposedBy} has already proposed withdrawing version ${name}: confirm or cancel that proposal.`,
        );
      const reason = requireReason(command.reason, '/reason', 'why the version is withdrawn');
      const restores = restoredBy(state, current);
      const proposal = { proposedBy: actor.username, proposedAt: commit.at, reason, restores };
      return one(
        touch({ ...current, withdrawalProposal: proposal }),
        event('version.withdrawal-proposed', { contentHash: current.contentHash, reason, restores, revision: commit.revision }),
      );
    }
    case 'cancel-withdrawal': {
      if (!current.withdrawalProposal)
        throw new LifecycleError('conflict', 'no_withdrawal_proposed', `Nobody has proposed withdrawing version ${name}.`);
      return one(
        touch({ ...current, withdrawalProposal: null }),
        event('version.withdrawal-cancelled', { proposedBy: current.withdrawalProposal.proposedBy, revision: commit.revision }),
      );
    }
    case 'confirm-withdrawal':
      return confirmWithdrawal(state, current, command, actor, commit);
  }
}

/**
 * Authorship follows content. The people who may not ratify a version are everyone who authored any
 * part of its content since it was last ratified: its own creators, editors and submitters, and,
 * when its content came from a version not yet ratified (a clone of a draft, a calibration saved from
 * one, or the same content pasted in), everyone who authored that. Ratified content was reviewed by a
 * second person already, so copying it carries no authors with it.
 */
export function inheritedAuthors(state: PolicyState, document: Policy, basedOn: string | null, already: readonly string[]): string[] {
  const substance = substanceOf(document);
  const sources = state.versions.filter(
    (v) => !isReviewed(v) && (v.version === basedOn || (v.document !== document && substanceOf(v.document) === substance)),
  );
  return [...new Set([...already, ...sources.flatMap((v) => authorsOfContent(v))])];
}

/** Everyone who may not ratify a version: whoever authored any part of its content since it was last ratified. */
export function authorsOfContent(version: VersionRecord): string[] {
  return [...new Set([...(version.inheritedAuthors ?? []), ...version.contributors])];
}

/** The authors a copy of `source` carries: none once a second person has ratified it. */
export function authorsCarriedBy(source: VersionRecord): string[] {
  return isReviewed(source) ? [] : authorsOfContent(source);
}

/** Content that no second person has ratified yet. */
function isReviewed(version: VersionRecord): boolean {
  return version.ratification !== null;
}

const substances = new WeakMap<Policy, string>();

/** What a policy says, whatever it is called: its hash with the version's name, title and description set aside. */
function substanceOf(document: Policy): string {
  let hash = substances.get(document);
  if (hash === undefined) {
    const { version: _v, title: _t, description: _d, ...rest } = document;
    hash = contentHash({ ...rest, version: '', title: '' } as Policy);
    substances.set(document, hash);
  }
  return hash;
}

/** What answers, once `version` is withdrawn, for the first day it answered for. */
export function restoredBy(state: PolicyState, version: VersionRecord): Restores {
  const others = state.versions.filter((v) => v.version !== version.version);
  const back = versionInForce(others, version.policyId, version.ratification!.effectiveFrom);
  return back ? { version: back.version, contentHash: back.contentHash } : null;
}

/** A withdrawal's reference comparison: the version withdrawn against the one that comes back. */
export function expectedWithdrawalComparison(state: PolicyState, withdrawn: VersionRecord): ReferencePair | null {
  const cohortId = state.policy?.referenceCohortId;
  const restores = restoredBy(state, withdrawn);
  if (!cohortId || !restores) return null;
  const candidate = state.versions.find((v) => v.version === restores.version)!;
  return { cohortId, against: withdrawn, candidate };
}

function confirmWithdrawal(
  state: PolicyState,
  current: VersionRecord,
  command: Extract<VersionCommand, { kind: 'confirm-withdrawal' }>,
  actor: Actor,
  commit: CommitContext,
): Outcome {
  const proposal = current.withdrawalProposal;
  if (!proposal)
    throw new LifecycleError(
      'conflict',
      'no_withdrawal_proposed',
      `Nobody has proposed withdrawing version ${current.version}: a withdrawal is proposed by one ratifier and confirmed by another.`,
    );
  requirePrecondition(command.ifMatch, etagOf(current), {
    any: false,
    what: `version ${current.version}`,
    staleCode: 'changed_since_review',
    advice: 'review the proposal again before confirming it',
    required: `Send If-Match with the ETag of version ${current.version} as you reviewed the proposal to withdraw it, so that you confirm exactly that.`,
  });
  if (proposal.proposedBy === actor.username)
    throw new LifecycleError(
      'forbidden',
      'four_eyes',
      `You proposed withdrawing version ${current.version}, so another ratifier must confirm it.`,
    );
  const restores = restoredBy(state, current);
  if (restores?.version !== proposal.restores?.version || restores?.contentHash !== proposal.restores?.contentHash)
    throw new LifecycleError(
      'conflict',
      'withdrawal_stale',
      `Since the withdrawal was proposed, what comes back into force has changed (${describeRestores(proposal.restores)} then, ${describeRestores(restores)} now): cancel the proposal and propose it again.`,
    );
  const decision = checkedChangeNotes(command.decision);
  const from = current.ratification!.effectiveFrom;
  if (restores === null && !decision.equalityImpact)
    throw noteRequired(
      `Once version ${current.version} is withdrawn, no version of the scheme answers from ${longDate(from)}: every assessment dated then has no budget until another is ratified. Record an equality impact note.`,
    );
  if (restores !== null)
    checkComparison(
      command.comparison,
      expectedWithdrawalComparison(state, current),
      decision,
      () => `the scheme has no reference cohort to compare ${current.version} with ${restores.version} over`,
      groupNamer(current.document),
    );
  const withdrawal: Withdrawal = {
    by: actor.username,
    at: commit.at,
    reason: proposal.reason,
    proposedBy: proposal.proposedBy,
    proposedAt: proposal.proposedAt,
    restores,
    ...(decision.equalityImpact ? { equalityImpact: decision.equalityImpact } : {}),
    ...(decision.comparisonWaiver ? { comparisonWaiver: decision.comparisonWaiver } : {}),
    comparison: command.comparison?.record ?? null,
  };
  const next: VersionRecord = {
    ...current,
    status: 'withdrawn',
    withdrawal,
    withdrawalProposal: null,
    revision: commit.revision,
    updatedAt: commit.at,
  };
  const resettled = resettle(state.versions, next, actor.username, commit);
  const withdrawnEvent: AuditEvent = {
    at: commit.at,
    actor: actor.username,
    action: 'version.withdraw',
    target: target(current),
    details: {
      contentHash: current.contentHash,
      status: 'withdrawn',
      reason: proposal.reason,
      proposedBy: proposal.proposedBy,
      restores,
      ...decision,
      worseOff: command.comparison?.worseOff ?? [],
      revision: commit.revision,
    },
  };
  return { write: [next, ...resettled.write], remove: [], events: [withdrawnEvent, ...resettled.events], version: next };
}

/**
 * After a withdrawal, the versions that still answer for some date are settled again: the one that takes effect
 * last is ratified (in force from its date on), each other superseded by the next; so a version that comes back into
 * force says so, instead of still naming the withdrawn one as its successor.
 */
function resettle(
  versions: readonly VersionRecord[],
  withdrawn: VersionRecord,
  actor: string,
  commit: CommitContext,
): Pick<Outcome, 'write' | 'events'> {
  const live = versions.filter((v) => v.version !== withdrawn.version && countsForDates(v)).sort(byTakingEffect);
  const write: VersionRecord[] = [];
  const events: AuditEvent[] = [];
  live.forEach((v, k) => {
    const successor = live[k + 1];
    if (!successor && v.status !== 'ratified') {
      write.push({ ...v, status: 'ratified', superseded: null, updatedAt: commit.at, revision: commit.revision });
      events.push({ at: commit.at, actor, action: 'version.restore', target: target(v), details: { withdrawn: withdrawn.version } });
    } else if (successor && (v.status !== 'superseded' || v.superseded?.by !== successor.version)) {
      const from = successor.ratification!.effectiveFrom;
      write.push({
        ...v,
        status: 'superseded',
        superseded: { by: successor.version, from, at: commit.at },
        updatedAt: commit.at,
        revision: commit.revision,
      });
      events.push({ at: commit.at, actor, action: 'version.supersede', target: target(v), details: { by: successor.version, from } });
    }
  });
  return { write, events };
}

function describeRestores(restores: Restores): string {
  return restores ? `version ${restores.version}` : 'nothing';
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
  const inherited = inheritedAuthors(state, document, command.basedOn?.version ?? null, command.sourceAuthors ?? []).filter(
    (a) => a !== actor.username,
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
    ...(inherited.length > 0 ? { inheritedAuthors: inherited } : {}),
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
        details: {
          contentHash: record.contentHash,
          basedOn: command.basedOn,
          revision: commit.revision,
          ...(inherited.length > 0 ? { inheritedAuthors: inherited } : {}),
        },
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
  requirePrecondition(command.ifMatch, etagOf(current), {
    any: false,
    what: `version ${current.version}`,
    staleCode: 'changed_since_review',
    advice: 'review it again before ratifying',
    required: `Send If-Match with the ETag of version ${current.version} as you reviewed it, so that you ratify exactly that.`,
  });
  if (authorsOfContent(current).includes(actor.username))
    throw new LifecycleError('forbidden', 'four_eyes', `${roleInContent(current, actor)}, so someone else must ratify it.`);

  // Every problem with what the ratifier wrote is found and answered at once, each at its field; a refusal
  // that no field can put right (a conflict, four eyes, a stale review) is answered alone, as soon as it is found.
  const problems = new Problems();
  const notes = problems.check(() => checkedChangeNotes(command.decision)) ?? {};
  const rationale = problems.check(() => requireReason(command.decision.rationale, '/rationale', 'the rationale'));
  const decision = { ...command.decision, ...notes, rationale: rationale ?? command.decision.rationale };
  problems.check(() => checkDecisionDate(decision, commit.at.slice(0, 10)));
  const confirmedDate = problems.check(() => checkEffectiveFrom(decision, commit.at.slice(0, 10))) ?? false;
  const comparison = command.comparison;
  problems.check(() =>
    checkComparison(
      comparison,
      expectedComparison(state, current, decision.effectiveFrom),
      // A note given but not in words is refused at its field above, not said again to be missing.
      {
        ...notes,
        ...(command.decision.equalityImpact !== undefined && !notes.equalityImpact ? { equalityImpact: 'given' } : {}),
        ...(command.decision.comparisonWaiver !== undefined && !notes.comparisonWaiver ? { comparisonWaiver: 'given' } : {}),
      },
      () => whyNoComparison(state, current, decision.effectiveFrom),
      groupNamer(current.document),
    ),
  );
  problems.throwIfAny(`version ${current.version} can be ratified`);

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
    ...(commit.checkpoint ? { checkpoint: commit.checkpoint() } : {}),
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

/** Two versions to compare over a reference cohort: the one in force, and the one that would take its place. */
export interface ReferencePair {
  cohortId: string;
  against: VersionRecord;
  candidate: VersionRecord;
}

/** What a ratification on this date must be compared with: the policy's reference cohort and the version then in force. */
export function expectedComparison(state: PolicyState, candidate: VersionRecord, effectiveFrom: string): ReferencePair | null {
  const cohortId = state.policy?.referenceCohortId;
  if (!cohortId) return null;
  const against = versionInForce(
    state.versions.filter((v) => v.version !== candidate.version),
    candidate.policyId,
    effectiveFrom,
  );
  return against ? { cohortId, against, candidate } : null;
}

/** The notes a change of what is in force may carry, as reasons that hold words. */
function checkedChangeNotes(decision: WithdrawalDecision): WithdrawalDecision {
  const equalityImpact = optionalReason(decision.equalityImpact, '/equalityImpact', 'the equality impact note');
  const comparisonWaiver = optionalReason(decision.comparisonWaiver, '/comparisonWaiver', 'why there is no comparison');
  return { ...(equalityImpact ? { equalityImpact } : {}), ...(comparisonWaiver ? { comparisonWaiver } : {}) };
}

/**
 * Losers need a reason: where a comparison over the reference cohort can be made, it must have been made
 * on exactly the versions and cohort that are current, and if anyone is worse off or loses their
 * amount, an equality impact note must be given; where none can be made, a waiver must say why.
 */
function checkComparison(
  comparison: ComparisonMade | null,
  expected: ReferencePair | null,
  notes: WithdrawalDecision,
  whyNone: () => string,
  name: (group: WorseOffGroup) => string = (g) => g.group,
): void {
  if (comparison) {
    if (
      !expected ||
      expected.cohortId !== comparison.cohortId ||
      expected.against.version !== comparison.against ||
      expected.against.revision !== comparison.againstRevision ||
      expected.candidate.version !== comparison.candidate ||
      expected.candidate.revision !== comparison.candidateRevision
    )
      throw new LifecycleError(
        'conflict',
        'comparison_stale',
        'The reference cohort or the versions compared changed while the comparison was being made; try again.',
      );
    // A comparison of nobody shows no loser because it shows nobody: that is no reason to skip the note.
    if (comparison.people === 0 && comparison.worseOff.length === 0 && !notes.equalityImpact)
      throw noteRequired(
        `Nobody in the reference cohort could be compared with ${comparison.against} in money, so nobody's loss can be seen. Record an equality impact note, or choose a reference cohort this scheme can evaluate.`,
        'the reference cohort compared nobody: say why the change is made all the same',
      );
    if (comparison.worseOff.length > 0 && !notes.equalityImpact)
      throw noteRequired(
        `Compared with ${comparison.against} over the reference cohort, this change leaves people worse off (${describeWorseOff(comparison.worseOff, name)}). Record an equality impact note with the rationale.`,
        `some groups are worse off: ${describeWorseOff(comparison.worseOff, name)}`,
      );
    if (notes.comparisonWaiver)
      throw new LifecycleError(
        'invalid',
        'waiver_not_applicable',
        'This change was compared over the reference cohort, so there is nothing to waive.',
        '/comparisonWaiver',
      );
    return;
  }
  if (expected)
    throw new LifecycleError(
      'conflict',
      'comparison_stale',
      'A reference cohort was chosen meanwhile: try again so that the change is compared over it.',
    );
  if (!notes.comparisonWaiver)
    throw new LifecycleError(
      'invalid',
      'comparison_waiver_required',
      `This change cannot be compared over a reference cohort (${whyNone()}). Record why it is made without a comparison.`,
      undefined,
      [{ pointer: '/comparisonWaiver', code: 'comparison_waiver_required', message: 'say why this is done without a comparison' }],
    );
}

function noteRequired(message: string, field = message): LifecycleError {
  return new LifecycleError('invalid', 'equality_impact_required', message, undefined, [
    { pointer: '/equalityImpact', code: 'equality_impact_required', message: field },
  ]);
}

function roleInContent(version: VersionRecord, actor: Actor): string {
  if (version.submittedBy === actor.username) return `You submitted version ${version.version}`;
  if (version.createdBy === actor.username) return `You created version ${version.version}`;
  if (version.contributors.includes(actor.username)) return `You edited version ${version.version}`;
  return `You wrote content of version ${version.version} (in ${version.basedOn ? `version ${version.basedOn.version}, which it was copied from, or ` : ''}a version with the same content, not yet ratified)`;
}

/** Edits of a draft: If-Match with the ETag last read, or "*" to say "whatever it now is". */
function draftRule(version: VersionRecord, staleCode: string, advice: string): PreconditionRule {
  return {
    any: true,
    what: `version ${version.version}`,
    staleCode,
    advice,
    required: 'Send If-Match with the ETag you last read, so a stale edit cannot overwrite a newer one.',
  };
}

/**
 * A ratification records a decision already taken, so its date cannot be after today. An effective date
 * before today (backdating) or more than a year ahead is sometimes right, and often a slip of the keyboard:
 * it needs the ratifier's explicit confirmation, which the record keeps. Returns whether one was needed.
 */
export function checkRatificationDates(decision: RatificationDecision, today: string): boolean {
  const problems = new Problems();
  problems.check(() => checkDecisionDate(decision, today));
  const confirmed = problems.check(() => checkEffectiveFrom(decision, today));
  problems.throwIfAny('the dates can be recorded');
  return confirmed ?? false;
}

/**
 * The date problems of a ratification the request's schema refuses (a field left blank): answered with the
 * schema's, so one answer has every problem. A date the schema itself refuses is left to it.
 */
export function ratificationDateProblems(body: unknown, today: string): Array<{ pointer: string; code: string; message: string }> {
  if (!body || typeof body !== 'object') return [];
  const decision = body as RatificationDecision;
  const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
  const problems = new Problems();
  if (isDate(decision.decisionDate)) problems.check(() => checkDecisionDate(decision, today));
  if (isDate(decision.effectiveFrom)) problems.check(() => checkEffectiveFrom(decision, today));
  return problems.fields();
}

function checkDecisionDate(decision: RatificationDecision, today: string): void {
  if (decision.decisionDate > today)
    throw new LifecycleError(
      'invalid',
      'decision_date_in_future',
      `The decision date, ${longDate(decision.decisionDate)}, is after today (${longDate(today)}): a ratification records a decision already taken.`,
      '/decisionDate',
    );
}

function checkEffectiveFrom(decision: RatificationDecision, today: string): boolean {
  const yearAhead = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  const unusual = decision.effectiveFrom < today ? 'before today' : decision.effectiveFrom > yearAhead ? 'more than a year ahead' : null;
  if (unusual && decision.confirmEffectiveFrom !== true)
    throw new LifecycleError(
      'invalid',
      'effective_from_unusual',
      `The version would be in force from ${longDate(decision.effectiveFrom)}, ${unusual} (today is ${longDate(today)}). If that is intended, confirm that the effective date is intended.`,
      '/effectiveFrom',
    );
  return unusual !== null;
}

function whyNoComparison(state: PolicyState, candidate: VersionRecord, effectiveFrom: string): string {
  if (!state.policy?.referenceCohortId) return 'the scheme has no reference cohort';
  return `no version of the scheme is in force on ${longDate(effectiveFrom)} to compare with`;
}

/**
 * After a ratification, every ratified version of the scheme except the one that takes effect last is
 * superseded, by the next one to take effect after it. Ratifying a version dated before an existing
 * one therefore supersedes the new version at once (it still answers for the dates between).
 */
export function supersessions(versions: readonly VersionRecord[], actor: string, commit: CommitContext): Pick<Outcome, 'write' | 'events'> {
  const live = versions.filter((v) => v.status === 'ratified').sort(byTakingEffect);
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

/**
 * Choosing the cohort versions are compared over before ratification: not while one of them is submitted,
 * and not a cohort made for another scheme (its people answer another questionnaire, so nobody would be
 * compared and no loser seen).
 */
export function setReferenceCohort(
  state: PolicyState,
  cohort: Pick<CohortRecord, 'id' | 'policyId'> | null,
  actor: Actor,
  commit: CommitContext,
): Outcome {
  if (!state.policy) throw new LifecycleError('not-found', 'policy_not_found', 'There is no such policy.');
  const cohortId = cohort?.id ?? null;
  if (cohort && cohort.policyId !== state.policy.id)
    throw new LifecycleError(
      'invalid',
      'cohort_of_another_scheme',
      cohort.policyId
        ? `Cohort ${cohort.id} was made for scheme '${cohort.policyId}', not '${state.policy.id}': its people cannot be compared under this scheme.`
        : `Cohort ${cohort.id} names no scheme: a reference cohort is made for the scheme it is compared under ('${state.policy.id}').`,
      '/cohortId',
    );
  const submitted = state.versions.filter((v) => v.status === 'submitted').map((v) => v.version);
  if (submitted.length > 0 && cohortId !== (state.policy.referenceCohortId ?? null))
    throw new LifecycleError(
      'conflict',
      'reference_cohort_locked',
      `${lockedBy(submitted.length > 1 ? `Versions ${submitted.join(', ')} are submitted` : `Version ${submitted[0]} is submitted`, state.policy.referenceCohortId)}; return ${submitted.length > 1 ? 'them' : 'it'} to draft before changing it.`,
    );
  const proposed = state.versions.filter((v) => v.withdrawalProposal).map((v) => v.version);
  if (proposed.length > 0 && cohortId !== (state.policy.referenceCohortId ?? null))
    throw new LifecycleError(
      'conflict',
      'reference_cohort_locked',
      `${lockedBy(`Withdrawing ${proposed.join(', ')} is proposed`, state.policy.referenceCohortId)}; confirm or cancel the proposal before changing it.`,
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

/**
 * Why the reference cohort cannot change now, in words true whether or not there is one: a conflict of the
 * scheme's state, not a fault in the field sent, so it names no field.
 */
function lockedBy(what: string, current: string | null | undefined): string {
  return current
    ? `${what} and will be compared over the current reference cohort, which cannot change until then`
    : `${what} without a reference cohort, which cannot be chosen until then`;
}

export function describeWorseOff(groups: readonly WorseOffGroup[], name: (group: WorseOffGroup) => string = (g) => g.group): string {
  return groups
    .map((g) => {
      const parts = [
        ...(g.losers > 0 ? [`${g.losers} of ${g.people} worse off`] : []),
        ...((g.lostAmount ?? 0) > 0 ? [`${g.lostAmount} lose their amount`] : []),
      ];
      return `${name(g)}: ${parts.join(', ')}`;
    })
    .join('; ');
}

/** A group a comparison names, in words: a client group by its label in the version's document, an age band as "aged 65-74". */
export function groupNamer(document: Policy): (group: WorseOffGroup) => string {
  return (g) =>
    g.dimension === 'clientGroup' ? (document.clientGroups.find((c) => c.id === g.group)?.label ?? g.group) : `aged ${g.group}`;
}

/**
 * The problems of one command that the person can put right in its fields, gathered so they are all answered at
 * once: each check runs, an invalid field is kept, and any other refusal (a conflict, a forbidden step) is thrown.
 */
class Problems {
  private readonly found: LifecycleError[] = [];

  check<T>(run: () => T): T | undefined {
    try {
      return run();
    } catch (e) {
      if (e instanceof LifecycleError && e.kind === 'invalid') {
        this.found.push(e);
        return undefined;
      }
      throw e;
    }
  }

  /** Every field at fault, each with its own words. */
  fields(): Array<{ pointer: string; code: string; message: string }> {
    return this.found.flatMap((e) => {
      // A problem found without a field of its own but naming one field says its whole message there.
      if (e.pointer !== undefined) return [{ pointer: e.pointer, code: e.code, message: e.message }, ...e.fields];
      return e.fields.length === 1 ? [{ ...e.fields[0]!, message: e.message }] : [...e.fields];
    });
  }

  /** One problem as it was found; several as one answer listing every field at fault, each with its own words. */
  throwIfAny(goal: string): void {
    if (this.found.length === 0) return;
    if (this.found.length === 1) throw this.found[0];
    const fields = this.fields();
    throw new LifecycleError(
      'invalid',
      'ratification_incomplete',
      `${this.found.length} things must be put right before ${goal}: ${this.found.map((e) => e.message).join(' ')}`,
      undefined,
      fields,
    );
  }
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
    `Version ${version.version} is ${version.status}: only a version that is ${allowed.join(' or ')} can be ${DONE_TO[transition]}.`,
  );
}

/** Each transition as what is done to a version, for messages. */
const DONE_TO: Record<Transition, string> = {
  edit: 'edited',
  'edit-examples': 'given new worked examples',
  delete: 'deleted',
  submit: 'submitted',
  'return-to-draft': 'returned to draft',
  ratify: 'ratified',
  'propose-withdrawal': 'proposed for withdrawal',
  'cancel-withdrawal': 'kept in force after a proposal to withdraw it',
  'confirm-withdrawal': 'withdrawn',
};
