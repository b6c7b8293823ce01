/** One route of the route table as an OpenAPI operation: its parameters, body, and every response it can give. */

import { type Answer, type AnswerSchema, bodyKindOf, DEFAULT_JSON_LIMIT, type RouteSpec, rolesOf } from '../route-table.js';
import { ROLES } from '../store/records.js';
import { arrayOf, ref, string, type Schema } from '../domain/json-schema.js';

export type Status = 200 | 201 | 202 | 204 | 400 | 401 | 403 | 404 | 408 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 431 | 500;

export interface Parameter {
  name: string;
  in: 'query' | 'header';
  required?: boolean;
  deprecated?: boolean;
  description: string;
  schema: Schema;
}

/** What the route table does not say of an operation; its success answers are the route's. */
export interface Operation {
  /** The body may also be sent as these media types (besides application/json, when the route takes a body). */
  bodyTypes?: Record<string, Schema>;
  params?: Parameter[];
  /** Problems this operation can answer with, besides the ones every operation of its kind can. */
  problems?: Partial<Record<Status, string>>;
  /** What the operation does beyond its summary: when to use it, and what it changes. */
  description?: string;
}

/** The parameters in paths, by name: one name, one meaning, one example across the API. */
const PATH_PARAMETERS: Record<string, { description: string; example: string; schema?: Schema }> = {
  id: { description: "The scheme's id, as in its policy documents' `id`.", example: 'adult-ras', schema: ref('Slug') },
  version: {
    description: "The version's name within its scheme, as in its policy document's `version`.",
    example: '2010-revised',
    schema: ref('Slug'),
  },
  userId: { description: "The account's id, from GET /api/users.", example: '3f0c2a9e-6b1d-4c53-9a51-0c2f3b7d8e41' },
  keyId: { description: "The API key's id: the part between `ras_` and the second `_` of the key.", example: '5d41402abc4b' },
  decisionId: { description: "The decision's id, from POST /api/decisions.", example: '9b2e7c1a-4f3d-4e8a-b6c5-2d1f0a9e8b7c' },
  cohortId: { description: "The cohort's id, from GET /api/cohorts.", example: 'c7d1e2f3-0a4b-4c5d-8e6f-7a8b9c0d1e2f' },
  comparisonId: { description: "The comparison's id, from POST /api/comparisons.", example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' },
  name: { description: 'The file name of one of the schemas.', example: 'policy.schema.json' },
};

/**
 * express-rate-limit's headers (IETF draft 8), on every answer of a route that limits failed attempts:
 * one field per limit (by address, and by account where there is one).
 */
const RATE_LIMIT_HEADERS = {
  RateLimit: 'For each limit, the failed attempts remaining and the seconds until the window resets, e.g. "10-in-15min"; r=9; t=900.',
  'RateLimit-Policy': 'For each limit, the failed attempts allowed (q) in a window of w seconds, e.g. "10-in-15min"; q=10; w=900.',
};

const REASONS: Record<number, string> = {
  400: 'The body is not valid JSON, a path segment cannot be decoded, or a query parameter is malformed.',
  401: 'No credentials, or the credentials sent are malformed, unknown, expired or revoked.',
  403: 'The caller does not have a role this operation needs.',
  404: 'Not found.',
  409: 'Conflict with the current state.',
  412: 'Precondition failed.',
  408: 'The request took too long to arrive (headers within 30 seconds, the whole request within 5 minutes).',
  413: 'The body is larger than this operation accepts.',
  415: 'A body was sent that is not JSON (Content-Type must be application/json), or in an unsupported charset or encoding.',
  422: 'The body is well-formed JSON but invalid: it does not fit the schema, nests more than 64 levels deep, or holds text that is not well-formed Unicode (a lone surrogate).',
  428: 'Precondition required.',
  429: 'Too many failed attempts: Retry-After gives the seconds to wait.',
  431: 'The request headers are larger than the server accepts (16 KiB in all).',
  500: 'Something unexpected went wrong; it is logged without the request data.',
};

function pathParameter(name: string): object {
  const known = PATH_PARAMETERS[name];
  if (!known) throw new Error(`The path parameter ${name} has no description: add it to PATH_PARAMETERS`);
  const { description, example, schema = string } = known;
  return { name, in: 'path', required: true, description, example, schema };
}

/** The operation's own description, then who may call it, as the route table enforces it. */
function description(route: RouteSpec, d: Operation): string {
  const who =
    route.access === 'public'
      ? 'Public: no credentials needed.'
      : route.access === 'signed-in'
        ? 'Any signed-in caller, by session or API key.'
        : `Needs the permission \`${route.access}\`, which ${listed(rolesOf(route.access, ROLES))} ${rolesOf(route.access, ROLES).length === 1 ? 'has' : 'have'}.`;
  return [d.description, who].filter(Boolean).join('\n\n');
}

function listed(roles: readonly string[]): string {
  return roles.length <= 1 ? (roles[0] ?? 'no role') : `${roles.slice(0, -1).join(', ')} and ${roles.at(-1)}`;
}

export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:(\w+)/g, '{$1}');
}

