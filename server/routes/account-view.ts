/** An account as the API shows it, to admins and to the person: its fields, and what changed what it may do. */

import { ACCOUNT_HISTORY } from '../domain/accounts.js';
import type { UserRecord } from '../store/records.js';

/** A user as the API shows it: never a password hash or a key hash. */
export function publicUser(user: Omit<UserRecord, 'revision'>) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    disabled: user.disabled,
    createdAt: user.createdAt,
    hasPassword: user.passwordHash !== null,
    oneTimeCodeOutstanding: user.enrolment
      ? {
          purpose: user.enrolment.purpose,
          issuedBy: user.enrolment.issuedBy,
          issuedAt: user.enrolment.issuedAt,
          expiresAt: user.enrolment.expiresAt,
          worksFrom: user.enrolment.notBefore ?? user.enrolment.issuedAt,
        }
      : null,
    pending: user.pending ?? null,
    apiKeys: user.apiKeys.map((k) => ({
      id: k.id,
      label: k.label,
      createdAt: k.createdAt,
      revokedAt: k.revokedAt,
      expiresAt: k.expiresAt ?? null,
      lastUsedAt: k.lastUsedAt ?? null,
    })),
  };
}

/** What changed what an account may do, and who did it: shown to admins and to the person. */
export function accountHistory(
  entries: ReadonlyArray<{ seq: number; at: string; actor: string; action: string; details: Record<string, unknown> }>,
) {
  return entries
    .filter((e) => ACCOUNT_HISTORY.has(e.action))
    .map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, details: e.details }));
}
