/**
 * Accounts in the service: a command decided by the accounts domain and written in one commit, with
 * the sessions it ends. One-time codes are made here (randomness is the service's, not the domain's)
 * and handed to the domain hashed.
 */

import { randomBytes, randomUUID } from 'node:crypto';
import { newSecret, sha256 } from '../auth/secrets.js';
import { hashPassword } from '../auth/passwords.js';
import type { Clock } from '../clock.js';
import { runDecision } from '../commands.js';
import {
  type AccountActor,
  type AccountCommand,
  type AccountOutcome,
  accountChanges,
  decideAccount,
  ENROLMENT_HOURS,
  type NewCode,
  type NewKey,
} from '../domain/accounts.js';
import type { UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';

/** A one-time code as shown once to whoever passes it on, and as the domain keeps it. */
export interface OneTimeCode {
  code: string;
  expiresAt: string;
}

/**
 * Codes are read out and typed by people: 20 characters of Crockford's base 32 (no I, L, O or U to mistake
 * for 1 or 0 or to spell words), about 100 bits, shown in groups of four. Read back, case, spaces and
 * hyphens do not matter, and I, L and O count as 1, 1 and 0.
 */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newCode(clock: Clock): { shown: OneTimeCode; kept: NewCode } {
  const bytes = randomBytes(20);
  const plain = Array.from(bytes, (b) => CODE_ALPHABET[b & 31]).join('');
  const code = plain.match(/.{4}/g)!.join('-');
  const expiresAt = new Date(clock().getTime() + ENROLMENT_HOURS * 3600_000).toISOString();
  return { shown: { code, expiresAt }, kept: { codeHash: codeHash(code), expiresAt } };
}

/** The hash a code is kept and checked by, however it was typed. */
export function codeHash(typed: string): string {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return sha256(plain);
}

/** An API key as shown once to whoever passes it to the system, and as the domain keeps it. */
export function newKey(): { keyId: string; key: string; kept: NewKey } {
  const keyId = randomBytes(6).toString('hex');
  const secret = newSecret();
  return { keyId, key: `ras_${keyId}_${secret}`, kept: { keyId, secretHash: sha256(secret) } };
}

export function newUserId(): string {
  return randomUUID();
}

export function runAccountCommand(store: Store, clock: Clock, command: AccountCommand, actor: AccountActor): Promise<AccountOutcome> {
  return runDecision(store, clock, (state, commit) => {
    const outcome = decideAccount(state.rows('users'), command, actor, commit);
    return { answer: outcome, changes: accountChanges(state, outcome) };
  });
}

/** The first admin of a new installation, with the password they chose (at setup, or in the environment). */
export async function firstAdmin(
  input: { username: string; displayName: string; roles: UserRecord['roles']; password: string },
  at: string,
): Promise<Omit<UserRecord, 'revision'>> {
  return {
    id: newUserId(),
    username: input.username,
    displayName: input.displayName,
    roles: [...input.roles],
    passwordHash: await hashPassword(input.password),
    apiKeys: [],
    disabled: false,
    createdAt: at,
    enrolment: null,
    pending: null,
  };
}
