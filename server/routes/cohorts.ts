import { randomUUID } from 'node:crypto';
import { CohortEncoder, importCohortCsv, importCohortJson, MAX_ISSUES, syntheticPeople, type EncodedCohort } from '../../engine/index.js';
import { isoNow } from '../clock.js';
import { describeCohort, forgetCohort, requireCohortRecord } from '../cohorts.js';
import type { AppContext } from '../context.js';
import { HttpProblem } from '../errors.js';
import { setReferenceCohort } from '../lifecycle.js';
import { route, type RouteSpec } from '../route-table.js';
import { generateCohortBody, referenceCohortBody } from '../schemas.js';
import type { CohortRecord } from '../store/records.js';
import { bodyChecker } from '../validation.js';
import { applyOutcome, commitContext, compiledFor, policyState, requirePolicy, requireVersion } from '../versions.js';
import { serializeCohort } from '../store/cohort-columns.js';

const checkGenerate = bodyChecker<{ policyId: string; version: string; name: string; description?: string; size: number; seed: number }>(
  generateCohortBody,
);
const checkReference = bodyChecker<{ cohortId: string | null }>(referenceCohortBody);

export function cohortRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route('get', '/api/cohorts', 'cohort.read', 'List stored cohorts with their make-up', (_req, res) => {
      res.json(ctx.store.all('cohorts'));
    }),

    route('get', '/api/cohorts/:cohortId', 'cohort.read', "One cohort's record: size, client groups, age bands", (req, res) => {
      res.json(requireCohortRecord(ctx.store, String(req.params.cohortId)));
    }),

    route(
      'post',
      '/api/cohorts',
      'cohort.manage',
      'Import a cohort: a cohort.schema.json document, or CSV (Content-Type: text/csv, ?name=) checked row by row; all or nothing',
      async (req, res) => {
        const csv = req.is('text/csv') !== false && typeof req.body === 'string';
        const policyId = csv ? queryText(req.query.policyId) : (req.body as { policyId?: unknown } | null)?.policyId;
        const policies = typeof policyId === 'string' ? versionsOf(ctx, policyId) : [];
        const result = csv
          ? importCohortCsv(req.body as string, {
              name: requiredName(req.query.name),
              description: queryText(req.query.description),
              policyId: queryText(req.query.policyId),
              policies,
            })
          : importCohortJson(req.body, { policies });
        if (!result.ok) {
          throw new HttpProblem(
            422,
            'cohort_invalid',
            `The cohort has ${result.issues.length >= MAX_ISSUES ? 'at least ' : ''}${result.issues.length} problems; nothing was imported.`,
            result.issues.map((i) => ({
              pointer: importPointer(csv, i.row, i.field),
              code: i.code,
              message: csv && i.line ? `line ${i.line}: ${i.message}` : i.message,
            })),
          );
        }
        const record = await storeCohort(
          ctx,
          result.cohort,
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
    ),

    route(
      'post',
      '/api/cohorts/generate',
      'cohort.manage',
      'Store a realistic synthetic cohort for one policy version, reproducible from a seed',
      async (req, res) => {
        const body = checkGenerate(req);
        requirePolicy(ctx.store, body.policyId);
        const compiled = compiledFor(requireVersion(ctx.store, body.policyId, body.version));
        const encoder = new CohortEncoder(body.size);
        for (const { person } of syntheticPeople(compiled, { size: body.size, seed: body.seed })) encoder.add(person);
        const record = await storeCohort(
          ctx,
          encoder.finish(),
          {
            name: body.name,
            description:
              body.description ?? `Synthetic: ${body.size} people generated for ${body.policyId} ${body.version} with seed ${body.seed}`,
            policyId: body.policyId,
            source: 'generated',
          },
          req.caller!.username,
        );
        res.status(201).location(`/api/cohorts/${record.id}`).json(record);
      },
    ),

    route('delete', '/api/cohorts/:cohortId', 'cohort.manage', 'Delete a cohort and its people', async (req, res) => {
      const id = String(req.params.cohortId);
      requireCohortRecord(ctx.store, id);
      await ctx.store.transact((draft) => {
        const users = draft.rows('policies').filter((p) => p.referenceCohortId === id);
        if (users.length > 0)
          throw new HttpProblem(
            409,
            'cohort_in_use',
            `Cohort ${id} is the reference cohort of ${users.map((p) => `'${p.id}'`).join(', ')}: choose another reference cohort (or none) first.`,
          );
        const cohorts = draft.rows('cohorts');
        const index = cohorts.findIndex((c) => c.id === id);
        if (index < 0) throw new HttpProblem(404, 'cohort_not_found', `There is no cohort '${id}'.`);
        cohorts.splice(index, 1);
        draft.audit({ at: isoNow(ctx.clock), actor: req.caller!.username, action: 'cohort.delete', target: `cohort:${id}` });
      });
      await ctx.store.deleteDocument('cohort', id);
      forgetCohort(id);
      res.status(204).end();
    }),

    route(
      'put',
      '/api/policies/:id/reference-cohort',
      'policy.reference-cohort',
      'Choose the cohort versions are compared over before ratification (null for none); not while a version is submitted',
      async (req, res) => {
        const { cohortId } = checkReference(req);
        const policyId = String(req.params.id);
        requirePolicy(ctx.store, policyId);
        if (cohortId !== null) requireCohortRecord(ctx.store, cohortId);
        const policy = await ctx.store.transact((draft) => {
          const outcome = setReferenceCohort(
            policyState(draft, policyId),
            cohortId,
            { username: req.caller!.username },
            commitContext(draft, ctx.clock),
          );
          applyOutcome(draft, policyId, outcome);
          return outcome.policy!;
        });
        res.json(policy);
      },
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

/** The versions a cohort for this policy will be compared under: every one not withdrawn. */
function versionsOf(ctx: AppContext, policyId: string) {
  requirePolicy(ctx.store, policyId);
  return ctx.store
    .all('versions')
    .filter((v) => v.policyId === policyId && v.status !== 'withdrawn')
    .map(compiledFor);
}

function queryText(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 4000 ? value : undefined;
}

function requiredName(value: unknown): string {
  const name = queryText(value);
  if (!name || name.length > 200)
    throw new HttpProblem(422, 'validation_failed', 'A CSV cohort needs a name: add ?name=… to the URL (1 to 200 characters).', [
      { pointer: '/query/name', code: 'schema_required', message: 'give the cohort a name' },
    ]);
  return name;
}

/** The people are written first: a record is only ever added for a cohort whose people are stored. */
export async function storeCohort(
  ctx: AppContext,
  cohort: EncodedCohort,
  meta: { name: string; description: string | null; policyId: string | null; source: CohortRecord['source'] },
  actor: string,
): Promise<CohortRecord> {
  if (cohort.size === 0)
    throw new HttpProblem(422, 'cohort_empty', 'A cohort needs at least one person.', [
      { pointer: '/people', code: 'cohort_empty', message: 'add at least one person' },
    ]);
  const id = randomUUID();
  await ctx.store.putDocument('cohort', id, serializeCohort(cohort));
  const record: CohortRecord = { id, ...meta, ...describeCohort(cohort), createdAt: isoNow(ctx.clock), createdBy: actor };
  try {
    await ctx.store.transact((draft) => {
      draft.rows('cohorts').push(record);
      draft.audit({
        at: record.createdAt,
        actor,
        action: 'cohort.create',
        target: `cohort:${id}`,
        details: { name: record.name, people: record.people, source: record.source },
      });
    });
  } catch (e) {
    // No record, so no people: a failed import leaves nothing behind.
    await ctx.store.deleteDocument('cohort', id);
    throw e;
  }
  return record;
}
