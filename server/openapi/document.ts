/**
 * The API as an OpenAPI 3.1 document. Every operation comes from the route table (so a route cannot
 * be missing, and its summary and access are the ones the server enforces); what the table does not
 * know — request bodies, parameters, responses — is kept in operations.ts, keyed by `${method} ${path}`.
 * Request bodies reuse the JSON Schemas that check them (schemas.ts); the policy document, the
 * assessment and the cohort document are the engine's own schemas, embedded under components.schemas.
 */

import { ENGINE_VERSION } from '../../engine/index.js';
import type { RouteSpec } from '../route-table.js';
import { components } from './components.js';
import { openApiPath, operation, tagOf } from './operation.js';
import { OPERATIONS } from './operations.js';

export function openApiDocument(routes: readonly RouteSpec[]): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    const details = OPERATIONS[`${route.method} ${path}`];
    paths[path] ??= {};
    paths[path][route.method] = operation(route, path, details);
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: 'RAS policy engine API',
      version: ENGINE_VERSION,
      description:
        'Resource Allocation System for social-care personal budgets: policy versions as data, their lifecycle and ratification, ' +
        'evaluation of assessments with a full explanation, recorded decisions and an append-only audit log, ' +
        'and scrutiny: cohorts of anonymised assessments, comparisons of versions over them, calibration to a budget. ' +
        'Errors are RFC 9457 problem details (application/problem+json). Money is in integer pence.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { ApiKey: [] }, { ApiKeyHeader: [] }],
    tags: [...new Set(routes.map((r) => tagOf(r.path)))].map((name) => ({ name })),
    paths,
    components,
  };
}