export function operation(route: RouteSpec, path: string, details: Operation | undefined): object {
  const d: Operation = details ?? {};
  const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => pathParameter(name!));
  const takesBody = bodyKindOf(route) !== 'none';

  const problems: Partial<Record<number, string>> = { 400: REASONS[400] };
  if (route.access !== 'public') problems[401] = REASONS[401];
  else problems[401] = 'Credentials were sent but are malformed, unknown, expired or revoked (they are checked even here).';
  const guarded = route.access !== 'public' && route.access !== 'signed-in';
  if (guarded) problems[403] = REASONS[403];
  if (takesBody)
    Object.assign(problems, {
      413: `${REASONS[413]} (${megabytes(route.bodyLimit ?? DEFAULT_JSON_LIMIT)} here).`,
      415: REASONS[415],
      422: REASONS[422],
    });
  if (route.before?.length) problems[429] = REASONS[429];
  Object.assign(problems, { 408: REASONS[408], 431: REASONS[431], 500: REASONS[500] });
  for (const [status, why] of Object.entries(d.problems ?? {})) {
    const code = Number(status);
    problems[code] = problems[code] && code === 403 ? `${problems[code]} Or: ${why}` : code === 400 ? `${REASONS[400]} ${why}` : why;
  }

  const limited = Boolean(route.before?.length);
  const headers = (named: Record<string, string> | undefined) => {
    const all = { ...named, ...(limited ? RATE_LIMIT_HEADERS : {}) };
    return Object.keys(all).length > 0
      ? { headers: Object.fromEntries(Object.entries(all).map(([name, description]) => [name, { description, schema: string }])) }
      : {};
  };
  const success = (answer: Answer) => ({
    description: answer.description ?? (answer.status === 204 ? 'Done; no content.' : 'Success.'),
    ...headers(answer.headers),
    ...(answer.schema ? { content: { [answer.type ?? 'application/json']: { schema: schemaOf(answer.schema) } } } : {}),
  });
  const { also, ...answer } = route.answers;
  const responses: Record<string, object> = { [answer.status]: success(answer) };
  if (also) responses[also.status] = success(also);
  for (const status of Object.keys(problems)
    .map(Number)
    .sort((a, b) => a - b)) {
    responses[status] = {
      description: problems[status],
      ...headers(status === 429 ? { 'Retry-After': 'Seconds until another attempt will be considered.' } : undefined),
      content: { 'application/problem+json': { schema: ref('Problem') } },
    };
  }

  return {
    operationId: operationId(route.method, path),
    summary: route.summary,
    description: description(route, d),
    tags: [tagOf(route.path)],
    ...(route.access === 'public' ? { security: [] } : {}),
    'x-access': guarded ? 'roles' : route.access,
    ...(guarded ? { 'x-permission': route.access } : {}),
    'x-roles': [...rolesOf(route.access, ROLES)],
    ...(pathParams.length + (d.params?.length ?? 0) > 0 ? { parameters: [...pathParams, ...(d.params ?? [])] } : {}),
    ...(route.takes
      ? { requestBody: { required: true, content: { 'application/json': { schema: ref(route.takes) }, ...mediaTypes(d.bodyTypes) } } }
      : {}),
    responses,
  };
}

function schemaOf(answer: AnswerSchema): Schema {
  if (typeof answer === 'string') return ref(answer);
  if ('inline' in answer) return answer.inline;
  const list = arrayOf(ref(answer.listOf));
  return answer.maxItems === undefined ? list : { ...list, maxItems: answer.maxItems };
}

function mediaTypes(types: Record<string, Schema> | undefined): Record<string, { schema: Schema }> {
  return Object.fromEntries(Object.entries(types ?? {}).map(([type, schema]) => [type, { schema }]));
}

export function tagOf(path: string): string {
  return path.split('/')[2] ?? 'api';
}

function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '')
    .split(/[/{}.-]+/)
    .filter(Boolean);
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MiB`;
}
