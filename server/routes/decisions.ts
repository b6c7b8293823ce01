import { letterFor, type Letter } from '../letter/letter.js';
import { letterHtml, letterPdf } from '../letter/render.js';
import { randomUUID } from 'node:crypto';
import type { Assessment } from '../../engine/index.js';
import diff from 'microdiff';
import type { Caller } from '../auth/authenticate.js';
import { today } from '../clock.js';
import type { AppContext } from '../context.js';
import { HttpProblem, underPointer } from '../http/errors.js';
import { pageRequest, sendPage } from '../http/paging.js';
import { wellFormedQuery } from '../http/request-body.js';
import { actorNames } from '../audit/words.js';
import { etagOf } from '../domain/lifecycle.js';
import type { Action } from '../domain/permissions.js';
import { created, decisionEtag, totalCount } from './answer-headers.js';
import { route, type RouteSpec } from '../route-table.js';
import type { DecisionRecord, VersionRecord } from '../store/records.js';
import { requireVersion } from '../services/versions.js';
import { recordDecision, requireVisible, setFinalBudget } from '../domain/decisions.js';
import { runDecision } from '../commands.js';
import { evaluateWith, versionForAssessment } from './evaluate.js';

/** The most decisions one page of the list holds, and how many it holds when not told. */
const LIST_LIMIT = 500;
/** The longest reference an assessment may carry (rules/assessment.schema.json). */
export const REFERENCE_LENGTH = 100;

export function decisionRoutes(ctx: AppContext): RouteSpec[] {
  /** The letter for a decision, from the version exactly as the decision used it. */
  async function letterOf(decisionId: string, caller: Caller): Promise<Letter> {
    const decision = await requireDecision(ctx, decisionId, caller, 'decision.read');
    return letterFor(decision, versionAsDecided(ctx, decision, 'its letter cannot be written from it').document);
  }

  return [
    route(
      'post',
      '/api/decisions',
      'decision.record',
      'Evaluate an assessment and record it as a decision: input, output and the version used',
      async (req, res, body) => {
        const version = withPointerPrefix('/assessment', () => versionForAssessment(ctx.store, body.policyId, body.assessment));
        const result = withPointerPrefix('/assessment', () => evaluateWith(version, body.assessment, undefined));
        // evaluateWith has checked it against the Assessment schema.
        const assessment = body.assessment as Assessment;
        const command = { id: randomUUID(), version, assessment, result, asked: body, today: today(ctx.clock) };
        const decision = await runDecision(ctx.store, ctx.clock, (state, commit) => recordDecision(state, command, req.caller!, commit));
        res.status(201).location(`/api/decisions/${decision.id}`).set('ETag', etagOf(decision)).json(decision);
      },
      {
        takes: 'RecordDecisionRequest',
        answers: { status: 201, schema: 'Decision', headers: { ...created('/api/decisions/{decisionId}'), ...decisionEtag } },
      },
    ),

    route(
      'get',
      '/api/decisions',
      'decision.list',
      "List recorded decisions, newest first, optionally for one policy or one person's reference; a page at a time (offset, limit, X-Total-Count)",
      (req, res) => {
        const policyId = typeof req.query.policyId === 'string' ? req.query.policyId : undefined;
        const reference = referenceQuery(req.query.reference);
        const { decisions, total } = ctx.store.decisions({ policyId, reference, ...pageRequest(req.query, LIST_LIMIT, LIST_LIMIT) });
        const nameOf = actorNames(ctx.store.all('users'));
        sendPage(
          res,
          decisions.map((d) => ({ ...d, createdByName: nameOf(d.createdBy) })),
          total,
        );
      },
      { answers: { status: 200, schema: { listOf: 'DecisionSummary', maxItems: 500 }, headers: totalCount } },
    ),

    route(
      'get',
      '/api/decisions/:decisionId',
      'decision.read',
      'One recorded decision with its input and output',
      async (req, res) => {
        const decision = await requireDecision(ctx, String(req.params.decisionId), req.caller!, 'decision.read');
        res.set('ETag', etagOf(decision)).json({ ...decision, createdByName: actorNames(ctx.store.all('users'))(decision.createdBy) });
      },
      { answers: { status: 200, schema: 'Decision', headers: decisionEtag } },
    ),

    route(
      'get',
      '/api/decisions/:decisionId/letter',
      'decision.read',
      'The letter to the person about a decision, as a printable HTML page: the amount, how it was worked out, what happens next, how to ask for a review',
      async (req, res) => {
        const letter = await letterOf(String(req.params.decisionId), req.caller!);
        res.type('html').send(letterHtml(letter));
      },
      {
        answers: {
          status: 200,
          schema: {
            inline: {
              type: 'string',
              description:
                "A printable HTML page: the amount, how it was worked out step by step (the engine's explanation), the carer adjustment, what happens next and how to ask for a review (the policy's publication section). The policy's flags are for staff and never printed in it; when any was raised, it says the council will go through the assessment with the person.",
            },
          },
          type: 'text/html',
        },
      },
    ),

    route(
      'get',
      '/api/decisions/:decisionId/letter.pdf',
      'decision.read',
      'The same letter as a PDF (A4)',
      async (req, res) => {
        const decisionId = String(req.params.decisionId);
        const pdf = await letterPdf(await letterOf(decisionId, req.caller!));
        res.type('application/pdf').attachment(`letter-${decisionId}.pdf`).end(pdf);
      },
      {
        answers: {
          status: 200,
          schema: { inline: { type: 'string', format: 'binary', description: 'The same letter as an A4 PDF.' } },
          type: 'application/pdf',
          headers: { 'Content-Disposition': 'attachment, named letter-<decision id>.pdf.' },
        },
      },
    ),

    route(
      'post',
      '/api/decisions/:decisionId/replay',
      'decision.replay',
      'Re-evaluate a decision against the exact version it used and compare the output',
      async (req, res) => {
        const decision = await requireDecision(ctx, String(req.params.decisionId), req.caller!, 'decision.replay');
        const version = versionAsDecided(ctx, decision, 'it cannot be replayed exactly');
        const replayed = evaluateWith(version, decision.assessment, decision.asOf ?? undefined);
        const identical = JSON.stringify(replayed) === JSON.stringify(decision.result);
        const differences = identical
          ? []
          : diff(decision.result as unknown as Record<string, unknown>, replayed as unknown as Record<string, unknown>).map((d) => ({
              pointer: `/${d.path.join('/')}`,
              type: d.type,
              recorded: 'oldValue' in d ? d.oldValue : undefined,
              replayed: 'value' in d ? d.value : undefined,
            }));
        res.json({
          decisionId: decision.id,
          identical,
          contentHash: version.contentHash,
          recordedEngineVersion: decision.result.provenance.engineVersion,
          replayedEngineVersion: replayed.provenance.engineVersion,
          differences,
        });
      },
      { answers: { status: 200, schema: 'ReplayResult' } },
    ),

    route(
      'put',
      '/api/decisions/:decisionId/final-budget',
      'decision.final-budget',
      'Record the budget agreed after support planning and why it differs from the indicative one (needs If-Match with the ETag you read)',
      async (req, res, body) => {
        const command = {
          decisionId: String(req.params.decisionId),
          weeklyPence: body.weeklyPence,
          reason: body.reason,
          ifMatch: req.headers['if-match'],
        };
        const updated = await runDecision(ctx.store, ctx.clock, (state, commit) => setFinalBudget(state, command, req.caller!, commit));
        // The decision as this commit left it, even if another budget has been recorded since.
        const decision = { ...(await ctx.store.decision(updated.id))!, revision: updated.revision, finalBudget: updated.finalBudget };
        res.set('ETag', etagOf(decision)).json(decision);
      },
      { takes: 'FinalBudgetRequest', answers: { status: 200, schema: 'Decision', headers: decisionEtag } },
    ),
  ];
}

