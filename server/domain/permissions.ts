/**
 * Who may do what, as data: each action names the roles that may take it. Routes declare the action
 * they perform, GET /api/auth/me tells the console which actions its user may take (so it offers no
 * button the server would refuse), and the OpenAPI document lists each operation's roles from here.
 */

import type { Role } from '../store/records.js';

export const PERMISSIONS = {
  /** Read policies, their versions, worked examples and version histories. */
  'policy.read': ['officer', 'ratifier', 'scrutiny', 'admin'],
  /** The version in force on a date: people who work on policies, and the systems that apply them. */
  'policy.in-force': ['officer', 'ratifier', 'scrutiny', 'admin', 'api-client'],
  'policy.create': ['officer'],
  /** Create, clone, edit and delete drafts. */
  'version.draft': ['officer'],
  'version.submit': ['officer'],
  'version.return-to-draft': ['officer', 'ratifier'],
  'version.ratify': ['ratifier'],
  'version.withdraw': ['ratifier'],
  'assessment.evaluate': ['api-client', 'officer', 'ratifier', 'scrutiny'],
  'decision.record': ['api-client', 'officer'],
  'decision.list': ['officer', 'ratifier'],
  'decision.read': ['officer', 'ratifier', 'api-client'],
  'decision.replay': ['officer', 'ratifier', 'scrutiny'],
  'decision.final-budget': ['officer', 'api-client'],
  'audit.read': ['admin', 'ratifier', 'scrutiny'],
  'user.manage': ['admin'],
  'cohort.read': ['scrutiny', 'officer', 'ratifier'],
  /** Import, generate and delete cohorts. */
  'cohort.manage': ['scrutiny', 'officer'],
  'comparison.run': ['scrutiny', 'officer', 'ratifier'],
  'calibration.run': ['scrutiny', 'officer', 'ratifier'],
  /** Save a calibrated version as a new draft. */
  'calibration.save': ['officer'],
  /**
   * Choose the scheme's reference cohort, the people every change is compared over before it is ratified.
   * Policy officers prepare the evidence a ratifier reads, so they may choose it (as scrutiny and ratifiers
   * may). It cannot change while a version is submitted (the lifecycle's lock), so the comparison a ratifier
   * reviews is over the cohort they see named, and a ratifier who doubts it returns the version to draft.
   */
  'policy.reference-cohort': ['officer', 'scrutiny', 'ratifier'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export function rolesFor(action: Action): readonly Role[] {
  return PERMISSIONS[action];
}

export function may(roles: readonly Role[], action: Action): boolean {
  return PERMISSIONS[action].some((role) => roles.includes(role));
}

export function actionsFor(roles: readonly Role[]): Action[] {
  return ACTIONS.filter((action) => may(roles, action));
}

/**
 * Roles that may take an action only on records they made themselves: a case-management system reads
 * and completes the decisions it recorded, never another system's (or a council officer's). Other
 * roles the action names act on any record.
 */
export const OWN_RECORDS_ONLY: Partial<Record<Action, readonly Role[]>> = {
  'decision.read': ['api-client'],
  'decision.final-budget': ['api-client'],
};

/** Whether a caller may take the action on a record made by `owner`. */
export function mayOn(caller: { roles: readonly Role[]; username: string }, action: Action, owner: string): boolean {
  const ownOnly = OWN_RECORDS_ONLY[action] ?? [];
  return PERMISSIONS[action].some((role) => caller.roles.includes(role) && (!ownOnly.includes(role) || owner === caller.username));
}
