/**
 * Recorded decisions: an indicative budget worked out for a person under the version in force on their
 * assessment date, and the final budget agreed after support planning with the reason for any
 * difference. Pure decisions: what is stored, the command, who gives it and the commit in, the changes
 * and audit events out (applied by server/commands.ts).
 */

import type { Assessment, EvaluationResult } from '../../engine/index.js';
import { versionInForce } from './in-force.js';
import { etagOf } from './lifecycle.js';
import { type Action, mayOn } from './permissions.js';
import type { DecisionRecord, DecisionSummary, FinalBudget, Role, VersionRecord } from '../store/records.js';
import type { CommitContext, Decided, StoredState } from './changes.js';
import { DomainError } from './errors.js';
import { requirePrecondition } from './preconditions.js';
import { requireReason } from './reasons.js';

/** Who records: a person, or a system by its API key (named in the audit log). */
export interface DecisionActor {
  username: string;
  roles: readonly Role[];
  keyId?: string;
}

/** What the request asks: the version and date it names, if any, and why, for an assessment dated under an earlier version. */
export interface RecordCommand {
  id: string;
  version: VersionRecord;
  assessment: Assessment;
  result: EvaluationResult;
  asked: { version?: string; asOf?: string; reason?: string };
  today: string;
}

export function recordDecision(
  state: StoredState,
  command: RecordCommand,
  actor: DecisionActor,
  commit: CommitContext,
): Decided<DecisionRecord> {
  const { version, assessment } = command;
  requireInForceDecision(version, assessment.assessmentDate, command.asked, command.today);
  const backdated = backdating(state, version, assessment.assessmentDate, command.asked.reason, command.today);
  const record: DecisionRecord = {
    id: command.id,
    createdAt: commit.at,
    createdBy: actor.username,
    policyId: version.policyId,
    version: version.version,
    contentHash: version.contentHash,
    asOf: null,
    revision: commit.revision,
    assessment,
    result: command.result,
    finalBudget: null,
  };
  return {
    answer: record,
    changes: {
      decisions: [record],
      events: [
        {
          at: record.createdAt,
          actor: record.createdBy,
          action: 'decision.record',
          target: `decision:${record.id}`,
          details: {
            policyId: record.policyId,
            version: record.version,
            contentHash: record.contentHash,
            ...(actor.keyId ? { apiKey: actor.keyId } : {}),
            ...(backdated ? { backdated } : {}),
          },
        },
      ],
    },
  };
}

export interface FinalBudgetCommand {
  decisionId: string;
  weeklyPence: number;
  reason: string;
  ifMatch: string | undefined;
}

export function setFinalBudget(
  state: StoredState,
  command: FinalBudgetCommand,
  actor: DecisionActor,
  commit: CommitContext,
): Decided<DecisionSummary> {
  const reason = requireReason(command.reason, '/reason', 'why the agreed budget is what it is');
  const current = state.decision(command.decisionId);
  if (!current || !mayOn(actor, 'decision.final-budget', current.createdBy)) throw decisionNotFound(command.decisionId);
  requirePrecondition(command.ifMatch, etagOf(current), {
    any: false,
    what: `decision ${command.decisionId}`,
    staleCode: 'stale_decision',
    advice: 'read it again before recording the final budget',
    required:
      'Send If-Match with the ETag of the decision as you read it, so that an agreed budget is not recorded over one you have not seen.',
  });
  const finalBudget: FinalBudget = { weeklyPence: command.weeklyPence, reason, recordedBy: actor.username, recordedAt: commit.at };
  return {
    answer: { ...current, finalBudget, revision: commit.revision },
    changes: {
      finalBudgets: [{ id: current.id, finalBudget }],
      events: [
        {
          at: commit.at,
          actor: actor.username,
          action: 'decision.final-budget',
          target: `decision:${current.id}`,
          details: {
            weeklyPence: command.weeklyPence,
            indicativeWeeklyPence: current.weeklyPence,
            revision: commit.revision,
            ...(actor.keyId ? { apiKey: actor.keyId } : {}),
          },
        },
      ],
    },
  };
}

/** A decision the caller may not see is, to them, one that does not exist. */
export function requireVisible<T extends { createdBy: string }>(
  decision: T | undefined,
  id: string,
  caller: { username: string; roles: readonly Role[] },
  action: Action,
): T {
  if (!decision || !mayOn(caller, action, decision.createdBy)) throw decisionNotFound(id);
  return decision;
}

export function decisionNotFound(id: string): DomainError {
  return new DomainError('not-found', 'decision_not_found', `There is no decision ${id}.`);
}

/**
 * A decision about a person rests on the version in force on their assessment date, as it stands on
 * that date. Naming another version, or another date for uplifts, is what-if (.../versions/:v/evaluate,
 * ?asOf=) or replay, and is never recorded as a decision: otherwise one person could pay someone under
 * a superseded scheme, or skip an uplift, with nobody else seeing it.
 */
function requireInForceDecision(inForce: VersionRecord, assessmentDate: string, asked: RecordCommand['asked'], today: string): void {
  // An assessment made is dated on or before today: a later date would choose a version not yet in force.
  if (assessmentDate > today)
    throw new DomainError(
      'invalid',
      'assessment_in_future',
      `The assessment date ${assessmentDate} is after today (${today}): a decision records an assessment already made. To see what a version to come gives, evaluate with it instead.`,
      undefined,
      [
        {
          pointer: '/assessment/assessmentDate',
          code: 'assessment_in_future',
          message: `an assessment already made is dated ${today} or before`,
        },
      ],
    );
  if (asked.version !== undefined && asked.version !== inForce.version)
    throw new DomainError(
      'invalid',
      'not_in_force',
      `Version ${asked.version} is not the version in force on the assessment date ${assessmentDate} (${inForce.version} is): a decision is recorded only under the version in force. To see what another version gives, evaluate with it instead.`,
      undefined,
      [
        {
          pointer: '/version',
          code: 'not_in_force',
          message: `leave it out, or name ${inForce.version}, the version in force on ${assessmentDate}`,
        },
      ],
    );
  if (asked.asOf !== undefined && asked.asOf !== assessmentDate)
    throw new DomainError(
      'invalid',
      'as_of_not_assessment_date',
      `A decision is worked out as of its assessment date (${assessmentDate}), not ${asked.asOf}: uplifts and dated amounts follow the assessment. To see another date, evaluate with ?asOf= instead.`,
      undefined,
      [{ pointer: '/asOf', code: 'as_of_not_assessment_date', message: `leave it out, or send ${assessmentDate}` }],
    );
}

/**
 * An assessment dated under a version no longer in force is worked out under that version, as the date says;
 * so that nobody can quietly choose an older scheme by choosing a date, such a decision states why (the reason
 * rule), and the audit log keeps it with the version in force today.
 */
function backdating(
  state: StoredState,
  used: VersionRecord,
  assessmentDate: string,
  reason: string | undefined,
  today: string,
): { reason: string; inForceToday: string } | null {
  const current = versionInForce(state.rows('versions'), used.policyId, today);
  if (!current || current.version === used.version) return null;
  if (reason === undefined)
    throw new DomainError(
      'invalid',
      'reason_required',
      `The assessment is dated ${assessmentDate}, under version ${used.version}, which is no longer in force (${current.version} is): say why it is recorded under it.`,
      undefined,
      [{ pointer: '/reason', code: 'reason_required', message: `say why an assessment dated ${assessmentDate} is recorded now` }],
    );
  return {
    reason: requireReason(reason, '/reason', 'why the assessment is recorded under a version no longer in force'),
    inForceToday: current.version,
  };
}