/** ?reference=: an assessment's reference as the schema allows it (1 to 100 characters), given once. */
function referenceQuery(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  const text = typeof value === 'string' ? wellFormedQuery('reference', value.trim()) : undefined;
  if (text === undefined || text.length === 0 || text.length > REFERENCE_LENGTH)
    throw new HttpProblem(400, 'bad_query', `The query parameter 'reference' must be given once, 1 to ${REFERENCE_LENGTH} characters.`, [
      { pointer: '/query/reference', code: 'bad_query', message: `must be given once, 1 to ${REFERENCE_LENGTH} characters` },
    ]);
  return text;
}

/** The version a decision used, with the content it used: anything else cannot speak for the decision (409). */
function versionAsDecided(ctx: AppContext, decision: DecisionRecord, otherwise: string): VersionRecord {
  const version = requireVersion(ctx.store, decision.policyId, decision.version);
  if (version.contentHash !== decision.contentHash)
    throw new HttpProblem(
      409,
      'version_content_changed',
      `Version ${decision.version} now has content ${version.contentHash}, not the ${decision.contentHash} the decision used: ${otherwise}.`,
    );
  return version;
}

async function requireDecision(ctx: AppContext, id: string, caller: Caller, action: Action): Promise<DecisionRecord> {
  return requireVisible(await ctx.store.decision(id), id, caller, action);
}

/** The assessment sits under /assessment in this request, so pointers into it get that prefix. */
function withPointerPrefix<T>(prefix: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    throw underPointer(e, prefix);
  }
}
