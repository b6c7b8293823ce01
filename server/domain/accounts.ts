/**
 * Accounts, as a domain: who may hold which roles, and how a person comes to hold a password.
 *
 * No one holds another person's credentials. An admin never sets anyone's password: a new account, or
 * a reset, gives a one-time code that the person uses to set their own (shown once to the admin,
 * expiring, single use, on the record). Keys belong to systems: only an account whose one role is
 * 'api-client' has API keys, and such an account never has a password. Granting the roles that change
 * what people are paid (officer, ratifier), or resetting the password of an account that holds them,
 * needs a second admin where there is one; in a council with a single admin it takes effect at once,
 * and is on the record and shown to the person.
 *
 * decideAccount() is pure: the users as committed, a command, who gives it and when, in; the users to
 * write and the audit events, out. Secrets are made by the caller and arrive here hashed.
 */

import type { AuditEvent } from '../audit/chain.js';
import { sameHash } from '../auth/secrets.js';
import type { Enrolment, PendingAccountChange, Role, UserRecord } from '../store/records.js';
import type { Changes, CommitContext, Decided, StoredState } from './changes.js';
import { DomainError } from './errors.js';
import { requirePrecondition } from './preconditions.js';

/**
 * Roles a second admin must agree to grant, and to reset the password of: officer and ratifier let their
 * holder change what people are paid; admin lets its holder be the second admin.
 */
export const PRIVILEGED_ROLES: readonly Role[] = ['officer', 'ratifier', 'admin'];

/**
 * Roles one account may not hold together: whoever manages accounts must not also write or ratify
 * policy (or they could make themselves the second pair of eyes), and a system's account is no person's.
 */
export const INCOMPATIBLE_ROLES: ReadonlyArray<readonly [Role, Role]> = [
  ['admin', 'officer'],
  ['admin', 'ratifier'],
  ['api-client', 'officer'],
  ['api-client', 'ratifier'],
  ['api-client', 'scrutiny'],
  ['api-client', 'admin'],
];

/** The actions that change what an account may do or who can use it, shown on the account's page and to the person. */
export const ACCOUNT_HISTORY = new Set([
  'user.create',
  'user.update',
  'user.password-reset',
  'user.pending-cancelled',
  'user.enrol',
  'user.code-refused',
  'api-key.create',
  'api-key.revoke',
]);

/** How long the reset code of the other admin of a council of two waits before it works. */
export const ADMIN_RESET_WAIT_HOURS = 72;

/** How long a one-time code to set a password works. */
export const ENROLMENT_HOURS = 72;

/** A one-time code, as the caller made it: only its hash is kept. */
export interface NewCode {
  codeHash: string;
  expiresAt: string;
  /** When it starts to work (absent: at once). */
  notBefore?: string;
}

/** An API key, as the caller made it: its id, and the hash of its secret (the key itself is shown once, never kept). */
export interface NewKey {
  keyId: string;
  secretHash: string;
}

/** A code that starts to work later works for as long after that. */
function laterOf(expiresAt: string, notBefore: string, hours: number): string {
  const fromStart = new Date(Date.parse(notBefore) + hours * 3600_000).toISOString();
  return fromStart > expiresAt ? fromStart : expiresAt;
}

export type AccountCommand =
  | { kind: 'create'; id: string; username: string; displayName: string; roles: Role[]; code: NewCode | null }
  | { kind: 'update'; userId: string; displayName?: string; roles?: Role[]; disabled?: boolean }
  | { kind: 'reset-password'; userId: string; code: NewCode }
  | { kind: 'approve'; userId: string; code: NewCode; key: NewKey; ifMatch: string | undefined }
  | { kind: 'refuse-code'; userId: string }
  | { kind: 'cancel'; userId: string }
  | { kind: 'enrol'; username: string; codeHash: string; passwordHash: string }
  | { kind: 'create-key'; userId: string; label: string; expiresAt: string | null; key: NewKey }
  | { kind: 'revoke-key'; userId: string; keyId: string };

