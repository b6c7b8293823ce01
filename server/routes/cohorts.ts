import { randomUUID } from 'node:crypto';
import { MAX_ISSUES, type Policy } from '../../engine/index.js';
import { requireCohortRecord } from '../services/cohorts.js';
import type { AppContext } from '../context.js';
import { today } from '../clock.js';
import { currentTitle } from '../domain/in-force.js';
import { HttpProblem } from '../http/errors.js';
import { wellFormedQuery } from '../http/request-body.js';
import { changesOf, setReferenceCohort } from '../domain/lifecycle.js';
import { created, totalCount } from './answer-headers.js';
import { listPage } from '../http/list-query.js';
import { sendPage } from '../http/paging.js';
import { COHORT_LIST } from './list-specs.js';
import { route, type RouteSpec } from '../route-table.js';
import type { CohortRecord } from '../store/records.js';
import { policyState, requirePolicy, requireVersion } from '../services/versions.js';
import { runDecision } from '../commands.js';
import { deleteCohort, recordCohort } from '../domain/cohorts.js';
import type { StoredCohortOutcome } from '../work/tasks.js';

/** CSV and JSON cohorts of 400,000 people fit well within this. */
const COHORT_LIMIT_BYTES = 100 * 1024 * 1024;

export function cohortRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route(
      'get',
      '/api/cohorts',
      'cohort.read',
      'List stored cohorts with their make-up; sorted, searched (q), filtered by scheme or source, a page at a time (offset, limit, X-Total-Count)',
      (req, res) => {
        const page = listPage(req.query, ctx.store.all('cohorts'), COHORT_LIST);
        sendPage(res, page.rows, page.total);
      },
      { answers: { status: 200, schema: { listOf: 'CohortRecord' }, headers: totalCount } },
    ),

    route(
      'get',
      '/api/cohorts/:cohortId',
      'cohort.read',
      "One cohort's record: size, client groups, age bands",
      (req, res) => {
        res.json(requireCohortRecord(ctx.store, String(req.params.cohortId)));
      },
      { answers: { status: 200, schema: 'CohortRecord' } },
    ),

    route(
      'post',
      '/api/cohorts',
      'cohort.manage',
      'Import a cohort: a cohort.schema.json document, or CSV (Content-Type: text/csv, ?name=) checked row by row; all or nothing',
      async (req, res) => {
        const upload = req.upload!;
        const csv = upload.type === 'text/csv';
        const meta = csv
          ? {
              name: requiredName(req.query.name),
              description: queryText('description', req.query.description),
              policyId: queryText('policyId', req.query.policyId),
            }
          : {};
        if (meta.policyId) requirePolicy(ctx.store, meta.policyId);
        const result = await ctx.work.importCohort(upload.file, csv, meta, versionsByPolicy(ctx));
        if (!result.ok) {
          if (result.unknownPolicyId !== undefined) requirePolicy(ctx.store, result.unknownPolicyId);
          if (result.unreadable?.as === 'json')
            throw new HttpProblem(400, 'malformed_json', `The request body is not valid JSON: ${result.unreadable.message}`, [
              { pointer: '', code: 'malformed_json', message: result.unreadable.message },
            ]);
          if (result.unreadable)
            throw new HttpProblem(422, 'not_unicode', `The cohort could not be read: ${result.unreadable.message}.`, [
              { pointer: '', code: 'not_unicode', message: result.unreadable.message },
            ]);
          throw new HttpProblem(
            422,
            'cohort_invalid',
            `The cohort has ${result.issues.length >= MAX_ISSUES ? 'at least ' : ''}${result.issues.length.toLocaleString('en-GB')} ${result.issues.length === 1 ? 'problem' : 'problems'}; nothing was imported.`,
            result.issues.map((i) => ({
              pointer: importPointer(csv, i.row, i.field),
              code: i.code,
              message: csv && i.line ? `line ${i.line}: ${i.message}` : i.message,
            })),
          );
        }
        const record = await storeCohort(
          ctx,
          result,
          {
            name: result.meta.name,
            description: result.meta.description ?? null,
            policyId: result.meta.policyId ?? null,
            source: csv ? 'csv' : 'json',
          },
          req.caller!.username,
        );
        res.status(201).location(`/api/cohorts/${record.id}`).json(record);
      },
      {
        takes: 'Cohort',
        answers: { status: 201, schema: 'CohortRecord', headers: created('/api/cohorts/{cohortId}') },
        body: 'upload',
        bodyLimit: COHORT_LIMIT_BYTES,
        uploadTypes: ['text/csv'],
      },
    ),

    route(
      'post',
      '/api/cohorts/generate',
      'cohort.manage',
      'Store a realistic synthetic cohort for one policy version, reproducible from a seed',
      async (req, res, body) => {
        requirePolicy(ctx.store, body.policyId);
        const version = requireVersion(ctx.store, body.policyId, body.version);
        const generated = await ctx.work.generateCohort(version.document, body.size, body.seed);
        const record = await storeCohort(
          ctx,
          generated,
          {
            name: body.name,
            description:
              body.description ??
              `Synthetic: ${body.size.toLocaleString('en-GB')} people made up from ${version.document.title} (version ${body.version}), with seed ${body.seed}`,
            policyId: body.policyId,
            source: 'generated',
          },
          req.caller!.username,
        );
        res.status(201).location(`/api/cohorts/${record.id}`).json(record);
      },
      { takes: 'GenerateCohortRequest', answers: { status: 201, schema: 'CohortRecord', headers: created('/api/cohorts/{cohortId}') } },
    ),

    route(
      'delete',
      '/api/cohorts/:cohortId',
      'cohort.manage',
      'Delete a cohort and its people',
      async (req, res) => {
        const id = String(req.params.cohortId);
        requireCohortRecord(ctx.store, id);
        await runDecision(ctx.store, ctx.clock, (state, commit) => deleteCohort(state, id, req.caller!, commit));
        await ctx.store.deleteDocument('cohort', id);
        res.status(204).end();
      },
      { answers: { status: 204 } },
    ),

    route(
      'put',
      '/api/policies/:id/reference-cohort',
      'policy.reference-cohort',
      'Choose the cohort versions are compared over before ratification (null for none); not while a version is submitted',
      async (req, res, body) => {
        const { cohortId } = body;
        const policyId = String(req.params.id);
        requirePolicy(ctx.store, policyId);
        const cohort = cohortId === null ? null : requireCohortRecord(ctx.store, cohortId);
        const policy = await runDecision(ctx.store, ctx.clock, (state, commit) => {
          const outcome = setReferenceCohort(policyState(state, policyId), cohort, { username: req.caller!.username }, commit);
          return { answer: outcome.policy!, changes: changesOf(policyId, outcome) };
        });
        // Called by its title now, as every answer names a scheme.
        res.json({ ...policy, title: currentTitle(ctx.store.all('versions'), policyId, today(ctx.clock)) ?? policy.title });
      },
      { takes: 'ReferenceCohortRequest', answers: { status: 200, schema: 'PolicyRecord' } },
    ),
  ];
}

