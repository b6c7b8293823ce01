import { randomBytes } from 'node:crypto';
import { requireStrongPassword } from '../auth/password-policy.js';
import { hashPassword } from '../auth/passwords.js';
import { newSecret, sha256 } from '../auth/secrets.js';
import { isoNow } from '../clock.js';
import type { AppContext } from '../context.js';
import { HttpProblem } from '../errors.js';
import { INCOMPATIBLE_ROLES } from '../permissions.js';
import { route, type RouteSpec } from '../route-table.js';
import { createApiKeyBody, createUserBody, updateUserBody } from '../schemas.js';
import type { Role, UserRecord } from '../store/records.js';
import type { Draft } from '../store/store.js';
import { bodyChecker } from '../validation.js';
import { newUser, publicUser } from './auth.js';

const checkCreate = bodyChecker<{ username: string; displayName: string; roles: Role[]; password?: string }>(createUserBody);
const checkUpdate = bodyChecker<{ displayName?: string; roles?: Role[]; disabled?: boolean; password?: string }>(updateUserBody);
const checkKey = bodyChecker<{ label: string; expiresAt?: string }>(createApiKeyBody);

/** The actions that change what an account may do, shown on the account's page. */
const ACCOUNT_HISTORY = new Set(['user.create', 'user.update', 'api-key.create', 'api-key.revoke']);