export interface AccountActor {
  userId: string;
  username: string;
}

export interface AccountOutcome {
  /** The account the command was about, as it now is. */
  user: UserRecord;
  /** Whether the change waits for a second admin (nothing but the request was recorded). */
  pending: boolean;
  /** Whether the one-time code the caller made was given to this account (the caller shows it once). */
  codeIssued: boolean;
  /** The API key issued, when the caller's key was given to this account (the caller shows it once). */
  keyIssued?: { label: string; expiresAt: string | null };
  /** Sessions of the account to end: its password, roles or standing changed. */
  endSessions: boolean;
  events: AuditEvent[];
}

export function decideAccount(
  users: readonly UserRecord[],
  command: AccountCommand,
  actor: AccountActor,
  commit: { revision: number; at: string },
): AccountOutcome {
  const event = (user: UserRecord, action: string, details: Record<string, unknown>): AuditEvent => ({
    at: commit.at,
    actor: actor.username,
    action,
    target: `user:${user.id}`,
    details,
  });
  switch (command.kind) {
    case 'create':
      return create(users, command, actor, commit, event);
    case 'update':
      return update(users, command, actor, commit, event);
    case 'reset-password':
      return resetPassword(users, command, actor, commit, event);
    case 'approve':
      return approve(users, command, actor, commit, event);
    case 'cancel': {
      const user = requireUser(users, command.userId);
      if (!user.pending)
        throw new DomainError('conflict', 'nothing_pending', `Nothing is waiting for a second admin on ${user.username}'s account.`);
      const next = { ...user, pending: null, revision: commit.revision };
      return done(next, [event(user, 'user.pending-cancelled', { pending: user.pending })]);
    }
    case 'enrol':
      return enrol(users, command, commit);
    case 'refuse-code': {
      // The person turns down a code given for their account that they did not ask for.
      const user = requireUser(users, command.userId);
      if (!user.enrolment) throw new DomainError('conflict', 'no_code', 'No one-time code is waiting for your account.');
      const next = { ...user, enrolment: null, revision: commit.revision };
      return done(next, [event(user, 'user.code-refused', { issuedBy: user.enrolment.issuedBy, codeIssuedAt: user.enrolment.issuedAt })]);
    }
    case 'create-key': {
      const user = requireUser(users, command.userId);
      if (!isSystem(user))
        throw new DomainError(
          'conflict',
          'keys_for_systems',
          `${user.username} is not a system's account: API keys are only for accounts whose one role is 'api-client'. People sign in with their own password.`,
        );
      // A key lets its holder record decisions and final budgets as the system: a second admin agrees where there is one.
      if (secondAdminNeeded(users, actor)) {
        const pending = {
          kind: 'api-key',
          label: command.label,
          expiresAt: command.expiresAt,
          requestedBy: actor.username,
          requestedAt: commit.at,
        } as const;
        const next = { ...user, pending, revision: commit.revision };
        return {
          ...done(next, [event(user, 'api-key.create', { label: command.label, expiresAt: command.expiresAt, awaitingSecondAdmin: true })]),
          pending: true,
        };
      }
      return issueKey(user, command.key, command.label, command.expiresAt, commit, event);
    }
    case 'revoke-key': {
      const user = requireUser(users, command.userId);
      const key = user.apiKeys.find((k) => k.id === command.keyId);
      if (!key) throw new DomainError('not-found', 'api_key_not_found', `User ${user.username} has no API key ${command.keyId}.`);
      const apiKeys = user.apiKeys.map((k) => (k.id === key.id ? { ...k, revokedAt: k.revokedAt ?? commit.at } : k));
      return done({ ...user, apiKeys, revision: commit.revision }, [event(user, 'api-key.revoke', { keyId: key.id })]);
    }
  }
}

type EventOf = (user: UserRecord, action: string, details: Record<string, unknown>) => AuditEvent;

