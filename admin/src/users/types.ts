/**
 * Accounts as the API shows them (GET /api/users, /api/users/:id, /api/auth/me). The OpenAPI components
 * the console's contract is generated from do not state them yet, so they are written here once.
 */

import type { Role } from '../authProvider';
import { roleList } from './roles';

/** A one-time code to set a password with: shown once, in the answer that made it, never again. */
export interface OneTimeCode {
  code: string;
  expiresAt: string;
}

/** A one-time code given and not used yet: who gave it and until when it works, never the code. */
export interface CodeOutstanding {
  purpose: 'new-account' | 'password-reset';
  issuedBy: string;
  issuedAt: string;
  expiresAt: string;
  /** When it starts to work, if not at once (the reset of an admin's password may wait). */
  worksFrom?: string;
}

/** A change that waits for a second admin: roles granted (the whole list asked for), a password reset, or an admin disabled. */
export type PendingChange =
  | { kind: 'roles'; roles: Role[]; requestedBy: string; requestedAt: string }
  | { kind: 'password-reset'; requestedBy: string; requestedAt: string }
  | { kind: 'disable'; requestedBy: string; requestedAt: string };

/** The change in words, as a request: "to have the roles Officer and Ratifier". */
export function pendingWords(pending: PendingChange, person: string, their = `${person}'s`): string {
  switch (pending.kind) {
    case 'roles':
      return `for ${person} to have the ${pending.roles.length === 1 ? 'role' : 'roles'} ${roleList(pending.roles)}`;
    case 'password-reset':
      return `for a new sign-in code for ${person}`;
    case 'disable':
      return `for ${their} account to be disabled`;
  }
}

export interface ApiKeyView {
  id: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

/** One thing done to an account, from the audit log: who did it, when, and the details recorded. */
export interface AccountHistoryEntry {
  seq: number;
  at: string;
  /** The username of whoever did it. */
  actor: string;
  action:
    | 'user.create'
    | 'user.update'
    | 'user.password-reset'
    | 'user.pending-cancelled'
    | 'user.enrol'
    | 'api-key.create'
    | 'api-key.revoke'
    | (string & {});
  details: {
    granted?: Role[];
    removed?: Role[];
    roles?: Role[];
    disabled?: boolean;
    changed?: string[];
    label?: string;
    keyId?: string;
    via?: string;
    /** What waits for a second admin: roles asked for (user.create, user.update), 'disable', or true for a reset. */
    awaitingSecondAdmin?: Role[] | boolean | 'disable';
    /** Who asked for a change a second admin agreed to. */
    requestedBy?: string;
    oneTimeCodeExpiresAt?: string;
    pending?: PendingChange;
    purpose?: CodeOutstanding['purpose'];
    codeIssuedBy?: string;
    codeIssuedAt?: string;
    sessionsEnded?: number;
  };
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  createdAt: string;
  hasPassword: boolean;
  oneTimeCodeOutstanding: CodeOutstanding | null;
  pending: PendingChange | null;
  apiKeys: ApiKeyView[];
  /** The account's ETag as read (GET /api/users/:id): a second admin agrees to the change as they read it. */
  etag?: string | null;
  /** On GET /api/users/:id: what was done to the account, and by whom. */
  history?: AccountHistoryEntry[];
  /** Set by the console's data layer when the server answered 202: a change waits for a second admin. */
  held?: boolean;
}

/** POST /api/users and …/password-reset: the account, with its one-time code shown this once (null for a system). */
export type CreatedUser = UserView & { oneTimeCode: OneTimeCode | null };

/** GET /api/auth/me: the signed-in person, what they may do, and everything done to their account. */
export interface MyAccount extends UserView {
  via: 'session' | 'api-key';
  permissions: string[];
  accountHistory: AccountHistoryEntry[];
}

/** A system's account: its one role is 'api-client'. It uses API keys and never has a password. */
export const isSystem = (user: Pick<UserView, 'roles'>): boolean => user.roles.length === 1 && user.roles[0] === 'api-client';
