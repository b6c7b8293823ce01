import { ENGINE_VERSION } from '../../engine/index.js';
import type { AppContext } from '../context.js';
import { HttpProblem } from '../http/errors.js';
import { openApiDocument } from '../openapi/document.js';
import { SERVED_SCHEMAS, servedSchema } from '../openapi/engine-components.js';
import { route, type RouteSpec } from '../route-table.js';

export function metaRoutes(_ctx: AppContext, allRoutes: () => readonly RouteSpec[]): RouteSpec[] {
  return [
    route(
      'get',
      '/api/health',
      'public',
      'Whether the service is up',
      (_req, res) => {
        res.json({ status: 'ok', engineVersion: ENGINE_VERSION });
      },
      { answers: { status: 200, schema: 'Health' } },
    ),
    route(
      'get',
      '/api/openapi.json',
      'public',
      'This API, as an OpenAPI 3.1 document',
      (_req, res) => {
        res.json(openApiDocument(allRoutes()));
      },
      {
        answers: {
          status: 200,
          schema: {
            inline: {
              type: 'object',
              description: 'An OpenAPI 3.1 document (https://spec.openapis.org/oas/3.1/schema/2022-10-07).',
              required: ['openapi', 'info', 'paths'],
              properties: {
                openapi: { const: '3.1.0' },
                info: { type: 'object', additionalProperties: {} },
                paths: { type: 'object', additionalProperties: {} },
              },
            },
          },
        },
      },
    ),
    route(
      'get',
      '/api/schemas/:name',
      'public',
      'The JSON Schemas of a policy version, an assessment, an evaluation result, a cohort and a transparency record',
      (req, res) => {
        const name = String(req.params.name);
        const schema = servedSchema(name);
        if (!schema)
          throw new HttpProblem(
            404,
            'schema_not_found',
            `There is no schema '${req.params.name}'; there are ${SERVED_SCHEMAS.join(', ')}.`,
          );
        res.type('application/schema+json').send(JSON.stringify(schema));
      },
      { answers: { status: 200, schema: { inline: { type: 'object' } }, type: 'application/schema+json' } },
    ),
  ];
}
