import { letterFor, type Letter } from '../letter/letter.js';
import { letterHtml, letterPdf } from '../letter/render.js';
import { randomUUID } from 'node:crypto';
import type { Assessment } from '../../engine/index.js';
import diff from 'microdiff';
import type { Caller } from '../auth/authenticate.js';
import { isoNow, today } from '../clock.js';
import type { AppContext } from '../context.js';
import { HttpProblem, underPointer } from '../errors.js';
import { pageRequest, sendPage } from '../http/paging.js';
import { actorNames } from '../audit-words.js';
import { etagOf } from '../lifecycle.js';
import { type Action, mayOn } from '../permissions.js';
import { route, type RouteSpec } from '../route-table.js';
import type { DecisionRecord, VersionRecord } from '../store/records.js';
import { requireVersion } from '../versions.js';
import { requirePrecondition } from '../domain/preconditions.js';
import { requireReason } from '../domain/reasons.js';
import { versionInForce } from '../in-force.js';
import { evaluateWith, versionForAssessment } from './evaluate.js';

/** The most decisions one page of the list holds, and how many it holds when not told. */
const LIST_LIMIT = 500;

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
        const assessmentDate = (body.assessment as { assessmentDate: string }).assessmentDate;
        requireInForceDecision(version, assessmentDate, body, today(ctx.clock));
        const result = withPointerPrefix('/assessment', () => evaluateWith(version, body.assessment, undefined));
        const backdated = backdating(ctx, version, assessmentDate, body.reason);
        const decision = await ctx.store.transact((draft) => {
          const record: DecisionRecord = {
            id: randomUUID(),
            createdAt: isoNow(ctx.clock),
            createdBy: req.caller!.username,
            policyId: version.policyId,
            version: version.version,
            contentHash: version.contentHash,
            asOf: null,
            revision: draft.revision,
            // evaluateWith has checked it against the Assessment schema.
            assessment: body.assessment as Assessment,
            result,
            finalBudget: null,
          };
          draft.addDecision(record);
          draft.audit({
            at: record.createdAt,
            actor: record.createdBy,
            action: 'decision.record',
            target: `decision:${record.id}`,
            details: {
              policyId: record.policyId,
              version: record.version,
              contentHash: record.contentHash,
              ...(req.caller!.keyId ? { apiKey: req.caller!.keyId } : {}),
              ...(backdated ? { backdated } : {}),
            },
          });
          return record;
        });
        res.status(201).location(`/api/decisions/${decision.id}`).set('ETag', etagOf(decision)).json(decision);
      },
      { takes: 'RecordDecisionRequest' },
    ),

    route(
      'get',
      '/api/decisions',
      'decision.list',
      'List recorded decisions, newest first, optionally for one policy; a page at a time (offset, limit, X-Total-Count)',
      (req, res) => {
        const policyId = typeof req.query.policyId === 'string' ? req.query.policyId : undefined;
        const { decisions, total } = ctx.store.decisions({ policyId, ...pageRequest(req.query, LIST_LIMIT, LIST_LIMIT) });
        const nameOf = actorNames(ctx.store.all('users'));
        sendPage(
          res,
          decisions.map((d) => ({ ...d, createdByName: nameOf(d.createdBy) })),
          total,
        );
      },
    ),

    route('get', '/api/decisions/:decisionId', 'decision.read', 'One recorded decision with its input and output', async (req, res) => {
      const decision = await requireDecision(ctx, String(req.params.decisionId), req.caller!, 'decision.read');
      res.set('ETag', etagOf(decision)).json({ ...decision, createdByName: actorNames(ctx.store.all('users'))(decision.createdBy) });
    }),

    route(
      'get',
      '/api/decisions/:decisionId/letter',
      'decision.read',
      'The letter to the person about a decision, as a printable HTML page: the amount, how it was worked out, what happens next, how to ask for a review',
      async (req, res) => {
        const letter = await letterOf(String(req.params.decisionId), req.caller!);
        res.type('html').send(letterHtml(letter));
      },
    ),

    route('get', '/api/decisions/:decisionId/letter.pdf', 'decision.read', 'The same letter as a PDF (A4)', async (req, res) => {
      const decisionId = String(req.params.decisionId);
      const pdf = await letterPdf(await letterOf(decisionId, req.caller!));
      res.type('application/pdf').attachment(`letter-${decisionId}.pdf`).end(pdf);
    }),

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
    ),

    route(
      'put',
      '/api/decisions/:decisionId/final-budget',
      'decision.final-budget',
      'Record the budget agreed after support planning and why it differs from the indicative one (needs If-Match with the ETag you read)',
      async (req, res, body) => {
        const id = String(req.params.decisionId);
        const reason = requireReason(body.reason, '/reason', 'why the agreed budget is what it is');
        const updated = await ctx.store.transact((draft) => {
          const current = draft.decision(id);
          if (!current || !mayOn(req.caller!, 'decision.final-budget', current.createdBy)) throw decisionNotFound(id);
          requirePrecondition(req.headers['if-match'], etagOf(current), {
            any: false,
            what: `decision ${id}`,
            staleCode: 'stale_decision',
            advice: 'read it again before recording the final budget',
            required:
              'Send If-Match with the ETag of the decision as you read it, so that an agreed budget is not recorded over one you have not seen.',
          });
          const finalBudget = { weeklyPence: body.weeklyPence, reason, recordedBy: req.caller!.username, recordedAt: isoNow(ctx.clock) };
          const next = draft.setFinalBudget(id, finalBudget);
          draft.audit({
            at: finalBudget.recordedAt,
            actor: finalBudget.recordedBy,
            action: 'decision.final-budget',
            target: `decision:${id}`,
            details: {
              weeklyPence: body.weeklyPence,
              indicativeWeeklyPence: current.weeklyPence,
              revision: next.revision,
              ...(req.caller!.keyId ? { apiKey: req.caller!.keyId } : {}),
            },
          });
          return next;
        });
        // The decision as this commit left it, even if another budget has been recorded since.
        const decision = { ...(await ctx.store.decision(updated.id))!, revision: updated.revision, finalBudget: updated.finalBudget };
        res.set('ETag', etagOf(decision)).json(decision);
      },
      { takes: 'FinalBudgetRequest' },
    ),
  ];
}