function create(
  users: readonly UserRecord[],
  command: Extract<AccountCommand, { kind: 'create' }>,
  actor: AccountActor,
  commit: { revision: number; at: string },
  event: EventOf,
): AccountOutcome {
  assertCompatible(command.roles);
  if (users.some((u) => u.username === command.username))
    throw new DomainError('conflict', 'username_taken', `The username '${command.username}' is taken.`, '/username');
  const system = command.roles.length === 1 && command.roles[0] === 'api-client';
  if (system !== (command.code === null)) throw new Error('a person is given a one-time code to set their password, and a system none'); // the caller's bug
  const held = secondAdminNeeded(users, actor) ? command.roles.filter((r) => PRIVILEGED_ROLES.includes(r)) : [];
  const roles = command.roles.filter((r) => !held.includes(r));
  const user: UserRecord = {
    id: command.id,
    username: command.username,
    displayName: command.displayName,
    roles,
    passwordHash: null,
    apiKeys: [],
    disabled: false,
    createdAt: commit.at,
    revision: commit.revision,
    // An account whose powers wait for a second admin gets its code from them, so its maker cannot hold it.
    enrolment:
      command.code && held.length === 0 ? { ...command.code, purpose: 'new-account', issuedBy: actor.username, issuedAt: commit.at } : null,
    pending: held.length > 0 ? { kind: 'roles', roles: command.roles, requestedBy: actor.username, requestedAt: commit.at } : null,
  };
  const codeIssued = user.enrolment !== null;
  return {
    user,
    pending: held.length > 0,
    codeIssued,
    endSessions: false,
    events: [
      event(user, 'user.create', {
        username: user.username,
        roles: user.roles,
        granted: user.roles,
        ...(held.length > 0 ? { awaitingSecondAdmin: held } : {}),
        ...(codeIssued && command.code ? { oneTimeCodeExpiresAt: command.code.expiresAt } : {}),
      }),
    ],
  };
}

