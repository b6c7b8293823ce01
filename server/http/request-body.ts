/**
 * Request bodies are read only after the caller is known and allowed (route-table.ts mounts these after
 * the access check), with a size limit per route. JSON is then checked for what no schema can say:
 * nesting deeper than any real document, and text that is not well-formed Unicode (a lone surrogate
 * cannot be stored or hashed faithfully). Cohort uploads, which may be large, go to a file instead of
 * memory, and are parsed off the main thread.
 */

import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import express, { type Request, type RequestHandler } from 'express';
import { isWellFormed, jsonShapeIssue } from '../../engine/index.js';
import { fromIssues, HttpProblem } from './errors.js';

export type BodyKind = 'none' | 'json' | 'upload';

export interface Upload {
  file: string;
  bytes: number;
  /** The media type the client declared, without parameters. */
  type: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    upload?: Upload;
  }
}

const JSON_TYPES = ['application/json', 'application/*+json'];

/** The handlers that read a route's body, if it has one: two, the fewer steps each request takes. */
export function bodyReaders(kind: BodyKind, limitBytes: number, uploadDir: string, uploadTypes: readonly string[] = []): RequestHandler[] {
  switch (kind) {
    case 'none':
      return [];
    case 'json': {
      const parse = express.json({ limit: limitBytes, strict: true, type: JSON_TYPES });
      return [
        admit(JSON_TYPES, limitBytes),
        (req, res, next) => parse(req, res, (err?: unknown) => (err ? next(err) : checkJsonShape(req, res, next))),
      ];
    }
    case 'upload':
      return [admit([...JSON_TYPES, ...uploadTypes], limitBytes), streamToFile(uploadDir, limitBytes)];
  }
}

/** A body is read only if it is of a type the route reads and declares no more bytes than its limit. */
function admit(types: readonly string[], limitBytes: number): RequestHandler {
  return (req, res, next) => {
    const refusal = unreadableType(req, types) ?? declaredOverLimit(req, limitBytes);
    // The rest of an over-size body is not wanted: the connection closes after the answer.
    if (refusal?.status === 413) res.set('Connection', 'close');
    next(refusal);
  };
}

function hasBody(req: Request): boolean {
  return (
    (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0') || req.headers['transfer-encoding'] !== undefined
  );
}

/** A body that is not of a type the route reads is refused up front, instead of being read as "no body". */
function unreadableType(req: Request, types: readonly string[]): HttpProblem | undefined {
  if (!hasBody(req) || req.is(types as string[])) return undefined;
  return new HttpProblem(
    415,
    'unsupported_media_type',
    `Send the body as ${types.filter((t) => !t.includes('*')).join(' or ')} (got ${req.headers['content-type'] ?? 'no Content-Type'}).`,
  );
}

/**
 * A body whose Content-Length is over the limit is refused before a byte of it is read, and the
 * connection closed: the client need not send, nor the server drain, megabytes that will be thrown away.
 */
function declaredOverLimit(req: Request, limitBytes: number): HttpProblem | undefined {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) && declared > limitBytes ? tooLarge(limitBytes) : undefined;
}

function tooLarge(limitBytes: number): HttpProblem {
  return new HttpProblem(413, 'body_too_large', `The request body is larger than the limit of ${limitBytes} bytes.`);
}

/** Depth and Unicode, checked without recursion before anything else walks the body. */
const checkJsonShape: RequestHandler = (req, _res, next) => {
  const issue = jsonShapeIssue(req.body);
  next(issue ? new HttpProblem(422, issue.code, `The request body is invalid: ${issue.message}.`, fromIssues([issue])) : undefined);
};

/** A query parameter's text must be well-formed Unicode too. */
export function wellFormedQuery(name: string, value: string): string {
  if (!isWellFormed(value))
    throw new HttpProblem(
      422,
      'not_unicode',
      `The query parameter '${name}' is not well-formed Unicode (a lone surrogate): send UTF-8 text.`,
      [{ pointer: `/query/${name}`, code: 'not_unicode', message: 'holds text that is not well-formed Unicode (a lone surrogate)' }],
    );
  return value;
}

/**
 * The body, within its limit, to a file of its own: a large cohort never sits in memory as one string,
 * and a body over the limit is cut off (413) as soon as it passes it, its file removed.
 */
function streamToFile(dir: string, limitBytes: number): RequestHandler {
  return (req, res, next) => {
    const file = join(dir, `${randomUUID()}.upload`);
    const out = createWriteStream(file, { mode: 0o600 });
    let bytes = 0;
    let failed = false;
    const fail = (problem: HttpProblem) => {
      if (failed) return;
      failed = true;
      req.unpipe(out);
      out.destroy();
      void rm(file, { force: true });
      // The rest of an over-size body is not wanted: drop it, and the connection after the answer.
      req.resume();
      if (!res.headersSent) res.set('Connection', 'close');
      next(problem);
    };
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limitBytes)
        fail(new HttpProblem(413, 'body_too_large', `The request body is larger than the limit of ${limitBytes} bytes.`));
    });
    req.on('aborted', () => fail(new HttpProblem(400, 'request_aborted', 'The request was aborted.')));
    out.on('error', () => fail(new HttpProblem(500, 'internal_error', 'The upload could not be stored.')));
    out.on('finish', () => {
      if (failed) return;
      req.upload = {
        file,
        bytes,
        type: String(req.headers['content-type'] ?? '')
          .split(';')[0]!
          .trim()
          .toLowerCase(),
      };
      // Whatever the handler does, the upload's file goes when the response is done.
      res.on('close', () => void rm(file, { force: true }));
      next();
    });
    req.pipe(out);
  };
}
