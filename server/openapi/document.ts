/**
 * The API as an OpenAPI 3.1 document. Every operation comes from the route table (so a route cannot
 * be missing, and its summary and access are the ones the server enforces), with the body it takes and
 * the answers it gives on success; what the table does not know — extra parameters, the problems an
 * operation answers with — is kept in operations.ts, keyed by `${method} ${path}`. Request bodies reuse
 * the JSON Schemas that check them (server/http/request-schemas.ts); the policy document, the
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
    tags: [...new Set(routes.map((r) => tagOf(r.path)))].map((name) => ({ name, description: tagDescription(name) })),
    paths,
    components,
  };
}

/** What each group of operations is for; a group without words here is a mistake the document's tests find. */
const TAGS: Record<string, string> = {
  health: 'Whether the service is up, for load balancers and monitoring.',
  'openapi.json': 'This document.',
  schemas: 'The JSON Schemas of the policy document, the assessment, the result, the cohort and the transparency record.',
  auth: 'Signing in and out, one-time codes, and the caller: who they are, what they may do, their account history.',
  setup: 'The first admin of a new installation, made with the code the server prints at its first start.',
  users: 'Accounts, roles, API keys and one-time codes; changes that give power wait for a second admin.',
  policies: 'Schemes and their versions: drafting, checking, submitting, ratifying, withdrawing, and evaluating assessments.',
  versions: "Every scheme's versions in one list, sorted, searched, filtered and paged (a version's own operations are under policies).",
  decisions: 'Indicative budgets recorded for a person, replayed exactly, and the final budget agreed after support planning.',
  audit: 'The append-only record of every change, and its verification from disk.',
  cohorts: 'Anonymised assessments, imported or generated, for scrutiny.',
  comparisons: 'Versions compared over a cohort: who gains, who loses, what it costs; and calibration to a budget.',
  public: 'What the public may read without signing in: the ratified versions, and their transparency records.',
};

function tagDescription(name: string): string {
  const words = TAGS[name];
  if (!words) throw new Error(`The tag ${name} has no description: add it to TAGS`);
  return words;
}
