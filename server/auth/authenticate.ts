/**
 * Who is calling: a bearer session token from /api/auth/login, or an API key (`Authorization: ApiKey
 * ras_<keyId>_<secret>` or `X-API-Key`). Unknown or expired credentials are refused outright.
 */

import type { Request, RequestHandler } from 'express';
import { HttpProblem } from '../errors.js';
import type { Role, UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { sameHash, sha256 } from './secrets.js';

export interface Caller {
  userId: string;
  username: string;
  roles: readonly Role[];
  via: 'session' | 'api-key';
}

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller;
  }
}

export function authenticate(store: Store, now: () => Date): RequestHandler {
  return (req, _res, next) => {
    const credential = credentialOf(req);
    if (credential)
      req.caller = credential.kind === 'bearer' ? fromSession(store, credential.value, now()) : fromApiKey(store, credential.value);
    next();
  };
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
  const session = store.all('sessions').find((s) => sameHash(s.tokenHash, hash));
  if (!session || session.expiresAt <= now.toISOString())
    throw new HttpProblem(401, 'session_expired', 'The session token is unknown or has expired: sign in again.');
  return callerOf(activeUser(store, session.userId), 'session');
}

function fromApiKey(store: Store, key: string): Caller {
  // The secret is base64url and may itself contain '_'; only the first two separators delimit fields.
  const [prefix, keyId, ...rest] = key.split('_');
  const secret = rest.join('_');
  if (prefix !== 'ras' || !keyId || !secret)
    throw new HttpProblem(401, 'bad_credentials', 'The API key is not in the form ras_<id>_<secret>.');
  const hash = sha256(secret);
  for (const user of store.all('users')) {
    const record = user.apiKeys.find((k) => k.id === keyId);
    if (record && !record.revokedAt && sameHash(record.secretHash, hash)) return callerOf(activeUser(store, user.id), 'api-key');
  }
  throw new HttpProblem(401, 'bad_credentials', 'The API key is unknown or has been revoked.');
}

function activeUser(store: Store, userId: string): UserRecord {
  const user = store.all('users').find((u) => u.id === userId);
  if (!user || user.disabled) throw new HttpProblem(401, 'account_disabled', 'This account is disabled.');
  return user;
}

function callerOf(user: UserRecord, via: Caller['via']): Caller {
  return { userId: user.id, username: user.username, roles: user.roles, via };
}