/**
 * A decision about a person rests on the version in force on their assessment date, as it stands on
 * that date. Naming another version, or another date for uplifts, is what-if (.../versions/:v/evaluate,
 * ?asOf=) or replay, and is never recorded as a decision: otherwise one person could pay someone under
 * a superseded scheme, or skip an uplift, with nobody else seeing it.
 */
function requireInForceDecision(
  inForce: VersionRecord,
  assessmentDate: string,
  body: { version?: string; asOf?: string },
  today: string,
): void {
  // An assessment made is dated on or before today: a later date would choose a version not yet in force.
  if (assessmentDate > today)
    throw new HttpProblem(
      422,
      'assessment_in_future',
      `The assessment date ${assessmentDate} is after today (${today}): a decision records an assessment already made. To see what a version to come gives, evaluate with it instead.`,
      [
        {
          pointer: '/assessment/assessmentDate',
          code: 'assessment_in_future',
          message: `an assessment already made is dated ${today} or before`,
        },
      ],
    );
  if (body.version !== undefined && body.version !== inForce.version)
    throw new HttpProblem(
      422,
      'not_in_force',
      `Version ${body.version} is not the version in force on the assessment date ${assessmentDate} (${inForce.version} is): a decision is recorded only under the version in force. To see what another version gives, evaluate with it instead.`,
      [
        {
          pointer: '/version',
          code: 'not_in_force',
          message: `leave it out, or name ${inForce.version}, the version in force on ${assessmentDate}`,
        },
      ],
    );
  if (body.asOf !== undefined && body.asOf !== assessmentDate)
    throw new HttpProblem(
      422,
      'as_of_not_assessment_date',
      `A decision is worked out as of its assessment date (${assessmentDate}), not ${body.asOf}: uplifts and dated amounts follow the assessment. To see another date, evaluate with ?asOf= instead.`,
      [{ pointer: '/asOf', code: 'as_of_not_assessment_date', message: `leave it out, or send ${assessmentDate}` }],
    );
}

/**
 * An assessment dated under a version no longer in force is worked out under that version, as the date says;
 * so that nobody can quietly choose an older scheme by choosing a date, such a decision states why (the reason
 * rule), and the audit log keeps it with the version in force today.
 */
function backdating(
  ctx: AppContext,
  used: VersionRecord,
  assessmentDate: string,
  reason: string | undefined,
): { reason: string; inForceToday: string } | null {
  const current = versionInForce(ctx.store.all('versions'), used.policyId, today(ctx.clock));
  if (!current || current.version === used.version) return null;
  if (reason === undefined)
    throw new HttpProblem(
      422,
      'reason_required',
      `The assessment is dated ${assessmentDate}, under version ${used.version}, which is no longer in force (${current.version} is): say why it is recorded under it.`,
      [{ pointer: '/reason', code: 'reason_required', message: `say why an assessment dated ${assessmentDate} is recorded now` }],
    );
  return {
    reason: requireReason(reason, '/reason', 'why the assessment is recorded under a version no longer in force'),
    inForceToday: current.version,
  };
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
  const decision = await ctx.store.decision(id);
  if (!decision || !mayOn(caller, action, decision.createdBy)) throw decisionNotFound(id);
  return decision;
}

function decisionNotFound(id: string): HttpProblem {
  return new HttpProblem(404, 'decision_not_found', `There is no decision ${id}.`);
}

/** The assessment sits under /assessment in this request, so pointers into it get that prefix. */
function withPointerPrefix<T>(prefix: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    throw underPointer(e, prefix);
  }
}