/** Where an import problem is: /rows/<row>/<column> in a CSV, /people/<i>/<field> in a JSON document. */
function importPointer(csv: boolean, row: number, field: string): string {
  const segments = csv
    ? ['rows', String(row), ...(field ? [field] : [])]
    : row === 0
      ? field.split('.').filter(Boolean)
      : ['people', String(row - 1), ...field.split('.').filter(Boolean)];
  return segments.map((s) => `/${s.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** The versions a cohort may be compared under, by policy: every one not withdrawn. */
function versionsByPolicy(ctx: AppContext): Record<string, Policy[]> {
  const byPolicy: Record<string, Policy[]> = Object.fromEntries(ctx.store.all('policies').map((p) => [p.id, []]));
  for (const v of ctx.store.all('versions')) if (v.status !== 'withdrawn') byPolicy[v.policyId]?.push(v.document);
  return byPolicy;
}

function queryText(name: string, value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 4000 ? wellFormedQuery(name, value) : undefined;
}

function requiredName(value: unknown): string {
  const name = queryText('name', value);
  if (!name || name.length > 200)
    throw new HttpProblem(422, 'validation_failed', 'A CSV cohort needs a name: add ?name=… to the URL (1 to 200 characters).', [
      { pointer: '/query/name', code: 'schema_required', message: 'give the cohort a name' },
    ]);
  return name;
}

/** The people are written first: a record is only ever added for a cohort whose people are stored. */
async function storeCohort(
  ctx: AppContext,
  cohort: StoredCohortOutcome,
  meta: { name: string; description: string | null; policyId: string | null; source: CohortRecord['source'] },
  actor: string,
): Promise<CohortRecord> {
  if (cohort.description.people === 0)
    throw new HttpProblem(422, 'cohort_empty', 'A cohort needs at least one person.', [
      { pointer: '/people', code: 'cohort_empty', message: 'add at least one person' },
    ]);
  const id = randomUUID();
  await ctx.store.putDocument('cohort', id, cohort.document);
  const described = { id, ...meta, ...cohort.description, createdBy: actor };
  try {
    return await runDecision(ctx.store, ctx.clock, (_state, commit) => recordCohort(described, commit));
  } catch (e) {
    // No record, so no people: a failed import leaves nothing behind.
    await ctx.store.deleteDocument('cohort', id);
    throw e;
  }
}
