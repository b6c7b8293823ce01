/**
 * A version's lifecycle: draft -> submitted -> ratified -> superseded or withdrawn, and a submitted
 * version may return to draft. Only drafts change; every other state is fixed for good.
 */

import { HttpProblem } from './errors.js';
import type { VersionRecord, VersionStatus } from './store/records.js';

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
    throw new HttpProblem(409, 'wrong_status',
      `Version ${version.version} is ${version.status}: only a version that is ${allowed.join(' or ')} can ${transition.replaceAll('-', ' ')}.`);
  }
}

export function assertEditable(version: VersionRecord): void {
  if (version.status !== 'draft') {
    throw new HttpProblem(409, 'version_immutable',
      `Version ${version.version} is ${version.status} and can never change. Clone it to a new draft to make changes.`);
  }
}

/** Versions that speak for some date: ratified ones, and superseded ones for the dates before their successor. */
export function countsForDates(version: VersionRecord): boolean {
  return version.status === 'ratified' || version.status === 'superseded';
}
