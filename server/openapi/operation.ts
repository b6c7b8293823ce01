/** One route of the route table as an OpenAPI operation: its parameters, body, and every response it can give. */

import { bodyKindOf, DEFAULT_JSON_LIMIT, type RouteSpec, rolesOf } from '../route-table.js';
import { ROLES } from '../store/records.js';
import { ref, string, type Schema } from './json-schema.js';

export type Status = 200 | 201 | 202 | 204 | 400 | 401 | 403 | 404 | 408 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 431 | 500;

export interface Parameter {
  name: string;
  in: 'query' | 'header';
  required?: boolean;
  description: string;
  schema: Schema;
}

export interface Operation {
  body?: Schema;
  /** The body may also be sent as these media types (besides application/json, when `body` is given). */
  bodyTypes?: Record<string, Schema>;
  params?: Parameter[];
  /** The success response: status, and its schema (none for 204). */
  ok: [Status, Schema?];
  /** Response headers on success. */
  okHeaders?: Record<string, string>;
  /** A second success response, when the operation has two outcomes (a job accepted or finished; a result saved or not). */
  alsoOk?: { status: Status; description: string; schema: Schema; headers?: Record<string, string> };
  /** What the main success response means, when there is a second one. */
  okDescription?: string;
  /** Problems this operation can answer with, besides the ones every operation of its kind can. */
  problems?: Partial<Record<Status, string>>;
  /** Another media type for the success body. */
  okType?: string;
}

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

export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:(\w+)/g, '{$1}');
}

export function operation(route: RouteSpec, path: string, details: Operation | undefined): object {
  const d: Operation = details ?? { ok: [200] };
  const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  const takesBody = bodyKindOf(route) !== 'none';
  const [okStatus, okSchema] = d.ok;

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

  const headers = (named: Record<string, string> | undefined) =>
    named
      ? { headers: Object.fromEntries(Object.entries(named).map(([name, description]) => [name, { description, schema: string }])) }
      : {};
  const responses: Record<string, object> = {
    [okStatus]: {
      description: d.okDescription ?? (okStatus === 204 ? 'Done; no content.' : 'Success.'),
      ...headers(d.okHeaders),
      ...(okSchema ? { content: { [d.okType ?? 'application/json']: { schema: okSchema } } } : {}),
    },
  };
  if (d.alsoOk) {
    responses[d.alsoOk.status] = {
      description: d.alsoOk.description,
      ...headers(d.alsoOk.headers),
      content: { 'application/json': { schema: d.alsoOk.schema } },
    };
  }
  for (const status of Object.keys(problems)
    .map(Number)
    .sort((a, b) => a - b)) {
    responses[status] = {
      description: problems[status],
      ...(status === 429 ? headers({ 'Retry-After': 'Seconds until another attempt will be considered.' }) : {}),
      content: { 'application/problem+json': { schema: ref('Problem') } },
    };
  }

  return {
    operationId: operationId(route.method, path),
    summary: route.summary,
    tags: [tagOf(route.path)],
    ...(route.access === 'public' ? { security: [] } : {}),
    'x-access': guarded ? 'roles' : route.access,
    ...(guarded ? { 'x-permission': route.access } : {}),
    'x-roles': [...rolesOf(route.access, ROLES)],
    ...(pathParams.length + (d.params?.length ?? 0) > 0 ? { parameters: [...pathParams, ...(d.params ?? [])] } : {}),
    ...(d.body ? { requestBody: { required: true, content: { 'application/json': { schema: d.body }, ...mediaTypes(d.bodyTypes) } } } : {}),
    responses,
  };
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
