/**
 * What a commit changed, grouped by the audit target that vouches for it. The store digests these when
 * it writes a commit; verification digests them again from the journal and compares.
 */

import { changeDigest } from '../audit/chain.js';
import type { CommitBody, CommitHeader } from './commit.js';
import type { DecisionRecord, DecisionSummary } from './records.js';

/** The decision record as it was first stored, from its summary in the header and its payload in the body. */
export function decisionRecord(summary: DecisionSummary, payload: { assessment: unknown; result: unknown }): DecisionRecord {
  return {
    id: summary.id,
    createdAt: summary.createdAt,
    createdBy: summary.createdBy,
    policyId: summary.policyId,
    version: summary.version,
    contentHash: summary.contentHash,
    asOf: summary.asOf,
    revision: summary.revision,
    assessment: payload.assessment as DecisionRecord['assessment'],
    result: payload.result as DecisionRecord['result'],
    finalBudget: null,
  };
}

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