function update(
  users: readonly UserRecord[],
  command: Extract<AccountCommand, { kind: 'update' }>,
  actor: AccountActor,
  commit: { revision: number; at: string },
  event: EventOf,
): AccountOutcome {
  const user = requireUser(users, command.userId);
  const self = user.id === actor.userId;
  const wanted = command.roles ?? user.roles;
  const granted = wanted.filter((r) => !user.roles.includes(r));
  const removed = user.roles.filter((r) => !wanted.includes(r));
  if (self && (granted.length > 0 || removed.length > 0))
    throw new DomainError('conflict', 'own_roles', 'Nobody changes their own roles: ask another admin.', undefined, [
      { pointer: '/roles', code: 'own_roles', message: 'another admin must change your roles' },
    ]);
  if (self && command.disabled) throw new DomainError('conflict', 'self_lockout', 'You cannot disable yourself; ask another admin.');
  assertCompatible(wanted);
  if (isSystem(user) && granted.length > 0 && user.apiKeys.some((k) => k.revokedAt === null))
    throw new DomainError(
      'conflict',
      'system_has_keys',
      `${user.username} is a system's account with API keys: revoke them before it becomes a person's.`,
      '/roles',
    );
  // Another admin taken away (disabled, or no longer admin) is one fewer second pair of eyes: that waits too.
  const otherAdmin = !self && user.roles.includes('admin') && !user.disabled;
  const second = secondAdminNeeded(users, actor);
  const holdRoles = second && (granted.some((r) => PRIVILEGED_ROLES.includes(r)) || (otherAdmin && removed.includes('admin')));
  const holdDisable = second && otherAdmin && command.disabled === true;
  // Bringing back an account that can change what people are paid is like granting it its roles again.
  const holdEnable = second && user.disabled && command.disabled === false && wanted.some((r) => PRIVILEGED_ROLES.includes(r));
  if ([holdRoles, holdDisable, holdEnable].filter(Boolean).length > 1)
    throw new DomainError(
      'conflict',
      'one_change_at_a_time',
      `Change ${user.username}'s roles and disable the account in two steps: each waits for a second admin.`,
    );
  const hold = holdRoles || holdDisable || holdEnable;
  // A change waiting for a second admin was asked of the account as it was: any change of its roles or standing replaces it.
  const changesStanding =
    granted.length > 0 || removed.length > 0 || (command.disabled !== undefined && command.disabled !== user.disabled);
  const pending: PendingAccountChange | null = holdRoles
    ? { kind: 'roles', roles: wanted, requestedBy: actor.username, requestedAt: commit.at }
    : holdDisable || holdEnable
      ? { kind: holdDisable ? 'disable' : 'enable', requestedBy: actor.username, requestedAt: commit.at }
      : changesStanding
        ? null
        : (user.pending ?? null);
  // A person's account made a system's keeps no password, and no code to set one: a system signs in with keys.
  const becomesSystem = !holdRoles && isSystem({ roles: wanted }) && !isSystem(user);
  const next: UserRecord = {
    ...user,
    ...(command.displayName !== undefined ? { displayName: command.displayName } : {}),
    ...(command.disabled !== undefined && !holdDisable && !holdEnable ? { disabled: command.disabled } : {}),
    ...(becomesSystem ? { passwordHash: null, enrolment: null } : {}),
    roles: holdRoles ? user.roles : wanted,
    pending,
    revision: commit.revision,
  };
  // Whoever held this account's sessions held them under its old roles or standing.
  const endSessions = (!holdRoles && removed.length > 0) || (next.disabled && !user.disabled);
  return {
    user: next,
    pending: hold,
    codeIssued: false,
    endSessions,
    events: [
      event(user, 'user.update', {
        changed: Object.keys(command).filter((k) => k !== 'kind' && k !== 'userId'),
        roles: next.roles,
        granted: holdRoles ? [] : granted,
        removed: holdRoles ? [] : removed,
        disabled: next.disabled,
        ...(holdRoles ? { awaitingSecondAdmin: wanted } : {}),
        ...(holdDisable ? { awaitingSecondAdmin: 'disable' } : {}),
        ...(holdEnable ? { awaitingSecondAdmin: 'enable' } : {}),
      }),
    ],
  };
}

function resetPassword(
  users: readonly UserRecord[],
  command: Extract<AccountCommand, { kind: 'reset-password' }>,
  actor: AccountActor,
  commit: { revision: number; at: string },
  event: EventOf,
): AccountOutcome {
  const user = requireUser(users, command.userId);
  if (user.id === actor.userId)
    throw new DomainError(
      'conflict',
      'own_password',
      'Change your own password with your current one (POST /api/auth/password), not with a reset.',
    );
  if (isSystem(user))
    throw new DomainError(
      'conflict',
      'systems_have_no_password',
      `${user.username} is a system's account: it uses API keys, never a password.`,
    );
  // A second admin agrees to every reset where there is one who is not the account itself.
  if (secondAdminNeeded(users, actor, user)) {
    const next = {
      ...user,
      pending: { kind: 'password-reset', requestedBy: actor.username, requestedAt: commit.at } as const,
      revision: commit.revision,
    };
    return { ...done(next, [event(user, 'user.password-reset', { awaitingSecondAdmin: true })]), pending: true };
  }
  // The other admin of a council of two cannot agree to their own reset: the code works only after a wait in which
  // they can see it and turn it down, so one admin cannot quietly take over the other.
  if (user.roles.includes('admin') && secondAdminNeeded(users, actor)) {
    const notBefore = new Date(Date.parse(commit.at) + ADMIN_RESET_WAIT_HOURS * 3600_000).toISOString();
    const waiting = { ...command.code, expiresAt: laterOf(command.code.expiresAt, notBefore, ENROLMENT_HOURS), notBefore };
    return issue(user, waiting, 'password-reset', actor, commit, event);
  }
  return issue(user, command.code, 'password-reset', actor, commit, event);
}

