import type { Materiality, VersionUnderTest } from '../../engine/index.js';
import { loadCohort } from '../cohorts.js';
import { today } from '../clock.js';
import type { ComparisonJobs } from '../comparisons.js';
import { csvHeader, csvRow, jobView, personRows } from '../comparison-views.js';
import type { AppContext } from '../context.js';
import { HttpProblem } from '../errors.js';
import { route, type RouteSpec } from '../route-table.js';
import { compareBody } from '../schemas.js';
import { bodyChecker } from '../validation.js';
import { compiledFor, requirePolicy, requireVersion } from '../versions.js';

const checkCompare = bodyChecker<{
  policyId: string;
  versions: string[];
  cohortId: string;
  asOf?: string;
  materiality?: { pounds?: number; percent?: number };
  attribution?: boolean;
  wait?: boolean;
}>(compareBody);

export function comparisonRoutes(ctx: AppContext, jobs: ComparisonJobs): RouteSpec[] {
  const requireJob = (id: string) => {
    const job = jobs.get(id);
    if (!job)
      throw new HttpProblem(
        404,
        'comparison_not_found',
        `There is no comparison ${id}: finished comparisons are kept for a while only; run it again.`,
      );
    return job;
  };
  const requireDone = (id: string) => {
    const job = requireJob(id);
    if (job.status !== 'done')
      throw new HttpProblem(
        409,
        'comparison_not_ready',
        `Comparison ${id} is ${job.status}${job.status === 'running' ? ` (${job.progress.done} of ${job.progress.total} people)` : ''}.`,
      );
    return job;
  };

  return [
    route(
      'post',
      '/api/comparisons',
      'comparison.run',
      'Compare versions of a policy over a stored cohort (runs as a job; poll it, or pass wait: true)',
      async (req, res) => {
        const body = checkCompare(req);
        requirePolicy(ctx.store, body.policyId);
        const versions: VersionUnderTest[] = body.versions.map((v) => ({
          version: v,
          compiled: compiledFor(requireVersion(ctx.store, body.policyId, v)),
        }));
        const { cohort } = await loadCohort(ctx.store, body.cohortId);
        const materiality: Materiality = {
          ...(body.materiality?.pounds !== undefined ? { pence: Math.round(body.materiality.pounds * 100) } : {}),
          ...(body.materiality?.percent !== undefined ? { percent: body.materiality.percent } : {}),
        };
        const job = jobs.start(
          {
            policyId: body.policyId,
            versions,
            cohort,
            cohortId: body.cohortId,
            asOf: body.asOf ?? today(ctx.clock),
            materiality,
            attribution: body.attribution ?? false,
          },
          req.caller!.username,
          ctx.clock().toISOString(),
        );
        if (body.wait) await job.finished;
        res
          .status(body.wait ? 200 : 202)
          .location(`/api/comparisons/${job.id}`)
          .json(jobView(job));
      },
    ),

    route('get', '/api/comparisons/:comparisonId', 'comparison.run', 'A comparison: its progress, then its result', (req, res) => {
      res.json(jobView(requireJob(String(req.params.comparisonId))));
    }),

    route(
      'get',
      '/api/comparisons/:comparisonId/people.csv',
      'comparison.run',
      "One row per person: each version's annual amount, the change and its parts",
      (req, res) => {
        const job = requireDone(String(req.params.comparisonId));
        res.type('text/csv').attachment(`comparison-${job.request.policyId}-${job.request.versions.map((v) => v.version).join('-')}.csv`);
        res.write(`${csvHeader(job)}\r\n`);
        for (const row of personRows(job)) res.write(`${csvRow(job, row)}\r\n`);
        res.end();
      },
    ),

    route('get', '/api/comparisons/:comparisonId/people.json', 'comparison.run', 'The same rows as JSON', (req, res) => {
      const job = requireDone(String(req.params.comparisonId));
      res.json({ comparison: job.id, versions: job.request.versions.map((v) => v.version), people: [...personRows(job)] });
    }),
  ];
}

/** A version under test, compiled once (also used by calibration and ratification). */
export function versionUnderTest(ctx: AppContext, policyId: string, version: string): VersionUnderTest {
  return { version, compiled: compiledFor(requireVersion(ctx.store, policyId, version)) };
}
