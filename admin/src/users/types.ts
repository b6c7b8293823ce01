/**
 * Accounts as the API shows them (GET /api/users, /api/users/:id, /api/auth/me), in the shapes the
 * console's contract generates from the OpenAPI components (npm run contracts): one statement of each.
 */

import type { AccountHistoryEntry as AccountHistoryAnswer, ApprovedChange, Me, NewUser, UserWithHistory } from '../contract/api-answers';
import type { Role } from '../authProvider';
import { roleList } from './roles';

/** A one-time code to set a password with: shown once, in the answer that made it, never again. */
export type OneTimeCode = NonNullable<NewUser['oneTimeCode']>;

/** A system's API key a second administrator agreed to: shown once, to them. */
export type ApprovedKey = NonNullable<ApprovedChange['apiKey']>;

/** A one-time code given and not used yet: who gave it and until when it works, never the code. */
export type CodeOutstanding = NonNullable<UserWithHistory['oneTimeCodeOutstanding']>;

/** A change that waits for a second admin: roles granted (the whole list asked for), a password reset, or an admin disabled. */
export type PendingChange = NonNullable<UserWithHistory['pending']>;

/** The change in words, as a request: "to have the roles Officer and Ratifier". */
export function pendingWords(pending: PendingChange, person: string, their = `${person}'s`): string {
  switch (pending.kind) {
    case 'roles':
      return `for ${person} to have the ${pending.roles.length === 1 ? 'role' : 'roles'} ${roleList(pending.roles)}`;
    case 'password-reset':
      return `for a new sign-in code for ${person}`;
    case 'disable':
      return `for ${their} account to be disabled`;
    case 'enable':
      return `for ${their} account to be enabled again`;
    case 'api-key':
      return `for an API key “${pending.label}” for ${person}`;
  }
}

export type ApiKeyView = UserWithHistory['apiKeys'][number];

/** A person an account names, by their name now: the server says everyone's (`names`), as a reader may not list users. */
export const nameIn = (names: Readonly<Record<string, string>> | undefined, username: string): string => names?.[username] ?? username;

/**
 * One thing done to an account, from the audit log: who did it, when, and the details recorded. The
 * contract leaves an entry's details open (each action records its own); these are the ones the console reads.
 */
export type AccountHistoryEntry = Omit<AccountHistoryAnswer, 'details'> & {
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
    oneTimeCodeWorksFrom?: string;
    pending?: PendingChange;
    purpose?: CodeOutstanding['purpose'];
    codeIssuedBy?: string;
    codeIssuedAt?: string;
    issuedBy?: string;
    sessionsEnded?: number;
  };
};

/** An account as the console holds it: the API's, with what the console's data layer adds. */
export type UserView = Omit<UserWithHistory, 'history'> & {
  /** The account's ETag as read (GET /api/users/:id): a second admin agrees to the change as they read it. */
  etag?: string | null;
  /** On GET /api/users/:id: what was done to the account, and by whom. */
  history?: AccountHistoryEntry[];
  /** Set by the console's data layer when the server answered 202: a change waits for a second admin. */
  held?: boolean;
};

/** POST /api/users and …/password-reset: the account, with its one-time code shown this once (null for a system). */
export type CreatedUser = UserView & Pick<NewUser, 'oneTimeCode'>;

/** GET /api/auth/me: the signed-in person, what they may do, and everything done to their account. */
export type MyAccount = UserView & Pick<Me, 'via' | 'permissions'> & { accountHistory: AccountHistoryEntry[] };

/** A system's account: its one role is 'api-client'. It uses API keys and never has a password. */
export const isSystem = (user: Pick<UserView, 'roles'>): boolean => user.roles.length === 1 && user.roles[0] === 'api-client';
