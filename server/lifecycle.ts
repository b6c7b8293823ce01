/**
 * A version's lifecycle: draft -> submitted -> ratified -> superseded or withdrawn, and a submitted
 * version may return to draft. Only drafts change; every other state is fixed for good.
 */

import { appendAudit } from './audit.js';
import { HttpProblem } from './errors.js';
import type { VersionRecord, VersionStatus } from './store/records.js';
import type { Draft } from './store/store.js';

export type Transition = 'submit' | 'return-to-draft' | 'ratify' | 'withdraw';

const FROM: Record<Transition, readonly VersionStatus[]> = {
  submit: ['draft'],
  'return-to-draft': ['submitted'],
  ratify: ['submitted'],
  withdraw: ['ratified', 'superseded'],
};

export function assertCanTransition(version: VersionRecord, transition: Transition): void {
  const allowed = FROM[transition];
  if (!allowed.includes(version.status)) {
    throw new HttpProblem(
      409,
      'wrong_status',
      `Version ${version.version} is ${version.status}: only a version that is ${allowed.join(' or ')} can ${transition.replaceAll('-', ' ')}.`,
    );
  }
}

export function assertEditable(version: VersionRecord): void {
  if (version.status !== 'draft') {
    throw new HttpProblem(
      409,
      'version_immutable',
      `Version ${version.version} is ${version.status} and can never change. Clone it to a new draft to make changes.`,
    );
  }
}

/** Versions that speak for some date: ratified ones, and superseded ones for the dates before their successor. */
export function countsForDates(version: VersionRecord): boolean {
  return version.status === 'ratified' || version.status === 'superseded';
}

/** How a version is named in the audit log. */
export function target(record: Pick<VersionRecord, 'policyId' | 'version'>): string {
  return `version:${record.policyId}/${record.version}`;
}

/**
 * After a ratification, every ratified version of the scheme except the one that takes effect last is
 * superseded, by the next one to take effect after it. Ratifying a version dated before an existing
 * one therefore supersedes the new version at once (it still answers for the dates between).
 */
export function supersedeOlder(draft: Draft, ratified: VersionRecord, actor: string, at: string): void {
  const versions = draft.rows('versions');
  const live = versions
    .filter((v) => v.policyId === ratified.policyId && v.status === 'ratified')
    .sort(
      (a, b) =>
        a.ratification!.effectiveFrom.localeCompare(b.ratification!.effectiveFrom) ||
        a.ratification!.ratifiedAt.localeCompare(b.ratification!.ratifiedAt),
    );
  live.slice(0, -1).forEach((v, k) => {
    const next = live[k + 1]!;
    const index = versions.indexOf(v);
    const from = next.ratification!.effectiveFrom;
    versions[index] = { ...v, status: 'superseded', superseded: { by: next.version, from, at }, updatedAt: at };
    appendAudit(draft, { at, actor, action: 'version.supersede', target: target(v), details: { by: next.version, from } });
  });
}
