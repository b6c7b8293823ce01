import { newCode, newKey, newUserId, type OneTimeCode, runAccountCommand } from '../services/accounts.js';
import { isoNow } from '../clock.js';
import { etagOf } from '../domain/lifecycle.js';
import type { AppContext } from '../context.js';
import { isSystem } from '../domain/accounts.js';
import { HttpProblem } from '../http/errors.js';
import { created, totalCount } from './answer-headers.js';
import { listPage } from '../http/list-query.js';
import { sendPage } from '../http/paging.js';
import { USER_LIST } from './list-specs.js';
import { route, type RouteSpec } from '../route-table.js';
import type { UserRecord } from '../store/records.js';
import { accountHistory, type NameOf, publicUser } from './account-view.js';
import { actorNames } from '../audit/words.js';

export function userRoutes(ctx: AppContext): RouteSpec[] {
  const actor = (req: { caller?: { userId: string; username: string } }) => ({
    userId: req.caller!.userId,
    username: req.caller!.username,
  });
  // Everyone an account names, by their names now, so a reader never sees a user name.
  const nameOf = (): NameOf => actorNames(ctx.store.all('users'));
  const userId = (req: { params: Record<string, string | string[]> }) => String(req.params.userId);

  return [
    route(
      'get',
      '/api/users',
      'user.manage',
      'List users; sorted, searched (q), filtered by role or disabled, and a page at a time (offset, limit, X-Total-Count)',
      (req, res) => {
        const names = nameOf();
        const page = listPage(
          req.query,
          ctx.store.all('users').map((u) => publicUser(u, names)),
          USER_LIST,
        );
        sendPage(res, page.rows, page.total);
      },
      { answers: { status: 200, schema: { listOf: 'User' }, headers: totalCount } },
    ),

    route(
      'get',
      '/api/users/:userId',
      'user.manage',
      'One user, with the history of their account: who created it, who granted or removed each role, who issued each key and one-time code',
      async (req, res) => {
        const user = requireUser(ctx.store.all('users'), userId(req));
        const entries = await ctx.store.auditEntries({ target: `user:${user.id}` });
        const names = nameOf();
        res.set('ETag', etagOf(user)).json({ ...publicUser(user, names), history: accountHistory(entries, names) });
      },
      {
        answers: {
          status: 200,
          schema: 'UserWithHistory',
          headers: { ETag: "The account's revision, for If-Match when agreeing to a change waiting on it." },
        },
      },
    ),

    route(
      'post',
      '/api/users',
      'user.manage',
      "Create an account. A person's account comes with a one-time code (shown once, here) with which they set their own password at POST /api/auth/enrol; a system's (role api-client alone) gets API keys instead. Officer and ratifier roles wait for a second admin where there is one (202)",
      async (req, res, body) => {
        const system = isSystem(body);
        const code = system ? null : newCode(ctx.clock);
        const outcome = await runAccountCommand(
          ctx.store,
          ctx.clock,
          { kind: 'create', id: newUserId(), ...body, code: code?.kept ?? null },
          actor(req),
        );
        res
          .status(outcome.pending ? 202 : 201)
          .location(`/api/users/${outcome.user.id}`)
          .set('ETag', etagOf(outcome.user))
          .json(withCode(outcome.user, nameOf(), outcome.codeIssued ? (code?.shown ?? null) : null));
      },
      {
        takes: 'CreateUserRequest',
        answers: {
          status: 201,
          schema: 'NewUser',
          headers: created('/api/users/{userId}'),
          also: {
            status: 202,
            description:
              'Created, but the officer or ratifier role waits for a second admin (see `pending`); the other roles are held at once.',
            schema: 'NewUser',
          },
        },
      },
    ),

    route(
      'patch',
      '/api/users/:userId',
      'user.manage',
      "Change a user's name, roles or disabled flag (not your own roles). Granting officer or ratifier waits for a second admin where there is one (202, the request in `pending`); a role taken away or a disabled account ends the user's sessions",
      async (req, res, body) => {
        const outcome = await runAccountCommand(ctx.store, ctx.clock, { kind: 'update', userId: userId(req), ...body }, actor(req));
        res
          .status(outcome.pending ? 202 : 200)
          .set('ETag', etagOf(outcome.user))
          .json(publicUser(outcome.user, nameOf()));
      },
      {
        takes: 'UpdateUserRequest',
        answers: {
          status: 200,
          schema: 'User',
          also: {
            status: 202,
            description:
              'The officer or ratifier role granted waits for a second admin (see `pending`); the roles are as they were until then.',
            schema: 'User',
          },
        },
      },
    ),

    route(
      'post',
      '/api/users/:userId/password-reset',
      'user.manage',
      "Give a person a new one-time code to set their own password (shown once, here); their old password works until they use it. For an officer's or ratifier's account, a second admin must agree where there is one (202)",
      async (req, res) => {
        const code = newCode(ctx.clock);
        const outcome = await runAccountCommand(
          ctx.store,
          ctx.clock,
          { kind: 'reset-password', userId: userId(req), code: code.kept },
          actor(req),
        );
        res
          .status(outcome.pending ? 202 : 201)
          .set('ETag', etagOf(outcome.user))
          .json(withCode(outcome.user, nameOf(), outcome.codeIssued ? code.shown : null));
      },
      {
        answers: {
          status: 201,
          schema: 'NewUser',
          also: {
            status: 202,
            description: "The reset of an officer's or ratifier's password waits for a second admin (see `pending`); no code is given yet.",
            schema: 'NewUser',
          },
        },
      },
    ),

    route(
      'post',
      '/api/users/:userId/pending/approve',
      'user.manage',
      "Agree, as the second admin, to the change waiting on an account as you read it (If-Match with the account's ETag from GET /api/users/{userId}): roles granted, an admin disabled, a password reset (its one-time code shown once, here) or an API key (shown once, here)",
      async (req, res) => {
        const code = newCode(ctx.clock);
        const key = newKey();
        const outcome = await runAccountCommand(
          ctx.store,
          ctx.clock,
          { kind: 'approve', userId: userId(req), code: code.kept, key: key.kept, ifMatch: req.headers['if-match'] },
          actor(req),
        );
        const apiKey = outcome.keyIssued ? { id: key.keyId, ...outcome.keyIssued, key: key.key } : null;
        res.set('ETag', etagOf(outcome.user)).json({ ...withCode(outcome.user, nameOf(), outcome.codeIssued ? code.shown : null), apiKey });
      },
      { answers: { status: 200, schema: 'ApprovedChange' } },
    ),

    route(
      'delete',
      '/api/users/:userId/pending',
      'user.manage',
      'Refuse or withdraw the change waiting on an account',
      async (req, res) => {
        const outcome = await runAccountCommand(ctx.store, ctx.clock, { kind: 'cancel', userId: userId(req) }, actor(req));
        res.json(publicUser(outcome.user, nameOf()));
      },
      { answers: { status: 200, schema: 'User' } },
    ),

    route(
      'post',
      '/api/users/:userId/api-keys',
      'user.manage',
      "Issue an API key to a system's account (role api-client alone); the key is shown once, in this response. Where there is a second admin, the key waits for them (202, `pending`), and is shown once to the admin who agrees",
      async (req, res, body) => {
        const { label, expiresAt } = body;
        const now = isoNow(ctx.clock);
        if (expiresAt !== undefined && new Date(expiresAt).toISOString() <= now)
          throw new HttpProblem(422, 'expiry_in_past', `An API key's expiry must be in the future (it is now ${now}).`, [
            { pointer: '/expiresAt', code: 'expiry_in_past', message: 'choose a time in the future' },
          ]);
        const expiry = expiresAt === undefined ? null : new Date(expiresAt).toISOString();
        const key = newKey();
        const outcome = await runAccountCommand(
          ctx.store,
          ctx.clock,
          { kind: 'create-key', userId: userId(req), label, expiresAt: expiry, key: key.kept },
          actor(req),
        );
        if (outcome.pending) res.status(202).set('ETag', etagOf(outcome.user)).json(publicUser(outcome.user, nameOf()));
        else res.status(201).json({ id: key.keyId, label, expiresAt: expiry, key: key.key });
      },
      {
        takes: 'CreateApiKeyRequest',
        answers: {
          status: 201,
          schema: 'NewApiKey',
          also: {
            status: 202,
            description: 'The key waits for a second admin (see `pending`): the one who agrees is shown it once.',
            schema: 'User',
          },
        },
      },
    ),

    route(
      'delete',
      '/api/users/:userId/api-keys/:keyId',
      'user.manage',
      'Revoke an API key',
      async (req, res) => {
        await runAccountCommand(
          ctx.store,
          ctx.clock,
          { kind: 'revoke-key', userId: userId(req), keyId: String(req.params.keyId) },
          actor(req),
        );
        res.status(204).end();
      },
      { answers: { status: 204 } },
    ),
  ];
}

/** An account as the API shows it, with the one-time code made for it: shown this once, never kept. */
function withCode(user: UserRecord, nameOf: NameOf, code: OneTimeCode | null) {
  return { ...publicUser(user, nameOf), oneTimeCode: code };
}

function requireUser(users: readonly UserRecord[], id: string): UserRecord {
  const user = users.find((u) => u.id === id);
  if (!user) throw new HttpProblem(404, 'user_not_found', `There is no user ${id}.`);
  return user;
}