function approve(
  users: readonly UserRecord[],
  command: Extract<AccountCommand, { kind: 'approve' }>,
  actor: AccountActor,
  commit: { revision: number; at: string },
  event: EventOf,
): AccountOutcome {
  const user = requireUser(users, command.userId);
  const pending = user.pending;
  if (!pending)
    throw new DomainError('conflict', 'nothing_pending', `Nothing is waiting for a second admin on ${user.username}'s account.`);
  if (pending.requestedBy === actor.username)
    throw new DomainError(
      'forbidden',
      'four_eyes',
      `You asked for this change to ${user.username}'s account, so another admin must agree to it.`,
    );
  // An admin may agree to lose their own powers, never to gain any.
  if (user.id === actor.userId && !takesAwayOnly(user, pending))
    throw new DomainError('forbidden', 'own_roles', 'Nobody agrees to a change of their own account: ask another admin.');
  // The second admin agrees to the change as they read it, not to whatever it has become since.
  requirePrecondition(command.ifMatch, `"${user.revision}"`, {
    any: false,
    what: `${user.username}'s account`,
    staleCode: 'changed_since_read',
    advice: 'read the account again before agreeing',
    required: `Send If-Match with the ETag of ${user.username}'s account as you read it, so that you agree to exactly the change you saw.`,
  });
  if (pending.kind === 'disable') {
    const next: UserRecord = { ...user, disabled: true, pending: null, revision: commit.revision };
    return {
      ...done(next, [
        event(user, 'user.update', {
          changed: ['disabled'],
          roles: next.roles,
          granted: [],
          removed: [],
          disabled: true,
          requestedBy: pending.requestedBy,
        }),
      ]),
      endSessions: true,
    };
  }
  if (pending.kind === 'enable') {
    const next: UserRecord = { ...user, disabled: false, pending: null, revision: commit.revision };
    return done(next, [
      event(user, 'user.update', {
        changed: ['disabled'],
        roles: next.roles,
        granted: [],
        removed: [],
        disabled: false,
        requestedBy: pending.requestedBy,
      }),
    ]);
  }
  if (pending.kind === 'api-key') {
    const issued = issueKey({ ...user, pending: null }, command.key, pending.label, pending.expiresAt, commit, event);
    return { ...issued, events: issued.events.map((e) => ({ ...e, details: { ...e.details, requestedBy: pending.requestedBy } })) };
  }
  if (pending.kind === 'password-reset') {
    const issued = issue({ ...user, pending: null }, command.code, 'password-reset', actor, commit, event);
    return { ...issued, events: issued.events.map((e) => ({ ...e, details: { ...e.details, requestedBy: pending.requestedBy } })) };
  }
  assertCompatible(pending.roles);
  if (isSystem(user) && !isSystem({ roles: pending.roles }) && user.apiKeys.some((k) => k.revokedAt === null))
    throw new DomainError(
      'conflict',
      'system_has_keys',
      `${user.username} is a system's account with API keys: revoke them before it becomes a person's.`,
    );
  const granted = pending.roles.filter((r) => !user.roles.includes(r));
  const removed = user.roles.filter((r) => !pending.roles.includes(r));
  // Powers granted to an account whose password its requester could have set (none set yet, or set with a code they
  // gave) go with a new password: its code is shown to the admin who agrees, and passed by them to the person.
  const rekey =
    granted.some((r) => PRIVILEGED_ROLES.includes(r)) && (user.passwordHash === null || user.passwordFrom === pending.requestedBy);
  if (rekey) {
    const rekeyed = issue(
      { ...user, passwordHash: null, roles: pending.roles, pending: null },
      command.code,
      user.passwordHash === null ? 'new-account' : 'password-reset',
      actor,
      commit,
      event,
    );
    return {
      ...rekeyed,
      endSessions: true,
      events: [
        event(user, 'user.update', {
          changed: ['roles'],
          roles: pending.roles,
          granted,
          removed,
          disabled: user.disabled,
          requestedBy: pending.requestedBy,
        }),
        ...rekeyed.events,
      ],
    };
  }
  const next: UserRecord = { ...user, roles: pending.roles, pending: null, revision: commit.revision };
  return {
    ...done(next, [
      event(user, 'user.update', {
        changed: ['roles'],
        roles: next.roles,
        granted,
        removed,
        disabled: next.disabled,
        requestedBy: pending.requestedBy,
      }),
    ]),
    endSessions: removed.length > 0,
  };
}

