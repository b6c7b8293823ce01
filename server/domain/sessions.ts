/**
 * Signing in and out, changing one's own password, and the first admin of a new installation, as pure
 * decisions. Passwords are hashed and checked before the decision (a KDF takes time, and a decision takes
 * none); the decision checks that what was checked still stands when the commit is made.
 */

import type { AuditEvent } from '../audit/chain.js';
import type { SessionRecord, UserRecord } from '../store/records.js';
import type { Changes, CommitContext, Decided, StoredState } from './changes.js';
import { DomainError } from './errors.js';

const BAD_CREDENTIALS = 'The username or password is wrong, or the account is disabled.';

/** A failed attempt is on the record; an unknown name is not written down (it may be anything typed). */
export function failedSignIn(user: UserRecord | undefined, commit: CommitContext): Changes {
  return {
    events: [
      {
        at: commit.at,
        actor: user ? user.username : 'unknown',
        action: 'auth.sign-in-failed',
        target: user ? `user:${user.id}` : 'user:unknown',
        details: { reason: !user ? 'unknown user' : user.disabled ? 'account disabled' : 'wrong password' },
      },
    ],
  };
}

export interface SignIn {
  /** The account as it was when its password was checked. */
  user: UserRecord;
  tokenHash: string;
  expiresAt: string;
}

/** A new session for an account whose password was just checked; its own expired sessions go. */
export function signIn(state: StoredState, command: SignIn, commit: CommitContext): Decided<void> {
  const { user } = command;
  // The password was checked before this commit: a change of password, or a disabled account, since then wins.
  const stored = state.rows('users').find((u) => u.id === user.id);
  if (!stored || stored.disabled || stored.passwordHash !== user.passwordHash)
    throw new DomainError('unauthenticated', 'bad_credentials', BAD_CREDENTIALS);
  // This user's expired sessions are dropped as a new one is made, so the collection does not grow for ever.
  const expired = state.rows('sessions').filter((s) => s.userId === user.id && s.expiresAt <= commit.at);
  const session: SessionRecord = { tokenHash: command.tokenHash, userId: user.id, createdAt: commit.at, expiresAt: command.expiresAt };
  return {
    answer: undefined,
    changes: {
      remove: expired.map((s) => ({ collection: 'sessions', key: s.tokenHash })),
      put: [{ collection: 'sessions', row: session }],
      events: [
        {
          at: commit.at,
          actor: user.username,
          action: 'auth.sign-in',
          target: `user:${user.id}`,
          details: { expiresAt: command.expiresAt },
        },
      ],
    },
  };
}

/** The session ends; one already gone (signed out twice) changes nothing. */
export function signOut(
  state: StoredState,
  tokenHash: string,
  who: { userId: string; username: string },
  commit: CommitContext,
): Decided<void> {
  const session = state.rows('sessions').find((s) => s.tokenHash === tokenHash);
  if (!session) return { answer: undefined, changes: { events: [] } };
  return {
    answer: undefined,
    changes: {
      remove: [{ collection: 'sessions', key: session.tokenHash }],
      events: [{ at: commit.at, actor: who.username, action: 'auth.sign-out', target: `user:${who.userId}` }],
    },
  };
}

export interface PasswordChange {
  userId: string;
  /** The new password's hash; the current password was checked before the decision. */
  passwordHash: string;
  /** The session the change is made in: every other session of the account got it with the old password. */
  keepTokenHash: string;
}

export function changePassword(state: StoredState, command: PasswordChange, commit: CommitContext): Decided<void> {
  const user = state.rows('users').find((u) => u.id === command.userId);
  if (!user) throw new DomainError('unauthenticated', 'bad_credentials', BAD_CREDENTIALS);
  const ended = state.rows('sessions').filter((s) => s.userId === user.id && s.tokenHash !== command.keepTokenHash);
  const event: AuditEvent = {
    at: commit.at,
    actor: user.username,
    action: 'user.update',
    target: `user:${user.id}`,
    details: {
      changed: ['password'],
      roles: user.roles,
      granted: [],
      removed: [],
      disabled: user.disabled,
      ...(ended.length > 0 ? { sessionsEnded: ended.length } : {}),
    },
  };
  return {
    answer: undefined,
    changes: {
      put: [{ collection: 'users', row: { ...user, passwordHash: command.passwordHash, revision: commit.revision } }],
      remove: ended.map((s) => ({ collection: 'sessions', key: s.tokenHash })),
      events: [event],
    },
  };
}

/**
 * The first admin of a new installation, only while there is nobody: made with the code printed at the
 * first start (setup), or from RAS_ADMIN_USERNAME and RAS_ADMIN_PASSWORD (environment).
 */
export function setUp(
  state: StoredState,
  admin: Omit<UserRecord, 'revision'>,
  via: 'setup' | 'environment',
  commit: CommitContext,
): Decided<UserRecord> {
  if (state.rows('users').length > 0) throw new DomainError('conflict', 'setup_done', 'Setup is done: there are users already.');
  const user: UserRecord = { ...admin, revision: commit.revision };
  return {
    answer: user,
    changes: {
      put: [{ collection: 'users', row: user }],
      events: [
        {
          at: user.createdAt,
          actor: via === 'setup' ? user.username : 'system:config',
          action: 'user.create',
          target: `user:${user.id}`,
          details: { roles: user.roles, granted: user.roles, via },
        },
      ],
    },
  };
}
