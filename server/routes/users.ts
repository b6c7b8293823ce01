import { randomBytes } from 'node:crypto';
import { appendAudit } from '../audit.js';
import { hashPassword } from '../auth/passwords.js';
import { newSecret, sha256 } from '../auth/secrets.js';
import { isoNow } from '../clock.js';
import type { AppContext } from '../context.js';
import { HttpProblem } from '../errors.js';
import { route, type RouteSpec } from '../route-table.js';
import { createApiKeyBody, createUserBody, updateUserBody } from '../schemas.js';
import type { Role, UserRecord } from '../store/records.js';
import type { Draft } from '../store/store.js';
import { bodyChecker } from '../validation.js';
import { newUser, publicUser } from './auth.js';

const checkCreate = bodyChecker<{ username: string; displayName: string; roles: Role[]; password?: string }>(createUserBody);
const checkUpdate = bodyChecker<{ displayName?: string; roles?: Role[]; disabled?: boolean; password?: string }>(updateUserBody);
const checkKey = bodyChecker<{ label: string }>(createApiKeyBody);

export function userRoutes(ctx: AppContext): RouteSpec[] {
  const admin = ['admin'] as const;
  return [
    route('get', '/api/users', admin, 'List users', (_req, res) => {
      res.json(ctx.store.all('users').map(publicUser));
    }),

    route('post', '/api/users', admin, 'Create a user with roles (a password for people; API keys for systems)', async (req, res) => {
      const body = checkCreate(req);
      const user = await newUser(body, isoNow(ctx.clock));
      await ctx.store.transact((draft) => {
        if (draft.rows('users').some((u) => u.username === body.username)) {
          throw new HttpProblem(409, 'username_taken', `The username '${body.username}' is taken.`, [
            { pointer: '/username', code: 'username_taken', message: 'choose another username' },
          ]);
        }
        draft.rows('users').push(user);
        appendAudit(draft, {
          at: user.createdAt,
          actor: req.caller!.username,
          action: 'user.create',
          target: `user:${user.id}`,
          details: { username: user.username, roles: user.roles },
        });
      });
      res.status(201).location(`/api/users/${user.id}`).json(publicUser(user));
    }),

    route('patch', '/api/users/:userId', admin, "Change a user's name, roles, password or disabled flag", async (req, res) => {
      const body = checkUpdate(req);
      const passwordHash = body.password ? await hashPassword(body.password) : undefined;
      const updated = await ctx.store.transact((draft) =>
        changeUser(draft, String(req.params.userId), (user) => {
          if (user.id === req.caller!.userId && (body.disabled || (body.roles && !body.roles.includes('admin')))) {
            throw new HttpProblem(409, 'self_lockout', 'You cannot disable yourself or remove your own admin role; ask another admin.');
          }
          const next: UserRecord = {
            ...user,
            ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
            ...(body.roles !== undefined ? { roles: body.roles } : {}),
            ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
            ...(passwordHash ? { passwordHash } : {}),
          };
          appendAudit(draft, {
            at: isoNow(ctx.clock),
            actor: req.caller!.username,
            action: 'user.update',
            target: `user:${user.id}`,
            details: { changed: Object.keys(body), roles: next.roles, disabled: next.disabled },
          });
          return next;
        }),
      );
      res.json(publicUser(updated));
    }),

    route('post', '/api/users/:userId/api-keys', admin, 'Issue an API key; the key is shown once, in this response', async (req, res) => {
      const { label } = checkKey(req);
      const keyId = randomBytes(6).toString('hex');
      const secret = newSecret();
      await ctx.store.transact((draft) =>
        changeUser(draft, String(req.params.userId), (user) => {
          appendAudit(draft, {
            at: isoNow(ctx.clock),
            actor: req.caller!.username,
            action: 'api-key.create',
            target: `user:${user.id}`,
            details: { keyId, label },
          });
          return {
            ...user,
            apiKeys: [...user.apiKeys, { id: keyId, label, secretHash: sha256(secret), createdAt: isoNow(ctx.clock), revokedAt: null }],
          };
        }),
      );
      res.status(201).json({ id: keyId, label, key: `ras_${keyId}_${secret}` });
    }),

    route('delete', '/api/users/:userId/api-keys/:keyId', admin, 'Revoke an API key', async (req, res) => {
      await ctx.store.transact((draft) =>
        changeUser(draft, String(req.params.userId), (user) => {
          const key = user.apiKeys.find((k) => k.id === req.params.keyId);
          if (!key) throw new HttpProblem(404, 'api_key_not_found', `User ${user.username} has no API key ${req.params.keyId}.`);
          appendAudit(draft, {
            at: isoNow(ctx.clock),
            actor: req.caller!.username,
            action: 'api-key.revoke',
            target: `user:${user.id}`,
            details: { keyId: key.id },
          });
          return {
            ...user,
            apiKeys: user.apiKeys.map((k) => (k.id === key.id ? { ...k, revokedAt: k.revokedAt ?? isoNow(ctx.clock) } : k)),
          };
        }),
      );
      res.status(204).end();
    }),
  ];
}

function changeUser(draft: Draft, userId: string, change: (user: UserRecord) => UserRecord): UserRecord {
  const users = draft.rows('users');
  const index = users.findIndex((u) => u.id === userId);
  if (index < 0) throw new HttpProblem(404, 'user_not_found', `There is no user ${userId}.`);
  const next = change(users[index]!);
  users[index] = next;
  return next;
}
