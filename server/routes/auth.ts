import { bearerToken } from '../auth/authenticate.js';
import { requireStrongPassword } from '../auth/password-policy.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { passwordChangeLimiter, signInLimiters } from '../auth/sign-in-limits.js';
import { newSecret, sameHash, sha256 } from '../auth/secrets.js';
import { isoNow } from '../clock.js';
import type { AppContext } from '../context.js';
import { HttpProblem } from '../http/errors.js';
import { actionsFor } from '../domain/permissions.js';
import { runDecision } from '../commands.js';
import { firstAdmin } from '../services/accounts.js';
import { changePassword, failedSignIn, setUp, signIn, signOut } from '../domain/sessions.js';
import { route, type RouteSpec } from '../route-table.js';
import { codeHash, runAccountCommand } from '../services/accounts.js';
import { usableCode } from '../domain/accounts.js';
import { accountHistory, type NameOf, publicUser } from './account-view.js';
import { actorNames } from '../audit/words.js';

export function authRoutes(ctx: AppContext): RouteSpec[] {
  const nameOf = (): NameOf => actorNames(ctx.store.all('users'));
  return [
    route(
      'post',
      '/api/auth/login',
      'public',
      'Sign in with a username and password; returns a bearer token. Failed attempts are limited per account and per address (429 with Retry-After)',
      async (_req, res, body) => {
        const { username, password } = body;
        const user = ctx.store.all('users').find((u) => u.username === username);
        // Verify even for an unknown user, so timing does not reveal which usernames exist.
        const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
        const now = ctx.clock();
        if (!user || !ok || user.disabled || !user.passwordHash) {
          await runDecision(ctx.store, ctx.clock, (_state, commit) => ({ answer: undefined, changes: failedSignIn(user, commit) }));
          throw new HttpProblem(401, 'bad_credentials', 'The username or password is wrong, or the account is disabled.');
        }
        const token = newSecret();
        const expiresAt = new Date(now.getTime() + ctx.sessionHours * 3600_000).toISOString();
        await runDecision(ctx.store, ctx.clock, (state, commit) => signIn(state, { user, tokenHash: sha256(token), expiresAt }, commit));
        res.json({ token, expiresAt, user: publicUser(user, nameOf()) });
      },
      { takes: 'LoginRequest', answers: { status: 200, schema: 'LoginResponse' }, before: signInLimiters(ctx.signInLimits) },
    ),

    route(
      'post',
      '/api/auth/password',
      'signed-in',
      'Change your own password (send the current one); every other session of yours ends',
      async (req, res, body) => {
        if (req.caller!.via !== 'session')
          throw new HttpProblem(403, 'session_required', 'Sign in with a password to change it; an API key has none.');
        const user = ctx.store.all('users').find((u) => u.id === req.caller!.userId)!;
        if (!user.passwordHash || !(await verifyPassword(body.currentPassword, user.passwordHash)))
          throw new HttpProblem(403, 'bad_credentials', 'The current password is wrong.', [
            { pointer: '/currentPassword', code: 'bad_credentials', message: 'this is not your current password' },
          ]);
        requireStrongPassword(body.newPassword, user, '/newPassword');
        const passwordHash = await hashPassword(body.newPassword);
        const command = { userId: user.id, passwordHash, keepTokenHash: sha256(bearerToken(req)!) };
        await runDecision(ctx.store, ctx.clock, (state, commit) => changePassword(state, command, commit));
        res.status(204).end();
      },
      { takes: 'ChangePasswordRequest', answers: { status: 204 }, before: [passwordChangeLimiter(ctx.signInLimits)] },
    ),

    route(
      'post',
      '/api/auth/logout',
      'signed-in',
      'End the current session',
      async (req, res) => {
        const token = bearerToken(req);
        if (req.caller?.via === 'session' && token)
          await runDecision(ctx.store, ctx.clock, (state, commit) => signOut(state, sha256(token), req.caller!, commit));
        res.status(204).end();
      },
      { answers: { status: 204 } },
    ),

    route(
      'get',
      '/api/auth/me',
      'signed-in',
      "Who is signed in, with their roles, the actions those roles allow, and their account's history: every role granted or taken away, key issued, one-time code given and password set, and by whom",
      async (req, res) => {
        const user = ctx.store.all('users').find((u) => u.id === req.caller!.userId)!;
        const entries = await ctx.store.auditEntries({ target: `user:${user.id}` });
        res.json({
          ...publicUser(user, nameOf()),
          via: req.caller!.via,
          permissions: actionsFor(user.roles),
          accountHistory: accountHistory(entries, nameOf()),
        });
      },
      { answers: { status: 200, schema: 'Me' } },
    ),

    route(
      'delete',
      '/api/auth/one-time-code',
      'signed-in',
      'Turn down a one-time code given for your own account that you did not ask for: it stops working at once',
      async (req, res) => {
        const outcome = await runAccountCommand(
          ctx.store,
          ctx.clock,
          { kind: 'refuse-code', userId: req.caller!.userId },
          { userId: req.caller!.userId, username: req.caller!.username },
        );
        res.json(publicUser(outcome.user, nameOf()));
      },
      { answers: { status: 200, schema: 'User' } },
    ),

    route(
      'post',
      '/api/auth/enrol',
      'public',
      'Set your own password with the one-time code an admin gave you (for a new account, or after a reset); then sign in. Every session of the account ends',
      async (_req, res, body) => {
        const hash = codeHash(body.code);
        // The code first: a password is judged (against the person's name) only for someone holding a code that works.
        const { user } = usableCode(ctx.store.all('users'), body.username, hash, isoNow(ctx.clock));
        requireStrongPassword(body.password, user);
        const passwordHash = await hashPassword(body.password);
        await runAccountCommand(
          ctx.store,
          ctx.clock,
          { kind: 'enrol', username: body.username, codeHash: hash, passwordHash },
          { userId: user.id, username: body.username },
        );
        res.status(204).end();
      },
      { takes: 'EnrolRequest', answers: { status: 204 }, before: signInLimiters(ctx.signInLimits) },
    ),

    route(
      'get',
      '/api/setup',
      'public',
      'Whether the first admin still needs to be created',
      (_req, res) => {
        res.json({ needed: ctx.store.all('users').length === 0 && ctx.setupCode !== null });
      },
      { answers: { status: 200, schema: 'SetupStatus' } },
    ),

    route(
      'post',
      '/api/setup',
      'public',
      'Create the first admin with the one-time setup code printed at start-up',
      async (_req, res, body) => {
        if (ctx.store.all('users').length > 0 || ctx.setupCode === null)
          throw new HttpProblem(409, 'setup_done', 'Setup is done: there are users already.');
        requireStrongPassword(body.password, body);
        if (!sameHash(sha256(body.code), sha256(ctx.setupCode)))
          throw new HttpProblem(403, 'bad_setup_code', 'The setup code is wrong: use the one printed when the server started.');
        const user = await firstAdmin(
          { username: body.username, displayName: body.displayName ?? body.username, roles: ['admin'], password: body.password },
          isoNow(ctx.clock),
        );
        await runDecision(ctx.store, ctx.clock, (state, commit) => setUp(state, user, 'setup', commit));
        ctx.setupCode = null;
        res.status(201).json(publicUser(user, nameOf()));
      },
      { takes: 'SetupRequest', answers: { status: 201, schema: 'User' } },
    ),
  ];
}

const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
