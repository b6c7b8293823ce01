import { randomUUID } from 'node:crypto';
import diff from 'microdiff';
import { appendAudit } from '../audit.js';
import { isoNow } from '../clock.js';
import type { AppContext } from '../context.js';
import { HttpProblem, underPointer } from '../errors.js';
import { route, type RouteSpec } from '../route-table.js';
import { finalBudgetBody, recordDecisionBody } from '../schemas.js';
import type { DecisionRecord } from '../store/records.js';
import { bodyChecker } from '../validation.js';
import { requireVersion } from '../versions.js';
import { evaluateWith, versionForAssessment } from './evaluate.js';

const checkRecord = bodyChecker<{ policyId: string; version?: string; asOf?: string; assessment: unknown }>(recordDecisionBody);
const checkFinal = bodyChecker<{ weeklyPence: number; reason: string }>(finalBudgetBody);

export function decisionRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route(
      'post',
      '/api/decisions',
      ['api-client', 'officer'],
      'Evaluate an assessment and record it as a decision: input, output and the version used',
      async (req, res) => {
        const body = checkRecord(req);
        const { version, result } = await withPointerPrefix('/assessment', async () => {
          const version = body.version
            ? requireVersion(ctx.store, body.policyId, body.version)
            : versionForAssessment(ctx.store, body.policyId, body.assessment);
          // A decision about a person rests on policy in force, never on a draft that may still change.
          if (version.status !== 'ratified' && version.status !== 'superseded') {
            throw new HttpProblem(
              409,
              'version_not_ratified',
              `Version ${version.version} is ${version.status}: decisions are recorded only against ratified versions. Use .../versions/${version.version}/evaluate to try it.`,
            );
          }
          return { version, result: await evaluateWith(version, body.assessment, body.asOf) };
        });
        const decision: DecisionRecord = {
          id: randomUUID(),
          createdAt: isoNow(ctx.clock),
          createdBy: req.caller!.username,
          policyId: version.policyId,
          version: version.version,
          contentHash: version.contentHash,
          asOf: body.asOf ?? null,
          assessment: body.assessment,
          result,
          finalBudget: null,
        };
        await ctx.store.transact((draft) => {
          draft.rows('decisions').push(decision);
          appendAudit(draft, {
            at: decision.createdAt,
            actor: decision.createdBy,
            action: 'decision.record',
            target: `decision:${decision.id}`,
            details: { policyId: decision.policyId, version: decision.version, contentHash: decision.contentHash },
          });
        });
        res.status(201).location(`/api/decisions/${decision.id}`).json(decision);
      },
    ),

    route(
      'get',
      '/api/decisions',
      ['officer', 'ratifier'],
      'List recorded decisions (newest first), optionally for one policy',
      (req, res) => {
        const policyId = typeof req.query.policyId === 'string' ? req.query.policyId : undefined;
        const rows = ctx.store.all('decisions').filter((d) => !policyId || d.policyId === policyId);
        res.json(
          [...rows]
            .reverse()
            .slice(0, 500)
            .map(({ assessment: _a, result, ...rest }) => ({
              ...rest,
              weeklyPence: result.weeklyPence,
              flags: result.flags.map((f) => f.code),
            })),
        );
      },
    ),

    route(
      'get',
      '/api/decisions/:decisionId',
      ['officer', 'ratifier', 'api-client'],
      'One recorded decision with its input and output',
      (req, res) => {
        res.json(requireDecision(ctx, String(req.params.decisionId)));
      },
    ),

    route(
      'post',
      '/api/decisions/:decisionId/replay',
      ['officer', 'ratifier', 'scrutiny'],
      'Re-evaluate a decision against the exact version it used and compare the output',
      async (req, res) => {
        const decision = requireDecision(ctx, String(req.params.decisionId));
        const version = requireVersion(ctx.store, decision.policyId, decision.version);
        if (version.contentHash !== decision.contentHash) {
          throw new HttpProblem(
            409,
            'version_content_changed',
            `Version ${decision.version} now has content ${version.contentHash}, not the ${decision.contentHash} the decision used: it cannot be replayed exactly.`,
          );
        }
        const replayed = await evaluateWith(version, decision.assessment, decision.asOf ?? undefined);
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
      ['officer', 'api-client'],
      'Record the budget agreed after support planning and why it differs from the indicative one',
      async (req, res) => {
        const body = checkFinal(req);
        const id = String(req.params.decisionId);
        const updated = await ctx.store.transact((draft) => {
          const decisions = draft.rows('decisions');
          const index = decisions.findIndex((d) => d.id === id);
          if (index < 0) throw new HttpProblem(404, 'decision_not_found', `There is no decision ${id}.`);
          const next = { ...decisions[index]!, finalBudget: { ...body, recordedBy: req.caller!.username, recordedAt: isoNow(ctx.clock) } };
          decisions[index] = next;
          appendAudit(draft, {
            at: isoNow(ctx.clock),
            actor: req.caller!.username,
            action: 'decision.final-budget',
            target: `decision:${id}`,
            details: { weeklyPence: body.weeklyPence, indicativeWeeklyPence: next.result.weeklyPence },
          });
          return next;
        });
        res.json(updated);
      },
    ),
  ];
}

function requireDecision(ctx: AppContext, id: string): DecisionRecord {
  const decision = ctx.store.all('decisions').find((d) => d.id === id);
  if (!decision) throw new HttpProblem(404, 'decision_not_found', `There is no decision ${id}.`);
  return decision;
}

/** The assessment sits under /assessment in this request, so pointers into it get that prefix. */
async function withPointerPrefix<T>(prefix: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw underPointer(e, prefix);
  }
}
