/**
 * What a commit changed, grouped by the audit target that vouches for it. The store digests these when
 * it writes a commit; verification digests them again from the journal and compares.
 */

import { changeDigest } from '../audit/chain.js';
import type { CommitBody, CommitHeader } from './commit.js';
import type { DecisionRecord, DecisionSummary } from './records.js';

/** The decision record as it was first stored, from its summary in the header and its payload in the body. */
export function decisionRecord(summary: DecisionSummary, payload: { assessment: unknown; result: unknown }): DecisionRecord {
  // Every stored field of the summary, whatever fields the record's schema has, but what lists derive from the input and result.
  // The digest is of the record's JSON, and a summary read back from PostgreSQL's jsonb has lost its order: so the
  // fields go in one fixed order (the order records were first written in, then any later field by name).
  const { weeklyPence: _weeklyPence, flags: _flags, reference: _reference, finalBudget: _finalBudget, ...stored } = summary;
  const fields = stored as Record<string, unknown>;
  const later = Object.keys(fields)
    .filter((name) => !(FIRST_FIELDS as readonly string[]).includes(name))
    .sort();
  return {
    ...Object.fromEntries([...FIRST_FIELDS, ...later].map((name) => [name, fields[name]])),
    assessment: payload.assessment,
    result: payload.result,
    finalBudget: null,
  } as DecisionRecord;
}

/** A decision's fields as the first records were written: their digests depend on it. */
const FIRST_FIELDS = ['id', 'createdAt', 'createdBy', 'policyId', 'version', 'contentHash', 'asOf', 'revision'] as const;

/** Each target's changes in this commit, in the order the commit made them. */
export function changesByTarget(header: Omit<CommitHeader, 'audit'>, body: CommitBody): Map<string, unknown[]> {
  const byTarget = new Map<string, unknown[]>();
  const add = (target: string, item: unknown) => {
    const list = byTarget.get(target);
    if (list) list.push(item);
    else byTarget.set(target, [item]);
  };
  for (const change of header.changes) add(change.t, change);
  const payloads = new Map((body.decisions ?? []).map((p) => [p.id, p]));
  for (const summary of header.decisions) {
    const payload = payloads.get(summary.id);
    add(`decision:${summary.id}`, { decision: payload ? decisionRecord(summary, payload) : { missingPayload: summary.id } });
  }
  for (const budget of header.finalBudgets) add(`decision:${budget.id}`, { finalBudget: budget });
  return byTarget;
}

export function digestsByTarget(byTarget: Map<string, unknown[]>): Map<string, string> {
  return new Map([...byTarget].map(([target, items]) => [target, changeDigest(items)]));
}
