/**
 * Errors as RFC 9457 problem details. Handlers throw; the one error middleware here turns typed errors
 * into problem documents, and anything unexpected into an opaque 500 logged without request data.
 */

import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AssessmentInvalidError, PolicyInvalidError, type Issue } from '../../engine/index.js';
import { DomainError, type DomainErrorKind } from '../domain/errors.js';
import type { Logger } from '../logger.js';

export interface ProblemError {
  /** JSON Pointer into the request body (or '/query/<name>' for a query parameter). */
  pointer: string;
  code: string;
  message: string;
  /** What the check found, for a reader to word it: a schema check's keyword and limit, a semantic check's figures. */
  params?: Record<string, unknown>;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: ProblemError[];
  warnings?: ProblemError[];
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'Request timeout',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Request body too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
  431: 'Request headers too large',
  500: 'Internal server error',
};

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly errors: ProblemError[] = [],
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }

  toJSON(): Problem {
    return problem(this.status, this.code, this.message, this.errors);
  }
}

export function problem(status: number, code: string, detail: string, errors: ProblemError[] = [], warnings: ProblemError[] = []): Problem {
  return {
    type: `/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(errors.length > 0 ? { errors } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

export function fromIssues(issues: readonly Issue[], prefix = ''): ProblemError[] {
  return issues.map((i) => ({ pointer: prefix + i.path, code: i.code, message: i.message, ...(i.params ? { params: i.params } : {}) }));
}

/** 422 with every issue, each at its JSON Pointer within the request body. */
export function unprocessable(detail: string, issues: readonly Issue[], prefix = ''): HttpProblem {
  return new HttpProblem(
    422,
    'validation_failed',
    detail,
    fromIssues(
      issues.filter((i) => i.severity === 'error'),
      prefix,
    ),
  );
}

/**
 * The same error, with every pointer moved under `prefix`: for a document or assessment that sits
 * inside a larger request body (/document, /assessment, /assessments/3). Other errors pass unchanged.
 */
export function underPointer(e: unknown, prefix: string): unknown {
  if (e instanceof DomainError)
    return new DomainError(
      e.kind,
      e.code,
      e.message,
      e.pointer === undefined ? undefined : prefix + e.pointer,
      e.fields.map((f) => ({ ...f, pointer: prefix + f.pointer })),
    );
  if (e instanceof AssessmentInvalidError) return new AssessmentInvalidError(e.issues.map((i) => ({ ...i, path: prefix + i.path })));
  if (e instanceof HttpProblem)
    return new HttpProblem(
      e.status,
      e.code,
      e.message,
      e.errors.map((x) => ({ ...x, pointer: prefix + x.pointer })),
    );
  return e;
}

export const notFoundRoute: RequestHandler = (req, _res, next) => {
  next(new HttpProblem(404, 'route_not_found', `no such route: ${req.method} ${req.originalUrl.split('?')[0]}`));
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const body = toProblem(err);
    if (body.status >= 500)
      logger.error('request failed', { method: req.method, route: req.route?.path ?? req.path, error: describe(err) });
    if (res.headersSent) return;
    res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  };
}

const DOMAIN_STATUS: Record<DomainErrorKind, number> = {
  unauthenticated: 401,
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  'precondition-failed': 412,
  'precondition-required': 428,
  invalid: 422,
};

function toProblem(err: unknown): Problem {
  if (err instanceof HttpProblem) return err.toJSON();
  if (err instanceof DomainError)
    return problem(DOMAIN_STATUS[err.kind], err.code, err.message, [
      ...(err.pointer === undefined ? [] : [{ pointer: err.pointer, code: err.code, message: err.message }]),
      ...err.fields,
    ]);
  if (err instanceof PolicyInvalidError)
    return problem(422, 'policy_invalid', 'The policy document is invalid.', fromIssues(err.issues.filter((i) => i.severity === 'error')));
  if (err instanceof AssessmentInvalidError)
    return problem(422, 'assessment_invalid', 'The assessment does not fit this policy version.', fromIssues(err.issues));
  const bodyError = bodyParserProblem(err);
  if (bodyError) return bodyError;
  return problem(500, 'internal_error', "Something went wrong on the server. It has been logged without the request's data.");
}

/** express.json()'s own errors: malformed JSON, an over-size body, an unsupported charset. */
function bodyParserProblem(err: unknown): Problem | null {
  const e = err as { type?: string; status?: number; message?: string; limit?: number };
  switch (e?.type) {
    case 'entity.parse.failed':
      return problem(400, 'malformed_json', `The request body is not valid JSON: ${e.message}`, [
        { pointer: '', code: 'malformed_json', message: e.message ?? 'invalid JSON' },
      ]);
    case 'entity.too.large':
      return problem(413, 'body_too_large', `The request body is larger than the limit of ${e.limit} bytes.`);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return problem(415, 'unsupported_encoding', e.message ?? 'Unsupported encoding.');
    case 'request.aborted':
      return problem(400, 'request_aborted', 'The request was aborted.');
    default:
      return typeof e?.status === 'number' && e.status >= 400 && e.status < 500
        ? problem(e.status, 'bad_request', e.message ?? 'Bad request.')
        : null;
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}\n${err.stack ?? ''}` : String(err);
}
