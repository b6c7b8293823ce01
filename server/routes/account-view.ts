/** An account as the API shows it, to admins and to the person: its fields, and what changed what it may do. */

import { ACCOUNT_HISTORY } from '../domain/accounts.js';
import type { UserRecord } from '../store/records.js';

/** A person's name now from the username recorded (actorNames in server/audit/words.ts). */
export type NameOf = (username: string) => string;

/** A user as the API shows it: never a password hash or a key hash; everyone its record names, by their names now. */
export function publicUser(user: Omit<UserRecord, 'revision'>, nameOf: NameOf) {
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
    names: namesFor([user.enrolment?.issuedBy, user.pending?.requestedBy], nameOf),
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

/** What changed what an account may do, and who did it, by their names now: shown to admins and to the person. */
export function accountHistory(
  entries: ReadonlyArray<{ seq: number; at: string; actor: string; action: string; details: Record<string, unknown> }>,
  nameOf: NameOf,
) {
  return entries
    .filter((e) => ACCOUNT_HISTORY.has(e.action))
    .map((e) => ({
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      actorName: nameOf(e.actor),
      action: e.action,
      details: e.details,
      names: namesFor(peopleNamedIn(e.details), nameOf),
    }));
}

/** The people an entry's details name: who asked for a change a second admin agreed to or refused, and who gave a one-time code. */
function peopleNamedIn(details: Record<string, unknown>): unknown[] {
  const pending = details.pending as { requestedBy?: unknown } | null | undefined;
  return [details.requestedBy, details.issuedBy, details.codeIssuedBy, pending?.requestedBy];
}

function namesFor(usernames: readonly unknown[], nameOf: NameOf): Record<string, string> {
  const named = usernames.filter((who): who is string => typeof who === 'string');
  return Object.fromEntries(named.map((who) => [who, nameOf(who)]));
}
