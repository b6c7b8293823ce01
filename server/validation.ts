import type { Request } from 'express';
import { schemaValidator } from '../engine/index.js';
import { unprocessable } from './errors.js';

/** Checks a request body against a JSON Schema; a 422 problem lists every issue at its pointer. */
export function bodyChecker<T>(schema: object): (req: Request) => T {
  const check = schemaValidator(schema);
  return (req) => {
    const issues = check(req.body);
    if (issues.length > 0) throw unprocessable('The request body is invalid.', issues);
    return req.body as T;
  };
}