/** A one-time code for the person to set their own password; their old password works until they use it. */
function issue(
  user: UserRecord,
  code: NewCode,
  purpose: 'new-account' | 'password-reset',
  actor: AccountActor,
  commit: { revision: number; at: string },
  event: EventOf,
): AccountOutcome {
  const next: UserRecord = {
    ...user,
    enrolment: { ...code, purpose, issuedBy: actor.username, issuedAt: commit.at },
    revision: commit.revision,
  };
  const details = { oneTimeCodeExpiresAt: code.expiresAt, ...(code.notBefore ? { oneTimeCodeWorksFrom: code.notBefore } : {}) };
  return { ...done(next, [event(user, 'user.password-reset', details)]), codeIssued: true };
}

function enrol(
  users: readonly UserRecord[],
  command: Extract<AccountCommand, { kind: 'enrol' }>,
  commit: { revision: number; at: string },
): AccountOutcome {
  const { user, enrolment } = usableCode(users, command.username, command.codeHash, commit.at);
  // Who could have held the code: a later change by the account holder keeps this (whoever held it could make that too).
  const next: UserRecord = {
    ...user,
    passwordHash: command.passwordHash,
    passwordFrom: enrolment.issuedBy,
    enrolment: null,
    revision: commit.revision,
  };
  return {
    user: next,
    pending: false,
    codeIssued: false,
    endSessions: true,
    events: [
      {
        at: commit.at,
        actor: user.username,
        action: 'user.enrol',
        target: `user:${user.id}`,
        details: { purpose: enrolment.purpose, codeIssuedBy: enrolment.issuedBy, codeIssuedAt: enrolment.issuedAt },
      },
    ],
  };
}

/** A key for a system's account; its secret arrives hashed, and the caller shows the key once. */
function issueKey(
  user: UserRecord,
  key: NewKey,
  label: string,
  expiresAt: string | null,
  commit: { revision: number; at: string },
  event: EventOf,
): AccountOutcome {
  const record = { id: key.keyId, label, secretHash: key.secretHash, createdAt: commit.at, revokedAt: null, expiresAt, lastUsedAt: null };
  const next = { ...user, apiKeys: [...user.apiKeys, record], revision: commit.revision };
  return { ...done(next, [event(user, 'api-key.create', { keyId: key.keyId, label, expiresAt })]), keyIssued: { label, expiresAt } };
}

/**
 * The account a one-time code works for now, or the refusal: one answer for every way it does not, so the
 * code cannot be told apart from the name. Checked before anything else about the request is judged.
 */
export function usableCode(
  users: readonly UserRecord[],
  username: string,
  codeHash: string,
  at: string,
): { user: UserRecord; enrolment: Enrolment } {
  const user = users.find((u) => u.username === username);
  const enrolment = user?.enrolment;
  if (!user || !enrolment || user.disabled || enrolment.expiresAt <= at || !sameHash(enrolment.codeHash, codeHash)) throw badCode();
  if (enrolment.notBefore && enrolment.notBefore > at)
    throw new DomainError(
      'forbidden',
      'code_not_yet',
      `This code works from ${enrolment.notBefore}: the reset of an admin's password waits, so that they can see it and turn it down.`,
      '/code',
    );
  return { user, enrolment };
}

function badCode(): DomainError {
  return new DomainError(
    'forbidden',
    'bad_code',
    'This one-time code does not work for this username: it may be mistyped, used already, or out of date. Ask an admin for a new one.',
    '/code',
  );
}