export function userRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route('get', '/api/users', 'user.manage', 'List users', (_req, res) => {
      res.json(ctx.store.all('users').map(publicUser));
    }),

    route(
      'get',
      '/api/users/:userId',
      'user.manage',
      'One user, with the history of their account: who created it and who granted or removed each role',
      async (req, res) => {
        const user = requireUser(ctx.store.all('users'), String(req.params.userId));
        const entries = await ctx.store.auditEntries({ target: `user:${user.id}` });
        res.json({
          ...publicUser(user),
          history: entries
            .filter((e) => ACCOUNT_HISTORY.has(e.action))
            .map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, details: e.details })),
        });
      },
    ),

    route(
      'post',
      '/api/users',
      'user.manage',
      'Create a user with roles (a password for people; API keys for systems)',
      async (req, res) => {
        const body = checkCreate(req);
        assertCompatible(body.roles);
        if (body.password !== undefined) requireStrongPassword(body.password, body);
        const user = await newUser(body, isoNow(ctx.clock));
        await ctx.store.transact((draft) => {
          if (draft.rows('users').some((u) => u.username === body.username)) {
            throw new HttpProblem(409, 'username_taken', `The username '${body.username}' is taken.`, [
              { pointer: '/username', code: 'username_taken', message: 'choose another username' },
            ]);
          }
          draft.rows('users').push({ ...user, revision: draft.revision });
          draft.audit({
            at: user.createdAt,
            actor: req.caller!.username,
            action: 'user.create',
            target: `user:${user.id}`,
            details: { username: user.username, roles: user.roles, granted: user.roles },
          });
        });
        res.status(201).location(`/api/users/${user.id}`).json(publicUser(user));
      },
    ),

    route(
      'patch',
      '/api/users/:userId',
      'user.manage',
      "Change a user's name, roles, password or disabled flag (not your own roles); a new password, a role taken away or a disabled account ends the user's sessions",
      async (req, res) => {
        const body = checkUpdate(req);
        if (body.roles) assertCompatible(body.roles);
        if (body.password !== undefined) {
          const target = requireUser(ctx.store.all('users'), String(req.params.userId));
          requireStrongPassword(body.password, { username: target.username, displayName: body.displayName ?? target.displayName });
        }
        const passwordHash = body.password ? await hashPassword(body.password) : undefined;
        const updated = await ctx.store.transact((draft) =>
          changeUser(draft, String(req.params.userId), (user) => {
            const self = user.id === req.caller!.userId;
            const granted = (body.roles ?? user.roles).filter((r) => !user.roles.includes(r));
            const removed = user.roles.filter((r) => !(body.roles ?? user.roles).includes(r));
            if (self && (granted.length > 0 || removed.length > 0))
              throw new HttpProblem(409, 'own_roles', 'Nobody changes their own roles: ask another admin.', [
                { pointer: '/roles', code: 'own_roles', message: 'another admin must change your roles' },
              ]);
            if (self && body.disabled) throw new HttpProblem(409, 'self_lockout', 'You cannot disable yourself; ask another admin.');
            const next: UserRecord = {
              ...user,
              ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
              ...(body.roles !== undefined ? { roles: body.roles } : {}),
              ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
              ...(passwordHash ? { passwordHash } : {}),
              revision: draft.revision,
            };
            // Whoever held this account's sessions held them under its old password, roles or standing.
            const endSessions = passwordHash !== undefined || removed.length > 0 || (body.disabled === true && !user.disabled);
            const sessions = draft.rows('sessions');
            const ended = endSessions ? sessions.filter((s) => s.userId === user.id).length : 0;
            if (ended > 0) sessions.splice(0, sessions.length, ...sessions.filter((s) => s.userId !== user.id));
            draft.audit({
              at: isoNow(ctx.clock),
              actor: req.caller!.username,
              action: 'user.update',
              target: `user:${user.id}`,
              details: {
                changed: Object.keys(body),
                roles: next.roles,
                granted,
                removed,
                disabled: next.disabled,
                ...(ended > 0 ? { sessionsEnded: ended } : {}),
              },
            });
            return next;
          }),
        );
        res.json(publicUser(updated));
      },
    ),

    route(
      'post',
      '/api/users/:userId/api-keys',
      'user.manage',
      'Issue an API key; the key is shown once, in this response',
      async (req, res) => {
        const { label, expiresAt } = checkKey(req);
        const now = isoNow(ctx.clock);
        if (expiresAt !== undefined && new Date(expiresAt).toISOString() <= now)
          throw new HttpProblem(422, 'expiry_in_past', `An API key's expiry must be in the future (it is now ${now}).`, [
            { pointer: '/expiresAt', code: 'expiry_in_past', message: 'choose a time in the future' },
          ]);
        const expiry = expiresAt === undefined ? null : new Date(expiresAt).toISOString();
        const keyId = randomBytes(6).toString('hex');
        const secret = newSecret();
        await ctx.store.transact((draft) =>
          changeUser(draft, String(req.params.userId), (user) => {
            draft.audit({
              at: isoNow(ctx.clock),
              actor: req.caller!.username,
              action: 'api-key.create',
              target: `user:${user.id}`,
              details: { keyId, label, expiresAt: expiry },
            });
            return {
              ...user,
              revision: draft.revision,
              apiKeys: [
                ...user.apiKeys,
                { id: keyId, label, secretHash: sha256(secret), createdAt: now, revokedAt: null, expiresAt: expiry, lastUsedAt: null },
              ],
            };
          }),
        );
        res.status(201).json({ id: keyId, label, expiresAt: expiry, key: `ras_${keyId}_${secret}` });
      },
    ),

    route('delete', '/api/users/:userId/api-keys/:keyId', 'user.manage', 'Revoke an API key', async (req, res) => {
      await ctx.store.transact((draft) =>
        changeUser(draft, String(req.params.userId), (user) => {
          const key = user.apiKeys.find((k) => k.id === req.params.keyId);
          if (!key) throw new HttpProblem(404, 'api_key_not_found', `User ${user.username} has no API key ${req.params.keyId}.`);
          draft.audit({
            at: isoNow(ctx.clock),
            actor: req.caller!.username,
            action: 'api-key.revoke',
            target: `user:${user.id}`,
            details: { keyId: key.id },
          });
          return {
            ...user,
            revision: draft.revision,
            apiKeys: user.apiKeys.map((k) => (k.id === key.id ? { ...k, revokedAt: k.revokedAt ?? isoNow(ctx.clock) } : k)),
          };
        }),
      );
      res.status(204).end();
    }),
  ];
}

/** Separation of duties: no account may hold roles that let one person play both parts. */
export function assertCompatible(roles: readonly Role[]): void {
  const clash = INCOMPATIBLE_ROLES.find(([a, b]) => roles.includes(a) && roles.includes(b));
  if (clash)
    throw new HttpProblem(
      422,
      'incompatible_roles',
      `One account cannot be both '${clash[0]}' and '${clash[1]}': whoever manages accounts must not also write or ratify policy.`,
      [{ pointer: '/roles', code: 'incompatible_roles', message: `choose '${clash[0]}' or '${clash[1]}', not both` }],
    );
}

function requireUser(users: readonly UserRecord[], userId: string): UserRecord {
  const user = users.find((u) => u.id === userId);
  if (!user) throw new HttpProblem(404, 'user_not_found', `There is no user ${userId}.`);
  return user;
}

function changeUser(draft: Draft, userId: string, change: (user: UserRecord) => UserRecord): UserRecord {
  const users = draft.rows('users');
  const index = users.findIndex((u) => u.id === requireUser(users, userId).id);
  const next = change(users[index]!);
  users[index] = next;
  return next;
}
