/**
 * A list a page at a time: ?offset= (default 0) and ?limit= (at most the list's maximum). How many
 * match in all is sent in X-Total-Count, so a client can page without fetching everything.
 */

import type { Request, Response } from 'express';
import { HttpProblem } from './errors.js';

export interface PageRequest {
  offset: number;
  limit: number;
}

/** Asked for no limit, a list that allows it is served whole. */
export const WHOLE_LIST = Number.MAX_SAFE_INTEGER;

/** The page a request asks for; `defaultLimit` items when it names no limit. */
export function pageRequest(query: Request['query'], maxLimit: number, defaultLimit: number): PageRequest {
  return {
    offset: whole(query, 'offset', 0, Number.MAX_SAFE_INTEGER) ?? 0,
    limit: whole(query, 'limit', 1, maxLimit) ?? defaultLimit,
  };
}

export function sendPage(res: Response, rows: unknown[], total: number): void {
  res.set('X-Total-Count', String(total)).json(rows);
}

function whole(query: Request['query'], name: string, min: number, max: number): number | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= min && n <= max))
    throw new HttpProblem(400, 'bad_query', `The query parameter '${name}' must be a whole number from ${min} to ${max}.`, [
      {
        pointer: `/query/${name}`,
        code: 'bad_query',
        message: `must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`,
      },
    ]);
  return n;
}
