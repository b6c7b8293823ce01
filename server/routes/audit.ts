import { type Checkpoint, checkpointLine, checkpointsIn, parseCheckpoint } from '../audit/checkpoint.js';
import { ACTION_WORDS, auditReader } from '../audit/words.js';
import type { AppContext } from '../context.js';
import { today } from '../clock.js';
import { currentTitle } from '../domain/in-force.js';
import { HttpProblem } from '../http/errors.js';
import { wellFormedQuery } from '../http/request-body.js';
import { pageRequest, sendPage, WHOLE_LIST } from '../http/paging.js';
import { totalCount } from './answer-headers.js';
import { route, type RouteSpec } from '../route-table.js';
import type { AuditEntry } from '../store/records.js';

/** The most entries one page of the log holds. */
export const AUDIT_PAGE_LIMIT = 500;
const SEARCH_LENGTH = 200;

/** Audit entries as the API serves them: as recorded, with what each says in words. */
export function describedEntries(ctx: AppContext, entries: readonly AuditEntry[]) {
  const reader = readerOf(ctx);
  return entries.map((entry) => ({ ...entry, ...reader.wordsOf(entry) }));
}

const readerOf = (ctx: AppContext) =>
  auditReader({ users: ctx.store.all('users'), policies: policiesByCurrentTitle(ctx), cohorts: ctx.store.all('cohorts') });

/** Schemes as the log names them: by their title now (the version in force, else the newest), never their first version's. */
function policiesByCurrentTitle(ctx: AppContext) {
  const versions = ctx.store.all('versions');
  const date = today(ctx.clock);
  return ctx.store.all('policies').map((p) => ({ ...p, title: currentTitle(versions, p.id, date) ?? p.title }));
}

export function auditRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route(
      'get',
      '/api/audit',
      'audit.read',
      'The audit log, oldest first or newest first (order=desc); filter by target, actor or action, search its words (q); a page at a time (offset, limit, X-Total-Count)',
      async (req, res) => {
        const text = (name: string) => {
          const value = req.query[name];
          return typeof value === 'string' && value !== '' ? wellFormedQuery(name, value) : undefined;
        };
        const q = searchText(text('q'));
        const reader = readerOf(ctx);
        // Without a limit the whole log, as before paging: existing clients read it so.
        const page = pageRequest(req.query, AUDIT_PAGE_LIMIT, WHOLE_LIST);
        const { entries, total } = await ctx.store.auditPage({
          target: text('target'),
          actor: text('actor'),
          action: text('action'),
          matches: q === undefined ? undefined : reader.search(q),
          newestFirst: order(text('order')) === 'desc',
          ...page,
        });
        sendPage(
          res,
          entries.map((entry) => ({ ...entry, ...reader.wordsOf(entry) })),
          total,
        );
      },
      { answers: { status: 200, schema: { listOf: 'AuditEntry' }, headers: totalCount } },
    ),

    route(
      'get',
      '/api/audit/actions',
      'audit.read',
      'Each action the log records, with its words: what a filter offers',
      (_req, res) => {
        res.json(Object.entries(ACTION_WORDS).map(([action, words]) => ({ action, words })));
      },
      { answers: { status: 200, schema: { listOf: 'AuditAction' } } },
    ),

    route(
      'get',
      '/api/audit/verify',
      'audit.read',
      'Check the whole record from disk: the audit chain, its anchors and signed checkpoints, every change against its audit entry, the lifecycle’s rules on every recorded transition, and the files beside the journal; ' +
        'and that it contains each checkpoint given (checkpoint, repeated: lines kept outside the record) at the head it names',
      async (req, res) => {
        res.json(await ctx.store.verify(checkpointsQuery(req.query)));
      },
      { answers: { status: 200, schema: 'IntegrityReport' } },
    ),

    route(
      'post',
      '/api/audit/verify',
      'audit.read',
      'The same check, against any number of checkpoints kept outside the record: lines (checkpoints), or text holding them (text: minutes pasted whole)',
      async (_req, res, body) => {
        const inText = body.text === undefined ? [] : checkpointsIn(body.text);
        if (body.text !== undefined && inText.length === 0)
          throw new HttpProblem(422, 'no_checkpoint', 'The text holds no checkpoint line.', [
            {
              pointer: '/text',
              code: 'no_checkpoint',
              message: "holds no line 'ras-checkpoint v1 commit=… entry=… head=… at=… key=… sig=…'",
            },
          ]);
        res.json(await ctx.store.verify([...(body.checkpoints ?? []).map((line) => parseCheckpoint(line) as Checkpoint), ...inText]));
      },
      { takes: 'VerifyRequest', answers: { status: 200, schema: 'IntegrityReport' } },
    ),

    route(
      'get',
      '/api/audit/checkpoint',
      'audit.read',
      'The record as it stands (its last commit and the audit chain’s head), signed with the audit key now: the line to keep in the minutes',
      (_req, res) => {
        const checkpoint = ctx.store.checkpoint();
        res.json({ checkpoint, line: checkpointLine(checkpoint) });
      },
      { answers: { status: 200, schema: 'SignedCheckpoint' } },
    ),
  ];
}

/** The checkpoint query parameter, repeated: each a whole checkpoint line. */
function checkpointsQuery(query: Record<string, unknown>): Checkpoint[] {
  const given = query.checkpoint;
  const lines = given === undefined ? [] : Array.isArray(given) ? given : [given];
  return lines.map((line, i) => {
    const parsed = typeof line === 'string' ? parseCheckpoint(wellFormedQuery('checkpoint', line)) : 'is not text';
    if (typeof parsed === 'string')
      throw new HttpProblem(400, 'bad_query', `The checkpoint ${lines.length > 1 ? `number ${i + 1} ` : ''}${parsed}.`, [
        { pointer: `/query/checkpoint${lines.length > 1 ? `/${i}` : ''}`, code: 'bad_query', message: parsed },
      ]);
    return parsed;
  });
}

function searchText(q: string | undefined): string | undefined {
  const trimmed = q?.trim();
  if (trimmed && trimmed.length > SEARCH_LENGTH)
    throw new HttpProblem(400, 'bad_query', `The search (q) may be at most ${SEARCH_LENGTH} characters.`, [
      { pointer: '/query/q', code: 'bad_query', message: `must be at most ${SEARCH_LENGTH} characters` },
    ]);
  return trimmed || undefined;
}

function order(value: string | undefined): 'asc' | 'desc' {
  if (value === undefined || value === 'asc' || value === 'desc') return value ?? 'asc';
  throw new HttpProblem(400, 'bad_query', "The query parameter 'order' must be asc (oldest first) or desc (newest first).", [
    { pointer: '/query/order', code: 'bad_query', message: `must be asc or desc, got ${JSON.stringify(value)}` },
  ]);
}
