import { assessmentSchema, cohortSchema, ENGINE_VERSION, policySchema, resultSchema } from '../../engine/index.js';
import transparencyRecordSchema from '../../rules/transparency-record.schema.json' with { type: 'json' };
import type { AppContext } from '../context.js';
import { HttpProblem } from '../errors.js';
import { openApiDocument } from '../openapi/document.js';
import { route, type RouteSpec } from '../route-table.js';

const SCHEMAS: Record<string, object> = {
  'policy.schema.json': policySchema,
  'assessment.schema.json': assessmentSchema,
  'result.schema.json': resultSchema,
  'cohort.schema.json': cohortSchema,
  'transparency-record.schema.json': transparencyRecordSchema,
};

export function metaRoutes(_ctx: AppContext, allRoutes: () => readonly RouteSpec[]): RouteSpec[] {
  return [
    route('get', '/api/health', 'public', 'Whether the service is up', (_req, res) => {
      res.json({ status: 'ok', engineVersion: ENGINE_VERSION });
    }),
    route('get', '/api/openapi.json', 'public', 'This API, as an OpenAPI 3.1 document', (_req, res) => {
      res.json(openApiDocument(allRoutes()));
    }),
    route(
      'get',
      '/api/schemas/:name',
      'public',
      'The JSON Schemas of a policy version, an assessment, an evaluation result, a cohort and a transparency record',
      (req, res) => {
        const name = String(req.params.name);
        const schema = Object.hasOwn(SCHEMAS, name) ? SCHEMAS[name] : undefined;
        if (!schema)
          throw new HttpProblem(
            404,
            'schema_not_found',
            `There is no schema '${req.params.name}'; there are ${Object.keys(SCHEMAS).join(', ')}.`,
          );
        res.type('application/schema+json').send(JSON.stringify(schema));
      },
    ),
  ];
}
