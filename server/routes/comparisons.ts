import type { Materiality } from '../../engine/index.js';
import { today } from '../clock.js';
import { cohortInput } from '../services/cohorts.js';
import { type ComparisonJob, jobView } from '../services/comparison-job.js';
import type { ComparisonJobs } from '../services/comparisons.js';
import type { AppContext } from '../context.js';
import { HttpProblem } from '../http/errors.js';
import { created } from './answer-headers.js';
import { route, type RouteSpec } from '../route-table.js';
import { requirePolicy, requireVersion } from '../services/versions.js';

export function comparisonRoutes(ctx: AppContext, jobs: ComparisonJobs): RouteSpec[] {
  const notFound = (id: string) =>
    new HttpProblem(404, 'comparison_not_found', `There is no comparison ${id}: finished comparisons are kept for a day; run it again.`);

  /** A finished job with its per-person results, wherever it ran. */
  const requireDone = async (id: string): Promise<ComparisonJob> => {
    const job = await jobs.finished(id, async (stored) => ({
      versions: stored.request.versions.map(({ version, contentHash }) => {
        const record = requireVersion(ctx.store, stored.request.policyId, version);
        if (record.contentHash !== contentHash)
          throw new HttpProblem(
            409,
            'comparison_inputs_changed',
            `Version ${version} is no longer the content comparison ${id} used: run it again.`,
          );
        return { version, policy: record.document };
      }),
      cohort: (await cohortInput(ctx.store, stored.request.cohortId)).cohort,
    }));
    if (!job) throw notFound(id);
    // A job not finished is known only by its view; one finished, with its results.
    if (job.status !== 'done' || !('outcome' in job))
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
      async (req, res, body) => {
        requirePolicy(ctx.store, body.policyId);
        const records = body.versions.map((v) => requireVersion(ctx.store, body.policyId, v));
        const { record, cohort } = await cohortInput(ctx.store, body.cohortId);
        const materiality: Materiality = {
          ...(body.materiality?.pounds !== undefined ? { pence: Math.round(body.materiality.pounds * 100) } : {}),
          ...(body.materiality?.percent !== undefined ? { percent: body.materiality.percent } : {}),
        };
        const job = jobs.start(
          {
            policyId: body.policyId,
            versions: records.map((v) => ({ version: v.version, policy: v.document })),
            cohortId: body.cohortId,
            asOf: body.asOf ?? today(ctx.clock),
            materiality,
            attribution: body.attribution ?? false,
          },
          records.map((v) => v.contentHash),
          cohort,
          record.people,
          req.caller!.username,
          ctx.clock().toISOString(),
        );
        // Once the job is in the store, its Location can be read through any server behind the balancer.
        await (body.wait ? job.finished : job.announced);
        res
          .status(body.wait ? 200 : 202)
          .location(`/api/comparisons/${job.id}`)
          .json(jobView(job));
      },
      {
        takes: 'CompareRequest',
        answers: {
          status: 202,
          schema: 'ComparisonJob',
          headers: created('/api/comparisons/{comparisonId}'),
          description: 'The comparison has started: poll the job at Location.',
          also: {
            status: 200,
            description: 'With wait: true, the job once it has finished.',
            schema: 'ComparisonJob',
            headers: created('/api/comparisons/{comparisonId}'),
          },
        },
      },
    ),

    route(
      'get',
      '/api/comparisons/:comparisonId',
      'comparison.run',
      'A comparison: its progress, then its result',
      async (req, res) => {
        const id = String(req.params.comparisonId);
        const view = await jobs.view(id);
        if (!view) throw notFound(id);
        res.json(view);
      },
      { answers: { status: 200, schema: 'ComparisonJob' } },
    ),

    route(
      'get',
      '/api/comparisons/:comparisonId/people.csv',
      'comparison.run',
      "One row per person: each version's annual amount, the change and its parts",
      async (req, res) => {
        const job = await requireDone(String(req.params.comparisonId));
        const bytes = await exportPeople(job, 'csv');
        res.type('text/csv').attachment(`comparison-${job.request.policyId}-${job.request.versions.map((v) => v.version).join('-')}.csv`);
        res.end(bytes);
      },
      {
        answers: {
          status: 200,
          schema: {
            inline: {
              type: 'string',
              description:
                "One row per compared person: ref, clientGroup, ageBand, each version's annual amount, the change to each later version and, with attribution, its parts; amounts in pounds.",
            },
          },
          type: 'text/csv',
          headers: { 'Content-Disposition': 'attachment, with a file name naming the policy and versions.' },
        },
      },
    ),

    route(
      'get',
      '/api/comparisons/:comparisonId/people.json',
      'comparison.run',
      'The same people as JSON, amounts in pence',
      async (req, res) => {
        const job = await requireDone(String(req.params.comparisonId));
        const people = await exportPeople(job, 'json');
        const head = JSON.stringify({ comparison: job.id, versions: job.request.versions.map((v) => v.version) }).slice(0, -1);
        res.type('application/json');
        res.write(`${head},"people":`);
        res.write(people);
        res.end('}');
      },
      { answers: { status: 200, schema: 'ComparisonPeople' } },
    ),
  ];

  /** The export is written in the work pool: a large cohort's rows are too many to write here. */
  async function exportPeople(job: ComparisonJob, format: 'csv' | 'json'): Promise<Uint8Array> {
    const { cohort } = await cohortInput(ctx.store, job.request.cohortId);
    const { comparison, attributions } = job.outcome!;
    return ctx.work.exportPeople(
      cohort,
      { versions: comparison.versions, pairs: comparison.pairs, amounts: comparison.amounts, included: comparison.included },
      attributions,
      format,
    );
  }
}
