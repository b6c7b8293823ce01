import { AssessmentInvalidError, evaluate, type EvaluationResult, isIsoDate } from '../../engine/index.js';
import type { AppContext } from '../context.js';
import { fromIssues, HttpProblem, problem, underPointer } from '../http/errors.js';
import { versionInForce } from '../domain/in-force.js';
import { asOfQuery } from '../http/query.js';
import { route, type RouteSpec } from '../route-table.js';
import type { VersionRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { compiledFor, requirePolicy, requireVersion } from '../services/versions.js';

export function evaluateRoutes(ctx: AppContext): RouteSpec[] {
  const byDate = (req: { params: Record<string, string | string[]> }, assessment: unknown) =>
    versionForAssessment(ctx.store, String(req.params.id), assessment);
  const byVersion = (req: { params: Record<string, string | string[]> }) =>
    requireVersion(ctx.store, String(req.params.id), String(req.params.version));

  return [
    route(
      'post',
      '/api/policies/:id/evaluate',
      'assessment.evaluate',
      'Evaluate an assessment with the version in force on its assessment date',
      (req, res, assessment) => {
        const asOf = asOfQuery(req.query);
        res.json(evaluateWith(byDate(req, assessment), assessment, asOf));
      },
      { takes: 'Assessment', answers: { status: 200, schema: 'EvaluationResult' } },
    ),

    route(
      'post',
      '/api/policies/:id/versions/:version/evaluate',
      'assessment.evaluate',
      'Evaluate an assessment with one named version, whatever its status',
      (req, res, assessment) => {
        res.json(evaluateWith(byVersion(req), assessment, asOfQuery(req.query)));
      },
      { takes: 'Assessment', answers: { status: 200, schema: 'EvaluationResult' } },
    ),

    route(
      'post',
      '/api/policies/:id/evaluate-batch',
      'assessment.evaluate',
      'Evaluate many assessments, each with the version in force on its date',
      (req, res, body) => {
        const { assessments } = body;
        requirePolicy(ctx.store, String(req.params.id));
        const asOf = asOfQuery(req.query);
        res.json({ results: batch(assessments, (a) => evaluateWith(byDate(req, a), a, asOf)) });
      },
      { takes: 'BatchRequest', answers: { status: 200, schema: 'BatchResult' } },
    ),

    route(
      'post',
      '/api/policies/:id/versions/:version/evaluate-batch',
      'assessment.evaluate',
      'Evaluate many assessments with one named version',
      (req, res, body) => {
        const { assessments } = body;
        const version = byVersion(req);
        const asOf = asOfQuery(req.query);
        res.json({ results: batch(assessments, (a) => evaluateWith(version, a, asOf)) });
      },
      { takes: 'BatchRequest', answers: { status: 200, schema: 'BatchResult' } },
    ),
  ];
}

export function evaluateWith(version: VersionRecord, assessment: unknown, asOf: string | undefined): EvaluationResult {
  return evaluate(compiledFor(version), assessment, asOf ? { asOf } : {});
}

/** The version in force on the assessment's own date; the date is checked before anything else. */
export function versionForAssessment(store: Store, policyId: string, assessment: unknown): VersionRecord {
  requirePolicy(store, policyId);
  const date = (assessment as { assessmentDate?: unknown } | null)?.assessmentDate;
  if (!isIsoDate(date)) {
    throw new AssessmentInvalidError([
      {
        code: 'schema_format',
        path: '/assessmentDate',
        severity: 'error',
        message: `'assessmentDate' must be a real date written YYYY-MM-DD (got ${JSON.stringify(date ?? null)})`,
        params: {},
      },
    ]);
  }
  const version = versionInForce(store.all('versions'), policyId, date);
  if (!version)
    throw new HttpProblem(422, 'none_in_force', `No version of '${policyId}' is in force on ${date}.`, [
      { pointer: '/assessmentDate', code: 'none_in_force', message: `no ratified version is in force on ${date}` },
    ]);
  return version;
}

/** Each item succeeds or fails on its own; a failure is a problem document with pointers into that item. */
function batch(assessments: unknown[], one: (a: unknown) => EvaluationResult) {
  const results = [];
  for (const [index, assessment] of assessments.entries()) {
    try {
      results.push({ index, ok: true as const, result: one(assessment) });
    } catch (e) {
      const moved = underPointer(e, `/assessments/${index}`);
      if (moved instanceof AssessmentInvalidError)
        results.push({
          index,
          ok: false as const,
          problem: problem(422, 'assessment_invalid', 'The assessment does not fit this policy version.', fromIssues(moved.issues)),
        });
      else if (moved instanceof HttpProblem) results.push({ index, ok: false as const, problem: moved.toJSON() });
      else throw e;
    }
  }
  return results;
}