/** Whether a change waiting on an account gives it none of the powers a second admin must agree to (its holder may agree to that). */
function takesAwayOnly(user: UserRecord, pending: PendingAccountChange): boolean {
  if (pending.kind === 'disable') return true;
  return pending.kind === 'roles' && !pending.roles.some((r) => PRIVILEGED_ROLES.includes(r) && !user.roles.includes(r));
}

/** Whether someone other than `actor` (and the account `besides`) could be the second admin: another enabled admin exists. */
export function secondAdminNeeded(users: readonly UserRecord[], actor: AccountActor, besides?: UserRecord): boolean {
  return users.some((u) => u.id !== actor.userId && u.id !== besides?.id && !u.disabled && u.roles.includes('admin'));
}

/** A system's account: its one role is 'api-client'. */
export function isSystem(user: Pick<UserRecord, 'roles'>): boolean {
  return user.roles.length === 1 && user.roles[0] === 'api-client';
}

/** Separation of duties: no account may hold roles that let one person play both parts. */
export function assertCompatible(roles: readonly Role[]): void {
  const clash = INCOMPATIBLE_ROLES.find(([a, b]) => roles.includes(a) && roles.includes(b));
  if (clash)
    throw new DomainError(
      'invalid',
      'incompatible_roles',
      clash[0] === 'admin'
        ? `One account cannot be both '${clash[0]}' and '${clash[1]}': whoever manages accounts must not also write or ratify policy.`
        : `One account cannot be both '${clash[0]}' and '${clash[1]}': a system's account (API keys) is no person's, and a person's account has no keys.`,
      undefined,
      [{ pointer: '/roles', code: 'incompatible_roles', message: `choose '${clash[0]}' or '${clash[1]}', not both` }],
    );
}

function requireUser(users: readonly UserRecord[], userId: string): UserRecord {
  const user = users.find((u) => u.id === userId);
  if (!user) throw new DomainError('not-found', 'user_not_found', `There is no user ${userId}.`);
  return user;
}

function done(user: UserRecord, events: AuditEvent[]): AccountOutcome {
  return { user, pending: false, codeIssued: false, endSessions: false, events };
}

/**
 * What an account command changes, for the command runner: the account, its sessions when its password,
 * roles or standing changed (whoever held them held them under the old ones), and the events; the first
 * event says how many sessions ended.
 */
export function accountChanges(state: StoredState, outcome: AccountOutcome): Changes {
  const ended = outcome.endSessions ? state.rows('sessions').filter((s) => s.userId === outcome.user.id) : [];
  return {
    put: [{ collection: 'users', row: outcome.user }],
    remove: ended.map((s) => ({ collection: 'sessions', key: s.tokenHash })),
    events: outcome.events.map((event, k) =>
      k === 0 && ended.length > 0 ? { ...event, details: { ...event.details, sessionsEnded: ended.length } } : event,
    ),
  };
}

/**
 * An admin sees when each key was last used, to find keys nobody uses any more. The time is kept to the
 * hour and written at most once an hour per key: a system calling every second does not fill the journal.
 */
export function noteKeyUse(
  state: StoredState,
  use: { userId: string; keyId: string; hour: string; at: string },
  commit: CommitContext,
): Decided<void> {
  const user = state.rows('users').find((u) => u.id === use.userId);
  const key = user?.apiKeys.find((k) => k.id === use.keyId);
  if (!user || !key || key.lastUsedAt === use.hour) return { answer: undefined, changes: { events: [] } };
  return {
    answer: undefined,
    changes: {
      put: [
        {
          collection: 'users',
          row: {
            ...user,
            revision: commit.revision,
            apiKeys: user.apiKeys.map((k) => (k.id === key.id ? { ...k, lastUsedAt: use.hour } : k)),
          },
        },
      ],
      events: [
        { at: use.at, actor: user.username, action: 'api-key.used', target: `user:${user.id}`, details: { keyId: key.id, hour: use.hour } },
      ],
    },
  };
}
