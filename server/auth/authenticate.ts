/**
 * Who is calling: a bearer session token from /api/auth/login, or an API key (`Authorization: ApiKey
 * ras_<keyId>_<secret>` or `X-API-Key`). Unknown or expired credentials are refused outright.
 */

import type { Request, RequestHandler } from 'express';
import { HttpProblem } from '../http/errors.js';
import type { ApiKeyRecord, Role, SessionRecord, UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { hashes, sameHash, sha256 } from './secrets.js';
import { isSystem, noteKeyUse } from '../domain/accounts.js';
import { runDecision } from '../commands.js';

export interface Caller {
  userId: string;
  username: string;
  roles: readonly Role[];
  via: 'session' | 'api-key';
  /** The API key used, when via is 'api-key': the audit names it beside the system's account. */
  keyId?: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller;
  }
}

export function authenticate(store: Store, now: () => Date): RequestHandler {
  // Synchronous unless a key's use must be noted: a request that waits for nothing goes on at once.
  return (req, _res, next) => {
    const credential = credentialOf(req);
    if (credential?.kind === 'bearer') req.caller = fromSession(store, credential.value, now());
    if (credential?.kind === 'api-key') {
      const at = now();
      const { user, key } = fromApiKey(store, credential.value, at);
      req.caller = { ...callerOf(user, 'api-key'), keyId: key.id };
      const hour = hourOf(at);
      if (key.lastUsedAt !== hour) return noteUse(store, user, key, at, hour).then(() => next(), next);
    }
    next();
  };
}

const HOUR_MS = 3600_000;

/** The hour last written out: every call in one hour asks for the same text, written once. */
let lastHour = { ms: Number.NaN, text: '' };

function hourOf(at: Date): string {
  const ms = Math.floor(at.getTime() / HOUR_MS) * HOUR_MS;
  if (ms !== lastHour.ms) lastHour = { ms, text: new Date(ms).toISOString() };
  return lastHour.text;
}

/** When the key was last used, to the hour (server/domain/accounts.ts noteKeyUse says why). */
async function noteUse(store: Store, user: UserRecord, key: ApiKeyRecord, at: Date, hour: string): Promise<void> {
  const use = { userId: user.id, keyId: key.id, hour, at: at.toISOString() };
  await runDecision(
    store,
    () => at,
    (state, commit) => noteKeyUse(state, use, commit),
  );
}

function credentialOf(req: Request): { kind: 'bearer' | 'api-key'; value: string } | null {
  const header = req.headers.authorization;
  const apiKey = req.headers['x-api-key'];
  if (typeof apiKey === 'string') return { kind: 'api-key', value: apiKey };
  if (!header) return null;
  const [scheme, value] = header.split(' ', 2);
  if (!value) throw new HttpProblem(401, 'bad_credentials', 'The Authorization header must be "Bearer <token>" or "ApiKey <key>".');
  if (scheme?.toLowerCase() === 'bearer') return { kind: 'bearer', value };
  if (scheme?.toLowerCase() === 'apikey') return { kind: 'api-key', value };
  throw new HttpProblem(401, 'bad_credentials', `Unknown authorization scheme '${scheme}': use Bearer or ApiKey.`);
}

function fromSession(store: Store, token: string, now: Date): Caller {
  const hash = sha256(token);
  const session = sessionByHash(store, hash);
  if (!session || session.expiresAt <= now.toISOString())
    throw new HttpProblem(401, 'session_expired', 'The session token is unknown or has expired: sign in again.');
  return callerOf(activeUser(store, session.userId), 'session');
}

/**
 * Sessions by their token's hash, made once for each state of the sessions collection: the store gives a
 * new (frozen) array whenever a session starts or ends, so the index never outlives what it was made from.
 * A request then finds its session without comparing its hash with every other session's.
 */
const sessionIndexes = new WeakMap<object, ReadonlyMap<string, SessionRecord>>();

function sessionByHash(store: Store, hash: string): SessionRecord | undefined {
  const sessions = store.all('sessions');
  let index = sessionIndexes.get(sessions);
  if (!index) {
    index = new Map(sessions.map((s) => [s.tokenHash, s]));
    sessionIndexes.set(sessions, index);
  }
  const session = index.get(hash);
  return session && sameHash(session.tokenHash, hash) ? session : undefined;
}

/**
 * API keys by id, with their user, made once for each state of the users collection (as sessions are,
 * above): a call finds its key without walking every user's keys, and a revoked key, a disabled user
 * or a new key is a new state of the collection and so a new index.
 */
const keyIndexes = new WeakMap<object, ReadonlyMap<string, { user: UserRecord; key: ApiKeyRecord }>>();

function keyById(store: Store, keyId: string): { user: UserRecord; key: ApiKeyRecord } | undefined {
  const users = store.all('users');
  let index = keyIndexes.get(users);
  if (!index) {
    index = new Map(users.flatMap((user) => user.apiKeys.map((key) => [key.id, { user, key }] as const)));
    keyIndexes.set(users, index);
  }
  return index.get(keyId);
}

function fromApiKey(store: Store, key: string, now: Date): { user: UserRecord; key: ApiKeyRecord } {
  // The secret is base64url and may itself contain '_'; only the first two separators delimit fields.
  const [prefix, keyId, ...rest] = key.split('_');
  const secret = rest.join('_');
  if (prefix !== 'ras' || !keyId || !secret)
    throw new HttpProblem(401, 'bad_credentials', 'The API key is not in the form ras_<id>_<secret>.');
  const found = keyById(store, keyId);
  if (!found || found.key.revokedAt || !hashes(secret, found.key.secretHash))
    throw new HttpProblem(401, 'bad_credentials', 'The API key is unknown or has been revoked.');
  const { user, key: record } = found;
  if (record.expiresAt && record.expiresAt <= now.toISOString())
    throw new HttpProblem(401, 'api_key_expired', `The API key expired at ${record.expiresAt}: ask an admin for a new one.`);
  if (user.disabled) throw new HttpProblem(401, 'account_disabled', 'This account is disabled.');
  // Keys belong to systems: a key left on an account that is now a person's does not speak for that person.
  if (!isSystem(user))
    throw new HttpProblem(
      401,
      'bad_credentials',
      "This API key belongs to an account that is no longer a system's: ask an admin for a system's key.",
    );
  return found;
}

function activeUser(store: Store, userId: string): UserRecord {
  const user = store.all('users').find((u) => u.id === userId);
  if (!user || user.disabled) throw new HttpProblem(401, 'account_disabled', 'This account is disabled.');
  return user;
}

function callerOf(user: UserRecord, via: Caller['via']): Caller {
  return { userId: user.id, username: user.username, roles: user.roles, via };
}

/** The session token of a request signed in with Authorization: Bearer. */
export function bearerToken(req: Request): string | undefined {
  const [scheme, value] = (req.headers.authorization ?? '').split(' ', 2);
  return scheme?.toLowerCase() === 'bearer' && value ? value : undefined;
}
