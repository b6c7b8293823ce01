import { randomUUID } from 'node:crypto';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { newSecret, sameHash, sha256 } from '../auth/secrets.js';
import { isoNow } from '../clock.js';
import type { AppContext } from '../context.js';
import { HttpProblem } from '../errors.js';
import { actionsFor } from '../permissions.js';
import { route, type RouteSpec } from '../route-table.js';
import { loginBody, setupBody } from '../schemas.js';
import type { UserRecord } from '../store/records.js';
import { bodyChecker } from '../validation.js';

const checkLogin = bodyChecker<{ username: string; password: string }>(loginBody);
const checkSetup = bodyChecker<{ code: string; username: string; displayName?: string; password: string }>(setupBody);

export function authRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route('post', '/api/auth/login', 'public', 'Sign in with a username and password; returns a bearer token', async (req, res) => {
      const { username, password } = checkLogin(req);
      const user = ctx.store.all('users').find((u) => u.username === username);
      // Verify even for an unknown user, so timing does not reveal which usernames exist.
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      const now = ctx.clock();
      if (!user || !ok || user.disabled || !user.passwordHash) {
        // Every failed attempt is on the record; an unknown name is not written down (it may be anything typed).
        await ctx.store.transact((draft) => {
          draft.audit({
            at: now.toISOString(),
            actor: user ? user.username : 'unknown',
            action: 'auth.sign-in-failed',
            target: user ? `user:${user.id}` : 'user:unknown',
            details: { reason: !user ? 'unknown user' : user.disabled ? 'account disabled' : 'wrong password' },
          });
        });
        throw new HttpProblem(401, 'bad_credentials', 'The username or password is wrong, or the account is disabled.');
      }
      const token = newSecret();
      const expiresAt = new Date(now.getTime() + ctx.sessionHours * 3600_000).toISOString();
      await ctx.store.transact((draft) => {
        const sessions = draft.rows('sessions');
        // This user's expired sessions are dropped as a new one is made, so the file does not grow for ever.
        const kept = sessions.filter((s) => s.userId !== user.id || s.expiresAt > now.toISOString());
        sessions.splice(0, sessions.length, ...kept, {
          tokenHash: sha256(token),
          userId: user.id,
          createdAt: now.toISOString(),
          expiresAt,
        });
        draft.audit({
          at: now.toISOString(),
          actor: user.username,
          action: 'auth.sign-in',
          target: `user:${user.id}`,
          details: { expiresAt },
        });
      });
      res.json({ token, expiresAt, user: publicUser(user) });
    }),

    route('post', '/api/auth/logout', 'signed-in', 'End the current session', async (req, res) => {
      const token = req.headers.authorization?.split(' ', 2)[1];
      if (req.caller?.via === 'session' && token) {
        const hash = sha256(token);
        await ctx.store.transact((draft) => {
          const sessions = draft.rows('sessions');
          const index = sessions.findIndex((s) => sameHash(s.tokenHash, hash));
          if (index < 0) return;
          sessions.splice(index, 1);
          draft.audit({
            at: isoNow(ctx.clock),
            actor: req.caller!.username,
            action: 'auth.sign-out',
            target: `user:${req.caller!.userId}`,
          });
        });
      }
      res.status(204).end();
    }),

    route('get', '/api/auth/me', 'signed-in', 'Who is signed in, with their roles and the actions those roles allow', (req, res) => {
      const user = ctx.store.all('users').find((u) => u.id === req.caller!.userId)!;
      res.json({ ...publicUser(user), via: req.caller!.via, permissions: actionsFor(user.roles) });
    }),

    route('get', '/api/setup', 'public', 'Whether the first admin still needs to be created', (_req, res) => {
      res.json({ needed: ctx.store.all('users').length === 0 && ctx.setupCode !== null });
    }),

    route('post', '/api/setup', 'public', 'Create the first admin with the one-time setup code printed at start-up', async (req, res) => {
      const body = checkSetup(req);
      if (ctx.store.all('users').length > 0 || ctx.setupCode === null)
        throw new HttpProblem(409, 'setup_done', 'Setup is done: there are users already.');
      if (!sameHash(sha256(body.code), sha256(ctx.setupCode)))
        throw new HttpProblem(403, 'bad_setup_code', 'The setup code is wrong: use the one printed when the server started.');
      const user = await newUser(
        { username: body.username, displayName: body.displayName ?? body.username, roles: ['admin'], password: body.password },
        isoNow(ctx.clock),
      );
      await ctx.store.transact((draft) => {
        if (draft.rows('users').length > 0) throw new HttpProblem(409, 'setup_done', 'Setup is done: there are users already.');
        draft.rows('users').push({ ...user, revision: draft.revision });
        draft.audit({
          at: user.createdAt,
          actor: user.username,
          action: 'user.create',
          target: `user:${user.id}`,
          details: { roles: user.roles, granted: user.roles, via: 'setup' },
        });
      });
      ctx.setupCode = null;
      res.status(201).json(publicUser(user));
    }),
  ];
}

const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export async function newUser(
  input: { username: string; displayName: string; roles: UserRecord['roles']; password?: string },
  at: string,
): Promise<Omit<UserRecord, 'revision'>> {
  return {
    id: randomUUID(),
    username: input.username,
    displayName: input.displayName,
    roles: [...input.roles],
    passwordHash: input.password ? await hashPassword(input.password) : null,
    apiKeys: [],
    disabled: false,
    createdAt: at,
  };
}

/** A user as the API shows it: never a password hash or a key hash. */
export function publicUser(user: Omit<UserRecord, 'revision'>) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    disabled: user.disabled,
    createdAt: user.createdAt,
    hasPassword: user.passwordHash !== null,
    apiKeys: user.apiKeys.map((k) => ({ id: k.id, label: k.label, createdAt: k.createdAt, revokedAt: k.revokedAt })),
  };
}
